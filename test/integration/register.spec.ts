/**
 * Update Register on the sample workspace (after the other sample specs, so
 * with their requests too): two requests of different customers sharing a
 * capability tag become a productisation candidate, every link in the README
 * leads to a file on disk, a broken assessment is named and left as it is,
 * and a refresh without changes writes nothing.
 */
import assert from 'node:assert/strict';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import nodePath from 'node:path';
import * as vscode from 'vscode';
import type { NewAssessmentArgs, NewAssessmentResult, UpdateRegisterResult } from '../../src/extension';
import { assertPlain, closeAllEditors, generateQuote, shownBy, TODAY, workspaceFolder, writeEstimate } from './support';

const ADR_2 = 'doc/architecture/decisions/0002-expose-robot-data-through-the-versioned-open-api.md';
const REGISTER = 'docs/custom-requests/README.md';

async function newAssessment(args: NewAssessmentArgs): Promise<vscode.Uri> {
  const result = await vscode.commands.executeCommand<NewAssessmentResult | undefined>('customRequest.newAssessment', {
    broughtBy: '', dealSize: null, language: 'en', adr: 'none', today: TODAY, open: false, ...args,
  });
  assert.ok(result, 'New Assessment returned its files');
  return result.assessment;
}

async function updateRegister(): Promise<UpdateRegisterResult> {
  const result = await vscode.commands.executeCommand<UpdateRegisterResult | undefined>('customRequest.updateRegister', { open: false, today: TODAY });
  assert.ok(result, 'Update Register returned its result');
  return result;
}

/** Every Markdown link target in the text (after a `]` that is not escaped), percent-decoded. */
function links(text: string): string[] {
  return [...text.matchAll(/(?<!\\)\]\(([^)\s]*)\)/g)].map((match) => decodeURIComponent(match[1]));
}

describe('Update Register', () => {
  const root = () => workspaceFolder().uri.fsPath;
  const register = () => nodePath.join(root(), REGISTER);
  const relative = (uri: vscode.Uri) => nodePath.relative(root(), uri.fsPath).split(nodePath.sep).join('/');
  let alpha: vscode.Uri;
  let beta: vscode.Uri;
  let broken: vscode.Uri;

  before(async () => {
    // VS Code in the browser auto-saves after a second by default; the last test keeps an edit unsaved.
    await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Workspace);
    alpha = await newAssessment({ customer: 'Register Alpha', title: 'Stream events to their bus', adr: ADR_2, capabilities: ['event-stream', 'sso'] });
    beta = await newAssessment({ customer: 'Register Beta', title: 'Push events to their broker', capabilities: ['Event Stream'] });
    await writeEstimate(alpha);
    assert.ok(await generateQuote(alpha), 'a quote for the first request');
  });
  after(async () => {
    await vscode.workspace.getConfiguration('files').update('autoSave', undefined, vscode.ConfigurationTarget.Workspace);
  });
  afterEach(closeAllEditors);

  it('writes the register with the tagged requests as a productisation candidate, every link leading to a file', async () => {
    const result = await updateRegister();
    assert.equal(relative(result.register), REGISTER);
    assert.equal(result.changed, true);
    const text = readFileSync(register(), 'utf8');
    assert.ok(text.startsWith('<!-- custom-request:register -->\n'));
    assert.ok(text.endsWith('<!-- /custom-request:register -->\n'));
    assert.equal(result.requests, text.split('\n').filter((line) => /^\| \d{4}-\d\d-\d\d \|/.test(line)).length);

    const targets = links(text);
    for (const request of [alpha, beta]) assert.ok(targets.some((t) => nodePath.resolve(nodePath.dirname(register()), t) === request.fsPath), `${relative(request)} is linked`);
    assert.ok(targets.some((t) => t.endsWith(ADR_2)), 'the related ADR is linked');
    assert.ok(targets.some((t) => /\/quotes\/quote-Q-\d{4}-\d+-register-alpha\.md$/.test(t)), 'the quote is linked');
    for (const target of targets) {
      const path = nodePath.resolve(nodePath.dirname(register()), target);
      assert.ok(statSync(path, { throwIfNoEntry: false })?.isFile(), `${target} leads to a file (${path})`);
    }

    const candidate = text.split('\n').findIndex((line) => line.startsWith('- **event-stream**: 2 customers (Register Alpha, Register Beta)'));
    assert.ok(candidate > 0, 'event-stream is a candidate of both customers');
    assert.match(text.split('\n')[candidate + 1], /^ {2}- \[Register Alpha: Stream events to their bus\]\(/);
    assert.match(text.split('\n')[candidate + 2], /^ {2}- \[Register Beta: Push events to their broker\]\(/);
    assert.ok(!text.includes('- **sso**: '), 'a tag of one customer is no candidate');
  });

  it('names a broken assessment in the left-out note and leaves its file unchanged', async () => {
    broken = await newAssessment({ customer: 'Register Broken', title: 'Bad YAML', capabilities: ['event-stream'] });
    const bad = '---\nkind: custom-request-assessment\ncustomer: [unclosed\n---\n\n# Notes kept as they are\n';
    writeFileSync(broken.fsPath, bad);
    const mtime = statSync(broken.fsPath).mtimeMs;
    const result = await updateRegister();
    assert.equal(result.changed, true);
    assert.ok(result.leftOut.includes(relative(broken)), `left out: ${result.leftOut.join(', ')}`);
    const text = readFileSync(register(), 'utf8');
    const note = text.split('\n').find((line) => line.startsWith(`- [${relative(broken)}](`));
    assert.ok(note, 'the note names the file');
    assert.match(note, /is not valid YAML/);
    assert.ok(!text.includes('Register Broken'), 'the broken request is not in the table');
    assert.equal(readFileSync(broken.fsPath, 'utf8'), bad, 'the broken file is unchanged');
    assert.equal(statSync(broken.fsPath).mtimeMs, mtime);
  });

  it('changes nothing when run again without changes, not even the modification time', async () => {
    const mtime = statSync(register()).mtimeMs;
    const before = readFileSync(register(), 'utf8');
    await new Promise((resolve) => setTimeout(resolve, 20));
    const result = await updateRegister();
    assert.equal(result.changed, false);
    assert.equal(readFileSync(register(), 'utf8'), before);
    assert.equal(statSync(register()).mtimeMs, mtime);
  });

  it('keeps text written outside the markers', async () => {
    const notes = '# Our custom requests\n\nRead this first.\n\n';
    const tail = '\nWritten below the register.\n';
    writeFileSync(register(), `${notes}${readFileSync(register(), 'utf8')}${tail}`);
    const delta = await newAssessment({ customer: 'Register Delta', title: 'A request after the notes' });
    const result = await updateRegister();
    assert.equal(result.changed, true);
    const text = readFileSync(register(), 'utf8');
    assert.ok(text.startsWith(notes), 'the text above is kept');
    assert.ok(text.endsWith(tail), 'the text below is kept');
    assert.ok(text.includes(`](${relative(delta).replace(/^docs\/custom-requests\//, '')})`), 'the new request is listed');
  });

  it('refuses while the register has unsaved edits in an editor, keeping them and writing nothing', async () => {
    const before = readFileSync(register(), 'utf8');
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(register()));
    await vscode.window.showTextDocument(doc);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(0, 0), 'Unsaved line.\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await newAssessment({ customer: 'Register Gamma', title: 'One more request' });
    const shown = await shownBy('customRequest.updateRegister', async () => vscode.commands.executeCommand('customRequest.updateRegister', { open: false, today: TODAY }));
    assertPlain(shown);
    assert.match(shown, /README\.md has unsaved changes/);
    assert.ok(doc.isDirty && doc.getText().startsWith('Unsaved line.\n'), 'the unsaved edits are kept');
    assert.equal(readFileSync(register(), 'utf8'), before, 'nothing written');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
  it('Set Capability Tags writes the tags through the document (undo takes them back) and a newly shared tag becomes a candidate', async () => {
    const setCapabilities = (args: object) => vscode.commands.executeCommand<{ capabilities: string[] } | undefined>('customRequest.setCapabilities', args);
    const doc = await vscode.workspace.openTextDocument(beta);
    await vscode.window.showTextDocument(doc);
    const result = await setCapabilities({ assessment: beta, capabilities: ['Event Stream', 'SSO', 'sso '] });
    assert.deepEqual(result?.capabilities, ['Event Stream', 'SSO']);
    const saved = readFileSync(beta.fsPath, 'utf8');
    assert.match(saved, /^capabilities:\n {2}- Event Stream\n {2}- SSO\n/m, 'written into the front matter and saved');
    assert.ok(!doc.isDirty, 'a saved document is saved again');
    const text = readFileSync((await updateRegister()).register.fsPath, 'utf8');
    assert.ok(text.includes('- **sso**: 2 customers (Register Alpha, Register Beta)'), 'sso is now shared by two customers');

    try {
      await vscode.commands.executeCommand('undo');
      assert.match(doc.getText(), /^capabilities:\n {2}- Event Stream\n(?! {2}- SSO)/m, `undo takes the change back: ${doc.getText().slice(0, 400)}`);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }

    const shown = await shownBy('customRequest.setCapabilities', async () => setCapabilities({ assessment: beta, capabilities: ['x'.repeat(61)] }));
    assertPlain(shown);
    assert.match(shown, /capability tags/);
    assert.equal(readFileSync(beta.fsPath, 'utf8'), saved, 'a refused tag writes nothing');
  });
});
