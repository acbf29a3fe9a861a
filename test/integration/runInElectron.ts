/**
 * Runs the same integration suite in desktop VS Code through
 * @vscode/test-electron: with VSCODE_EXECUTABLE set it uses that VS Code,
 * otherwise test-electron downloads the `engines.vscode` minimum (this needs
 * internet, which CI here does not have; CI uses runInCodeServer.ts).
 *
 *   VSCODE_EXECUTABLE=/path/to/code npx tsx test/integration/runInElectron.ts [scenario…]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import nodePath from 'node:path';
import { runTests } from '@vscode/test-electron';
import { bundleSuite, OUT, REPO_ROOT, scenarios, specFiles } from './scenarios';

async function main(): Promise<void> {
  const { buildExtension } = await import('../../scripts/build-extension.mjs');
  buildExtension();
  const all = await scenarios();
  const bundle = await bundleSuite(all);
  const wanted = process.argv.slice(2);
  let failed = 0;
  for (const scenario of all.filter((s) => wanted.length === 0 || wanted.includes(s.name))) {
    const dir = nodePath.join(OUT, `electron-${scenario.name}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const userDataDir = nodePath.join(dir, 'user-data');
    const configPath = nodePath.join(dir, 'config.json');
    writeFileSync(configPath, JSON.stringify({ scenario: scenario.name, specs: specFiles(bundle, scenario), results: nodePath.join(dir, 'results.json'), logsRoot: nodePath.join(userDataDir, 'logs') }));
    const target = await scenario.prepare(mkdtempSync(nodePath.join(tmpdir(), `crd-it-${scenario.name}-`)));
    try {
      await runTests({
        ...(process.env.VSCODE_EXECUTABLE ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE } : { version: '1.100.3' }),
        extensionDevelopmentPath: REPO_ROOT,
        extensionTestsPath: nodePath.join(bundle, 'index.js'),
        extensionTestsEnv: { CRD_IT_CONFIG: configPath },
        launchArgs: [target, '--disable-extensions', '--user-data-dir', userDataDir, ...(scenario.untrusted ? [] : ['--disable-workspace-trust'])],
      });
    } catch (error) {
      console.error(`[integration:electron] scenario "${scenario.name}" failed: ${String(error)}`);
      failed++;
    }
  }
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
