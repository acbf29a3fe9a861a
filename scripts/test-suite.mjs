// One suite of `npm test`, on its own and optionally again and again:
//
//   npm run test:e2e                    the end-to-end journey (packages the .vsix it installs first)
//   npm run test:integration            the integration suite in code-server's extension host
//   CRD_REPEAT=10 npm run test:e2e      ten runs in a row; ends with "N of 10 runs passed"
//
// Like `npm test`, it brings the Debian packages and code-server first, and
// ends with "tests: N passed, N failed" over all runs. Every run goes on after
// a failed one (a flaky suite shows as fewer than N of N); a failed run's
// output stays in test-output/ (the e2e keeps it in test-output/e2e/<lang>/
// until the next run, so test-output/runs/<n>/ keeps a copy).
import { cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { outcome, prepareMachine, REPO_ROOT, runStep, STEPS } from './test-steps.mjs';

/** What each suite needs built before it, and the folder its output is left in. */
const SUITES = {
  e2e: { before: [STEPS.package], step: STEPS.e2e, output: join(REPO_ROOT, 'test-output', 'e2e') },
  integration: { before: [], step: STEPS.integration, output: join(REPO_ROOT, 'test-output', 'integration') },
};

const name = process.argv[2];
if (name !== 'e2e' && name !== 'integration') {
  console.error(`usage: node scripts/test-suite.mjs e2e|integration (got ${name ?? 'nothing'})`);
  process.exit(2);
}
const suite = SUITES[name];
const repeat = Number(process.env.CRD_REPEAT ?? 1);
if (!Number.isInteger(repeat) || repeat < 1) {
  console.error(`CRD_REPEAT must be a whole number of runs, 1 or more (got ${process.env.CRD_REPEAT})`);
  process.exit(2);
}

const started = Date.now();
await prepareMachine();
for (const step of suite.before) {
  const stepStarted = Date.now();
  const result = outcome(step, await runStep(step, { live: false }), (Date.now() - stepStarted) / 1000);
  console.log(result.lines.join('\n'));
  if (result.failed) process.exit(1);
}

let passedRuns = 0;
let passed = 0;
let failed = 0;
const runsOutput = join(REPO_ROOT, 'test-output', 'runs');
rmSync(runsOutput, { recursive: true, force: true });
for (let run = 1; run <= repeat; run++) {
  if (repeat > 1) console.log(`\n[test] run ${run} of ${repeat}`);
  const runStarted = Date.now();
  const result = outcome(suite.step, await runStep(suite.step, { live: true }), (Date.now() - runStarted) / 1000);
  passed += result.passed;
  failed += result.failures;
  if (!result.failed) passedRuns += 1;
  else if (repeat > 1 && existsSync(suite.output)) cpSync(suite.output, join(runsOutput, String(run)), { recursive: true });
  console.log(result.lines.map((line) => (repeat > 1 ? line.replace('[test] ', `[test] run ${run}: `) : line)).join('\n'));
}
if (repeat > 1) console.log(`[test] ${passedRuns} of ${repeat} runs passed${passedRuns < repeat ? ` (the failed runs' output: ${runsOutput})` : ''}`);
console.log(`[test] ${((Date.now() - started) / 1000).toFixed(1)}s in all`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
