/** The integration suite's scenarios (workspace set-ups) and its bundle, shared by both host runners. */
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import nodePath from 'node:path';
import * as esbuild from 'esbuild';
import type { ItConfig } from './config';
import { prepareGitWorkspace } from './gitWorkspace';

export const REPO_ROOT = nodePath.resolve(__dirname, '../..');
export const OUT = nodePath.join(REPO_ROOT, 'test-output', 'integration');

export interface Scenario {
  name: ItConfig['scenario'];
  /** spec files (test/integration/<name>.spec.ts), run in this order */
  specs: string[];
  untrusted?: boolean;
  /** makes the workspace under `parent`; returns the folder or .code-workspace file to open */
  prepare(parent: string): Promise<string>;
}

const ADR_REPOS = ['adr-tools-default', 'adr-tools-custom-dir', 'log4brains', 'madr', 'monorepo'];

export async function scenarios(): Promise<Scenario[]> {
  const { prepareSampleWorkspace } = await import('../../scripts/sample-workspace.mjs');
  return [
    { name: 'sample', specs: ['activation', 'commands', 'settings', 'form', 'concurrency', 'hardening', 'faults', 'requests', 'requestCache', 'register', 'export'], prepare: async (parent) => prepareSampleWorkspace(parent) },
    {
      name: 'multi-root',
      specs: ['discovery'],
      async prepare(parent) {
        const root = nodePath.join(parent, 'repos');
        for (const repo of ADR_REPOS) cpSync(nodePath.join(REPO_ROOT, 'test/fixtures/adr-repos', repo), nodePath.join(root, repo), { recursive: true });
        const file = nodePath.join(root, 'fleet.code-workspace');
        writeFileSync(file, JSON.stringify({ folders: ADR_REPOS.map((path) => ({ path })), settings: {} }, null, 2));
        return file;
      },
    },
    { name: 'untrusted', specs: ['untrusted'], untrusted: true, prepare: async (parent) => prepareSampleWorkspace(parent) },
    { name: 'git', specs: ['git'], prepare: async (parent) => prepareGitWorkspace(parent, prepareSampleWorkspace) },
  ];
}

/** Bundles run() and every spec (CommonJS, `vscode` and `mocha` left to the host); returns the folder. */
export async function bundleSuite(all: Scenario[]): Promise<string> {
  const outdir = nodePath.join(OUT, 'bundle');
  rmSync(outdir, { recursive: true, force: true });
  const specs = [...new Set(all.flatMap((s) => s.specs))].map((s) => `test/integration/${s}.spec.ts`);
  await esbuild.build({
    entryPoints: ['test/integration/index.ts', ...specs],
    outdir,
    outbase: 'test/integration',
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['vscode', 'mocha'],
    sourcemap: 'inline',
    logLevel: 'warning',
    absWorkingDir: REPO_ROOT,
  });
  return outdir;
}

export function specFiles(bundle: string, scenario: Scenario): string[] {
  return scenario.specs.map((s) => nodePath.join(bundle, `${s}.spec.js`));
}
