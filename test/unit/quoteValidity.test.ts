/**
 * A request's own validity (`quoteTerms.validDays`) holds in every document
 * that shows a quote's valid-until date, not only in the quote: Create ADR
 * rewrites the assessment's links block, and used to date the quotes there
 * with the settings' default instead.
 */
import assert from 'node:assert/strict';
import { planNewAdr } from '../../src/core/adrPlan';
import { planNewAssessment, planQuote } from '../../src/core/workflows';
import { common, requestData, withEstimate } from './workflowFixture';

const ROOT = '/repo';
const nothingExists = async () => false;

/** Sets the request's validity in its front matter, as a user would by hand. */
const withValidDays = (text: string, days: number) => text.replace(/\n---\n/, `\nquoteTerms:\n  validDays: ${days}\n---\n`);

/** The quote lines of the assessment's links block. */
const quoteLines = (text: string) => text.split('\n').filter((line) => line.startsWith('- Quote ') || line.startsWith('- 报价单 '));

describe('quote validity from the request', () => {
  for (const [lang, quoted, afterAdr] of [
    // Quoted on the fixture's day, 2026-11-25; 45 days: 5 to the end of November, 31 in December, 9 in January.
    ['en', 'valid until January 9, 2027', 'valid until January 9, 2027'],
    ['zh-cn', '有效期至 2027年1月9日', '有效期至 2027年1月9日'],
  ] as const) {
    it(`keeps the request's 45 days in the links block after Create ADR (${lang})`, async () => {
      const created = await planNewAssessment({ ...common, root: ROOT, data: requestData(lang), exists: nothingExists });
      const quote = await planQuote({
        ...common,
        root: ROOT,
        assessmentPath: created.assessmentPath,
        assessmentText: withValidDays(withEstimate(created.file.text), 45),
        quoteFolder: '/repo/doc/adr/quotes',
        workspaceQuoteNumbers: [],
      });
      assert.equal(common.settings.quoteValidityDays, 30, 'the settings say 30 days');
      const [linked] = quoteLines(quote.assessmentText);
      assert.ok(linked.endsWith(quoted), linked);

      const adr = await planNewAdr({
        ...common,
        root: ROOT,
        assessmentPath: created.assessmentPath,
        assessmentText: quote.assessmentText,
        adrFolder: '/repo/doc/adr',
        format: 'nygard',
        nextNumber: 3,
        title: 'Custom request: push robot data',
        exists: nothingExists,
      });
      const lines = quoteLines(adr.assessmentText);
      assert.equal(lines.length, 1);
      assert.ok(lines[0].endsWith(afterAdr), lines[0]);
    });
  }
});
