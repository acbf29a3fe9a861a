import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import nodePath from 'node:path';
import { REPO_ROOT } from './templateFiles';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = nodePath.join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const readJson = (path: string) => JSON.parse(readFileSync(nodePath.join(REPO_ROOT, path), 'utf8')) as Record<string, string>;

describe('localisation', () => {
  it('every vscode.l10n.t message has a Simplified Chinese translation, and none is stale', () => {
    const used = new Set<string>();
    for (const file of files(nodePath.join(REPO_ROOT, 'src'))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) used.add(match[1].replace(/\\'/g, "'"));
    }
    const bundle = readJson('l10n/bundle.l10n.zh-cn.json');
    assert.ok(used.size > 10);
    assert.deepEqual([...used].filter((m) => !(m in bundle)), [], 'missing translations');
    assert.deepEqual(Object.keys(bundle).filter((m) => !used.has(m)), [], 'translations no code uses');
    for (const [en, zh] of Object.entries(bundle)) {
      const placeholders = (s: string) => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort().join();
      assert.equal(placeholders(zh), placeholders(en), `placeholders of "${en}"`);
    }
  });

  it('package.nls files have the same keys, and the manifest uses each', () => {
    const en = readJson('package.nls.json');
    const zh = readJson('package.nls.zh-cn.json');
    assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
    const manifest = readFileSync(nodePath.join(REPO_ROOT, 'package.json'), 'utf8');
    const referenced = new Set([...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]));
    assert.deepEqual([...referenced].filter((k) => !(k in en)), []);
    assert.deepEqual(Object.keys(en).filter((k) => !referenced.has(k)), []);
  });
});
