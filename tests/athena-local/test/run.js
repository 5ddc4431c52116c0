// `npm test`: runs every test/*.test.js with node's test runner. Extra arguments (e.g.
// `npm test -- --test-reporter=tap`) are passed to node before the file list.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const files = readdirSync(here).filter((f) => f.endsWith('.test.js')).sort().map((f) => join(here, f));
const child = spawn(process.execPath, ['--no-warnings', '--test', ...process.argv.slice(2), ...files], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
