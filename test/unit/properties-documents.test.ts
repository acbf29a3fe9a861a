/**
 * Property-based tests (issue 8, "Also deliver") for the documents: whatever
 * a user types as customer, title, brought-by, work item or role (---, #, :,
 * quotes, newlines, <!-- markers, |, control characters, any script), a new
 * assessment's front matter parses back to the same trimmed values, its
 * Markdown tables keep their column count, each generated-block marker
 * appears once on its own line, and saving an estimate and generating a
 * quote accept it. Fixed seeds and bounded runs (see propertyArbitraries.ts).
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse } from 'yaml';
import { GENERATED_BLOCKS, parseAssessment, splitFrontMatter } from '../../src/core/assessment';
import { LANGS } from '../../src/core/lang';
import { planSaveEstimate } from '../../src/core/saveEstimate';
import { dirname } from '../../src/core/paths';
import { planNewAssessment, planQuote } from '../../src/core/workflows';
import { rawEstimate, runs, schemaText } from './propertyArbitraries';
import { common, TODAY } from './workflowFixture';

const ROOT = '/ws';
const FILE = 'assessment.md';

/** Cells of a Markdown table row: `|` not escaped by an odd run of backslashes. */
function columns(row: string): number {
  let count = 0;
  let backslashes = 0;
  for (const char of row.trim()) {
    if (char === '|' && backslashes % 2 === 0) count++;
    backslashes = char === '\\' ? backslashes + 1 : 0;
  }
  return count;
}

/** Every table (a run of lines starting with `|`) has as many columns in each row as in its header. */
function assertTablesKeepColumns(text: string, what: string): void {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].startsWith('|') || (i > 0 && lines[i - 1].startsWith('|'))) continue;
    const header = columns(lines[i]);
    for (let j = i; j < lines.length && lines[j].startsWith('|'); j++) {
      assert.equal(columns(lines[j]), header, `${what}, line ${j + 1} has other columns than its header (line ${i + 1}):\n${lines[i]}\n${lines[j]}`);
    }
  }
}

/** Each generated block's start and end marker appear exactly once in the body, each on its own line, start first. */
function assertMarkersOnce(body: string, what: string): void {
  const lines = body.split('\n');
  for (const name of GENERATED_BLOCKS) {
    const startText = `<!-- custom-request:${name}`;
    const endText = `<!-- /custom-request:${name} -->`;
    assert.equal(body.split(startText).length - 1, 1, `${what}: ${startText} appears once`);
    assert.equal(body.split(endText).length - 1, 1, `${what}: ${endText} appears once`);
    const start = lines.findIndex((line) => new RegExp(`^ {0,3}${startText}(?![\\w-])[^>]*-->[ \\t]*\\r?$`).test(line));
    const end = lines.findIndex((line) => new RegExp(`^ {0,3}${endText}[ \\t]*\\r?$`).test(line));
    assert.ok(start >= 0 && end > start, `${what}: the ${name} markers are on lines of their own, start before end`);
  }
}

const fields = fc.record({
  customer: schemaText(200, 1),
  title: schemaText(300, 1),
  broughtBy: schemaText(200),
  lang: fc.constantFrom(...LANGS),
  id: fc.stringMatching(/^[0-9a-z]{6}$/),
});

/** An estimate whose work item names and roles are arbitrary text too (roles are YAML keys of dayRates). */
const estimateWithOddText = rawEstimate({ names: schemaText(200, 1), roles: schemaText(60, 1), maxItems: 3 });

describe('properties: templates and front matter', () => {
  it('any customer, title and brought-by give an assessment whose front matter parses back to the same trimmed values', async () => {
    await fc.assert(
      fc.asyncProperty(fields, async ({ customer, title, broughtBy, lang, id }) => {
        const data = { id, customer, title, broughtBy, language: lang, created: TODAY, adr: null };
        const plan = await planNewAssessment({ ...common, root: ROOT, data, exists: async () => false });
        const { frontMatter, body } = parseAssessment(plan.file.text, FILE);
        assert.deepEqual(
          { customer: frontMatter.customer, title: frontMatter.title, broughtBy: frontMatter.broughtBy, language: frontMatter.language, id: frontMatter.id },
          { customer: customer.trim(), title: title.trim(), broughtBy: broughtBy.trim(), language: lang, id },
        );
        assertTablesKeepColumns(body, 'new assessment');
        assertMarkersOnce(body, 'new assessment');
      }),
      runs(20261111, 150),
    );
  });

  it('planSaveEstimate and planQuote accept such an assessment; saving the same estimate twice makes no edits', async () => {
    await fc.assert(
      fc.asyncProperty(fields, estimateWithOddText, async ({ customer, title, broughtBy, lang, id }, estimate) => {
        const data = { id, customer, title, broughtBy, language: lang, created: TODAY, adr: null };
        const created = await planNewAssessment({ ...common, root: ROOT, data, exists: async () => false });
        const path = created.assessmentPath;
        const save = (text: string) => planSaveEstimate({ ...common, root: ROOT, assessmentPath: path, assessmentText: text, estimate });
        const saved = await save(created.file.text);
        const again = await save(saved.text);
        assert.deepEqual(again.edits, [], 'saving the same estimate again edits nothing');
        assert.equal(again.text, saved.text);

        const quote = await planQuote({ ...common, root: ROOT, assessmentPath: path, assessmentText: saved.text, quoteFolder: dirname(path), workspaceQuoteNumbers: [] });
        for (const [what, text] of [['saved assessment', saved.text], ['quoted assessment', quote.assessmentText]]) {
          const { frontMatter, body } = parseAssessment(text, FILE);
          assert.deepEqual([frontMatter.customer, frontMatter.title, frontMatter.broughtBy], [customer.trim(), title.trim(), broughtBy.trim()], what);
          assert.deepEqual(
            frontMatter.estimate?.workItems.map((item) => [item.name, item.role]),
            (estimate.workItems as { name: string; role: string }[]).map((item) => [item.name.trim(), item.role.trim()]),
            what,
          );
          assertTablesKeepColumns(body, what);
          assertMarkersOnce(body, what);
        }
        assert.equal(parseAssessment(quote.assessmentText, FILE).frontMatter.quotes.length, 1);
        const quoteSplit = splitFrontMatter(quote.file.text);
        assert.ok(quoteSplit, 'the quote has front matter');
        assert.equal((parse(quoteSplit.yaml) as { number?: string }).number, quote.number);
        assertTablesKeepColumns(quoteSplit.body, 'quote');
      }),
      runs(20261112, 100),
    );
  });
});
