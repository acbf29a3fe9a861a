import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { deskLog, EXTENSION_ID, listFiles, waitFor, workspaceFolder } from './support';

describe('activation', () => {
  it('is lazy: the extension is not active before one of its commands runs', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    assert.equal(extension.isActive, false);
    assert.deepEqual(extension.packageJSON.activationEvents, []);
    const commands = (extension.packageJSON.contributes.commands as { command: string }[]).map((c) => c.command);
    assert.deepEqual(commands, [
      'customRequest.newAssessment',
      'customRequest.createAdr',
      'customRequest.generateQuote',
      'customRequest.updateRegister',
      'customRequest.openEstimateForm',
      'customRequest.setStatus',
      'customRequest.setCapabilities',
      'customRequest.openRequest',
      'customRequest.refreshRequests',
      'customRequest.commitRequest',
      'customRequest.exportQuote',
      'customRequest.copyOfferText',
      'customRequest.keepEditingKey',
    ]);
  });

  it('Escape at the first prompt cancels quietly and activation writes nothing', async () => {
    const folder = workspaceFolder();
    const before = listFiles(folder.uri.fsPath);
    let settled = false;
    const pending = Promise.resolve(vscode.commands.executeCommand('customRequest.newAssessment')).finally(() => (settled = true));
    // Press Escape until the command returns: the prompt may take a moment to show.
    while (!settled) {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(await pending, undefined);
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
    assert.deepEqual(listFiles(folder.uri.fsPath), before, 'nothing written');

    // Quietly: the cancelled run logged no error or warning, so it showed none either
    // (runCommand logs every error it shows, with the command's id). Log writes are buffered, so a later
    // entry (arguments refused before anything is asked) marks where the run's entries would end.
    await vscode.commands.executeCommand('customRequest.generateQuote', { today: 'cancel-check' });
    const isMarker = (line: string) => line.includes('customRequest.generateQuote') && line.includes('Field "today"');
    const log = await waitFor(() => (deskLog().split('\n').some(isMarker) ? deskLog() : ''), 'the marker entry in the Custom Request Desk log');
    await vscode.commands.executeCommand('notifications.clearAll');
    const lines = log.split('\n');
    const duringRun = lines.slice(0, lines.findIndex(isMarker));
    assert.deepEqual(
      duringRun.filter((line) => /\[(error|warning)\]/.test(line) || line.includes('customRequest.newAssessment')),
      [],
      'the cancelled run logged no error or warning',
    );
  });
});
