/**
 * Issue 20, item 5: an estimate that leaves out `roundFeesTo` or `taxRatePercent`
 * takes them from the settings (customRequest.roundFeesTo / taxRatePercent) on
 * every path that turns the front matter into numbers: the quote, the figures
 * block, the register, saving the form, and the commented example of a new
 * assessment. A value written in the front matter, 0 included, wins.
 * Expected amounts are worked out by hand in the comments.
 */
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { parseAssessment, splitFrontMatter } from '../../src/core/assessment';
import { DeskError } from '../../src/core/errors';
import { registerView } from '../../src/core/register';
import type { Settings } from '../../src/core/schema';
import { planSaveEstimate } from '../../src/core/saveEstimate';
import { settleEstimate } from '../../src/core/settleEstimate';
import { planNewAssessment, planQuote } from '../../src/core/workflows';
import { WORKED_EXAMPLE } from './workedExample';
import { common, requestData, withEstimate } from './workflowFixture';

const ROOT = '/ws';
const TAXED: Settings = { ...common.settings, taxRatePercent: 13, roundFeesTo: 1000 };
/** The worked example as a lead writes it by hand, without a rounding step or a tax rate. */
const { roundFeesTo: _step, taxRatePercent: _rate, ...UNSET } = WORKED_EXAMPLE;

async function assessment(settings: Settings, estimate?: object): Promise<{ path: string; text: string }> {
  const plan = await planNewAssessment({ ...common, settings, root: ROOT, data: requestData('en'), exists: async () => false });
  return { path: plan.assessmentPath, text: estimate ? withEstimate(plan.file.text, estimate) : plan.file.text };
}

async function quote(settings: Settings, text: string, path: string) {
  const plan = await planQuote({ ...common, settings, root: ROOT, assessmentPath: path, assessmentText: text, quoteFolder: ROOT, workspaceQuoteNumbers: [] });
  return { plan, fm: parse(splitFrontMatter(plan.file.text)!.yaml) as Record<string, unknown> };
}

function register(settings: Settings, path: string, text: string) {
  return registerView({
    entries: [{ path: 'docs/a/assessment.md', frontMatter: parseAssessment(text, path).frontMatter }],
    registerPath: 'docs/README.md',
    lang: 'en',
    today: common.today,
    quoteValidityDays: 30,
    exists: () => false,
    estimateDefaults: settings,
  });
}

/** Uncomments the example estimate a new assessment carries, as its first comment line tells the lead to. */
function uncommentHint(text: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line === '# estimate:');
  const end = lines.indexOf('---', 1);
  assert.ok(start > 0 && end > start, 'the new assessment has the commented example');
  return [...lines.slice(0, start - 2), ...lines.slice(start, end).map((line) => line.slice(2)), ...lines.slice(end)].join('\n');
}

describe('estimates priced with the settings where they leave rounding and tax out', () => {
  it('an estimate without taxRatePercent and roundFeesTo, with the settings at 13 % and 1,000, is quoted with 13 % tax and fees rounded to 1,000', async () => {
    // Subtotal CNY 118,800.00 → 119,000.00 (step 1,000); yearly 72,000.00; term 119,000.00 + 2 × 72,000.00 = 263,000.00.
    // Tax 13 %: NRE 15,470.00 → 134,470.00; yearly 9,360.00 → 81,360.00; term 15,470.00 + 2 × 9,360.00 = 34,190.00 → 297,190.00.
    const { path, text } = await assessment(TAXED, UNSET);
    const { plan, fm } = await quote(TAXED, text, path);
    assert.equal(fm.nreFeeMinor, 11_900_000);
    assert.equal(fm.yearlyFeeMinor, 7_200_000);
    assert.equal(fm.termTotalMinor, 26_300_000);
    assert.equal(fm.taxRatePercent, 13);
    assert.equal(fm.termTotalInclTaxMinor, 29_719_000);
    for (const shown of ['| Tax rate | 13%, shown separately below |', 'CN¥134,470.00', 'CN¥81,360.00', 'CN¥34,190.00', 'CN¥297,190.00', 'after the Supplier has issued a valid tax invoice']) {
      assert.ok(plan.file.text.includes(shown), `the quote shows ${shown}`);
    }
    assert.ok(!plan.file.text.includes('No tax is added'));
    // The assessment's figures block says the same.
    assert.ok(plan.assessmentText.includes('rounded up to a multiple of CN¥1,000.00'));
    assert.ok(plan.assessmentText.includes('CN¥297,190.00'));
  });

  it('the register shows the same figures as the quote for such an estimate', async () => {
    const { path, text } = await assessment(TAXED, UNSET);
    const { fm } = await quote(TAXED, text, path);
    const row = register(TAXED, path, text).rows[0];
    assert.deepEqual(row.figures, { currency: 'CNY', nreMinor: 11_900_000, yearlyMinor: 7_200_000, termMinor: 26_300_000 });
    assert.deepEqual([row.figures?.nreMinor, row.figures?.yearlyMinor, row.figures?.termMinor], [fm.nreFeeMinor, fm.yearlyFeeMinor, fm.termTotalMinor]);
  });

  it("a taxRatePercent: 0 and roundFeesTo: 0 written in the front matter stay 0, whatever the settings say", async () => {
    const { path, text } = await assessment(TAXED, { ...UNSET, roundFeesTo: 0, taxRatePercent: 0 });
    const { plan, fm } = await quote(TAXED, text, path);
    assert.equal(fm.nreFeeMinor, 11_880_000, 'subtotal CNY 118,800.00, not rounded');
    assert.equal(fm.taxRatePercent, undefined);
    assert.ok(plan.file.text.includes('No tax is added to the amounts in this quote'));
    assert.equal(register(TAXED, path, text).rows[0].figures?.nreMinor, 11_880_000);
  });

  it("uncommenting a new assessment's example estimate prices it with the settings' tax rate and rounding step", async () => {
    const { path, text } = await assessment(TAXED);
    assert.ok(text.includes('\n#   roundFeesTo: 1000\n#   taxRatePercent: 13\n'), 'the example shows the settings');
    const { plan, fm } = await quote(TAXED, uncommentHint(text), path);
    assert.equal(fm.taxRatePercent, 13);
    assert.equal(Number(fm.nreFeeMinor) % 100_000, 0, 'the fee is a multiple of CNY 1,000.00');
    assert.equal(Number(fm.yearlyFeeMinor) % 100_000, 0);
    assert.ok(!plan.file.text.includes('No tax is added'));
  });

  it('saving the form without the two fields writes the settings’ values into the front matter', async () => {
    const { path, text } = await assessment(TAXED);
    const plan = await planSaveEstimate({ ...common, settings: TAXED, root: ROOT, assessmentPath: path, assessmentText: text, estimate: UNSET });
    const saved = (parse(splitFrontMatter(plan.text)!.yaml) as { estimate: Record<string, unknown> }).estimate;
    assert.deepEqual([saved.roundFeesTo, saved.taxRatePercent], [1000, 13]);
    assert.deepEqual([plan.estimate.roundFeesTo, plan.estimate.taxRatePercent], [1000, 13]);
  });

  it('settings that make an amount too large name the settings, and the register leaves the request out instead of failing', async () => {
    // A step of CNY 100 billion: the yearly fee becomes 10^13 minor units, 2 years of it 2 × 10^13, above the exact bound.
    const huge: Settings = { ...common.settings, roundFeesTo: 1e11 };
    assert.throws(
      () => settleEstimate(UNSET, huge),
      (error: unknown) => error instanceof DeskError && error.text.en.includes('customRequest.roundFeesTo') && error.text['zh-cn'].includes('customRequest.roundFeesTo'),
    );
    const { path, text } = await assessment(huge, UNSET);
    const view = register(huge, path, text);
    assert.equal(view.rows.length, 0);
    assert.equal(view.leftOut.length, 1);
    assert.match(view.leftOut[0].problem, /customRequest\.roundFeesTo/);
  });
});
