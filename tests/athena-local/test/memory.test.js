// athena-local's own memory stays flat however many large results it keeps: rows go from the
// engine into the result file as they are rendered, and pages are read back from that file.
// (It kept every finished result's rows before, ~240 MB per 1,000,000 rows.)
import { it } from 'node:test';
import assert from 'node:assert/strict';
import v8 from 'node:v8';
import vm from 'node:vm';
import { StartQueryExecutionCommand } from '@aws-sdk/client-athena';
import { waitForQuery, serviceHooks } from './helpers.js';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');

const QUERIES = 12;
const ROWS = 100000;

let svc;
let athena;

serviceHooks({}, (m) => { ({ svc, athena } = m); });

function used() {
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
}

it(`${QUERIES} results of ${ROWS} rows each, paged, keep the heap within 48 MB of where it started`, async () => {
  // one query first, so that the code paths and DuckDB's own buffers are warm
  const warm = async (i) => {
    const { QueryExecutionId } = await athena.send(new StartQueryExecutionCommand({
      QueryString: `SELECT n, n_text, half, ${i} AS run FROM sampledb.numbers WHERE n <= ${ROWS}`, WorkGroup: 'local',
    }));
    const q = await waitForQuery(athena, QueryExecutionId, { timeoutMs: 60000 });
    assert.equal(q.Status.State, 'SUCCEEDED', q.Status.StateChangeReason);
    let NextToken;
    for (let p = 0; p < 3; p++) {
      const r = JSON.parse((await svc.athena.getQueryResults({ QueryExecutionId, MaxResults: 1000, NextToken })).raw);
      assert.equal(r.ResultSet.Rows.length, 1000);
      ({ NextToken } = r);
    }
    return QueryExecutionId;
  };
  await warm(0);
  const start = used();
  const ids = [];
  for (let i = 1; i <= QUERIES; i++) ids.push(await warm(i));
  const grown = used() - start;
  assert.ok(grown < 48 * 1024 * 1024, `heap and external memory grew by ${(grown / 1048576).toFixed(1)} MB over ${QUERIES} results`);
  // every result is still there: the last page of the first one
  const token = Buffer.from(`r1:${ids[0]}:${ROWS - 1}`).toString('base64url');
  const last = JSON.parse((await svc.athena.getQueryResults({ QueryExecutionId: ids[0], MaxResults: 1000, NextToken: token })).raw);
  assert.deepEqual(last.ResultSet.Rows, [{ Data: [{ VarCharValue: String(ROWS) }, { VarCharValue: String(ROWS) }, { VarCharValue: String(ROWS / 2) + '.0' }, { VarCharValue: '1' }] }]);
});
