/**
 * Hardening (issue 8, items 1 and 4): the front matter ends at a line that is
 * exactly `---` (trailing spaces and CRLF allowed), never at a line that only
 * ends in `---`; whatever New Assessment accepts round-trips through the file
 * it writes and Generate Quote.
 */
import assert from 'node:assert/strict';
import type { NewAssessmentData } from '../../src/core/assessment';
import { parseAssessment, splitFrontMatter } from '../../src/core/assessment';
import { planSaveEstimate } from '../../src/core/saveEstimate';
import { planNewAssessment, planQuote } from '../../src/core/workflows';
import { WORKED_EXAMPLE } from './workedExample';
import { common, requestData, withEstimate } from './workflowFixture';

const ROOT = '/ws';
const none = async () => false;

async function newAssessment(data: NewAssessmentData) {
  return planNewAssessment({ ...common, root: ROOT, data, exists: none });
}

const FM_WITH_TERMS = (eol: string) =>
  [
    '---',
    'kind: custom-request-assessment',
    'schemaVersion: 1',
    'id: ab12cd',
    'customer: Acme',
    'title: Push data',
    'broughtBy: Wang',
    'language: en',
    "created: '2026-11-25'",
    'status: draft',
    'adr: null',
    'quotes: []',
    '# ---- customer-facing terms ----',
    'quoteTerms:',
    '  validDays: 45',
    '---  ',
    '',
    '# Body',
    '',
  ].join(eol);

describe('hardening: front matter delimiters', () => {
  it('does not end the front matter at a comment line ending in ---', () => {
    for (const eol of ['\n', '\r\n']) {
      const split = splitFrontMatter(FM_WITH_TERMS(eol));
      assert.ok(split, 'has front matter');
      assert.match(split.yaml, /validDays: 45/);
      assert.equal(split.body.replace(/\r/g, ''), '\n# Body\n');
      assert.equal(parseAssessment(FM_WITH_TERMS(eol), 'a.md').frontMatter.quoteTerms?.validDays, 45);
    }
  });

  it('finds no front matter when the opening line is not exactly ---', () => {
    assert.equal(splitFrontMatter('----\na: 1\n---\n'), undefined);
    assert.equal(splitFrontMatter('--- x\na: 1\n---\n'), undefined);
    assert.equal(splitFrontMatter('---\na: 1\n--- x\n'), undefined);
    assert.deepEqual(splitFrontMatter('---\n---\nbody'), { yaml: '', body: 'body' });
    assert.deepEqual(splitFrontMatter('---\na: 1\n---'), { yaml: 'a: 1', body: '' });
    assert.deepEqual(splitFrontMatter('\uFEFF---\r\na: 1\r\n---\r\nbody'), { yaml: 'a: 1', body: 'body' });
  });

  it('a separator comment above estimate: is not "no estimate yet"', async () => {
    const plan = await newAssessment(requestData('en'));
    const text = withEstimate(plan.file.text).replace('\nestimate:', '\n# ---------------- estimate ----------------\nestimate:');
    const quote = await planQuote({ ...common, root: ROOT, assessmentPath: plan.assessmentPath, assessmentText: text, quoteFolder: ROOT, workspaceQuoteNumbers: [] });
    assert.equal(quote.number, 'Q-2026-001');
    assert.match(splitFrontMatter(quote.assessmentText)!.yaml, /# -+ estimate -+\nestimate:/);
  });

  it('splits in linear time on hostile input', () => {
    const hostile = '---\n' + '--'.repeat(200_000) + '\n' + 'a ---\n'.repeat(50_000);
    const started = Date.now();
    assert.equal(splitFrontMatter(hostile), undefined);
    assert.equal(splitFrontMatter('---\n' + ' '.repeat(300_000) + 'x'), undefined);
    assert.ok(Date.now() - started < 500, `took ${Date.now() - started} ms`);
  });
});

describe('hardening: New Assessment input round-trips', () => {
  const odd = [
    'Push data to their platform ---',
    '---',
    '...',
    '# not a comment',
    'key: value',
    ': leading colon',
    '"quoted"',
    "'single'",
    '- a list item',
    '{ flow: map }',
    '[1, 2]',
    'yes',
    'null',
    '2026-01-01',
    '0x1F',
    '&anchor *alias',
    '!tag text',
    'line one\n---\nline three',
    'trailing space ',
    '|',
    '> folded',
    '%YAML 1.2',
    '@at `tick`',
    'tab\there',
    '<!-- comment --> ---',
  ];
  for (const value of odd) {
    it(`keeps ${JSON.stringify(value)} as customer, title and brought-by`, async () => {
      const data = { ...requestData('en'), customer: value, title: value, broughtBy: value };
      const plan = await newAssessment(data);
      // The prompts trim what is typed, and so does the schema.
      const expected = value.trim();
      const { frontMatter } = parseAssessment(plan.file.text, 'a.md');
      assert.equal(frontMatter.customer, expected);
      assert.equal(frontMatter.title, expected);
      assert.equal(frontMatter.broughtBy, expected);
      const saved = await planSaveEstimate({ ...common, root: ROOT, assessmentPath: plan.assessmentPath, assessmentText: plan.file.text, estimate: WORKED_EXAMPLE });
      assert.equal(saved.frontMatter.title, expected);
      const quote = await planQuote({ ...common, root: ROOT, assessmentPath: plan.assessmentPath, assessmentText: saved.text, quoteFolder: ROOT, workspaceQuoteNumbers: [] });
      const after = parseAssessment(quote.assessmentText, 'a.md').frontMatter;
      assert.equal(after.customer, expected);
      assert.equal(after.title, expected);
      assert.equal(after.quotes.length, 1);
    });
  }
});
