// `npm test`: brings what the suites need (Debian packages when run as root,
// otherwise one line saying what to install), then runs the type-check, eslint
// and the unit tests in order, stopping at the first failure.
import { spawnSync } from 'node:child_process';
import { SetupError, ensureSystemPackages } from './ensure-code-server.mjs';

/** Debian packages the unit suites use for real: adr-tools proves quotes are never listed as ADRs. */
const UNIT_PACKAGES = ['adr-tools'];

const steps = [
  ['type-check', ['npx', 'tsc', '--noEmit']],
  ['eslint', ['npx', 'eslint', '.']],
  ['unit tests', ['npx', 'mocha']],
];

try {
  ensureSystemPackages(UNIT_PACKAGES);
} catch (error) {
  console.error(error instanceof SetupError ? error.message : error);
  process.exit(1);
}

for (const [name, [command, ...args]] of steps) {
  const started = Date.now();
  console.log(`\n[test] ${name}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`[test] ${name} failed after ${seconds}s`);
    process.exit(result.status ?? 1);
  }
  console.log(`[test] ${name} passed in ${seconds}s`);
}
