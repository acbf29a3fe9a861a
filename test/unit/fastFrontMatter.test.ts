/**
 * The fast front-matter reader must read exactly what the `yaml` package
 * reads, or give up: compared on every front matter in test/golden and
 * test/fixtures, on hand-picked tricky lines, and on generated documents.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import nodePath from 'node:path';
import fc from 'fast-check';
import { parse, parseDocument, stringify } from 'yaml';
import { parseAssessment, splitFrontMatter } from '../../src/core/assessment';
import { readAssessmentFrontMatter, readPlainYaml } from '../../src/core/fastFrontMatter';

const ROOT = nodePath.resolve(__dirname, '../..');

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = nodePath.join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : markdownFiles(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

/** What parseAssessment reads: parseDocument(...).toJS(). */
const slow = (yaml: string) => parseDocument(yaml, { prettyErrors: true }).toJS() as unknown;

describe('fast front-matter reader', () => {
  it('reads every front matter in test/golden and test/fixtures as yaml does, and the assessments in full', () => {
    let read = 0;
    let assessments = 0;
    for (const file of [...markdownFiles(nodePath.join(ROOT, 'test/golden')), ...markdownFiles(nodePath.join(ROOT, 'test/fixtures'))]) {
      const text = readFileSync(file, 'utf8');
      const split = splitFrontMatter(text);
      if (!split) continue;
      const fast = readPlainYaml(split.yaml);
      if (fast !== undefined) {
        read++;
        assert.deepStrictEqual(fast, slow(split.yaml), file);
      }
      if (split.yaml.includes('kind: custom-request-assessment')) {
        assessments++;
        assert.notEqual(fast, undefined, `${file}: an assessment as the extension writes it is in the subset`);
        assert.deepStrictEqual(readAssessmentFrontMatter(text, file), parseAssessment(text, file).frontMatter, file);
      }
    }
    // The MADR ADRs' `decision-makers` keys (hyphenated) are outside it: only assessments need to be in.
    assert.ok(read >= 8, `only ${read} front matters were in the subset`);
    assert.ok(assessments >= 4, `only ${assessments} assessments found`);
  });

  it('reads the shapes the assessments use', () => {
    const yaml = [
      'kind: custom-request-assessment',
      'schemaVersion: 1',
      'customer: Acme Farms 3',
      'broughtBy: Wang, Sales Director',
      'created: 2025-01-19',
      'title: "Push: data"',
      "note: 'it''s here'",
      'tags:',
      '  - sla-99.9',
      '  - 数据推送',
      'list:',
      '- at the same indent',
      'quotes: []',
      'empty:',
      'adr:',
      '  path: docs/adr/0001-x.md',
      '  number: 35',
      'estimate:',
      '  workItems:',
      '    - name: Push robot data',
      '      optimistic: 2.5',
      '      mostLikely: -0',
      '    - name: Second',
      '  focusFactor: 1',
      '  flag: false',
      '  nothing: ~',
      'csharp: C#',
      'spaced:    value   ',
    ].join('\n');
    const fast = readPlainYaml(yaml);
    assert.notEqual(fast, undefined);
    assert.deepStrictEqual(fast, slow(yaml));
  });

  it('gives up on what is outside the subset, rather than read it differently', () => {
    const outside = [
      'a: 1 # comment',
      'a: |\n  block',
      'a: >\n  folded',
      'a: &x 1\nb: *x',
      'a: !tag 1',
      'a: [1, 2]',
      'a: {b: 1}',
      'a: "with \\" escape"',
      'a: plain\n  continued',
      'a: 1\na: 2',
      'a: 0x1F',
      'a: 0o17',
      'a: 1e3',
      'a: .5',
      'a: +1',
      'a: 007',
      'a: .inf',
      'a: 12345678901234567890',
      'a: 1_000',
      'a: 12:30',
      'a: b: c',
      'a:\tb',
      'a: 1\r\nb: 2',
      '"quoted key": 1',
      '? complex\n: key',
      'a: 1\n---\nb: 2',
      '- - nested',
      'a: -x',
      'a: x:',
    ];
    for (const yaml of outside) assert.equal(readPlainYaml(yaml), undefined, JSON.stringify(yaml));
  });

  it('reads generated documents as yaml does whenever it reads them at all', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9 .,:#'"\-_/()@!?&*%|>\u4e00-\u4e09\u3000：，]{0,12}$/);
    const leaf = fc.oneof(word, fc.integer({ min: -1e6, max: 1e6 }), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), fc.boolean(), fc.constant(null), fc.constantFrom('2026-11-25', '1.0', '-0', '0.50', 'true', 'Null', '~', 'sla-99.9'));
    const key = fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_]{0,8}$/);
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(key, tie('value'), { maxKeys: 5 })),
    }));
    let read = 0;
    fc.assert(
      fc.property(fc.dictionary(key, value, { minKeys: 1, maxKeys: 8 }), fc.constantFrom(2, 4), (doc, indent) => {
        const yaml = stringify(doc, { indent });
        const fast = readPlainYaml(yaml);
        if (fast === undefined) return;
        read++;
        assert.deepStrictEqual(fast, parse(yaml));
      }),
      { numRuns: 600, seed: 12 },
    );
    assert.ok(read > 100, `only ${read} of 600 generated documents were in the subset`);
  });
});
