/**
 * Runs the integration specs inside a real VS Code extension host and writes
 * a JSON summary. Both hosts call `run()`: code-server through the test-only
 * runner extension (see runInCodeServer.ts) and desktop VS Code through
 * @vscode/test-electron's `extensionTestsPath` (see runInElectron.ts).
 */
import { writeFileSync } from 'node:fs';
import Mocha from 'mocha';
import { itConfig, type SpecResult, type SuiteResult } from './config';

export async function run(): Promise<void> {
  const config = itConfig();
  // `.only` always fails the run; a pending test fails it too when the host runner says so (CI).
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'base', forbidOnly: true, forbidPending: config.forbidPending === true });
  for (const spec of config.specs) mocha.addFile(spec);
  const tests: SpecResult[] = [];
  const lines: string[] = [];
  const started = Date.now();
  let depth = 0;
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run(resolve);
    runner.on('suite', (suite) => {
      if (suite.title) lines.push(`${'  '.repeat(depth)}${suite.title}`);
      if (suite.title) depth++;
    });
    runner.on('suite end', (suite) => {
      if (suite.title) depth--;
    });
    runner.on('pass', (test) => {
      tests.push({ title: test.fullTitle(), state: 'passed', ms: test.duration ?? 0 });
      lines.push(`${'  '.repeat(depth)}✔ ${test.title} (${test.duration ?? 0}ms)`);
    });
    runner.on('pending', (test) => {
      tests.push({ title: test.fullTitle(), state: 'pending', ms: 0 });
      lines.push(`${'  '.repeat(depth)}- ${test.title}`);
    });
    runner.on('fail', (test, error: Error) => {
      tests.push({ title: test.fullTitle(), state: 'failed', ms: test.duration ?? 0, error: error.stack ?? String(error) });
      lines.push(`${'  '.repeat(depth)}✘ ${test.title}`, ...(error.stack ?? String(error)).split('\n').map((l) => `${'  '.repeat(depth + 2)}${l}`));
    });
  });
  const result: SuiteResult = { scenario: config.scenario, failures, tests, lines, ms: Date.now() - started };
  if (config.results) writeFileSync(config.results, JSON.stringify(result, null, 2));
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
}
