// Entry point of the athena-local launcher: parse flags, start the service, print
// "athena-local listening on http://HOST:PORT" as the first stdout line, and exit cleanly
// on SIGTERM/SIGINT.
import { writeFileSync, renameSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCli, USAGE, UsageError } from './cli.js';
import { startAthenaLocal } from './app.js';
import { FaultSpecError } from './faults.js';
import { genCatalogMain } from './gen-catalog.js';

export { startAthenaLocal };

export async function main(argv) {
  if (argv[0] === 'gen-catalog') return genCatalogMain(argv.slice(1));
  let opts;
  try {
    opts = parseCli(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`athena-local: ${e.message}\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
  if (opts.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const startOpts = { ...opts };
  for (const k of Object.keys(startOpts)) if (startOpts[k] === undefined) delete startOpts[k];
  if (process.env.ATHENA_LOCAL_ENGINE_MODULE) {
    // Development seam only: run against another implementation of the engine interface.
    startOpts.engineModule = new URL(process.env.ATHENA_LOCAL_ENGINE_MODULE, `file://${process.cwd()}/`).href;
  }
  // Signals are handled from the start, so one that arrives during startup still ends the
  // process cleanly once the service exists.
  let service;
  let stopRequested = false;
  let wake = () => {};
  const onSignal = () => {
    stopRequested = true;
    wake();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  try {
    service = await startAthenaLocal(startOpts);
  } catch (e) {
    if (e instanceof FaultSpecError) {
      process.stderr.write(`athena-local: --faults/--latency: ${e.message}\n`);
      return 2;
    }
    if (e?.code === 'EADDRINUSE' || e?.code === 'EACCES' || e?.code === 'EADDRNOTAVAIL') {
      process.stderr.write(`athena-local: cannot listen on ${opts.host}:${opts.port}: ${e.code}\n`);
      return 1;
    }
    throw e;
  }
  if (opts.portFile) {
    const tmp = `${opts.portFile}.tmp${process.pid}`;
    writeFileSync(tmp, `${service.port}\n`);
    renameSync(tmp, opts.portFile);
  }
  process.stdout.write(`athena-local listening on ${service.url}\n`);

  if (!stopRequested) await new Promise((resolve) => { wake = resolve; });
  // Never linger: the process is gone within a second whatever the engine does.
  setTimeout(() => process.exit(0), 900).unref();
  await service.close().catch(() => {});
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
    if (code !== 0) process.exit(code);
  }, (e) => {
    process.stderr.write(`athena-local: ${e?.stack ?? e}\n`);
    process.exit(1);
  });
}
