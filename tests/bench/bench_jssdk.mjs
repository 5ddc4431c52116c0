// One client of the side-by-side result benchmark (tests/bench/run-bench.sh):
// the AWS SDK for JavaScript v3 (@aws-sdk/client-athena from athena-local's
// node_modules) runs SQL against athena-local and pages every row through
// GetQueryResults (1,000 rows a call, the SDK's paginator), touching every
// cell. Prints LABEL|wall s|fetch s|rows|rows/s|CPU ns/cell|peak RSS MB.
// Usage: node bench_jssdk.mjs LABEL SQL   (ATHENA_LOCAL_URL set)
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(fileURLToPath(new URL('../athena-local/package.json', import.meta.url)));
const { AthenaClient, StartQueryExecutionCommand, GetQueryExecutionCommand, paginateGetQueryResults } =
  require('@aws-sdk/client-athena');

const [label, sql] = process.argv.slice(2);
const client = new AthenaClient({
  region: 'us-east-1',
  endpoint: process.env.ATHENA_LOCAL_URL,
  credentials: { accessKeyId: process.env.BENCH_KEY_ID, secretAccessKey: process.env.BENCH_SECRET },
});
const t0 = performance.now();
const { QueryExecutionId: qid } = await client.send(new StartQueryExecutionCommand({
  QueryString: sql,
  QueryExecutionContext: { Database: 'sampledb' },
  ResultConfiguration: { OutputLocation: 's3://athena-local-results/bench/' },
}));
let wait = 100;
let state;
for (;;) {
  const r = await client.send(new GetQueryExecutionCommand({ QueryExecutionId: qid }));
  state = r.QueryExecution.Status.State;
  if (state === 'SUCCEEDED' || state === 'FAILED' || state === 'CANCELLED') break;
  await new Promise((res) => setTimeout(res, wait));
  wait = Math.min(wait * 2, 1000);
}
if (state !== 'SUCCEEDED') throw new Error(`query ${state}`);
const tExec = performance.now();
const c0 = process.cpuUsage();
let rows = 0, cells = 0, bytes = 0;
for await (const page of paginateGetQueryResults({ client, pageSize: 1000 }, { QueryExecutionId: qid })) {
  for (const row of page.ResultSet.Rows) {
    rows++;
    for (const d of row.Data) {
      cells++;
      if (d.VarCharValue) bytes += d.VarCharValue.length;
    }
  }
}
rows -= 1; // the header row on page one
const tEnd = performance.now();
const cu = process.cpuUsage(c0);
const cpu = (cu.user + cu.system) / 1e6;
const fetch = (tEnd - tExec) / 1000;
const rss = process.resourceUsage().maxRSS / 1024;
console.log(`${label}|${((tEnd - t0) / 1000).toFixed(2)}|${fetch.toFixed(2)}|${rows}|${(rows / fetch).toFixed(0)}|${(cpu * 1e9 / cells).toFixed(0)}|${rss.toFixed(1)}`);
