// `npm test`: brings what the suites need (Debian packages when run as root,
// otherwise one line saying what to install; code-server into .cache/), then
// runs every step of scripts/test-steps.mjs and ends with one line:
// "tests: N passed, N failed", with ", N skipped" when tests were pending.
//
// Two lanes share the 2 cores, as the suites' needs allow: the type-check,
// eslint, the unit tests, the form in Chromium and the .vsix packaging run one
// after another in the first lane (their output is printed per step, whole),
// while the integration suite runs in code-server's extension host in the
// second (its output goes straight through). The end-to-end journey comes
// last, alone: it installs the .vsix the first lane packaged. After a failed
// step no new step starts; a step already running finishes.
import { outcome, prepareMachine, runStep, STEPS } from './test-steps.mjs';

/** @typedef {import('./test-steps.mjs').Step} Step */

const started = Date.now();
await prepareMachine();

let stop = false;
/** @type {{ order: number, outcome: import('./test-steps.mjs').StepOutcome }[]} */
const done = [];
/** The summary lists the steps in the order of STEPS, whichever lane ran them. */
const ORDER = Object.values(STEPS);

/**
 * Runs steps one after another until one fails or another lane failed.
 * @param {Step[]} steps @param {boolean} live
 */
async function lane(steps, live) {
  for (const step of steps) {
    if (stop) return;
    const at = ORDER.indexOf(step);
    const stepStarted = Date.now();
    if (live) console.log(`\n[test] ${step.name}: ${step.command.join(' ')}`);
    const code = await runStep(step, { live });
    const result = outcome(step, code, (Date.now() - stepStarted) / 1000);
    done.push({ order: at, outcome: result });
    if (result.failed) stop = true;
  }
}

await Promise.all([lane([STEPS.typecheck, STEPS.lint, STEPS.unit, STEPS.webview, STEPS.package], false), lane([STEPS.integration], true)]);
await lane([STEPS.e2e], true);

const outcomes = done.sort((a, b) => a.order - b.order).map((d) => d.outcome);
const passed = outcomes.reduce((sum, o) => sum + o.passed, 0);
const failed = outcomes.reduce((sum, o) => sum + o.failures, 0);
const skipped = outcomes.flatMap((o) => o.skipped);
console.log(`\n${outcomes.flatMap((o) => o.lines).join('\n')}`);
if (stop) console.log('[test] stopped after the first failure: the steps not listed did not run');
for (const title of skipped) console.log(`[test] skipped: ${title}`);
console.log(`[test] ${((Date.now() - started) / 1000).toFixed(1)}s in all`);
console.log(`tests: ${passed} passed, ${failed} failed${skipped.length > 0 ? `, ${skipped.length} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
