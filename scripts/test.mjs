// `npm test`: brings what the suites need (Debian packages when run as root,
// otherwise one line saying what to install; code-server into .cache/), then
// runs the type-check, eslint, the unit tests, the estimate form in Chromium
// (test/webview), the integration suite inside
// code-server's extension host and the end-to-end suite in Chromium, stopping
// at the first failure.
//
// The counts come from mocha's own data, never from the text: the unit and
// end-to-end runs use test/support/mochaReporter.ts, which writes runner.stats
// and the pending titles to the file named by CRD_MOCHA_RESULTS; the
// integration runner writes one summary per scenario (from the JSON results of
// the extension host, `failures` included) to the file named by CRD_IT_SUMMARY.
// Each suite (unit, each integration scenario, e2e) that ran no test counts as
// a failure. `.only` is always refused (forbid-only); pending tests are listed
// by title, and refused too when CI is set (forbid-pending). The last line sums
// up: "tests: N passed, N failed", with ", N skipped" when tests were pending.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SetupError, ensureCodeServer, ensureSystemPackages } from './ensure-code-server.mjs';

const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = join(REPO_ROOT, 'test-output', 'results');
const CI = Boolean(process.env.CI);

/**
 * One suite's counts: tests that passed and failed (a failed hook counts as a
 * failed test, as mocha counts it) and the titles of pending ones.
 * @typedef {object} SuiteCounts
 * @property {string} name
 * @property {number} passed
 * @property {number} failed
 * @property {string[]} pending titles of pending (skipped) tests
 * @property {string} [problem] why the suite counts as failed beyond its tests
 */

/**
 * @typedef {object} Step
 * @property {string} name
 * @property {string[]} command
 * @property {Record<string, string>} [env]
 * @property {string} [results] the JSON file the step's run writes its results to
 * @property {(results: any) => SuiteCounts[]} [suites] reads the suites' counts from that file
 */

/**
 * @param {string} name
 * @returns {(results: import('../test/support/mochaReporter.js').MochaResults) => SuiteCounts[]}
 */
function mochaSuite(name) {
  return (results) => [{ name, passed: results.passes, failed: results.failures, pending: results.pendingTitles }];
}

/** @param {import('../test/integration/config.js').IntegrationSummary} summary */
function integrationSuites(summary) {
  return summary.scenarios.map((s) => ({
    name: `integration "${s.scenario}"`,
    passed: s.passed,
    failed: s.failed,
    pending: s.pendingTitles,
    ...(s.fatal ? { problem: s.fatal.split('\n')[0] } : {}),
  }));
}

/** @param {string} name */
const resultsFile = (name) => join(RESULTS, `${name}.json`);
const forbidPending = CI ? ['--forbid-pending'] : [];

/** @type {Step[]} */
const steps = [
  { name: 'type-check', command: ['npx', 'tsc', '--noEmit'] },
  { name: 'eslint', command: ['npx', 'eslint', '.'] },
  { name: 'unit tests', command: ['npx', 'mocha', ...forbidPending], env: { CRD_MOCHA_RESULTS: resultsFile('unit') }, results: resultsFile('unit'), suites: mochaSuite('unit') },
  {
    name: 'webview tests (the form in Chromium)',
    command: ['npx', 'mocha', '--config', 'test/webview/.mocharc.json', ...forbidPending],
    env: { CRD_MOCHA_RESULTS: resultsFile('webview') },
    results: resultsFile('webview'),
    suites: mochaSuite('webview'),
  },
  {
    name: 'integration tests (code-server extension host)',
    command: ['npx', 'tsx', 'test/integration/runInCodeServer.ts'],
    env: { CRD_IT_SUMMARY: resultsFile('integration') },
    results: resultsFile('integration'),
    suites: integrationSuites,
  },
  {
    name: 'end-to-end tests (Chromium + code-server)',
    command: ['npx', 'mocha', '--config', 'test/e2e/.mocharc.json', ...forbidPending],
    env: { CRD_MOCHA_RESULTS: resultsFile('e2e') },
    results: resultsFile('e2e'),
    suites: mochaSuite('e2e'),
  },
];

/**
 * Runs one step, its output going straight through.
 * @param {Step} step
 * @returns {Promise<number>} the exit code
 */
function run(step) {
  return new Promise((resolve) => {
    const [command, ...args] = step.command;
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, FORCE_COLOR: '0', ...step.env } });
    child.on('close', (code) => resolve(code ?? 1));
  });
}

/**
 * The suites' counts from the step's results file; a suite that ran no test
 * gets a problem. Undefined when the file is missing or unreadable.
 * @param {Step} step
 * @returns {SuiteCounts[] | undefined}
 */
function readSuites(step) {
  if (!step.results || !step.suites || !existsSync(step.results)) return undefined;
  try {
    return step.suites(JSON.parse(readFileSync(step.results, 'utf8'))).map((suite) =>
      suite.passed + suite.failed === 0 ? { ...suite, problem: suite.problem ?? 'ran no tests' } : suite,
    );
  } catch (error) {
    console.error(`[test] cannot read ${step.results}: ${String(error)}`);
    return undefined;
  }
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
const skipped = [];
/** @type {string[]} */
const summary = [];
for (const step of steps) {
  const stepStarted = Date.now();
  console.log(`\n[test] ${step.name}: ${step.command.join(' ')}`);
  if (step.results) rmSync(step.results, { force: true });
  const code = await run(step);
  const seconds = ((Date.now() - stepStarted) / 1000).toFixed(1);
  const suites = readSuites(step);
  let stepFailed = code !== 0;
  /** @type {string[]} */
  const notes = [];
  if (step.results && !suites) notes.push(`no results in ${step.results}`);
  let stepPassed = 0;
  let stepFailures = 0;
  for (const suite of suites ?? []) {
    stepPassed += suite.passed;
    // A suite that ran nothing or could not run counts as one failure, unless its tests already failed.
    stepFailures += suite.failed > 0 ? suite.failed : suite.problem ? 1 : 0;
    if (suite.problem) notes.push(`${suite.name}: ${suite.problem}`);
    skipped.push(...suite.pending.map((title) => `${suite.name}: ${title}`));
  }
  if (notes.length > 0) stepFailed = true;
  // A step that failed without a test failure (a crash, a lint error, no results) still counts as one failure.
  if (stepFailed && stepFailures === 0) stepFailures = 1;
  passed += stepPassed;
  failed += stepFailures;
  const pendingHere = (suites ?? []).reduce((sum, suite) => sum + suite.pending.length, 0);
  const counts = suites ? ` (${stepPassed} passed, ${stepFailures} failed${pendingHere > 0 ? `, ${pendingHere} skipped` : ''})` : '';
  summary.push(`[test] ${step.name}: ${stepFailed ? 'FAILED' : 'passed'} in ${seconds}s${counts}`, ...notes.map((note) => `[test]   ✘ ${note}`));
  if (stepFailed) break;
}
console.log(`\n${summary.join('\n')}`);
for (const title of skipped) console.log(`[test] skipped: ${title}`);
console.log(`[test] ${((Date.now() - started) / 1000).toFixed(1)}s in all`);
console.log(`tests: ${passed} passed, ${failed} failed${skipped.length > 0 ? `, ${skipped.length} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
