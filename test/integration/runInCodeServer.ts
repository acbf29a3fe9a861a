/**
 * Runs the integration suite inside code-server's real extension host (VS Code
 * 1.100.3), once per scenario (workspace set-up). code-server has no
 * `--extensionTestsPath` for its remote extension host, so a test-only runner
 * extension is loaded next to ours: it activates on startup, calls run() from
 * the bundled suite (the same entry @vscode/test-electron uses) and writes a
 * JSON summary, which this script waits for once a headless Chromium has
 * opened the workbench (the extension host starts when a client connects).
 *
 *   npx tsx test/integration/runInCodeServer.ts [scenario…]
 *
 * Each scenario counts on its own: one that ran no test fails. With CRD_IT_SUMMARY
 * set, the per-scenario counts and pending titles are written there as JSON
 * (scripts/test.mjs reads them). `.only` is refused in the extension host, and
 * pending tests too when CI is set.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import nodePath from 'node:path';
import { launchBrowser, openWorkbench } from '../support/browser';
import { waitForFile } from '../support/waitForFile';
import type { IntegrationSummary, ItConfig, ScenarioSummary, SuiteResult } from './config';
import { bundleSuite, OUT, REPO_ROOT, scenarios, specFiles, type Scenario } from './scenarios';

async function scripts() {
  const [codeServer, build] = await Promise.all([import('../../scripts/code-server.mjs'), import('../../scripts/build-extension.mjs')]);
  return { ...codeServer, ...build };
}

/** The test-only extension that runs the suite when the extension host starts. */
function writeRunnerExtension(dir: string, config: ItConfig, index: string): string {
  const configPath = nodePath.join(dir, 'config.json');
  mkdirSync(dir, { recursive: true });
  writeFileSync(configPath, JSON.stringify(config, null, 2));
  writeFileSync(
    nodePath.join(dir, 'package.json'),
    JSON.stringify({
      name: 'integration-runner',
      publisher: 'crd-test',
      version: '0.0.1',
      engines: { vscode: '^1.100.0' },
      main: './runner.js',
      activationEvents: ['onStartupFinished'],
      capabilities: { untrustedWorkspaces: { supported: true }, virtualWorkspaces: true },
    }),
  );
  writeFileSync(
    nodePath.join(dir, 'runner.js'),
    `const fs = require('fs');
exports.activate = () => {
  process.env.CRD_IT_CONFIG = ${JSON.stringify(configPath)};
  // Not awaited: activation must return so the workbench finishes starting.
  Promise.resolve().then(() => require(${JSON.stringify(index)}).run()).catch((error) => {
    if (!fs.existsSync(${JSON.stringify(config.results)})) {
      fs.writeFileSync(${JSON.stringify(config.results)}, JSON.stringify({ scenario: ${JSON.stringify(config.scenario)}, failures: 1, tests: [], lines: [], ms: 0, fatal: String(error && error.stack || error) }));
    }
  });
};
exports.deactivate = () => {};
`,
  );
  return dir;
}

async function runScenario(scenario: Scenario, bundle: string, lib: Awaited<ReturnType<typeof scripts>>): Promise<SuiteResult> {
  const dir = nodePath.join(OUT, scenario.name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const target = await scenario.prepare(mkdtempSync(nodePath.join(tmpdir(), `crd-it-${scenario.name}-`)));
  const results = nodePath.join(dir, 'results.json');
  const runRoot = nodePath.join(dir, 'server');
  // The runner must exist before code-server scans the extensions folder; the profile (and its logs) is made under runRoot.
  const runner = writeRunnerExtension(
    nodePath.join(dir, 'runner'),
    { scenario: scenario.name, specs: specFiles(bundle, scenario), results, logsRoot: runRoot, forbidPending: Boolean(process.env.CI) },
    nodePath.join(bundle, 'index.js'),
  );
  const server = await lib.startCodeServer({
    workspace: target,
    port: await lib.findFreePort(),
    untrusted: scenario.untrusted,
    runRoot,
    extensions: [REPO_ROOT, runner],
  });
  let exited = false;
  void server.exited.then(() => (exited = true));
  const browser = await launchBrowser();
  try {
    // Copy Offer Text writes the clipboard (in VS Code for the browser, the page's); export.spec.ts reads it back.
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
    const url = target.endsWith('.code-workspace') ? `${server.url}?workspace=${encodeURIComponent(target).replace(/%2F/g, '/')}` : server.workspaceUrl;
    await openWorkbench(browser.page, url);
    const text = await waitForFile(results, 300_000, () => !exited, 'suite');
    await browser.page.screenshot({ path: nodePath.join(dir, 'workbench.png') }).catch(() => undefined);
    return JSON.parse(text) as SuiteResult;
  } catch (error) {
    await browser.page.screenshot({ path: nodePath.join(dir, 'FAILED.png') }).catch(() => undefined);
    return { scenario: scenario.name, failures: 1, tests: [], lines: [], ms: 0, fatal: `${String(error)} (code-server log: ${server.logPath})` };
  } finally {
    await browser.close();
    await server.stop();
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const lib = await scripts();
  lib.buildExtension();
  const all = await scenarios();
  const bundle = await bundleSuite(all);
  const wanted = process.argv.slice(2);
  const summaries: ScenarioSummary[] = [];
  // CRD_IT_SPECS=requests,form runs only those specs of the chosen scenarios (while developing; `npm test` runs all).
  const onlySpecs = process.env.CRD_IT_SPECS?.split(',').filter(Boolean);
  for (const scenario of all.filter((s) => wanted.length === 0 || wanted.includes(s.name))) {
    const specs = onlySpecs ? scenario.specs.filter((spec) => onlySpecs.includes(spec)) : scenario.specs;
    if (specs.length === 0) continue;
    const result = await runScenario({ ...scenario, specs }, bundle, lib);
    console.log(`\n[integration] scenario "${scenario.name}" (${(result.ms / 1000).toFixed(1)} s in the extension host)`);
    for (const line of result.lines) console.log(`  ${line}`);
    const summary = summarize(result);
    if (summary.fatal) console.log(`  ✘ ${summary.fatal}`);
    summaries.push(summary);
  }
  const passed = summaries.reduce((sum, s) => sum + s.passed, 0);
  const failed = summaries.reduce((sum, s) => sum + s.failed, 0);
  const skipped = summaries.reduce((sum, s) => sum + s.pendingTitles.length, 0);
  const out = process.env.CRD_IT_SUMMARY;
  if (out) {
    mkdirSync(nodePath.dirname(out), { recursive: true });
    writeFileSync(out, JSON.stringify({ scenarios: summaries } satisfies IntegrationSummary, null, 2));
  }
  console.log(`\n[integration] ${((Date.now() - started) / 1000).toFixed(1)} s in all`);
  console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
  process.exitCode = summaries.length === 0 || summaries.some((s) => s.failed > 0) ? 1 : 0;
}

/**
 * Counts one scenario. Its failures are mocha's own count (`failures`, which
 * includes failed hooks) or the failed tests listed, whichever is larger; a
 * scenario that could not run, or ran no test at all, counts as one failure.
 */
function summarize(result: SuiteResult): ScenarioSummary {
  const passed = result.tests.filter((t) => t.state === 'passed').length;
  const listed = result.tests.filter((t) => t.state === 'failed').length;
  const fatal = result.fatal ?? (passed + listed === 0 ? 'ran no tests' : undefined);
  const failed = Math.max(result.failures, listed, fatal ? 1 : 0);
  const pendingTitles = result.tests.filter((t) => t.state === 'pending').map((t) => t.title);
  return { scenario: result.scenario, passed, failed, pendingTitles, ...(fatal ? { fatal } : {}) };
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
