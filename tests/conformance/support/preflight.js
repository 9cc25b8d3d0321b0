// Loaded with --import before every test file: turns a missing npm install or a missing sandbox binary into one
// clear message instead of a module resolution error deep inside a test.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const problems = [];

if (!existsSync(join(root, 'node_modules', '@instantdb', 'admin', 'package.json'))) {
  problems.push(
    `The pinned npm packages are not installed in ${root}/node_modules. ` +
      'Run `./dev test` (it runs `npm ci` there) or `npm ci` in tests/conformance.',
  );
}
if (!process.env.INSTANT_SANDBOX) {
  problems.push('INSTANT_SANDBOX is not set: it must name the instant-sandbox binary (ctest sets it).');
} else if (!existsSync(process.env.INSTANT_SANDBOX)) {
  problems.push(`INSTANT_SANDBOX names ${process.env.INSTANT_SANDBOX}, which does not exist. Build instant-sandbox.`);
}

if (problems.length > 0) {
  for (const problem of problems) {
    console.error(`conformance: ${problem}`);
  }
  process.exit(1);
}
