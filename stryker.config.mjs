// Mutation testing (npm run test:mutation): StrykerJS changes the code that
// decides what a customer sees and what reaches git and the disk, one small
// change at a time, and runs the unit tests that cover each change. A change
// no test notices is a "survivor": a behaviour nothing pins. Not part of
// npm test; its score and run time are in BENCHMARKS.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'mocha',
  // boundaries.test.ts bundles src with esbuild and measures it: with Stryker's
  // instrumentation in the sandbox's copy those figures mean nothing.
  mochaOptions: { config: '.mocharc.json', ignore: ['test/unit/boundaries.test.ts'] },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.mutation.json',
  // The core, and the host code that builds what reaches git (pathspecs) and
  // decides whether a write stays inside the workspace (real paths).
  mutate: ['src/core/**/*.ts', 'src/gitCli.ts', 'src/realPaths.ts'],
  coverageAnalysis: 'perTest',
  // A static mutant (a changed module-level constant) would rerun the whole
  // suite for each change; the constants are pinned by the tests that use them.
  ignoreStatic: true,
  // Later runs retest only the mutants whose code or covering tests changed.
  incremental: true,
  incrementalFile: 'test-output/mutation/incremental.json',
  concurrency: 3,
  // A changed build that loops is stopped 3 s past its tests' normal time.
  timeoutMS: 3000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true, reportMutants: false },
  htmlReporter: { fileName: 'test-output/mutation/index.html' },
  jsonReporter: { fileName: 'test-output/mutation/mutation.json' },
  tempDirName: 'test-output/stryker-tmp',
  cleanTempDir: true,
  ignorePatterns: ['.cache', 'dist', 'test-output', '.vscode-test', '*.vsix'],
  // Below 90 % the run fails (issue 21's bar).
  thresholds: { high: 95, low: 90, break: 90 },
};
