// Command-line parsing for the athena-local launcher.
import { parseArgs } from 'node:util';
import { parseCatalogSpec, CatalogError } from './catalogs.js';

export const USAGE = `usage: athena-local [--host 127.0.0.1] [--port N|0] [--port-file FILE] [--data DIR]
                    [--latency PROFILE] [--faults SPEC] [--credential-lifetime SECONDS]
                    [--ecs-token TOKEN] [--sso-token TOKEN]... [--catalog NAME=KIND]...
                    [--tls-cert FILE --tls-key FILE]
       athena-local gen-catalog DIR [--database NAME] [--tables N] [--columns N] [--rows N]

  --host HOST                 address to bind (default 127.0.0.1: loopback only)
  --port N                    port to listen on; 0 picks a free one (default 0)
  --port-file FILE            write the chosen port to FILE once listening
  --data DIR                  mount DIR: each subfolder a database, each .csv/.parquet/.json file a table
  --latency PROFILE           none | aws | slow | a fault SPEC holding latency rules
  --faults SPEC               fault injection, JSON or compact form (see README.md)
  --credential-lifetime SECS  lifetime of issued temporary credentials (default 900)
  --ecs-token TOKEN           Authorization value the ECS endpoint accepts
                              (default $ATHENA_LOCAL_ECS_TOKEN or athena-local-ecs-token)
  --sso-token TOKEN           SSO access token the portal endpoint accepts (repeatable;
                              default $ATHENA_LOCAL_SSO_TOKENS or athena-local-sso-token)
  --catalog NAME=KIND         declare a data catalog besides AwsDataCatalog (repeatable); KIND:
                              glue (lists AwsDataCatalog's databases), lambda-fail (its Lambda
                              fails), lambda-denied (its Lambda may not be invoked), denied
                              (AccessDeniedException)
  --tls-cert FILE             serve HTTPS with this PEM certificate (chain) ...
  --tls-key FILE              ... and this PEM private key (both or neither)
  --tls-max VERSION           highest TLS version offered (TLSv1, TLSv1.1, TLSv1.2, TLSv1.3):
                              TLSv1.1 or below lets a test prove its client refuses old TLS
  -h, --help                  this text

  gen-catalog writes DIR/NAME/t0000.csv ... (default bigcat, 2000 tables, 10 columns, 2 rows)
  for --data DIR.`;

export class UsageError extends Error {}

export function parseCli(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        host: { type: 'string', default: '127.0.0.1' },
        port: { type: 'string', default: '0' },
        'port-file': { type: 'string' },
        data: { type: 'string' },
        latency: { type: 'string' },
        faults: { type: 'string' },
        'credential-lifetime': { type: 'string', default: '900' },
        'ecs-token': { type: 'string' },
        'sso-token': { type: 'string', multiple: true },
        catalog: { type: 'string', multiple: true },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
        'tls-max': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (e) {
    throw new UsageError(e.message);
  }
  const v = parsed.values;
  const port = Number(v.port);
  if (!/^\d+$/.test(v.port) || port > 65535) throw new UsageError(`--port: expected 0..65535, got "${v.port}"`);
  const lifetime = Number(v['credential-lifetime']);
  if (!/^\d+$/.test(v['credential-lifetime']) || lifetime < 1) {
    throw new UsageError(`--credential-lifetime: expected a positive number of seconds, got "${v['credential-lifetime']}"`);
  }
  if (!v['tls-cert'] !== !v['tls-key']) throw new UsageError('--tls-cert and --tls-key go together');
  if (v['tls-max'] && !['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'].includes(v['tls-max'])) {
    throw new UsageError(`--tls-max: expected TLSv1, TLSv1.1, TLSv1.2 or TLSv1.3, got "${v['tls-max']}"`);
  }
  let catalogs;
  try {
    catalogs = (v.catalog ?? []).flatMap(parseCatalogSpec);
  } catch (e) {
    if (e instanceof CatalogError) throw new UsageError(`--catalog: ${e.message}`);
    throw e;
  }
  return {
    help: v.help,
    host: v.host,
    port,
    portFile: v['port-file'],
    dataDir: v.data,
    latency: v.latency,
    faults: v.faults,
    credentialLifetime: lifetime,
    ecsToken: v['ecs-token'],
    ssoTokens: v['sso-token'],
    catalogs,
    tlsCert: v['tls-cert'],
    tlsKey: v['tls-key'],
    tlsMax: v['tls-max'],
  };
}
