import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import nodePath from 'node:path';
import ts from 'typescript';
import { REPO_ROOT } from './templateFiles';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = nodePath.join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/**
 * The messages of every `l10n.t(…)` call (`vscode.l10n.t` or a bare `l10n.t`, or a
 * name bound to it with `const t = vscode.l10n.t`) in a file, found with the
 * TypeScript parser: a single- or double-quoted string or a template literal
 * without substitutions, unescaped. A call whose first argument is anything else
 * (a variable, a template with `${}`, the object form), and any other use of
 * l10n.t (passed as a callback, say), lands in `unchecked`: its message could not
 * be matched against the bundle.
 */
function l10nMessages(fileName: string, text: string): { messages: string[]; unchecked: string[] } {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const messages: string[] = [];
  const unchecked: string[] = [];
  const where = (node: ts.Node) => `${fileName}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}: ${node.getText(source).slice(0, 80)}`;
  const isL10n = (node: ts.Expression) => (ts.isIdentifier(node) && node.text === 'l10n') || (ts.isPropertyAccessExpression(node) && node.name.text === 'l10n');
  const isL10nT = (node: ts.Node): node is ts.PropertyAccessExpression => ts.isPropertyAccessExpression(node) && node.name.text === 't' && isL10n(node.expression);
  const aliases = new Set<string>();
  const findAliases = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && isL10nT(node.initializer)) aliases.add(node.name.text);
    ts.forEachChild(node, findAliases);
  };
  findAliases(source);
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && (isL10nT(node.expression) || (ts.isIdentifier(node.expression) && aliases.has(node.expression.text)))) {
      const first = node.arguments[0];
      if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) messages.push(first.text);
      else unchecked.push(where(node));
      node.arguments.forEach(visit);
      return;
    }
    if (isL10nT(node)) {
      const declared = ts.isVariableDeclaration(node.parent) && node.parent.initializer === node && ts.isIdentifier(node.parent.name);
      if (!declared) unchecked.push(where(node));
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { messages, unchecked };
}

const readJson = (path: string) => JSON.parse(readFileSync(nodePath.join(REPO_ROOT, path), 'utf8')) as Record<string, string>;

describe('localisation', () => {
  it('every vscode.l10n.t message has a Simplified Chinese translation, and none is stale', () => {
    // The scanner itself, on calls written every way (expected values typed here by hand).
    const sample = [
      "vscode.l10n.t('single {0}', a);",
      'vscode.l10n.t("double \\"quoted\\"");',
      'l10n.t(`template\\nline`);',
      "vscode.l10n.t(\n  'on the next line',\n);",
      'vscode.l10n.t(message);',
      'vscode.l10n.t(`with ${x}`);',
      "vscode.l10n.t({ message: 'object form', comment: [] });",
      "other.t('not l10n');",
      'const tr = vscode.l10n.t;',
      "tr('through an alias');",
      'tr(key);',
      'keys.map(vscode.l10n.t);',
    ].join('\n');
    assert.deepEqual(l10nMessages('sample.ts', sample), {
      messages: ['single {0}', 'double "quoted"', 'template\nline', 'on the next line', 'through an alias'],
      unchecked: [
        'sample.ts:7: vscode.l10n.t(message)',
        'sample.ts:8: vscode.l10n.t(`with ${x}`)',
        "sample.ts:9: vscode.l10n.t({ message: 'object form', comment: [] })",
        'sample.ts:13: tr(key)',
        'sample.ts:14: vscode.l10n.t',
      ],
    });

    const used = new Set<string>();
    const unchecked: string[] = [];
    for (const file of files(nodePath.join(REPO_ROOT, 'src'))) {
      const found = l10nMessages(nodePath.relative(REPO_ROOT, file), readFileSync(file, 'utf8'));
      for (const message of found.messages) used.add(message);
      unchecked.push(...found.unchecked);
    }
    assert.deepEqual(unchecked, [], 'l10n.t calls whose message is not a string literal');
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
