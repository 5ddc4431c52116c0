// The athena-local launcher as a process: flags, first stdout line, port file, SIGTERM.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { rawRequest, stsClient, athenaCall } from './helpers.js';

const here = dirname(fileURLToPath(import.meta.url));
const launcher = join(here, '..', 'athena-local');
const dir = mkdtempSync(join(tmpdir(), 'athena-local-cli-'));
const env = { ...process.env };
if (process.env.ATHENA_LOCAL_TEST_ENGINE === 'fake') env.ATHENA_LOCAL_ENGINE_MODULE = join(here, 'fake-engine.js');

after(() => rmSync(dir, { recursive: true, force: true }));

function launch(args, { timeoutMs = 60000 } = {}) {
  const child = spawn(launcher, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => { stdout += d; });
  child.stderr.on('data', (d) => { stderr += d; });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const listening = new Promise((resolve, reject) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`no listening line in ${timeoutMs} ms; stderr: ${stderr}`)); }, timeoutMs);
    child.stdout.on('data', () => {
      const nl = stdout.indexOf('\n');
      if (nl >= 0) { clearTimeout(timer); resolve(stdout.slice(0, nl)); }
    });
    exited.then(({ code }) => { clearTimeout(timer); reject(new Error(`exited with ${code} before listening; stderr: ${stderr}`)); });
  });
  listening.catch(() => {});
  return { child, listening, exited, output: () => ({ stdout, stderr }) };
}

describe('launcher', () => {
  it('prints the listening line first, writes the port file, and exits on SIGTERM within a second', async () => {
    const portFile = join(dir, 'port');
    const p = launch(['--port', '0', '--port-file', portFile, '--faults', 'fail op=athena:GetWorkGroup,count=2', '--credential-lifetime', '5']);
    const line = await p.listening;
    const m = /^athena-local listening on http:\/\/127\.0\.0\.1:(\d+)$/.exec(line);
    assert.ok(m, line);
    assert.equal(readFileSync(portFile, 'utf8'), `${m[1]}\n`);
    const svc = { url: `http://127.0.0.1:${m[1]}` };
    const health = await rawRequest(svc, { path: '/_athena_local/health' });
    assert.equal(health.status, 200);
    const faults = JSON.parse((await rawRequest(svc, { path: '/_athena_local/faults' })).body);
    assert.deepEqual(faults.failNext, [{ op: 'athena:GetWorkGroup', status: 503, count: 2 }]);
    const sts = stsClient(svc);
    const t0 = Date.now();
    const r = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/cli', RoleSessionName: 'cli' }));
    const lifetime = r.Credentials.Expiration.getTime() - t0;
    assert.ok(lifetime > 3000 && lifetime <= 6000, `lifetime ${lifetime}`);
    sts.destroy();
    const t = Date.now();
    p.child.kill('SIGTERM');
    const { code, signal } = await p.exited;
    assert.ok(Date.now() - t < 1000, `took ${Date.now() - t} ms to exit`);
    assert.equal(signal, null);
    assert.equal(code, 0);
    assert.equal(p.output().stderr, '');
  });

  it('exits on SIGINT too, with a query still running', async () => {
    const p = launch(['--port', '0']);
    const line = await p.listening;
    const svc = { url: line.replace('athena-local listening on ', '') };
    const r = await athenaCall(svc, 'StartQueryExecution', {
      QueryString: '/* athena-local:sleep=30 */ SELECT 1', WorkGroup: 'local',
    });
    assert.equal(r.status, 200);
    const q = await athenaCall(svc, 'GetQueryExecution', { QueryExecutionId: r.json.QueryExecutionId });
    assert.ok(['QUEUED', 'RUNNING'].includes(q.json.QueryExecution.Status.State));
    const t = Date.now();
    p.child.kill('SIGINT');
    const { code } = await p.exited;
    assert.equal(code, 0);
    assert.ok(Date.now() - t < 1000);
  });

  it('refuses bad flags with usage and exit status 2', async () => {
    for (const args of [['--bogus'], ['--port', 'x'], ['--faults', 'nonsense op=1'], ['--credential-lifetime', '0'], ['--catalog', 'x=nope'], ['--catalog', 'AwsDataCatalog=glue'], ['--tls-cert', 'x.pem'], ['--tls-key', 'x.key'], ['--tls-cert', 'x.pem', '--tls-key', 'x.key', '--tls-max', 'SSLv3']]) {
      const p = launch(args);
      const { code } = await p.exited;
      assert.equal(code, 2, `${args.join(' ')}: ${p.output().stderr}`);
      assert.match(p.output().stderr, /^athena-local: /);
      assert.equal(p.output().stdout, '');
    }
  });

  it('--help prints usage', async () => {
    const p = launch(['--help']);
    const { code } = await p.exited;
    assert.equal(code, 0);
    assert.match(p.output().stdout, /^usage: athena-local /);
  });

  it('gen-catalog writes the tables that --data mounts; --catalog declares catalogs', async () => {
    const data = join(dir, 'gen');
    const gen = launch(['gen-catalog', data, '--database', 'gc', '--tables', '3', '--columns', '3', '--rows', '2']);
    assert.equal((await gen.exited).code, 0, gen.output().stderr);
    assert.equal(gen.output().stdout, `${join(data, 'gc')}\n`);
    assert.deepEqual(readdirSync(join(data, 'gc')), ['t0000.csv', 't0001.csv', 't0002.csv']);
    assert.equal(readFileSync(join(data, 'gc', 't0002.csv'), 'utf8'), 'c0_bigint,c1_string,c2_double\n2000,t2r0,2.5\n2001,t2r1,2.6\n');
    const bad = launch(['gen-catalog', data, '--tables', '0']);
    assert.equal((await bad.exited).code, 2);
    assert.match(bad.output().stderr, /^athena-local gen-catalog: --tables: expected an integer >= 1, got "0"\n/);

    const p = launch(['--port', '0', '--data', data, '--catalog', 'fed=lambda-fail', '--catalog', 'b=denied;a=glue']);
    const svc = { url: (await p.listening).replace('athena-local listening on ', '') };
    const cats = await athenaCall(svc, 'ListDataCatalogs', {});
    assert.deepEqual(cats.json.DataCatalogsSummary, [
      { CatalogName: 'AwsDataCatalog', Type: 'GLUE' }, { CatalogName: 'a', Type: 'GLUE' }, { CatalogName: 'b', Type: 'GLUE' }, { CatalogName: 'fed', Type: 'LAMBDA' },
    ]);
    const tables = await athenaCall(svc, 'ListTableMetadata', { CatalogName: 'AwsDataCatalog', DatabaseName: 'gc' });
    assert.deepEqual(tables.json.TableMetadataList.map((t) => [t.Name, t.Columns.map((c) => c.Type).join(',')]), [
      ['t0000', 'bigint,string,double'], ['t0001', 'bigint,string,double'], ['t0002', 'bigint,string,double'],
    ]);
    const denied = await athenaCall(svc, 'ListDatabases', { CatalogName: 'b' });
    assert.equal(denied.status, 400);
    assert.equal(denied.json.__type, 'AccessDeniedException');
    p.child.kill('SIGTERM');
    assert.equal((await p.exited).code, 0);
  });
});
