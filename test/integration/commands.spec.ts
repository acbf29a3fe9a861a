import assert from 'node:assert/strict';
import { parse } from 'yaml';
import * as vscode from 'vscode';
import { splitFrontMatter } from '../../src/core/assessment';
import type { EstimateInput } from '../../src/core/estimate';
import { WORKED_EXAMPLE } from '../unit/workedExample';
import type { GenerateQuoteResult, NewAssessmentArgs, NewAssessmentResult } from '../../src/extension';
import { adr, closeAllEditors, exists, listFiles, logMatches, readText, TODAY, waitForLog, withEstimate, workspaceFolder, writeText } from './support';

const ADR_2 = 'doc/architecture/decisions/0002-expose-robot-data-through-the-versioned-open-api.md';

/**
 * An English quote in USD with tax, fees not rounded to a step: the e2e English estimate with 8.25 % tax.
 * Connector O12 M18 P30 → mean 19, σ 3; tests O3 M5 P9 → mean 32/6, σ 1. Mean 146/6 = 24.333, σ = √10 = 3.1623.
 * The total is the sum of the two PERT betas; its P80 is 27.43 (a 2·10⁶-sample Monte Carlo: 27.430) → 27.5 person-days.
 * Blended day rate (114 × 850.00 + 32 × 600.00)/146 = 116,100/146 = 795.2055 → $795.21, the rate the figures show;
 * effort cost 27.5 × $795.21 = 21,868.275 → 2,186,828 cents (priced at the rate shown, issue 20);
 * contingency 15 % = 328,024.2 → 328,024; margin 25 % of 2,514,852 = 628,713;
 * NRE fee = subtotal (no step) 3,143,565 = $31,435.65.
 * Yearly: 4 × 5 = 20 days × $600.00 = $12,000.00 + 25 % $3,000.00 = $15,000.00; 3 years $45,000.00;
 * total $31,435.65 + $45,000.00 = $76,435.65 (7,643,565).
 * Tax 8.25 % (825 basis points), each line rounded half away from zero:
 *   NRE 3,143,565 × 0.0825 = 259,344.1125 → $2,593.44, incl. 3,402,909 = $34,029.09
 *   yearly 1,500,000 × 0.0825 = 123,750 → $1,237.50, incl. $16,237.50
 *   term: the NRE tax plus 3 yearly taxes, 259,344 + 3 × 123,750 = 630,594 → $6,305.94, incl. 8,274,159 = $82,741.59
 * English tax lines are checked here rather than in the e2e run so that the English e2e run keeps
 * covering the quote without tax, the Chinese one the quote with tax.
 */
const USD_WITH_TAX: EstimateInput = {
  currency: 'USD',
  workItems: [
    { name: 'Connector', role: 'engineer', optimistic: 12, mostLikely: 18, pessimistic: 30 },
    { name: 'Compatibility tests', role: 'tester', optimistic: 3, mostLikely: 5, pessimistic: 9 },
  ],
  teamSize: 2,
  focusFactor: 0.8,
  dayRates: { engineer: 850, tester: 600 },
  priceAt: 'p80',
  releasesPerYear: 4,
  testingDaysPerRelease: 5,
  recurringRole: 'tester',
  supportYears: 3,
  contingencyPercent: 15,
  marginPercent: 25,
  roundFeesTo: 0,
  taxRatePercent: 8.25,
  standard: { days: 3, fee: 0 },
};

/** Asserts that `text` has each of `lines` as a whole line. */
function assertLines(text: string, lines: string[]): void {
  const all = new Set(text.split('\n'));
  for (const line of lines) assert.ok(all.has(line), `missing the line\n  ${line}`);
}

function frontMatter(text: string): Record<string, unknown> {
  const split = splitFrontMatter(text);
  assert.ok(split, 'has front matter');
  return parse(split.yaml) as Record<string, unknown>;
}

async function newAssessment(args: NewAssessmentArgs): Promise<NewAssessmentResult> {
  const result = await vscode.commands.executeCommand<NewAssessmentResult | undefined>('customRequest.newAssessment', { today: TODAY, ...args });
  assert.ok(result, 'New Assessment returned its files');
  return result;
}

/** Puts an estimate into the assessment through its editor and saves, as a user would. */
async function addEstimate(uri: vscode.Uri, estimate: object = WORKED_EXAMPLE): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), withEstimate(doc.getText(), estimate));
  assert.ok(await vscode.workspace.applyEdit(edit));
  assert.ok(await doc.save());
  return doc;
}

async function generateQuote(assessment: vscode.Uri): Promise<GenerateQuoteResult | undefined> {
  return vscode.commands.executeCommand<GenerateQuoteResult | undefined>('customRequest.generateQuote', { assessment, today: TODAY });
}

describe('commands in the sample workspace (adr-tools + log4brains)', () => {
  const folder = () => workspaceFolder();
  let adrListBefore: string;

  before(() => {
    adrListBefore = adr(folder().uri.fsPath, 'list');
    assert.match(adrListBefore, /0002-expose-robot-data/);
  });
  afterEach(closeAllEditors);

  describe('New Assessment', () => {
    let first: NewAssessmentResult;

    it('writes the assessment linked to a discovered ADR and opens it', async () => {
      first = await newAssessment({ customer: 'Acme Robotics', title: 'Push robot data to our platform', broughtBy: 'Wang (Sales)', dealSize: 1_200_000, language: 'en', adr: ADR_2 });
      assert.equal(vscode.workspace.asRelativePath(first.assessment), 'docs/custom-requests/2026-11-25-acme-robotics-push-robot-data-to-our-platform/assessment.md');
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), first.assessment.toString());
      const fm = frontMatter(await readText(first.assessment));
      assert.deepEqual(fm.adr, { path: ADR_2, number: 2, title: 'Expose robot data through the versioned open API', status: 'Accepted' });
      assert.deepEqual(fm.dealSize, { amount: 1_200_000, currency: 'USD' });
      assert.equal(fm.status, 'draft');
    });

    it('never reuses a folder: the same request again gets "-2", the first stays untouched', async () => {
      const before = await readText(first.assessment);
      const second = await newAssessment({ customer: 'Acme Robotics', title: 'Push robot data to our platform', broughtBy: '', dealSize: null, language: 'en', adr: 'none' });
      assert.equal(vscode.workspace.asRelativePath(second.assessment), 'docs/custom-requests/2026-11-25-acme-robotics-push-robot-data-to-our-platform-2/assessment.md');
      assert.equal(await readText(first.assessment), before);
      assert.equal(frontMatter(await readText(second.assessment)).adr, null);
    });

    it('creates a new adr-tools ADR when asked, in Chinese, and adr-tools lists it', async () => {
      const result = await newAssessment({ customer: '星河机器人', title: '数据反向推送', broughtBy: '王总', dealSize: { amount: 3_600_000, currency: 'CNY' }, language: 'zh-cn', adr: 'new', adrTitle: '定制需求:数据反向推送', adrFolder: 'doc/architecture/decisions' });
      assert.ok(result.adr);
      const adrPath = vscode.workspace.asRelativePath(result.adr);
      assert.equal(adrPath, 'doc/architecture/decisions/0004-定制需求-数据反向推送.md');
      const adrText = await readText(result.adr);
      assert.match(adrText, /^# 4\. 定制需求:数据反向推送\n\nDate: 2026-11-25\n\n## Status\n\n提议中\n/);
      assert.ok(adr(folder().uri.fsPath, 'list').includes(adrPath));
      assert.deepEqual(frontMatter(await readText(result.assessment)).adr, { path: adrPath, number: 4, title: '定制需求:数据反向推送', status: '提议中' });
      assert.match(await readText(result.assessment), /## 1\. 需求原样记录/);
    });

    it('refuses an ADR path it cannot find, writing nothing', async () => {
      const before = listFiles(folder().uri.fsPath);
      const result = await vscode.commands.executeCommand('customRequest.newAssessment', { customer: 'X', title: 'Y', broughtBy: '', dealSize: null, language: 'en', adr: 'doc/nope.md', today: TODAY });
      assert.equal(result, undefined);
      await waitForLog('adr-not-found');
      assert.deepEqual(listFiles(folder().uri.fsPath), before);
    });

    it('refuses arguments of the wrong kind, naming the field, before asking anything', async () => {
      const result = await vscode.commands.executeCommand('customRequest.newAssessment', { customer: 'X', title: 'Y', language: 'fr', dealSize: 'lots' });
      assert.equal(result, undefined);
      const log = await waitForLog('Field "language" (document language) must be one of: en, zh-cn');
      assert.ok(log.includes('Field "dealSize" (deal size)'));
    });

    it('refuses a title that is too long, naming the field', async () => {
      const result = await vscode.commands.executeCommand('customRequest.newAssessment', { customer: 'X', title: 'y'.repeat(301), broughtBy: '', dealSize: null, language: 'en', adr: 'none' });
      assert.equal(result, undefined);
      await waitForLog('Field "title" (request title) must be at most 300 characters');
    });
  });

  describe('Generate Quote', () => {
    let request: NewAssessmentResult;

    before(async () => {
      request = await newAssessment({ customer: 'Northwind', title: 'Reverse data push', broughtBy: 'Li', dealSize: null, language: 'en', adr: ADR_2 });
    });

    it('says what is missing when there is no estimate yet, writing nothing', async () => {
      const before = listFiles(folder().uri.fsPath);
      assert.equal(await generateQuote(request.assessment), undefined);
      await waitForLog('has no estimate yet');
      assert.deepEqual(listFiles(folder().uri.fsPath), before);
    });

    it('writes the quote next to the ADR with the figures the estimate implies, and links both ways', async () => {
      const doc = await addEstimate(request.assessment);
      const result = await generateQuote(request.assessment);
      assert.ok(result);
      assert.equal(result.number, 'Q-2026-001');
      assert.equal(vscode.workspace.asRelativePath(result.quote), 'doc/architecture/decisions/quotes/quote-Q-2026-001-northwind.md');
      const quote = await readText(result.quote);
      // The worked example (test/unit/estimate.test.ts): 30 person-days × CNY 3,000.00 = 90,000.00; +10 % = 99,000.00;
      // +20 % = 118,800.00 → up to a multiple of 1,000: 119,000.00. Yearly 20 days × 3,000.00 = 60,000.00 + 20 % = 72,000.00;
      // 2 years 144,000.00; total 263,000.00; 6 % tax on the total 15,780.00 → 278,780.00. English shows CNY as "CN¥".
      const fm = frontMatter(quote);
      assert.equal(fm.nreFeeMinor, 11_900_000);
      assert.equal(fm.yearlyFeeMinor, 7_200_000);
      assert.equal(fm.termTotalMinor, 26_300_000);
      assert.equal(fm.termTotalInclTaxMinor, 27_878_000);
      assertLines(quote, [
        '| Custom path | Custom development fee (one-time): development, testing and delivery | CN¥119,000.00 |',
        '| **Custom path** | **Total over the term** (one-time fee and 2 years of service) | **CN¥263,000.00** |',
      ]);
      assert.ok(!quote.includes('CN¥3,000.00'), 'never the day rate');
      // The links for the tools live in the front matter, workspace-relative; the body the customer reads has none.
      assert.equal(fm.adr, ADR_2, 'quote → ADR');
      assert.equal(fm.assessment, 'docs/custom-requests/2026-11-25-northwind-reverse-data-push/assessment.md', 'quote → assessment');
      assert.ok(!quote.includes(']('), 'no link in the body');
      // The open, saved assessment was changed through its editor and saved again.
      assert.equal(doc.isDirty, false);
      assert.equal(doc.getText(), await readText(request.assessment));
      const assessment = frontMatter(doc.getText());
      assert.equal(assessment.status, 'quoted');
      assert.deepEqual((assessment.quotes as { number: string }[]).map((q) => q.number), ['Q-2026-001']);
      assert.ok(doc.getText().includes('(../../../doc/architecture/decisions/quotes/quote-Q-2026-001-northwind.md)'), 'assessment → quote');
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), result.quote.toString());
    });

    it('makes a second quote a new revision and never overwrites the first', async () => {
      const first = vscode.Uri.joinPath(folder().uri, 'doc/architecture/decisions/quotes/quote-Q-2026-001-northwind.md');
      const before = await readText(first);
      const result = await generateQuote(request.assessment);
      assert.equal(result?.number, 'Q-2026-001-R2');
      assert.equal(await readText(first), before);
    });

    it('keeps quote numbers unique across requests', async () => {
      const other = await newAssessment({ customer: 'Contoso', title: 'Custom dashboard', broughtBy: '', dealSize: null, language: 'en', adr: 'none' });
      await addEstimate(other.assessment);
      const result = await generateQuote(other.assessment);
      assert.equal(result?.number, 'Q-2026-002');
      // Without an ADR the quote sits beside the assessment.
      assert.equal(vscode.workspace.asRelativePath(result!.quote), 'docs/custom-requests/2026-11-25-contoso-custom-dashboard/quote-Q-2026-002-contoso.md');
    });

    it('offers once, after the first quote without a supplier, to fill in the supplier settings', async () => {
      // Several quotes were generated above with no customRequest.supplier set: one offer, never one per quote.
      await waitForLog('offered to fill in the supplier settings');
      assert.equal(logMatches(/offered to fill in the supplier settings/).length, 1);
    });

    it('prices an English quote in USD with tax, each tax line rounded once (figures worked out by hand above USD_WITH_TAX)', async () => {
      const other = await newAssessment({ customer: 'Woodgrove Bank', title: 'Branch telemetry feed', broughtBy: '', dealSize: null, language: 'en', adr: 'none' });
      await addEstimate(other.assessment, USD_WITH_TAX);
      const result = await generateQuote(other.assessment);
      assert.equal(result?.number, 'Q-2026-003');
      assert.equal(vscode.workspace.asRelativePath(result!.quote), 'docs/custom-requests/2026-11-25-woodgrove-bank-branch-telemetry-feed/quote-Q-2026-003-woodgrove-bank.md');
      const quote = await readText(result!.quote);
      const fm = frontMatter(quote);
      assert.equal(fm.currency, 'USD');
      assert.equal(fm.nreFeeMinor, 3_143_565);
      assert.equal(fm.yearlyFeeMinor, 1_500_000);
      assert.equal(fm.termTotalMinor, 7_643_565);
      assert.equal(fm.taxRatePercent, 8.25);
      assert.equal(fm.termTotalInclTaxMinor, 8_274_159);
      assertLines(quote, [
        '| Tax rate | 8.25%, shown separately below |',
        '| Custom path | Custom development fee (one-time): development, testing and delivery | $31,435.65 |',
        '| **Custom path** | **Total over the term** (one-time fee and 3 years of service) | **$76,435.65** |',
        'The amounts above exclude tax. With tax at 8.25%:',
        '| Custom development fee (one-time) | $31,435.65 | $2,593.44 | $34,029.09 |',
        '| Yearly compatibility service fee (per year) | $15,000.00 | $1,237.50 | $16,237.50 |',
        '| **Total over the term** | $76,435.65 | $6,305.94 | **$82,741.59** |',
      ]);
      for (const rate of ['$850.00', '$600.00']) assert.ok(!quote.includes(rate), `never the day rate ${rate}`);
      assert.ok(!quote.includes('person-day'), 'never the effort in person-days');
    });

    it('refuses an assessment with unsaved edits, keeping them and writing nothing', async () => {
      const doc = await vscode.workspace.openTextDocument(request.assessment);
      await vscode.window.showTextDocument(doc);
      const edit = new vscode.WorkspaceEdit();
      edit.insert(request.assessment, doc.positionAt(doc.getText().length), '\nMy unsaved note.\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      const onDisk = await readText(request.assessment);
      const files = listFiles(folder().uri.fsPath);
      assert.equal(await generateQuote(request.assessment), undefined);
      await waitForLog('unsaved-document');
      assert.ok(doc.isDirty);
      assert.ok(doc.getText().endsWith('My unsaved note.\n'));
      assert.equal(await readText(request.assessment), onDisk);
      assert.deepEqual(listFiles(folder().uri.fsPath), files);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });

    it('leaves `adr list` exactly as it was', () => {
      const after = adr(folder().uri.fsPath, 'list');
      // Only the ADR created on purpose above is new.
      assert.equal(after.replace('doc/architecture/decisions/0004-定制需求-数据反向推送.md\n', ''), adrListBefore);
    });
  });

  describe('Create ADR', () => {
    it('writes an ADR for a request that has none and links it; a second one is refused', async () => {
      const request = await newAssessment({ customer: 'Fabrikam', title: 'Nightly CSV export', broughtBy: '', dealSize: null, language: 'en', adr: 'none' });
      const result = await vscode.commands.executeCommand<{ adr: vscode.Uri } | undefined>('customRequest.createAdr', { assessment: request.assessment, title: 'Custom request: nightly CSV export', adrFolder: 'doc/architecture/decisions', today: TODAY });
      assert.ok(result);
      assert.equal(vscode.workspace.asRelativePath(result.adr), 'doc/architecture/decisions/0005-custom-request-nightly-csv-export.md');
      const fm = frontMatter(await readText(request.assessment));
      assert.deepEqual(fm.adr, { path: 'doc/architecture/decisions/0005-custom-request-nightly-csv-export.md', number: 5, title: 'Custom request: nightly CSV export', status: 'Proposed' });
      assert.ok((await readText(request.assessment)).includes('(../../../doc/architecture/decisions/0005-custom-request-nightly-csv-export.md)'));
      assert.equal(await vscode.commands.executeCommand('customRequest.createAdr', { assessment: request.assessment, title: 'again' }), undefined);
      await waitForLog('already has a related ADR');
    });

    it('writes log4brains-style ADRs into a log4brains package folder', async () => {
      const request = await newAssessment({ customer: 'Tailspin', title: 'Agent-side filter', broughtBy: '', dealSize: null, language: 'en', adr: 'none' });
      const result = await vscode.commands.executeCommand<{ adr: vscode.Uri } | undefined>('customRequest.createAdr', {
        assessment: request.assessment,
        title: 'Filter telemetry on the robot for one customer',
        adrFolder: 'packages/fleet-agent/docs/adr',
        today: TODAY,
      });
      assert.ok(result);
      assert.equal(vscode.workspace.asRelativePath(result.adr), 'packages/fleet-agent/docs/adr/20261125-filter-telemetry-on-the-robot-for-one-customer.md');
      assert.match(await readText(result.adr), /^---\nstatus: proposed\ndate: 2026-11-25\n/);
    });
  });

  describe('no overwrite', () => {
    it('a folder taken by someone else\'s file is skipped, and the file is kept', async () => {
      const taken = vscode.Uri.joinPath(folder().uri, 'docs/custom-requests/2026-11-25-globex-sensor-feed/assessment.md');
      await writeText(taken, 'keep me\n');
      const result = await newAssessment({ customer: 'Globex', title: 'Sensor feed', broughtBy: '', dealSize: null, language: 'en', adr: 'none' });
      assert.equal(vscode.workspace.asRelativePath(result.assessment), 'docs/custom-requests/2026-11-25-globex-sensor-feed-2/assessment.md');
      assert.equal(await readText(taken), 'keep me\n');
      assert.ok(await exists(result.assessment));
    });
  });
});
