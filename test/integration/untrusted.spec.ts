import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GenerateQuoteResult, NewAssessmentResult } from '../../src/extension';
import { readText, TODAY, withEstimate, workspaceFolder, writeText } from './support';

describe('untrusted workspace (restricted mode)', () => {
  it('runs in restricted mode', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('writes assessments and quotes with the bundled templates only, ignoring workspace overrides', async () => {
    const folder = workspaceFolder();
    await writeText(vscode.Uri.joinPath(folder.uri, '.vscode/custom-request/templates/en/quote.md.hbs'), 'OVERRIDDEN {{quote.number}}\n');
    await writeText(vscode.Uri.joinPath(folder.uri, '.vscode/custom-request/templates/en/assessment.md.hbs'), 'OVERRIDDEN\n');
    const request = await vscode.commands.executeCommand<NewAssessmentResult | undefined>('customRequest.newAssessment', {
      customer: 'Acme Robotics', title: 'Push data', broughtBy: '', dealSize: null, language: 'en',
      adr: 'doc/architecture/decisions/0002-expose-robot-data-through-the-versioned-open-api.md', today: TODAY,
    });
    assert.ok(request, 'New Assessment works in restricted mode');
    const text = await readText(request.assessment);
    assert.ok(!text.includes('OVERRIDDEN') && text.includes('## 1. The request as stated'));
    await writeText(request.assessment, withEstimate(text));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const quote = await vscode.commands.executeCommand<GenerateQuoteResult | undefined>('customRequest.generateQuote', { assessment: request.assessment, today: TODAY });
    assert.ok(quote, 'Generate Quote works in restricted mode');
    const quoteText = await readText(quote.quote);
    assert.ok(!quoteText.includes('OVERRIDDEN'));
    assert.ok(quoteText.includes('# Quote Q-2026-001'));
  });
});
