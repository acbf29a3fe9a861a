import assert from 'node:assert/strict';
import { parse } from 'yaml';
import * as vscode from 'vscode';
import { splitFrontMatter } from '../../src/core/assessment';
import { computeEstimate } from '../../src/core/estimate';
import { formatMoney } from '../../src/core/money';
import { estimateSchema } from '../../src/core/schema';
import { WORKED_EXAMPLE } from '../unit/workedExample';
import type { GenerateQuoteResult, NewAssessmentArgs, NewAssessmentResult } from '../../src/extension';
import { adr, closeAllEditors, exists, listFiles, readText, TODAY, waitForLog, withEstimate, workspaceFolder, writeText } from './support';

const ADR_2 = 'doc/architecture/decisions/0002-expose-robot-data-through-the-versioned-open-api.md';

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
      assert.match(adrText, /^# 4\. 定制需求:数据反向推送\n\nDate: 2026-11-25\n\n## Status\n\n提议\n/);
      assert.ok(adr(folder().uri.fsPath, 'list').includes(adrPath));
      assert.deepEqual(frontMatter(await readText(result.assessment)).adr, { path: adrPath, number: 4, title: '定制需求:数据反向推送', status: '提议' });
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
      const expected = computeEstimate(estimateSchema.parse(WORKED_EXAMPLE));
      const fm = frontMatter(quote);
      assert.equal(fm.nreFeeMinor, expected.nre.feeMinor);
      assert.equal(fm.yearlyFeeMinor, expected.recurring.feePerYearMinor);
      assert.equal(fm.termTotalMinor, expected.termTotalMinor);
      assert.ok(quote.includes(formatMoney(expected.nre.feeMinor, 'CNY', 'en')));
      assert.ok(quote.includes('(../0002-expose-robot-data-through-the-versioned-open-api.md)'), 'quote → ADR');
      assert.ok(quote.includes('(../../../../docs/custom-requests/2026-11-25-northwind-reverse-data-push/assessment.md)'), 'quote → assessment');
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
