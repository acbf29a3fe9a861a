/**
 * Runs test/bench/host.ts inside code-server's extension host, the way the
 * integration suite runs its specs (test/integration/runInCodeServer.ts): a
 * bench-only runner extension loaded next to the extension under test
 * activates on startup, calls run() from the bundle and writes the figures as
 * JSON once a headless Chromium has opened the workbench (the extension host
 * starts when a client connects). Not part of `npm test`.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import nodePath from 'node:path';
import * as esbuild from 'esbuild';
import { launchBrowser, openWorkbench } from '../../test/support/browser';
import { waitForFile } from '../../test/support/waitForFile';
import type { HostConfig, HostFigures } from '../../test/bench/figures';
import { BENCH_OUT, REPO_ROOT } from './bundle';

const HOST_OUT = nodePath.join(BENCH_OUT, 'host');
const BUNDLE = nodePath.join(HOST_OUT, 'bundle', 'host.js');

/** Bundles test/bench/host.ts (CommonJS, `vscode` left to the host). */
export async function bundleHostBench(): Promise<void> {
  rmSync(nodePath.dirname(BUNDLE), { recursive: true, force: true });
  await esbuild.build({
    entryPoints: ['test/bench/host.ts'],
    outfile: BUNDLE,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
    absWorkingDir: REPO_ROOT,
  });
}

/** The runner extension: on startup it runs the bundle with `config` and writes what it returns (or its error) to `results`. */
function writeRunner(dir: string, config: HostConfig, results: string): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    nodePath.join(dir, 'package.json'),
    JSON.stringify({ name: 'bench-runner', publisher: 'crd-bench', version: '0.0.1', engines: { vscode: '^1.100.0' }, main: './runner.js', activationEvents: ['onStartupFinished'] }),
  );
  writeFileSync(
    nodePath.join(dir, 'runner.js'),
    `const fs = require('fs');
exports.activate = () => {
  // Not awaited: activation must return so the workbench finishes starting.
  Promise.resolve()
    .then(() => require(${JSON.stringify(BUNDLE)}).run(${JSON.stringify(config)}))
    .then((figures) => fs.writeFileSync(${JSON.stringify(results)}, JSON.stringify(figures)))
    .catch((error) => fs.writeFileSync(${JSON.stringify(results)}, JSON.stringify({ error: String((error && error.stack) || error) })));
};
exports.deactivate = () => {};
`,
  );
  return dir;
}

/**
 * One fresh code-server on `workspace` with `extension` loaded; returns the
 * figures test/bench/host.ts measured there, and its user data folder and
 * port, which `options` reuse to open the same window again (the workspace's
 * URI, and so its workspace storage, includes the port in code-server).
 */
export async function runInExtensionHost(workspace: string, extension: string, config: HostConfig, options: { userDataDir?: string; port?: number; timeoutMs?: number } = {}): Promise<HostFigures & { userDataDir: string; port: number }> {
  const timeoutMs = options.timeoutMs ?? 240_000;
  const { startCodeServer, findFreePort } = await import('../code-server.mjs');
  const dir = nodePath.join(HOST_OUT, config.phase);
  const results = nodePath.join(dir, 'figures.json');
  rmSync(results, { force: true });
  rmSync(nodePath.join(dir, 'server'), { recursive: true, force: true });
  const runner = writeRunner(nodePath.join(dir, 'runner'), config, results);
  const server = await startCodeServer({ workspace, port: options.port ?? (await findFreePort()), runRoot: nodePath.join(dir, 'server'), extensions: [extension, runner], userDataDir: options.userDataDir });
  let exited = false;
  void server.exited.then(() => (exited = true));
  const browser = await launchBrowser();
  try {
    await openWorkbench(browser.page, server.workspaceUrl);
    const figures = JSON.parse(await waitForFile(results, timeoutMs, () => !exited, 'bench')) as HostFigures | { error: string };
    if ('error' in figures) throw new Error(`the ${config.phase} bench failed in the extension host: ${figures.error}`);
    return { ...figures, userDataDir: server.userDataDir, port: server.port };
  } catch (error) {
    await browser.page.screenshot({ path: nodePath.join(dir, 'FAILED.png') }).catch(() => undefined);
    throw new Error(`${error instanceof Error ? error.message : String(error)} (code-server log: ${server.logPath})`);
  } finally {
    await browser.close();
    await server.stop();
  }
}
