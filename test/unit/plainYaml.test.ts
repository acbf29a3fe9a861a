/**
 * The fast reader (src/core/plainYaml.ts) and the full parser
 * (src/core/yamlLimits.ts) give one meaning to every front matter: on YAML
 * text written here by hand — keys such as `True`, `NULL`, `null`, which the
 * core schema reads as a boolean or null, scalars of every kind, nested
 * mappings and lists, comments — whatever the fast reader reads, the full
 * parser reads the same, and does not refuse.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseAssessment } from '../../src/core/assessment';
import { DeskError } from '../../src/core/errors';
import { readAssessmentFrontMatter, readPlainYaml } from '../../src/core/fastFrontMatter';
import { parseFrontMatterYaml } from '../../src/core/yamlLimits';

type Tree = { scalar: string } | { map: [string, Tree][] } | { seq: Tree[] };

/** Keys: the core schema's boolean and null words among ordinary ones (and YAML 1.1's booleans, strings in 1.2). */
const TRICKY_KEYS = ['true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL'];
const ORDINARY_KEYS = ['name', 'role', 'a_1', '_x', 'y', 'on', 'No', 'Nulls', 'trueish', 'engineer'];
/** Scalars as a user types them: words, numbers in several forms, booleans, nulls, quoted text, dates, empty collections, comments. */
const SCALARS = ['plain words', 'Acme: Inc', 'C#', '1', '-0', '2.5', '007', '0x1F', '1e3', '.5', '+1', 'true', 'False', 'NULL', 'Null', '~', '"Null"', '"True"', "'it''s'", '"a: b"', '2026-11-25', 'sla-99.9', '[]', '{}', 'x # a comment', '数据推送', "'null'", 'yes'];

const key = fc.oneof({ arbitrary: fc.constantFrom(...TRICKY_KEYS), weight: 1 }, { arbitrary: fc.constantFrom(...ORDINARY_KEYS), weight: 1 }, { arbitrary: fc.stringMatching(/^[a-z][a-z0-9_]{0,5}$/), weight: 4 });
const scalar = fc.constantFrom(...SCALARS).map((text) => ({ scalar: text }));
/** Entries with distinct keys as written (`null` and `Null` may still meet: yaml's duplicates). */
const entries = (value: fc.Arbitrary<Tree>, maxLength: number) => fc.uniqueArray(fc.tuple(key, value), { minLength: 1, maxLength, selector: ([k]) => k });
const { tree } = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    entries(tie('tree'), 4).map((map) => ({ map })),
    fc.array(tie('tree'), { minLength: 1, maxLength: 3 }).map((seq) => ({ seq })),
  ),
}));
const top = entries(tree, 6).map((map): Tree => ({ map }));

/** The lines of `node` as the value of a key (or the document) at `indent`; `seqAtKeyIndent`: a list under a key starts at the key's column. */
function render(node: Tree, indent: number, seqAtKeyIndent: boolean): string[] {
  const pad = ' '.repeat(indent);
  if ('scalar' in node) return [`${pad}${node.scalar}`];
  if ('map' in node) {
    return node.map.flatMap(([k, value]) => {
      if ('scalar' in value) return [`${pad}${k}: ${value.scalar}`];
      const childIndent = 'seq' in value && seqAtKeyIndent ? indent : indent + 2;
      return [`${pad}${k}:`, ...render(value, childIndent, seqAtKeyIndent)];
    });
  }
  return node.seq.flatMap((item) => {
    if ('scalar' in item) return [`${pad}- ${item.scalar}`];
    // `- key: value`, its other entries under the first; a nested list (`- - x`) the same way.
    const [first, ...rest] = render(item, indent + 2, seqAtKeyIndent);
    return [`${pad}- ${first.slice(indent + 2)}`, ...rest];
  });
}

/** Comment and blank lines put between the lines at `spots` (indices in 0..n). */
function withComments(lines: string[], spots: number[]): string {
  const out = [...lines];
  for (const spot of [...spots].sort((a, b) => b - a)) out.splice(Math.min(spot, out.length), 0, spot % 2 === 0 ? '# a comment line' : '');
  return out.join('\n');
}

describe('the fast reader and the full parser', () => {
  it('read generated front matter alike, tricky keys and all, whenever the fast reader reads it', () => {
    let fastRead = 0;
    let trickyLeftToFull = 0;
    fc.assert(
      fc.property(top, fc.boolean(), fc.array(fc.nat(12), { maxLength: 3 }), (doc, seqAtKeyIndent, spots) => {
        const text = withComments(render(doc, 0, seqAtKeyIndent), spots);
        const fast = readPlainYaml(text);
        const full = parseFrontMatterYaml(text);
        if (fast === undefined) {
          if (/^ *(?:- )?(?:true|True|TRUE|false|False|FALSE|null|Null|NULL):/m.test(text)) trickyLeftToFull++;
          return;
        }
        fastRead++;
        assert.equal(full.refusal, undefined, `the fast reader read what the full parser refuses:\n${text}`);
        assert.deepStrictEqual(fast, full.document!.toJS(), text);
      }),
      { numRuns: 1500, seed: 20 },
    );
    assert.ok(fastRead > 100, `the fast reader read only ${fastRead} of 1500`);
    assert.ok(trickyLeftToFull > 100, `only ${trickyLeftToFull} documents with a True/null key`);
  });

  it('gives the boolean and null keys to the full parser, which reads them as yaml does ("true", "")', () => {
    for (const word of ['true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL']) {
      assert.equal(readPlainYaml(`${word}: 1`), undefined, word);
      assert.equal(readPlainYaml(`a:\n  - ${word}: 1`), undefined, word);
    }
    assert.deepEqual(parseFrontMatterYaml('True: 1\nNull: 2').document?.toJS(), { true: 1, '': 2 });
    // Quoted, they are strings in both.
    assert.deepEqual(readPlainYaml('"Null": 1'), undefined); // quoted keys are outside the subset
    assert.deepEqual(parseFrontMatterYaml('"Null": 1').document?.toJS(), { Null: 1 });
  });

  it('gives a role named Null one meaning: a plain `Null:` day-rate key is the null key, refused alike by every reader', () => {
    const file = 'docs/a/assessment.md';
    const text = (rateKey: string) =>
      [
        '---',
        'kind: custom-request-assessment',
        'schemaVersion: 1',
        'id: k3x9qa',
        'customer: Acme',
        'title: Reverse push',
        'broughtBy: Wang',
        'language: en',
        'created: 2026-11-01',
        'status: estimated',
        'adr: null',
        'quotes: []',
        'estimate:',
        '  currency: USD',
        '  workItems:',
        '    - name: Build',
        '      role: "Null"',
        '      optimistic: 1',
        '      mostLikely: 2',
        '      pessimistic: 3',
        '  releasesPerYear: 0',
        '  dayRates:',
        `    ${rateKey}: 800`,
        '---',
        '',
      ].join('\n');
    // `Null:` is YAML's null key (""), not the role "Null": Generate Quote (the fast reader) now refuses it as the form and parseAssessment do.
    const refused = (f: () => unknown) => {
      let message = '';
      assert.throws(f, (error: unknown) => error instanceof DeskError && ((message = error.text.en), true));
      return message;
    };
    assert.equal(refused(() => readAssessmentFrontMatter(text('Null'), file)), refused(() => parseAssessment(text('Null'), file)));
    // Written as the form writes it (yaml quotes the key), both read the role "Null" and its rate.
    assert.deepEqual(readAssessmentFrontMatter(text('"Null"'), file).estimate?.dayRates, { Null: 800 });
    assert.deepEqual(parseAssessment(text('"Null"'), file).frontMatter.estimate?.dayRates, { Null: 800 });
  });
});
