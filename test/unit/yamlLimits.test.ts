/**
 * YAML from repository files is bounded (src/core/yamlLimits.ts): too long
 * or too deep is refused before yaml works on it, and duplicate keys are
 * found in linear time, as yaml itself would find them.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { parseAdr } from '../../src/core/adrFiles';
import { parseAssessment } from '../../src/core/assessment';
import { DeskError } from '../../src/core/errors';
import { readAssessmentFrontMatter, readAssessmentOutline, readPlainYaml } from '../../src/core/fastFrontMatter';
import { FrontMatterCache } from '../../src/core/frontMatterCache';
import { planFrontMatterEdit } from '../../src/core/frontMatterEdit';
import { parseQuoteFile } from '../../src/core/quoteFile';
import { MAX_FRONT_MATTER_CHARS, MAX_YAML_DEPTH, parseFrontMatterYaml } from '../../src/core/yamlLimits';
import { findAdrFolders } from '../../src/core/adrDiscovery';
import { makeTempDir, nodeFs, writeTree } from './nodeFs';

const FILE = 'docs/custom-requests/2026-11-01-acme/assessment.md';

/** An assessment's front matter lines, as the extension writes them. */
const HEAD = ['kind: custom-request-assessment', 'schemaVersion: 1', 'id: k3x9qa', 'customer: Acme', 'title: Reverse push', 'broughtBy: Wang', 'language: en', 'created: 2026-11-01', 'status: draft', 'adr: null', 'quotes: []'];

/** About 390 KB of front matter: 40,000 distinct keys (yaml's own duplicate check took ~20 s on it). */
function manyKeys(): string[] {
  return Array.from({ length: 40_000 }, (_, i) => `k${i}: v`);
}

function fileOf(lines: string[]): string {
  return `---\n${lines.join('\n')}\n---\n\n# Body\n`;
}

/** `depth` block mappings, one inside the other: `a:` / `  a:` / … / the last holds `leaf: 1`. */
function nestedBlock(depth: number): string {
  return Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}${i === depth - 1 ? 'leaf: 1' : 'a:'}`).join('\n');
}

function refusedWith(f: () => unknown, pattern: RegExp): DeskError {
  let caught: unknown;
  assert.throws(f, (error: unknown) => {
    caught = error;
    return error instanceof DeskError;
  });
  const error = caught as DeskError;
  assert.match(error.text.en, pattern);
  assert.ok(error.text['zh-cn'].length > 0);
  return error;
}

describe('YAML limits', () => {
  it('refuses a 390 KB front matter with many keys before parsing it, naming the file, in every reader', () => {
    const text = fileOf([...HEAD, ...manyKeys()]);
    assert.ok(text.length > 380_000 && text.length > MAX_FRONT_MATTER_CHARS);
    const pattern = new RegExp(`^The front matter of ${FILE.replace(/[.]/g, '\\.')} is too long to read: \\d+ KB of YAML, over the limit of 128 KB`);
    const error = refusedWith(() => parseAssessment(text, FILE), pattern);
    assert.equal(error.code, 'invalid-front-matter');
    assert.ok(error.text['zh-cn'].startsWith(`${FILE} 的 front matter 过长，无法读取：`), error.text['zh-cn']);
    refusedWith(() => readAssessmentFrontMatter(text, FILE), pattern);
    refusedWith(() => planFrontMatterEdit(text, FILE, () => undefined), pattern);
    assert.equal(readAssessmentOutline(text), undefined);
    assert.equal(readPlainYaml(text.slice(4, text.indexOf('\n---\n'))), undefined, 'the fast reader leaves it to the full parser');
  });

  it('lists such an assessment under Needs attention: its problem is a front matter problem, not "not an assessment"', () => {
    // The Custom Requests index (src/requestIndex.ts) keeps an entry whose DeskError is anything but not-an-assessment, with its message.
    const cache = new FrontMatterCache(readAssessmentFrontMatter);
    const text = fileOf([...HEAD, ...manyKeys()]);
    const error = refusedWith(() => cache.frontMatter('key', FILE, text), /too long to read/);
    assert.notEqual(error.code, 'not-an-assessment');
    refusedWith(() => cache.frontMatter('key', FILE, text), /too long to read/);
  });

  it('refuses a quote file with a huge front matter, naming the file', () => {
    const text = fileOf(['kind: custom-request-quote', 'number: Q-2026-001', ...manyKeys()]);
    refusedWith(() => parseQuoteFile(text, 'docs/adr/quotes/q.md'), /^docs\/adr\/quotes\/q\.md is not a quote written by Custom Request Desk: its front matter is too long to read/);
  });

  it('reads an ADR with a huge front matter from its body, as for broken YAML, without parsing it', () => {
    const text = fileOf(['status: accepted', 'date: 2026-01-02', ...manyKeys()]).replace('# Body', '# Use PostgreSQL\n\n* Status: proposed');
    const adr = parseAdr('/w/doc/adr/0003-use-postgresql.md', text);
    assert.deepEqual(adr && { title: adr.title, status: adr.status, number: adr.number }, { title: 'Use PostgreSQL', status: 'proposed', number: 3 });
  });

  it('takes no ADR folder from a huge .log4brains.yml', async () => {
    const root = await makeTempDir();
    const huge = ['project:', '  adrFolder: ./decisions', ...manyKeys().map((line) => `  ${line}`)].join('\n');
    await writeTree(root, { '.log4brains.yml': huge, 'decisions/.keep': '' });
    const folders = await findAdrFolders(nodeFs, root);
    assert.ok(!folders.some((folder) => folder.kind === 'log4brains'), JSON.stringify(folders));
    // Within the limit, the same file configures the folder.
    await writeTree(root, { '.log4brains.yml': 'project:\n  adrFolder: ./decisions\n' });
    assert.ok((await findAdrFolders(nodeFs, root)).some((folder) => folder.kind === 'log4brains' && folder.path.endsWith('/decisions')));
    await nodeFs.remove(root);
  });

  it('reports a duplicate key with its line in the file', () => {
    const text = fileOf([...HEAD.slice(0, 4), 'title: First', ...HEAD.slice(4)]);
    // `title` appears at lines 6 (the new one; line 1 is `---`) and 7: the second is the duplicate.
    const error = refusedWith(() => parseAssessment(text, FILE), new RegExp(`^The front matter of ${FILE.replace(/[.]/g, '\\.')}:7 has the key "title" twice in one mapping`));
    assert.ok(error.text['zh-cn'].startsWith(`${FILE}:7 的 front matter 在同一个映射中有两个键 "title"`), error.text['zh-cn']);
  });

  it('finds duplicate keys exactly where yaml itself does (null and ~, 1 and 1.0, quoted and plain; never two .nan)', () => {
    const cases = ['null: 1\n~: 2', 'Null: 1\nNULL: 2', '1: a\n1.0: b', 'a: 1\n"a": 2', 'True: 1\ntrue: 2', '.nan: 1\n.nan: 2', 'a: {x: 1, x: 2}', '- a: 1\n  b: 2\n- a: 3', 'a:\n  b: 1\nc:\n  b: 2', "'1': a\n1: b"];
    const key = fc.constantFrom('a', '"a"', "'a'", 'null', '~', 'Null', 'true', 'True', '1', '1.0', '0x1', '.nan', '-0', '0');
    const line = fc.tuple(key, fc.constantFrom('1', 'x', '[]')).map(([k, v]) => `${k}: ${v}`);
    const generated = fc.sample(fc.array(line, { minLength: 1, maxLength: 5 }).map((lines) => lines.join('\n')), { numRuns: 300, seed: 4 });
    let duplicates = 0;
    for (const yaml of [...cases, ...generated]) {
      // yaml's own check (its default, uniqueKeys: true) is the oracle on these small texts.
      const yamlSays = parseDocument(yaml).errors.some((error) => error.code === 'DUPLICATE_KEY');
      const { refusal } = parseFrontMatterYaml(yaml);
      const weSay = refusal?.problem.en.includes('twice in one mapping') ?? false;
      assert.equal(weSay, yamlSays, JSON.stringify(yaml));
      if (yamlSays) duplicates++;
    }
    assert.ok(duplicates > 50, `only ${duplicates} texts had a duplicate`);
  });

  it(`accepts nesting ${MAX_YAML_DEPTH} deep and refuses ${MAX_YAML_DEPTH + 1}, in block and flow collections, with its line`, () => {
    assert.ok(parseFrontMatterYaml(nestedBlock(MAX_YAML_DEPTH)).document);
    const deep = parseFrontMatterYaml(nestedBlock(MAX_YAML_DEPTH + 1));
    assert.match(deep.refusal?.problem.en ?? '', /nests values more than 32 levels deep/);
    assert.equal(deep.refusal?.line, MAX_YAML_DEPTH + 1);
    const flow = (depth: number) => `a: ${'['.repeat(depth - 1)}1${']'.repeat(depth - 1)}`;
    assert.ok(parseFrontMatterYaml(flow(MAX_YAML_DEPTH)).document);
    assert.match(parseFrontMatterYaml(flow(MAX_YAML_DEPTH + 1)).refusal?.problem.en ?? '', /more than 32 levels/);
    // Sequences, and an empty `{}` as the innermost level, count too.
    const seqs = (depth: number) => Array.from({ length: depth - 1 }, (_, i) => `${'  '.repeat(i)}- `).join('\n') + '{}';
    assert.ok(parseFrontMatterYaml(seqs(MAX_YAML_DEPTH)).document);
    assert.ok(parseFrontMatterYaml(seqs(MAX_YAML_DEPTH + 1)).refusal);
    // The fast reader leaves the too deep to the full parser, which refuses it.
    assert.notEqual(readPlainYaml(nestedBlock(MAX_YAML_DEPTH)), undefined);
    assert.equal(readPlainYaml(nestedBlock(MAX_YAML_DEPTH + 1)), undefined);
    assert.equal(readPlainYaml(`${nestedBlock(MAX_YAML_DEPTH).replace('leaf: 1', 'leaf: {}')}`), undefined);
    // 120,000 `[`: refused, where yaml alone spent seconds and then overflowed its stack.
    assert.match(parseFrontMatterYaml('['.repeat(120_000)).refusal?.problem.en ?? '', /more than 32 levels/);
  });

  it('reads an assessment with a trailing comment (outside the fast reader) in full, as written', () => {
    const text = fileOf([...HEAD.slice(0, -1), 'quotes: [] # none yet']);
    assert.equal(readPlainYaml(text.slice(4, text.indexOf('\n---\n'))), undefined, 'off the fast reader');
    const fm = readAssessmentFrontMatter(text, FILE);
    assert.deepEqual(
      { id: fm.id, customer: fm.customer, title: fm.title, status: fm.status, quotes: fm.quotes, created: fm.created, adr: fm.adr },
      { id: 'k3x9qa', customer: 'Acme', title: 'Reverse push', status: 'draft', quotes: [], created: '2026-11-01', adr: null },
    );
  });

  it('names the line of a YAML syntax error in the file, as before', () => {
    const text = fileOf([...HEAD.slice(0, 3), 'customer: Acme: the dashboard', ...HEAD.slice(4)]);
    refusedWith(() => parseAssessment(text, FILE), new RegExp(`^The front matter of ${FILE.replace(/[.]/g, '\\.')}:5 is not valid YAML: .+ at line 4, column \\d+$`));
  });
});
