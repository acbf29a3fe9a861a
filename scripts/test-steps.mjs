// The steps of `npm test` and how each is run and counted; scripts/test.mjs
// runs them all, scripts/test-suite.mjs one suite, repeated.
//
// The counts come from mocha's own data, never from the text: the unit, webview
// and end-to-end runs use test/support/mochaReporter.ts, which writes
// runner.stats and the pending titles to the file named by CRD_MOCHA_RESULTS;
// the integration runner writes one summary per scenario (from the JSON results
// of the extension host, `failures` included) to the file named by
// CRD_IT_SUMMARY. Each suite (unit, each integration scenario, e2e) that ran no
// test counts as a failure. `.only` is always refused (forbid-only); pending
// tests are listed by title, and refused too when CI is set (forbid-pending).
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SetupError, ensureCodeServer, ensureSystemPackages } from './ensure-code-server.mjs';
import { describePackage } from './package.mjs';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const RESULTS = join(REPO_ROOT, 'test-output', 'results');
export const LOGS = join(REPO_ROOT, 'test-output', 'logs');
/** The .vsix `npm test` packages and the end-to-end journey installs. */
export const TEST_VSIX = join(REPO_ROOT, 'test-output', 'vsix', 'custom-request-desk.vsix');
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
 * @property {(results: any) => string} [describe] what the summary says of a step that counts no tests
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

/** @typedef {'typecheck' | 'lint' | 'unit' | 'webview' | 'package' | 'integration' | 'e2e'} StepName */

/**
 * Every step of `npm test`, by short name.
 * @type {Record<StepName, Step>}
 */
export const STEPS = {
  typecheck: { name: 'type-check', command: ['npx', 'tsc', '--noEmit'] },
  lint: { name: 'eslint', command: ['npx', 'eslint', '.'] },
  unit: { name: 'unit tests', command: ['npx', 'mocha', ...forbidPending], env: { CRD_MOCHA_RESULTS: resultsFile('unit') }, results: resultsFile('unit'), suites: mochaSuite('unit') },
  webview: {
    name: 'webview tests (the form in Chromium)',
    command: ['npx', 'mocha', '--config', 'test/webview/.mocharc.json', ...forbidPending],
    env: { CRD_MOCHA_RESULTS: resultsFile('webview') },
    results: resultsFile('webview'),
    suites: mochaSuite('webview'),
  },
  package: {
    name: 'package (the .vsix a user installs)',
    command: ['node', 'scripts/package.mjs', '--out', TEST_VSIX, '--results', resultsFile('package')],
    results: resultsFile('package'),
    describe: describePackage,
  },
  integration: {
    name: 'integration tests (code-server extension host)',
    command: ['npx', 'tsx', 'test/integration/runInCodeServer.ts'],
    env: { CRD_IT_SUMMARY: resultsFile('integration') },
    results: resultsFile('integration'),
    suites: integrationSuites,
  },
  e2e: {
    name: 'end-to-end tests (the installed .vsix in code-server, driven in Chromium)',
    command: ['npx', 'mocha', '--config', 'test/e2e/.mocharc.json', ...forbidPending],
    // The journey installs what the package step made (run it first).
    env: { CRD_MOCHA_RESULTS: resultsFile('e2e'), CRD_VSIX: TEST_VSIX },
    results: resultsFile('e2e'),
    suites: mochaSuite('e2e'),
  },
};

/**
 * Runs one step. `live`: its output goes straight through; otherwise it goes to
 * test-output/logs/<file>.log and is printed in one block when the step ends,
 * so steps running side by side do not mix their lines.
 * @param {Step} step
 * @param {{ live: boolean, env?: Record<string, string>, log?: string }} options
 * @returns {Promise<number>} the exit code
 */
export function runStep(step, options) {
  if (step.results) rmSync(step.results, { force: true });
  mkdirSync(LOGS, { recursive: true });
  const logPath = join(LOGS, `${options.log ?? step.name.split(' ')[0]}.log`);
  return new Promise((resolve) => {
    const [command, ...args] = step.command;
    const child = spawn(command, args, {
      cwd: REPO_ROOT,
      stdio: ['ignore', options.live ? 'inherit' : 'pipe', options.live ? 'inherit' : 'pipe'],
      env: { ...process.env, FORCE_COLOR: '0', ...step.env, ...options.env },
    });
    const log = options.live ? undefined : createWriteStream(logPath);
    child.stdout?.pipe(/** @type {NodeJS.WritableStream} */ (log), { end: false });
    child.stderr?.pipe(/** @type {NodeJS.WritableStream} */ (log), { end: false });
    child.on('close', (code) => {
      if (!log) return resolve(code ?? 1);
      log.end(() => {
        process.stdout.write(`\n[test] ${step.name}: ${step.command.join(' ')}\n${readFileSync(logPath, 'utf8')}`);
        resolve(code ?? 1);
      });
    });
  });
}

/**
 * The suites' counts from the step's results file; a suite that ran no test
 * gets a problem. Undefined when the file is missing or unreadable.
 * @param {Step} step
 * @returns {SuiteCounts[] | undefined}
 */
export function readSuites(step) {
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

/**
 * A finished step's counts and the summary line for it.
 * @typedef {object} StepOutcome
 * @property {boolean} failed
 * @property {number} passed tests passed
 * @property {number} failures tests failed (a step that failed without a test failure counts as one)
 * @property {string[]} skipped "suite: title" of pending tests
 * @property {string[]} lines the summary's lines for the step
 */

/**
 * @param {Step} step
 * @param {number} code the step's exit code
 * @param {number} seconds
 * @returns {StepOutcome}
 */
export function outcome(step, code, seconds) {
  const suites = readSuites(step);
  let failed = code !== 0;
  /** @type {string[]} */
  const notes = [];
  let described = '';
  if (step.describe) {
    if (step.results && existsSync(step.results)) described = ` (${step.describe(JSON.parse(readFileSync(step.results, 'utf8')))})`;
    else if (!failed) notes.push(`no results in ${step.results}`);
  } else if (step.results && !suites) notes.push(`no results in ${step.results}`);
  let passed = 0;
  let failures = 0;
  /** @type {string[]} */
  const skipped = [];
  for (const suite of suites ?? []) {
    passed += suite.passed;
    // A suite that ran nothing or could not run counts as one failure, unless its tests already failed.
    failures += suite.failed > 0 ? suite.failed : suite.problem ? 1 : 0;
    if (suite.problem) notes.push(`${suite.name}: ${suite.problem}`);
    skipped.push(...suite.pending.map((title) => `${suite.name}: ${title}`));
  }
  if (notes.length > 0) failed = true;
  // A step that failed without a test failure (a crash, a lint error, no results) still counts as one failure.
  if (failed && failures === 0) failures = 1;
  const counts = suites ? ` (${passed} passed, ${failures} failed${skipped.length > 0 ? `, ${skipped.length} skipped` : ''})` : described;
  return {
    failed,
    passed,
    failures,
    skipped,
    lines: [`[test] ${step.name}: ${failed ? 'FAILED' : 'passed'} in ${seconds.toFixed(1)}s${counts}`, ...notes.map((note) => `[test]   ✘ ${note}`)],
  };
}

/** The Debian packages (as root) and code-server the suites need; a missing one ends the run with one line saying what to install. */
export async function prepareMachine() {
  try {
    ensureSystemPackages();
    await ensureCodeServer();
  } catch (error) {
    console.error(error instanceof SetupError ? error.message : error);
    process.exit(1);
  }
}
