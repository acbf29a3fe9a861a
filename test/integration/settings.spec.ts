import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GenerateQuoteResult, NewAssessmentResult } from '../../src/extension';
import { closeAllEditors, listFiles, readText, setSetting, TODAY, waitForLog, workspaceFolder, writeEstimate, writeText } from './support';

const OVERRIDE = '.vscode/custom-request/templates/en/quote.md.hbs';

async function newAssessment(customer: string): Promise<NewAssessmentResult | undefined> {
  return vscode.commands.executeCommand('customRequest.newAssessment', { customer, title: 'Settings check', broughtBy: '', dealSize: 1000, language: 'en', adr: 'none', today: TODAY, open: false });
}

describe('settings and templates (trusted workspace)', () => {
  const folder = () => workspaceFolder();
  afterEach(async () => {
    for (const key of ['currency', 'assessmentFolder']) await setSetting(key, undefined);
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder().uri, '.vscode/custom-request'), { recursive: true }).then(undefined, () => undefined);
    await closeAllEditors();
  });

  it('an invalid setting is reported by name and its default is used', async () => {
    await setSetting('currency', 'dollars');
    await setSetting('assessmentFolder', '');
    const result = await newAssessment('Initech');
    assert.ok(result);
    assert.equal(vscode.workspace.asRelativePath(result.assessment), 'docs/custom-requests/2026-11-25-initech-settings-check/assessment.md');
    assert.match(await readText(result.assessment), /dealSize:\n {2}amount: 1000\n {2}currency: USD\n/);
    await waitForLog('customRequest.currency');
    await waitForLog('customRequest.assessmentFolder');
  });

  it('refuses an assessment folder outside the workspace folder, writing nothing', async () => {
    await setSetting('assessmentFolder', '../outside');
    const parent = vscode.Uri.joinPath(folder().uri, '..');
    const before = listFiles(parent.fsPath);
    assert.equal(await newAssessment('Umbrella'), undefined);
    await waitForLog('outside-workspace');
    assert.deepEqual(listFiles(parent.fsPath), before);
  });

  it('a workspace template replaces the bundled one by name', async () => {
    await writeText(vscode.Uri.joinPath(folder().uri, OVERRIDE), '# Our own quote {{quote.number}} for {{inline request.customer}}\n');
    const request = await newAssessment('Soylent');
    assert.ok(request);
    await writeEstimate(request.assessment);
    const result = await vscode.commands.executeCommand<GenerateQuoteResult | undefined>('customRequest.generateQuote', { assessment: request.assessment, today: TODAY, open: false });
    assert.ok(result);
    assert.match(await readText(result.quote), /\n# Our own quote Q-2026-\d{3} for Soylent\n$/);
  });

  it('a template syntax error names the file and line, and nothing is written', async () => {
    await writeText(vscode.Uri.joinPath(folder().uri, OVERRIDE), '# Quote\n\n{{#if quote}}\nunclosed\n');
    const request = await newAssessment('Hooli');
    assert.ok(request);
    await writeEstimate(request.assessment);
    const before = await readText(request.assessment);
    const files = listFiles(folder().uri.fsPath);
    const result = await vscode.commands.executeCommand('customRequest.generateQuote', { assessment: request.assessment, today: TODAY, open: false });
    assert.equal(result, undefined);
    await waitForLog(`${OVERRIDE}:5`);
    assert.equal(await readText(request.assessment), before);
    assert.deepEqual(listFiles(folder().uri.fsPath), files);
  });
});
