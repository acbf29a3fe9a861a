/**
 * Mocha's spec reporter, unchanged on screen, that also writes mocha's own
 * counts (runner.stats) and the titles of pending and failed tests as JSON to
 * the file named by CRD_MOCHA_RESULTS, when set. scripts/test.mjs sums up the
 * unit and end-to-end suites from that file instead of reading the text.
 * Used, through mochaReporter.cjs, by the .mocharc.json files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import nodePath from 'node:path';
import Mocha from 'mocha';

/** What the reporter writes; scripts/test.mjs reads it. */
export interface MochaResults {
  passes: number;
  failures: number;
  pending: number;
  pendingTitles: string[];
  failureTitles: string[];
}

const { EVENT_RUN_END, EVENT_TEST_FAIL, EVENT_TEST_PENDING } = Mocha.Runner.constants;

export default class SpecWithResults extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    const pendingTitles: string[] = [];
    const failureTitles: string[] = [];
    runner.on(EVENT_TEST_PENDING, (test) => pendingTitles.push(test.fullTitle()));
    runner.on(EVENT_TEST_FAIL, (test) => failureTitles.push(test.fullTitle()));
    runner.once(EVENT_RUN_END, () => {
      const file = process.env.CRD_MOCHA_RESULTS;
      if (!file) return;
      const stats = runner.stats ?? this.stats;
      const results: MochaResults = { passes: stats.passes, failures: stats.failures, pending: stats.pending, pendingTitles, failureTitles };
      mkdirSync(nodePath.dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(results, null, 2));
    });
  }
}
