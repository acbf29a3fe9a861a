/**
 * The extension as users get it, for `npm run bench`: `node esbuild.mjs
 * --production` built into test-output/bench/extension/dist (the repo's own
 * dist/ stays the development build the tests use) beside copies of the files
 * the .vsix ships (package.json, its nls files, l10n/, media/). Bundle sizes
 * come from the metafiles esbuild.mjs writes next to each bundle.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import nodePath from 'node:path';

export const REPO_ROOT = nodePath.resolve(__dirname, '../..');
export const BENCH_OUT = nodePath.join(REPO_ROOT, 'test-output', 'bench');
export const BENCH_EXTENSION = nodePath.join(BENCH_OUT, 'extension');
export const EMPTY_EXTENSION = nodePath.join(REPO_ROOT, 'test/fixtures/empty-extension');

/** Builds the production extension into BENCH_EXTENSION; returns that folder. */
export function buildProductionExtension(): string {
  rmSync(BENCH_EXTENSION, { recursive: true, force: true });
  mkdirSync(BENCH_EXTENSION, { recursive: true });
  const dist = nodePath.join(BENCH_EXTENSION, 'dist');
  const result = spawnSync(process.execPath, ['esbuild.mjs', '--production', `--outdir=${dist}`], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`node esbuild.mjs --production failed:\n${result.stdout}${result.stderr}`);
  for (const file of ['package.json', 'package.nls.json', 'package.nls.zh-cn.json', 'l10n', 'media']) {
    cpSync(nodePath.join(REPO_ROOT, file), nodePath.join(BENCH_EXTENSION, file), { recursive: true });
  }
  return BENCH_EXTENSION;
}

export interface BundleSize {
  /** dist/<name>.js */
  name: string;
  bytes: number;
  /** undefined: no budget, printed for context */
  budgetBytes?: number;
  /** its three largest inputs, by bytes in the output */
  largest: { input: string; bytes: number }[];
}

/**
 * The 250 KB extension budget is about what activation loads: dist/extension.js,
 * the thin entry. dist/desk.js (commands, views, zod) loads on first use
 * or in idle time after activation, so it is reported beside it without a budget.
 */
const BUDGETS: Record<string, number> = { extension: 250 * 1024, webview: 150 * 1024 };
const ORDER = ['extension', 'desk', 'yaml', 'webview', 'handlebars-runtime', 'templates.en', 'templates.zh-cn', 'handlebars-compiler'];

interface Metafile {
  outputs: Record<string, { bytes: number; inputs: Record<string, { bytesInOutput: number }> }>;
}

/** Each bundle's size from its metafile, the budgeted ones first. */
export function bundleSizes(dist = nodePath.join(BENCH_EXTENSION, 'dist')): BundleSize[] {
  return ORDER.map((name) => {
    const meta = JSON.parse(readFileSync(nodePath.join(dist, `${name}.meta.json`), 'utf8')) as Metafile;
    const [, output] = Object.entries(meta.outputs).find(([path]) => path.endsWith('.js'))!;
    const largest = Object.entries(output.inputs)
      .map(([input, { bytesInOutput }]) => ({ input: input.replace(/^.*node_modules\//, ''), bytes: bytesInOutput }))
      .sort((a, b) => b.bytes - a.bytes)
      .slice(0, 3);
    return { name, bytes: output.bytes, ...(BUDGETS[name] ? { budgetBytes: BUDGETS[name] } : {}), largest };
  });
}
