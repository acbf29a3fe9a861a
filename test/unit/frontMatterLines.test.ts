/**
 * Setting top-level keys of a plain front matter line by line (frontMatterLines.ts)
 * and Generate Quote's use of it in updateAssessmentText: expected texts by hand,
 * the cases that must fall back to the yaml Document, the same result as the
 * Document path on the golden and fixture assessments, and generated front matter
 * read back by the real `yaml` parser.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import nodePath from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { parseAssessment, splitFrontMatter, updateAssessmentText, type AssessmentUpdate } from '../../src/core/assessment';
import { setTopLevelKeys } from '../../src/core/frontMatterLines';
import { assessment } from './assessmentFixture';
import { withEstimate } from './workflowFixture';

const lines = (...text: string[]) => text.join('\n');

const QUOTE_1 = { number: 'Q-2026-001', revision: 1, path: 'docs/quotes/quote-Q-2026-001-acme.md', date: '2026-11-25', nreMinor: 11900000, currency: 'CNY' };
const QUOTE_2 = { number: 'Q-2026-002', revision: 2, path: 'docs/quotes/quote-Q-2026-002-acme.md', date: '2026-11-26' };
/** QUOTE_1 as block YAML under `quotes:`, written by hand. */
const QUOTE_1_LINES = [
  '  - number: Q-2026-001',
  '    revision: 1',
  '    path: docs/quotes/quote-Q-2026-001-acme.md',
  '    date: 2026-11-25',
  '    nreMinor: 11900000',
  '    currency: CNY',
];
const QUOTE_2_LINES = ['  - number: Q-2026-002', '    revision: 2', '    path: docs/quotes/quote-Q-2026-002-acme.md', '    date: 2026-11-26'];

const HEAD = ['kind: custom-request-assessment', 'id: k3x9qa', 'customer: Acme | Robotics', 'created: 2026-11-25'];
/** The commented hint new assessments carry after `quotes:`, shortened. */
const HINT = ['# Estimate: remove the leading "# " from the lines below', '# estimate:', '#   currency: CNY', '#   workItems:', '#     - name: Custom development'];
const SMALL = lines(...HEAD, 'status: draft', 'adr: null', 'quotes: []', ...HINT);

describe('setTopLevelKeys', () => {
  it('replaces exactly the status line', () => {
    assert.equal(setTopLevelKeys(SMALL, { status: 'quoted' }), lines(...HEAD, 'status: quoted', 'adr: null', 'quotes: []', ...HINT));
  });

  it('writes a one-record list in place of `quotes: []`, the comments after it kept', () => {
    assert.equal(setTopLevelKeys(SMALL, { quotes: [QUOTE_1] }), lines(...HEAD, 'status: draft', 'adr: null', 'quotes:', ...QUOTE_1_LINES, ...HINT));
  });

  it('sets several keys at once, and a mapping where null was', () => {
    const adr = { path: 'doc/adr/0002-open-api.md', number: 2 };
    assert.equal(
      setTopLevelKeys(SMALL, { status: 'quoted', quotes: [QUOTE_1], adr }),
      lines(...HEAD, 'status: quoted', 'adr:', '  path: doc/adr/0002-open-api.md', '  number: 2', 'quotes:', ...QUOTE_1_LINES, ...HINT),
    );
  });

  it('replaces every line of an indented block list and nothing else', () => {
    const before = lines(...HEAD, 'status: quoted', 'quotes:', ...QUOTE_1_LINES, ...HINT, 'language: en');
    assert.equal(
      setTopLevelKeys(before, { quotes: [QUOTE_1, QUOTE_2] }),
      lines(...HEAD, 'status: quoted', 'quotes:', ...QUOTE_1_LINES, ...QUOTE_2_LINES, ...HINT, 'language: en'),
    );
  });

  it('replaces a list written with its items at column 0 under the key', () => {
    const before = lines(...HEAD, 'quotes:', '- number: Q-2026-001', '  revision: 1', '  path: docs/quotes/quote-Q-2026-001-acme.md', '  date: 2026-11-25', 'status: quoted', ...HINT);
    assert.equal(setTopLevelKeys(before, { quotes: [QUOTE_2] }), lines(...HEAD, 'quotes:', ...QUOTE_2_LINES, 'status: quoted', ...HINT));
  });

  it('keeps the bytes of the other lines: extra spaces, quotes, a column-0 list, nested keys of the same name', () => {
    const head = ['adr:', '  status: Accepted', 'statusNote: "kept: as is"', "title:    'Push: data'   ", 'capabilities:', '- data-push', '- sso', '# who asked'];
    const before = lines(...head, 'status: estimated', 'quotes: []', 'tail: x');
    assert.equal(setTopLevelKeys(before, { status: 'quoted' }), lines(...head, 'status: quoted', 'quotes: []', 'tail: x'));
  });

  it('writes a value as an empty list or null as well', () => {
    const before = lines(...HEAD, 'quotes:', ...QUOTE_1_LINES, 'adr:', '  path: a.md', 'status: quoted');
    assert.equal(setTopLevelKeys(before, { quotes: [], adr: null }), lines(...HEAD, 'quotes: []', 'adr: null', 'status: quoted'));
  });

  describe('gives up (undefined) rather than guess', () => {
    it('when a key is not there', () => {
      assert.equal(setTopLevelKeys(SMALL, { capabilities: ['sso'] }), undefined);
      assert.equal(setTopLevelKeys(SMALL, { status: 'quoted', accepted: { quote: 'Q-1', date: '2026-11-25' } }), undefined);
      // Only top-level keys count: `status` under `adr` is not one.
      assert.equal(setTopLevelKeys(lines('adr:', '  status: Accepted', 'quotes: []'), { status: 'quoted' }), undefined);
    });

    it('when a comment or blank line is inside the value', () => {
      const quotes = [QUOTE_1, QUOTE_2, { ...QUOTE_2, number: 'Q-2026-003' }];
      const inside: [string, Record<string, unknown>][] = [
        [lines('status: draft', 'quotes:', ...QUOTE_1_LINES, '  # the second one', ...QUOTE_2_LINES), { quotes }],
        [lines('status: draft', 'quotes:', ...QUOTE_1_LINES, '# the second one', ...QUOTE_2_LINES), { quotes }],
        [lines('status: draft', 'quotes:', '# the first one', ...QUOTE_1_LINES), { quotes }],
        [lines('status: draft', 'quotes:', '  - number: Q-2026-001', '    # revised once', '    revision: 1', '    path: a.md', '    date: 2026-11-25'), { quotes }],
        [lines('status: draft', 'quotes:', ...QUOTE_1_LINES, '', ...QUOTE_2_LINES), { quotes }],
        [lines('status: draft', 'quotes:', ...QUOTE_1_LINES, '   ', ...QUOTE_2_LINES), { status: 'quoted', quotes }],
        [lines('status: draft', 'adr:', '  path: a.md', '', '  number: 2', 'quotes: []'), { adr: null }],
        [lines('status: draft', 'adr:', '  path: a.md', '# the number', '  number: 2', 'quotes: []'), { adr: { path: 'b.md' } }],
      ];
      for (const [yaml, values] of inside) assert.equal(setTopLevelKeys(yaml, values), undefined, JSON.stringify(yaml));
      // A blank line or comment inside another key's value does not stop it.
      assert.equal(setTopLevelKeys(inside[6][0], { quotes: [] }), inside[6][0]);
      assert.equal(setTopLevelKeys(inside[7][0], { status: 'quoted' }), inside[7][0].replace('status: draft', 'status: quoted'));
    });

    it('when the front matter is outside the plain subset', () => {
      const outside = [
        lines('status: draft', 'estimate: {"a": 1}', 'quotes: []'),
        lines('status: draft', 'capabilities: [sso, data-push]', 'quotes: []'),
        lines('status: draft', 'created: &day 2026-11-25', 'quotes: []'),
        lines('status: draft', 'note: |', '  two', '  lines', 'quotes: []'),
        lines('status: draft # set from the tree', 'quotes: []'),
        lines('status: draft', 'quotes: [] # none yet'),
        lines('status: draft', 'title: tab\there', 'quotes: []'),
        lines('status: draft', 'quotes: []\r'),
        lines('- status: draft'),
        '',
      ];
      for (const yaml of outside) assert.equal(setTopLevelKeys(yaml, { status: 'quoted' }), undefined, JSON.stringify(yaml));
    });

    it('when the value written would not read back the same', () => {
      const cannot: Record<string, unknown>[] = [
        { status: 'two\nlines' },
        { status: 'a "quoted" \\ backslash\t' },
        { quotes: [{ ...QUOTE_1, nreMinor: 1e21 }] },
        { quotes: [{ ...QUOTE_1, nreMinor: 0.1 + 0.2 }] },
        { quotes: [{ ...QUOTE_1, nreMinor: Number.NaN }] },
        { quotes: [{ ...QUOTE_1, date: new Date('2026-11-25') }] },
      ];
      for (const values of cannot) assert.equal(setTopLevelKeys(SMALL, values), undefined, JSON.stringify(values));
    });
  });
});

const ROOT = nodePath.resolve(__dirname, '../..');
const golden = (path: string) => readFileSync(nodePath.join(ROOT, 'test/golden', path), 'utf8');
const ADDED = { number: 'Q-2026-004', revision: 2, path: 'doc/adr/quotes/quote-Q-2026-004-acme-robotics.md', date: '2026-11-26', nreMinor: 12000000, currency: 'CNY' };
const UPDATE: AssessmentUpdate = { status: 'quoted', addQuote: ADDED, blocks: { links: '- Quote Q-2026-004, revision 2', figures: 'New figures\n\n| a | b |' } };
/** ADDED as block YAML under `quotes:`, written by hand. */
const ADDED_LINES = [
  '  - number: Q-2026-004',
  '    revision: 2',
  '    path: doc/adr/quotes/quote-Q-2026-004-acme-robotics.md',
  '    date: 2026-11-26',
  '    nreMinor: 12000000',
  '    currency: CNY',
].join('\n');

/** Both ways of updating: with the front matter already read (line by line when it can) and without (the Document). */
function bothWays(text: string, update: AssessmentUpdate = UPDATE) {
  const input = parseAssessment(text, 'a.md');
  const known = updateAssessmentText(text, 'a.md', update, input.frontMatter);
  const document = updateAssessmentText(text, 'a.md', update);
  const fromKnown = parseAssessment(known, 'a.md');
  const fromDocument = parseAssessment(document, 'a.md');
  assert.deepStrictEqual(fromKnown.frontMatter, fromDocument.frontMatter);
  assert.deepStrictEqual(fromKnown.frontMatter, { ...input.frontMatter, status: 'quoted', quotes: [...input.frontMatter.quotes, ADDED] });
  assert.equal(fromKnown.body, fromDocument.body);
  assert.ok(fromKnown.body.includes('<!-- custom-request:links -->\n\n- Quote Q-2026-004, revision 2\n\n<!-- /custom-request:links -->'.replace(/\n/g, text.includes('\r\n') ? '\r\n' : '\n')));
  return { known, document };
}

/** The front matter's lines other than the top-level `status` line and the `quotes` entry (its key line and the lines under it). */
function otherLines(text: string): string[] {
  const kept: string[] = [];
  let skipping = false;
  for (const line of splitFrontMatter(text)!.yaml.split('\n')) {
    if (skipping && (line.startsWith(' ') || line.startsWith('- '))) continue;
    skipping = /^(status|quotes):( |$)/.test(line);
    if (!skipping) kept.push(line);
  }
  return kept;
}

describe('updateAssessmentText with the front matter already read', () => {
  const plain = {
    'golden en/assessment-new.md': golden('en/assessment-new.md'),
    'golden zh-cn/assessment-new.md': golden('zh-cn/assessment-new.md'),
    'golden en/assessment-quoted.md': golden('en/assessment-quoted.md'),
    'golden zh-cn/assessment-quoted.md': golden('zh-cn/assessment-quoted.md'),
    'golden en/assessment-new.md with the worked example estimate': withEstimate(golden('en/assessment-new.md')),
    'golden zh-cn/assessment-quoted.md with a byte order mark': `\uFEFF${golden('zh-cn/assessment-quoted.md')}`,
  };

  it('gives what the Document path gives on the golden assessments, every other front matter line kept byte for byte', () => {
    for (const [name, text] of Object.entries(plain)) {
      const { known } = bothWays(text);
      assert.deepStrictEqual(otherLines(known), otherLines(text), name);
      assert.equal(known.startsWith('\uFEFF'), text.startsWith('\uFEFF'), name);
    }
  });

  it('edits the lines of a plain LF file: the hint right after `quotes: []` stays where it was', () => {
    const text = golden('en/assessment-new.md');
    const hint = '\n# Estimate: remove the leading "# " from the lines below, fill them in, then run\n';
    assert.ok(text.includes('\nstatus: draft\n') && text.includes(`\nquotes: []${hint}`));
    const expected = text.replace('\nstatus: draft\n', '\nstatus: quoted\n').replace(`\nquotes: []${hint}`, `\nquotes:\n${ADDED_LINES}${hint}`);
    const { known, document } = bothWays(text);
    assert.equal(splitFrontMatter(known)!.yaml, splitFrontMatter(expected)!.yaml);
    // The Document path puts a blank line before the comment: the line-by-line path was taken.
    assert.notEqual(splitFrontMatter(document)!.yaml, splitFrontMatter(expected)!.yaml);
  });

  it('keeps a list written at column 0 and extra spaces, which the Document would reformat', () => {
    const text = golden('en/assessment-quoted.md').replace('\nbroughtBy: Wang, Sales Director\n', '\nbroughtBy:   Wang, Sales Director\ncapabilities:\n- data-push\n- sso\n');
    const { known, document } = bothWays(text);
    assert.ok(known.includes('\nbroughtBy:   Wang, Sales Director\ncapabilities:\n- data-push\n- sso\ndealSize:\n'));
    assert.ok(!document.includes('\n- data-push\n'));
    assert.deepStrictEqual(otherLines(known), otherLines(text));
  });

  it('falls back to the Document for CRLF, keeping CRLF', () => {
    for (const text of [golden('en/assessment-new.md'), golden('zh-cn/assessment-quoted.md')].map((lf) => lf.replace(/\n/g, '\r\n'))) {
      const { known, document } = bothWays(text);
      assert.equal(known, document);
      assert.equal((known.match(/(?<!\r)\n/g) ?? []).length, 0, 'no LF without CR');
    }
  });

  it('falls back to the Document for a flow-style estimate and for trailing comments, with the same result', () => {
    const flow = golden('en/assessment-new.md').replace('\nquotes: []\n', '\nestimate: {currency: CNY, workItems: [], dayRates: {engineer: 800}}\nquotes: []\n');
    const fixtures = [flow, assessment(), assessment({ estimate: true, status: 'estimated' }), assessment({ quotes: `quotes:\n- number: Q-2026-001\n  revision: 1\n  path: q.md\n  date: 2026-11-01` })];
    for (const text of fixtures) {
      const { known, document } = bothWays(text);
      assert.equal(known, document);
    }
    // The Document prints the flow mapping its own way: the fallback was taken.
    const { known } = bothWays(flow);
    assert.ok(known.includes('\nestimate: { currency: CNY, workItems: [], dayRates: { engineer: 800 } }\nquotes:\n'));
  });

  it('fixture assessments with plain front matter take the line path', () => {
    const text = assessment({ quotes: 'quotes: []', tags: ['capabilities:', '  - sso'] }).replace(' # set from the tree', '');
    const { known } = bothWays(text);
    assert.deepStrictEqual(otherLines(known), otherLines(text));
    assert.ok(known.includes(`\nstatus: quoted\nadr: null\nquotes:\n${ADDED_LINES}\ncapabilities:\n  - sso\n---\n`));
    assert.ok(known.includes('\ntitle: Reverse push\n# who asked, and in which meeting\nbroughtBy: Wang\n'));
  });
});

describe('setTopLevelKeys on generated front matter', () => {
  // Mostly values the plain subset holds, some that yaml must quote or that fall outside it.
  const plainWord = fc.stringMatching(/^[A-Za-z\u4e00-\u4e09][A-Za-z0-9 .\-_/\u4e00-\u4e09]{0,10}$/);
  const trickyWord = fc.stringMatching(/^[A-Za-z0-9 .,:#'"\-_/()@!?&*%|>\u4e00-\u4e09\u3000：，]{0,12}$/);
  const leaf = fc.oneof(
    { arbitrary: plainWord, weight: 4 },
    trickyWord,
    { arbitrary: fc.integer({ min: -1e6, max: 1e6 }), weight: 3 },
    fc.integer({ min: -400, max: 400 }).map((n) => n / 4),
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom('2026-11-25', '1.0', '-0', 'true', '~', 'Q-2026-001'),
  );
  const key = fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_]{0,8}$/).filter((k) => k !== '__proto__');
  const { value } = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(key, tie('value'), { maxKeys: 3, noNullPrototype: true })),
  }));
  /** A document in block style, its sequences indented or not, with comment and blank lines put between some lines. */
  const frontMatter = fc
    .record({
      doc: fc.dictionary(key, value, { minKeys: 1, maxKeys: 6, noNullPrototype: true }),
      indent: fc.constantFrom(2, 4),
      indentSeq: fc.boolean(),
      inserts: fc.array(fc.tuple(fc.nat(), fc.constantFrom('# a comment', '#', '', '  # indented comment')), { maxLength: 2 }),
    })
    .map(({ doc, indent, indentSeq, inserts }) => {
      const written = stringify(doc, { indent, indentSeq, lineWidth: 0 }).replace(/\n$/, '').split('\n');
      for (const [at, line] of inserts) written.splice(at % (written.length + 1), 0, line);
      return { doc, yaml: written.join('\n') };
    });
  const withValues = frontMatter.chain(({ doc, yaml }) =>
    fc.record({ doc: fc.constant(doc), yaml: fc.constant(yaml), keys: fc.subarray(Object.keys(doc), { minLength: 1, maxLength: Math.min(3, Object.keys(doc).length) }), missing: fc.oneof({ arbitrary: fc.constant(null), weight: 6 }, { arbitrary: key, weight: 1 }), values: fc.array(value, { minLength: 4, maxLength: 4 }) }),
  );

  it('returns undefined or a text yaml reads as the original with the values set, the comments kept', () => {
    let set = 0;
    let kept = 0;
    fc.assert(
      fc.property(withValues, ({ doc, yaml, keys, missing, values }) => {
        const update: Record<string, unknown> = Object.fromEntries(keys.map((k, i) => [k, values[i]]));
        if (missing !== null) update[missing] = values[3];
        const result = setTopLevelKeys(yaml, update);
        if (result === undefined) return;
        set++;
        if (yaml.split('\n').some((line) => line.startsWith('#') || line.startsWith('- '))) kept++;
        assert.ok(missing === null || Object.hasOwn(doc, missing), 'a missing key is never added');
        const expected = { ...(parse(yaml) as Record<string, unknown>), ...update };
        const read = parse(result) as Record<string, unknown>;
        assert.deepStrictEqual(read, expected);
        assert.deepStrictEqual(Object.keys(read), Object.keys(expected));
        const comments = (text: string) => text.split('\n').filter((line) => line.trimStart().startsWith('#'));
        assert.deepStrictEqual(comments(result), comments(yaml));
      }),
      { numRuns: 200, seed: 2026 },
    );
    assert.ok(set >= 40, `only ${set} of 200 generated front matters were set line by line`);
    assert.ok(kept >= 10, `only ${kept} of them had a comment or a list at column 0`);
  });
});
