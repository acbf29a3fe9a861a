import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import nodePath from 'node:path';
import { REPO_ROOT } from './templateFiles';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = nodePath.join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('architecture boundaries', () => {
  it('src/core imports nothing from vscode nor Node built-ins', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(nodePath.join(REPO_ROOT, 'src/core'))) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/(?:from\s+|require\()\s*['"]([^'"]+)['"]/g)) {
        const spec = match[1];
        if (spec === 'vscode' || spec.startsWith('node:') || ['fs', 'path', 'os', 'child_process', 'crypto'].includes(spec)) {
          offenders.push(`${nodePath.relative(REPO_ROOT, file)}: ${spec}`);
        }
      }
    }
    assert.deepEqual(offenders, []);
  });

  it('the production bundle is under 250 KB and leaves vscode external', function () {
    this.timeout(60_000);
    const out = nodePath.join(REPO_ROOT, 'test-output', 'bundle');
    execFileSync(process.execPath, [nodePath.join(REPO_ROOT, 'esbuild.mjs'), '--production', `--outdir=${out}`], { cwd: REPO_ROOT, stdio: 'pipe' });
    const bundle = nodePath.join(out, 'extension.js');
    const size = statSync(bundle).size;
    assert.ok(size < 250 * 1024, `dist/extension.js is ${(size / 1024).toFixed(1)} KB`);
    const text = readFileSync(bundle, 'utf8');
    assert.match(text, /require\("vscode"\)/);
    // zod's classic API drags in every locale (400 KB); core uses zod/mini, which tree-shakes.
    const meta = JSON.parse(readFileSync(nodePath.join(out, 'extension.meta.json'), 'utf8')) as {
      outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }>;
    };
    const inputs = Object.entries(Object.values(meta.outputs).find((o) => Object.keys(o.inputs).length > 0)!.inputs);
    const localeBytes = inputs.filter(([name]) => name.includes('zod/v4/locales')).reduce((sum, [, v]) => sum + v.bytesInOutput, 0);
    assert.equal(localeBytes, 0);
  });
});
