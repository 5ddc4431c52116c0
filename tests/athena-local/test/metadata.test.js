// The metadata API (ListDataCatalogs, GetDataCatalog, ListDatabases, GetDatabase, ListTableMetadata,
// GetTableMetadata) through the AWS SDK, on the built-in data, a mounted catalog of many tables
// made by gen-catalog, and declared catalogs that fail as their AWS counterparts do.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ListDataCatalogsCommand, GetDataCatalogCommand, ListDatabasesCommand, GetDatabaseCommand,
  ListTableMetadataCommand, GetTableMetadataCommand, StartQueryExecutionCommand, GetQueryResultsCommand,
} from '@aws-sdk/client-athena';
import { waitForQuery, getStats, rawRequest, rejectsWith, data, serviceHooks } from './helpers.js';
import { generateCatalog, columnNames } from '../src/gen-catalog.js';

const TABLES = 120;
const COLUMNS = 7;
const CAT = { CatalogName: 'AwsDataCatalog' };

let dir;
let svc;
let athena;

serviceHooks(() => {
  dir = mkdtempSync(join(tmpdir(), 'athena-local-metadata-'));
  generateCatalog(dir, { database: 'bigcat', tables: TABLES, columns: COLUMNS });
  return { dataDir: dir, catalogs: ['other=glue', 'dynamo=lambda-fail', 'mysql=lambda-denied', 'secret=denied'] };
}, (m) => { ({ svc, athena } = m); });

after(() => rmSync(dir, { recursive: true, force: true }));

async function callsOf(op) {
  return (await getStats(svc)).calls[`athena:${op}`] ?? 0;
}

describe('data catalogs', () => {
  it('ListDataCatalogs: AwsDataCatalog first, then the declared catalogs by name, paged 2..50', async () => {
    const all = await athena.send(new ListDataCatalogsCommand({}));
    assert.deepEqual(all.DataCatalogsSummary, [
      { CatalogName: 'AwsDataCatalog', Type: 'GLUE' }, { CatalogName: 'dynamo', Type: 'LAMBDA' },
      { CatalogName: 'mysql', Type: 'LAMBDA' }, { CatalogName: 'other', Type: 'GLUE' }, { CatalogName: 'secret', Type: 'GLUE' },
    ]);
    assert.equal(all.NextToken, undefined);
    const p1 = await athena.send(new ListDataCatalogsCommand({ MaxResults: 2 }));
    assert.deepEqual(p1.DataCatalogsSummary.map((c) => c.CatalogName), ['AwsDataCatalog', 'dynamo']);
    const p2 = await athena.send(new ListDataCatalogsCommand({ MaxResults: 2, NextToken: p1.NextToken }));
    assert.deepEqual(p2.DataCatalogsSummary.map((c) => c.CatalogName), ['mysql', 'other']);
    const p3 = await athena.send(new ListDataCatalogsCommand({ MaxResults: 2, NextToken: p2.NextToken }));
    assert.deepEqual(p3.DataCatalogsSummary.map((c) => c.CatalogName), ['secret']);
    assert.equal(p3.NextToken, undefined);
    await rejectsWith(athena.send(new ListDataCatalogsCommand({ MaxResults: 1 })), 'InvalidRequestException',
      "1 validation error detected: Value '1' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 2");
  });

  it('GetDataCatalog describes each; an unknown name is an InvalidRequestException', async () => {
    const glue = await athena.send(new GetDataCatalogCommand({ Name: 'AwsDataCatalog' }));
    assert.deepEqual({ ...glue.DataCatalog, Description: undefined }, { Name: 'AwsDataCatalog', Type: 'GLUE', Description: undefined, Parameters: { 'catalog-id': '123456789012' } });
    const lambda = await athena.send(new GetDataCatalogCommand({ Name: 'dynamo' }));
    assert.equal(lambda.DataCatalog.Type, 'LAMBDA');
    assert.deepEqual(lambda.DataCatalog.Parameters, { function: 'arn:aws:lambda:us-east-1:123456789012:function:dynamo' });
    const denied = await athena.send(new GetDataCatalogCommand({ Name: 'secret' }));
    assert.equal(denied.DataCatalog.Type, 'GLUE');
    await rejectsWith(athena.send(new GetDataCatalogCommand({ Name: 'nope' })), 'InvalidRequestException', 'Cannot find catalog nope.');
  });

  it('a catalog whose Lambda fails: MetadataException from every metadata call', async () => {
    const msg = 'Failed to invoke lambda function due to com.amazonaws.services.lambda.invoke.LambdaFunctionException: '
      + 'Communications link failure (athena-local: the connector of this catalog fails)';
    await rejectsWith(athena.send(new ListDatabasesCommand({ CatalogName: 'dynamo' })), 'MetadataException', msg);
    await rejectsWith(athena.send(new GetDatabaseCommand({ CatalogName: 'dynamo', DatabaseName: 'default' })), 'MetadataException', msg);
    await rejectsWith(athena.send(new ListTableMetadataCommand({ CatalogName: 'dynamo', DatabaseName: 'default' })), 'MetadataException', msg);
    await rejectsWith(athena.send(new GetTableMetadataCommand({ CatalogName: 'dynamo', DatabaseName: 'default', TableName: 't' })), 'MetadataException', msg);
  });

  it('a catalog whose Lambda the caller may not invoke: MetadataException naming the caller and the function', async () => {
    await rejectsWith(athena.send(new ListDatabasesCommand({ CatalogName: 'mysql' })), 'MetadataException', new RegExp(
      '^Failed to invoke lambda function due to com\\.amazonaws\\.services\\.lambda\\.model\\.AWSLambdaException: '
      + 'User: arn:aws:iam::123456789012:user/athena-local is not authorized to perform: lambda:InvokeFunction on resource: '
      + 'arn:aws:lambda:us-east-1:123456789012:function:mysql because no identity-based policy allows the lambda:InvokeFunction action '
      + '\\(Service: AWSLambda; Status Code: 403; Error Code: AccessDeniedException; Request ID: [0-9a-f-]{36}; Proxy: null\\)$'));
  });

  it('a denied catalog: AccessDeniedException naming the operation', async () => {
    for (const [Command, input, op] of [
      [ListDatabasesCommand, {}, 'ListDatabases'], [GetDatabaseCommand, { DatabaseName: 'default' }, 'GetDatabase'],
      [ListTableMetadataCommand, { DatabaseName: 'default' }, 'ListTableMetadata'],
      [GetTableMetadataCommand, { DatabaseName: 'default', TableName: 't' }, 'GetTableMetadata'],
    ]) {
      await rejectsWith(athena.send(new Command({ CatalogName: 'secret', ...input })), 'AccessDeniedException',
        `You are not authorized to perform: athena:${op} on the resource. After your AWS administrator or you have updated your permissions, please try again.`);
    }
  });

  it('an unknown catalog is an InvalidRequestException; a second Glue catalog lists the same databases', async () => {
    await rejectsWith(athena.send(new ListDatabasesCommand({ CatalogName: 'nope' })), 'InvalidRequestException', 'Cannot find catalog nope.');
    await rejectsWith(athena.send(new ListTableMetadataCommand({ CatalogName: 'nope', DatabaseName: 'sampledb' })), 'InvalidRequestException', 'Cannot find catalog nope.');
    const a = await athena.send(new ListDatabasesCommand(CAT));
    const b = await athena.send(new ListDatabasesCommand({ CatalogName: 'other' }));
    assert.deepEqual(b.DatabaseList, a.DatabaseList);
    assert.deepEqual(a.DatabaseList.map((d) => d.Name), ['bigcat', 'default', 'sampledb']);
    const lower = await athena.send(new ListDatabasesCommand({ CatalogName: 'awsdatacatalog' }));
    assert.deepEqual(lower.DatabaseList, a.DatabaseList);
  });

  it('the admin endpoint declares, lists and removes catalogs', async () => {
    const url = '/_athena_local/catalogs';
    let r = await rawRequest(svc, { method: 'POST', path: url, body: 'extra_one=lambda-fail' });
    assert.equal(r.status, 200);
    assert.deepEqual(JSON.parse(r.body).map((c) => c.name), ['dynamo', 'extra_one', 'mysql', 'other', 'secret']);
    const listed = await athena.send(new ListDataCatalogsCommand({}));
    assert.deepEqual(listed.DataCatalogsSummary[2], { CatalogName: 'extra_one', Type: 'LAMBDA' });
    r = await rawRequest(svc, { method: 'POST', path: url, body: 'bad=kind' });
    assert.equal(r.status, 400);
    assert.equal(JSON.parse(r.body).error, 'catalog kind "kind": expected one of glue, lambda-fail, lambda-denied, denied');
    r = await rawRequest(svc, { method: 'DELETE', path: `${url}/extra_one` });
    assert.deepEqual(JSON.parse(r.body), [
      { name: 'dynamo', kind: 'lambda-fail', type: 'LAMBDA' }, { name: 'mysql', kind: 'lambda-denied', type: 'LAMBDA' },
      { name: 'other', kind: 'glue', type: 'GLUE' }, { name: 'secret', kind: 'denied', type: 'GLUE' },
    ]);
    r = await rawRequest(svc, { method: 'DELETE', path: `${url}/extra_one` });
    assert.equal(r.status, 404);
  });
});

describe('databases and tables', () => {
  it('ListDatabases pages with NextToken; GetDatabase; unknown database is a MetadataException', async () => {
    const p1 = await athena.send(new ListDatabasesCommand({ ...CAT, MaxResults: 1 }));
    assert.deepEqual(p1.DatabaseList.map((d) => d.Name), ['bigcat']);
    const p2 = await athena.send(new ListDatabasesCommand({ ...CAT, MaxResults: 50, NextToken: p1.NextToken }));
    assert.deepEqual(p2.DatabaseList.map((d) => d.Name), ['default', 'sampledb']);
    assert.equal(p2.NextToken, undefined);
    const d = await athena.send(new GetDatabaseCommand({ ...CAT, DatabaseName: 'sampledb' }));
    assert.deepEqual(d.Database, { Name: 'sampledb', Description: 'athena-local sample data', Parameters: {} });
    await rejectsWith(athena.send(new GetDatabaseCommand({ ...CAT, DatabaseName: 'nosuchdb' })), 'MetadataException', 'Database nosuchdb not found.');
    await rejectsWith(athena.send(new ListTableMetadataCommand({ ...CAT, DatabaseName: 'nosuchdb' })), 'MetadataException', 'Database nosuchdb not found.');
  });

  it('sampledb: a view lists its columns, a partitioned table its partition keys, Hive type names', async () => {
    const { TableMetadataList: list } = await athena.send(new ListTableMetadataCommand({ ...CAT, DatabaseName: 'sampledb' }));
    assert.deepEqual(list.map((t) => `${t.Name} ${t.TableType}`), [
      'all_types EXTERNAL_TABLE', 'elb_errors VIRTUAL_VIEW', 'elb_logs EXTERNAL_TABLE', 'impressions EXTERNAL_TABLE', 'numbers EXTERNAL_TABLE',
    ]);
    const view = list[1];
    assert.deepEqual(view.Columns, [{ Name: 'request_timestamp', Type: 'string' }, { Name: 'elb_name', Type: 'string' }, { Name: 'elb_response_code', Type: 'string' }, { Name: 'url', Type: 'string' }]);
    assert.deepEqual(view.PartitionKeys, []);
    assert.deepEqual(view.Parameters, { comment: 'Presto View', presto_view: 'true' });
    const imp = list[3];
    assert.deepEqual(imp.Columns.map((c) => `${c.Name} ${c.Type}`), ['requestbegintime string', 'adid string', 'impressionid string', 'referrer string', 'useragent string', 'usercookie string', 'ip string', 'number int']);
    assert.deepEqual(imp.PartitionKeys, [{ Name: 'dt', Type: 'string' }]);
    assert.deepEqual(list[0].Columns.slice(0, 3), [{ Name: 'id', Type: 'int' }, { Name: 'c_boolean', Type: 'boolean' }, { Name: 'c_tinyint', Type: 'tinyint' }]);
    assert.equal(list[0].CreateTime.getTime(), 1700000000000);
    const one = await athena.send(new GetTableMetadataCommand({ ...CAT, DatabaseName: 'sampledb', TableName: 'impressions' }));
    assert.deepEqual(one.TableMetadata, imp);
    await rejectsWith(athena.send(new GetTableMetadataCommand({ ...CAT, DatabaseName: 'sampledb', TableName: 'nosuchtable' })), 'MetadataException', 'Table nosuchtable not found.');
  });

  it('column comments and the table comment (Parameters.comment) of a table made by DDL', async () => {
    const { QueryExecutionId } = await athena.send(new StartQueryExecutionCommand({
      QueryString: "CREATE EXTERNAL TABLE default.commented (a int COMMENT 'the a', b string) COMMENT 'a table' PARTITIONED BY (dt string COMMENT 'day') LOCATION 's3://x/y/'",
      ResultConfiguration: { OutputLocation: 's3://athena-local-results/metadata/' },
    }));
    assert.equal((await waitForQuery(athena, QueryExecutionId)).Status.State, 'SUCCEEDED');
    const t = await athena.send(new GetTableMetadataCommand({ ...CAT, DatabaseName: 'default', TableName: 'commented' }));
    assert.deepEqual(t.TableMetadata.Columns, [{ Name: 'a', Type: 'int', Comment: 'the a' }, { Name: 'b', Type: 'string' }]);
    assert.deepEqual(t.TableMetadata.PartitionKeys, [{ Name: 'dt', Type: 'string', Comment: 'day' }]);
    assert.deepEqual(t.TableMetadata.Parameters, { EXTERNAL: 'TRUE', comment: 'a table' });
  });

  it('ListTableMetadata: Expression is a regular expression on the whole name, * as in Hive, case as given', async () => {
    const names = async (Expression) => (await athena.send(new ListTableMetadataCommand({ ...CAT, DatabaseName: 'sampledb', Expression }))).TableMetadataList.map((t) => t.Name);
    assert.deepEqual(await names('elb.*'), ['elb_errors', 'elb_logs']);
    assert.deepEqual(await names('elb*'), ['elb_errors', 'elb_logs']);
    assert.deepEqual(await names('numbers|all_types'), ['all_types', 'numbers']);
    assert.deepEqual(await names('elb_l.gs'), ['elb_logs']);
    assert.deepEqual(await names('elb'), []);
    assert.deepEqual(await names('ELB.*'), []);
    assert.deepEqual(await names(''), ['all_types', 'elb_errors', 'elb_logs', 'impressions', 'numbers']);
    await rejectsWith(athena.send(new ListTableMetadataCommand({ ...CAT, DatabaseName: 'sampledb', Expression: 'x'.repeat(257) })), 'InvalidRequestException',
      /^1 validation error detected: Value 'x+' at 'expression' failed to satisfy constraint: Member must have length less than or equal to 256$/);
  });

  it('ListTableMetadata: MaxResults 1..50, NextToken bound to the operation', async () => {
    for (const MaxResults of [0, 51]) {
      await rejectsWith(athena.send(new ListTableMetadataCommand({ ...CAT, DatabaseName: 'sampledb', MaxResults })), 'InvalidRequestException',
        `1 validation error detected: Value '${MaxResults}' at 'maxResults' failed to satisfy constraint: Member must have value ${MaxResults ? 'less than or equal to 50' : 'greater than or equal to 1'}`);
    }
    const p1 = await athena.send(new ListTableMetadataCommand({ ...CAT, DatabaseName: 'sampledb', MaxResults: 2 }));
    assert.deepEqual(p1.TableMetadataList.map((t) => t.Name), ['all_types', 'elb_errors']);
    const p2 = await athena.send(new ListTableMetadataCommand({ ...CAT, DatabaseName: 'sampledb', MaxResults: 2, NextToken: p1.NextToken }));
    assert.deepEqual(p2.TableMetadataList.map((t) => t.Name), ['elb_logs', 'impressions']);
    const p3 = await athena.send(new ListTableMetadataCommand({ ...CAT, DatabaseName: 'sampledb', MaxResults: 2, NextToken: p2.NextToken }));
    assert.deepEqual(p3.TableMetadataList.map((t) => t.Name), ['numbers']);
    assert.equal(p3.NextToken, undefined);
    const dbs = await athena.send(new ListDatabasesCommand({ ...CAT, MaxResults: 1 }));
    await rejectsWith(athena.send(new ListTableMetadataCommand({ ...CAT, DatabaseName: 'sampledb', NextToken: dbs.NextToken })), 'InvalidRequestException', 'Invalid NextToken');
  });
});

describe('a mounted catalog of many tables (gen-catalog)', () => {
  it(`lists the columns of all ${TABLES} tables in ${Math.ceil(TABLES / 50)} counted ListTableMetadata calls`, async () => {
    const before = await callsOf('ListTableMetadata');
    const tables = [];
    let NextToken;
    do {
      const page = await athena.send(new ListTableMetadataCommand({ ...CAT, DatabaseName: 'bigcat', MaxResults: 50, NextToken }));
      assert.ok(page.TableMetadataList.length <= 50);
      tables.push(...page.TableMetadataList);
      ({ NextToken } = page);
    } while (NextToken);
    assert.equal(await callsOf('ListTableMetadata'), before + Math.ceil(TABLES / 50));
    assert.equal(tables.length, TABLES);
    assert.deepEqual(tables.map((t) => t.Name), Array.from({ length: TABLES }, (_, i) => `t${String(i).padStart(4, '0')}`));
    const types = ['bigint', 'string', 'double', 'date', 'boolean', 'timestamp', 'bigint'];
    for (const t of tables) {
      assert.equal(t.TableType, 'EXTERNAL_TABLE');
      assert.deepEqual(t.Columns, columnNames(COLUMNS).map((Name, k) => ({ Name, Type: types[k] })));
      assert.deepEqual(t.PartitionKeys, []);
      assert.deepEqual(t.Parameters, { classification: 'csv', EXTERNAL: 'TRUE' });
    }
  });

  it('a mounted table answers queries with the values gen-catalog wrote', async () => {
    const { QueryExecutionId } = await athena.send(new StartQueryExecutionCommand({
      QueryString: 'SELECT * FROM bigcat.t0007 ORDER BY c0_bigint', ResultConfiguration: { OutputLocation: 's3://athena-local-results/metadata/' },
    }));
    assert.equal((await waitForQuery(athena, QueryExecutionId)).Status.State, 'SUCCEEDED');
    const r = await athena.send(new GetQueryResultsCommand({ QueryExecutionId }));
    assert.deepEqual(r.ResultSet.Rows.map(data), [
      columnNames(COLUMNS),
      ['7000', 't7r0', '7.5', '2020-01-08', 'true', '2020-02-08 10:00:00.000', '7000'],
      ['7001', 't7r1', '7.6', '2020-01-09', 'false', '2020-02-09 10:00:01.000', '7001'],
    ]);
  });
});
