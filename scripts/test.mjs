// `npm test`: brings what the suites need (Debian packages when run as root,
// otherwise one line saying what to install; code-server into .cache/), then
// runs the type-check, eslint, the unit tests, the integration suite inside
// code-server's extension host and the end-to-end suite in Chromium, stopping
// at the first failure. The last line sums up the tests: "N passed, N failed".
import { spawn } from 'node:child_process';
import { SetupError, ensureCodeServer, ensureSystemPackages } from './ensure-code-server.mjs';

/**
 * @typedef {object} Step
 * @property {string} name
 * @property {string[]} command
 * @property {(output: string) => { passed: number, failed: number }} [count] reads the test counts from the output
 */

/** @param {string} output */
function mochaCounts(output) {
  const passed = Number(/(\d+) passing/.exec(output)?.[1] ?? 0);
  const failed = Number(/(\d+) failing/.exec(output)?.[1] ?? 0);
  return { passed, failed };
}

/** @param {string} output */
function closingLineCounts(output) {
  const match = /(\d+) passed, (\d+) failed/.exec(output);
  return { passed: Number(match?.[1] ?? 0), failed: Number(match?.[2] ?? 0) };
}

/** @type {Step[]} */
const steps = [
  { name: 'type-check', command: ['npx', 'tsc', '--noEmit'] },
  { name: 'eslint', command: ['npx', 'eslint', '.'] },
  { name: 'unit tests', command: ['npx', 'mocha'], count: mochaCounts },
  { name: 'integration tests (code-server extension host)', command: ['npx', 'tsx', 'test/integration/runInCodeServer.ts'], count: closingLineCounts },
  { name: 'end-to-end tests (Chromium + code-server)', command: ['npx', 'mocha', '--config', 'test/e2e/.mocharc.json'], count: mochaCounts },
];

/**
 * Runs one step, echoing its output as it comes and keeping it for the counts.
 * @param {Step} step
 * @returns {Promise<{ code: number, output: string }>}
 */
function run(step) {
  return new Promise((resolve) => {
    const [command, ...args] = step.command;
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
      process.stderr.write(chunk);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

const started = Date.now();
try {
  ensureSystemPackages();
  await ensureCodeServer();
} catch (error) {
  console.error(error instanceof SetupError ? error.message : error);
  process.exit(1);
}

let passed = 0;
let failed = 0;
/** @type {string[]} */
const summary = [];
for (const step of steps) {
  const stepStarted = Date.now();
  console.log(`\n[test] ${step.name}: ${step.command.join(' ')}`);
  const { code, output } = await run(step);
  const seconds = ((Date.now() - stepStarted) / 1000).toFixed(1);
  const counts = step.count?.(output);
  if (counts) {
    passed += counts.passed;
    failed += counts.failed;
  }
  summary.push(`[test] ${step.name}: ${code === 0 ? 'passed' : 'FAILED'} in ${seconds}s${counts ? ` (${counts.passed} passed, ${counts.failed} failed)` : ''}`);
  if (code !== 0) {
    // A step that failed without a test failure (a crash, a lint error) still counts as one failure.
    if (!counts || counts.failed === 0) failed++;
    break;
  }
}
console.log(`\n${summary.join('\n')}`);
console.log(`[test] ${((Date.now() - started) / 1000).toFixed(1)}s in all`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
