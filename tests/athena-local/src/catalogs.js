// Data catalogs besides the engine's AwsDataCatalog, declared with `--catalog NAME=KIND` or the
// admin endpoint /_athena_local/catalogs, so that clients can be tested against the catalogs
// they meet on AWS: a second Glue catalog, a federated (Lambda) catalog whose function fails
// or may not be invoked, and a catalog the caller's IAM policy denies.
import { randomUUID } from 'node:crypto';
import { ServiceError, athenaError } from './errors.js';

export const ENGINE_CATALOG = 'AwsDataCatalog';
const ACCOUNT = '123456789012';
const REGION = 'us-east-1';

// kind -> the catalog's Type in ListDataCatalogs / GetDataCatalog
export const CATALOG_KINDS = {
  glue: 'GLUE', // a second Glue catalog: lists AwsDataCatalog's databases and tables
  'lambda-fail': 'LAMBDA', // a federated catalog whose connector Lambda fails
  'lambda-denied': 'LAMBDA', // a federated catalog whose Lambda the caller may not invoke
  denied: 'GLUE', // a catalog whose metadata calls the caller's IAM policy denies
};

const NAME = /^[A-Za-z0-9_@-]{1,127}$/;

export class CatalogError extends Error {}

// "NAME=KIND[;NAME=KIND...]" -> [{ name, kind }]
export function parseCatalogSpec(text) {
  const out = [];
  for (const item of String(text).split(';').map((s) => s.trim()).filter(Boolean)) {
    const m = /^([^=]+)=(.+)$/.exec(item);
    if (!m) throw new CatalogError(`expected NAME=KIND, got "${item}"`);
    const name = m[1].trim();
    const kind = m[2].trim();
    if (!NAME.test(name)) throw new CatalogError(`catalog name "${name}": expected 1..127 letters, digits, _, @ or -`);
    if (name.toLowerCase() === ENGINE_CATALOG.toLowerCase()) throw new CatalogError(`${ENGINE_CATALOG} is always there`);
    if (!Object.hasOwn(CATALOG_KINDS, kind)) throw new CatalogError(`catalog kind "${kind}": expected one of ${Object.keys(CATALOG_KINDS).join(', ')}`);
    out.push({ name, kind });
  }
  return out;
}

function lambdaArn(name) {
  return `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`;
}

export class Catalogs {
  constructor(list = []) {
    this.extra = new Map(); // lower-case name -> { name, kind }
    for (const c of list) this.add(c);
  }

  add({ name, kind }) {
    this.extra.set(name.toLowerCase(), { name, kind });
  }

  remove(name) {
    return this.extra.delete(String(name).toLowerCase());
  }

  clear() {
    this.extra.clear();
  }

  snapshot() {
    return [...this.extra.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map((c) => ({ name: c.name, kind: c.kind, type: CATALOG_KINDS[c.kind] }));
  }

  // ListDataCatalogs: AwsDataCatalog first, then the declared ones by name.
  summaries(engineList) {
    return engineList.concat(this.snapshot().map((c) => ({ CatalogName: c.name, Type: c.type })));
  }

  dataCatalog(name) {
    const c = this.extra.get(String(name).toLowerCase());
    if (!c) return undefined;
    if (CATALOG_KINDS[c.kind] === 'LAMBDA') {
      return { Name: c.name, Type: 'LAMBDA', Description: `athena-local federated catalog (${c.kind})`, Parameters: { function: lambdaArn(c.name) } };
    }
    return { Name: c.name, Type: 'GLUE', Description: `athena-local Glue catalog (${c.kind})`, Parameters: { 'catalog-id': ACCOUNT } };
  }

  // The catalog name to hand to the engine for a metadata call on `name`, or a thrown error
  // shaped as AWS answers that call. `callerArn` names the caller in access-denied messages.
  resolve(name, op, callerArn) {
    if (String(name).toLowerCase() === ENGINE_CATALOG.toLowerCase()) return ENGINE_CATALOG;
    const c = this.extra.get(String(name).toLowerCase());
    if (!c) throw athenaError.invalidRequest(`Cannot find catalog ${name}.`);
    switch (c.kind) {
      case 'glue':
        return ENGINE_CATALOG;
      case 'lambda-fail':
        throw athenaError.metadata('Failed to invoke lambda function due to com.amazonaws.services.lambda.invoke.LambdaFunctionException: '
          + 'Communications link failure (athena-local: the connector of this catalog fails)');
      case 'lambda-denied':
        throw athenaError.metadata('Failed to invoke lambda function due to com.amazonaws.services.lambda.model.AWSLambdaException: '
          + `User: ${callerArn} is not authorized to perform: lambda:InvokeFunction on resource: ${lambdaArn(c.name)} `
          + 'because no identity-based policy allows the lambda:InvokeFunction action '
          + `(Service: AWSLambda; Status Code: 403; Error Code: AccessDeniedException; Request ID: ${randomUUID()}; Proxy: null)`);
      default:
        throw new ServiceError('AccessDeniedException', `You are not authorized to perform: athena:${op} on the resource. `
          + 'After your AWS administrator or you have updated your permissions, please try again.', 400);
    }
  }
}
