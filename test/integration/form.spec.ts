/**
 * The estimate form's extension side in the real extension host: Save and
 * Generate Quote handed to the view provider exactly as the webview sends
 * them (through the extension's `estimateFormMessage`), on real documents.
 */
import assert from 'node:assert/strict';
import { mulberry32 } from '../support/random';
import { parse } from 'yaml';
import * as vscode from 'vscode';
import { splitFrontMatter } from '../../src/core/assessment';
import { extensionToWebviewSchema, parseMessage } from '../../src/webview/protocol';
import type { DeskApi, NewAssessmentResult } from '../../src/extension';
import { WORKED_EXAMPLE } from '../unit/workedExample';
import { closeAllEditors, EXTENSION_ID, listFiles, readText, TODAY, workspaceFolder, writeText } from './support';

function frontMatter(text: string): Record<string, unknown> {
  const split = splitFrontMatter(text);
  assert.ok(split, 'has front matter');
  return parse(split.yaml) as Record<string, unknown>;
}

async function newAssessment(customer: string, title: string): Promise<vscode.Uri> {
  const result = await vscode.commands.executeCommand<NewAssessmentResult | undefined>('customRequest.newAssessment', {
    customer, title, broughtBy: '', dealSize: null, language: 'en', adr: 'none', today: TODAY, open: false,
  });
  assert.ok(result);
  return result.assessment;
}


describe('estimate form (the view provider in the extension host)', () => {
  let api: DeskApi;
  before(async () => {
    api = (await vscode.extensions.getExtension<DeskApi>(EXTENSION_ID)!.activate()) as DeskApi;
    assert.equal(typeof api.estimateFormMessage, 'function');
    // VS Code in the browser auto-saves after a second by default; these tests decide when a file is saved.
    await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Workspace);
  });
  after(async () => {
    await vscode.workspace.getConfiguration('files').update('autoSave', undefined, vscode.ConfigurationTarget.Workspace);
  });
  afterEach(closeAllEditors);

  it('Save on an assessment open and dirty in an editor keeps the unsaved edits, and undo takes the estimate back', async () => {
    const uri = await newAssessment('Form Works', 'Dirty editor');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, doc.positionAt(doc.getText().length), '\nMy unsaved note.\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const onDisk = await readText(uri);

    const posted = await api.estimateFormMessage({ type: 'save', key: uri.toString(), estimate: WORKED_EXAMPLE });
    assert.deepEqual(posted, [
      { type: 'saved', key: uri.toString(), message: 'Estimate written into the open editor; the file has other unsaved changes, save it to keep them.' },
    ]);
    assert.ok(doc.isDirty, 'the user decides when to save the other edits');
    assert.ok(doc.getText().endsWith('\nMy unsaved note.\n'), 'the unsaved note is still there');
    assert.equal(await readText(uri), onDisk, 'nothing reached the disk');
    const fm = frontMatter(doc.getText());
    // The worked example already names every field, so Save writes exactly it.
    assert.deepEqual(fm.estimate, WORKED_EXAMPLE);
    assert.equal(fm.status, 'estimated');
    // The figures block shows the hand-computed fee: 30 pd × 3,000 = 90,000; +10 % = 99,000; +20 % = 118,800 → 119,000.
    assert.ok(doc.getText().includes('CN¥119,000.00'), 'the figures block was refreshed');

    await vscode.commands.executeCommand('undo');
    assert.equal(frontMatter(doc.getText()).estimate, undefined, 'one undo takes the estimate back');
    assert.ok(doc.getText().endsWith('\nMy unsaved note.\n'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('Generate quote from the form keeps the comments in the front matter and writes the quote', async () => {
    const uri = await newAssessment('Form Works', 'Commented front matter');
    const original = await readText(uri);
    const commented = original.replace('\nstatus: draft\n', '\n# negotiated with procurement: keep this note\nstatus: draft # set by the tools\n');
    assert.notEqual(commented, original);
    await writeText(uri, commented);

    const posted = await api.estimateFormMessage({ type: 'generateQuote', key: uri.toString(), estimate: WORKED_EXAMPLE });
    assert.equal(posted.length, 1);
    const message = (posted[0] as { message: string }).message;
    const number = /^Estimate saved; quote (Q-2026-\d{3}) written\.$/.exec(message)?.[1];
    assert.ok(number, message);
    const text = await readText(uri);
    assert.ok(text.includes('\n# negotiated with procurement: keep this note\n'), 'the comment above status is kept');
    const fm = frontMatter(text);
    assert.equal(fm.status, 'quoted');
    assert.deepEqual(fm.estimate, WORKED_EXAMPLE);
    const quotes = fm.quotes as { number: string; path: string; nreMinor: number }[];
    assert.equal(quotes.length, 1);
    assert.equal(quotes[0].number, number);
    assert.equal(quotes[0].nreMinor, 11_900_000);
    const quote = await readText(vscode.Uri.joinPath(workspaceFolder().uri, quotes[0].path));
    assert.equal(frontMatter(quote).nreFeeMinor, 11_900_000);
  });

  it('refuses an invalid estimate, naming the field, and writes nothing', async () => {
    const uri = await newAssessment('Form Works', 'Invalid estimate');
    const before = listFiles(workspaceFolder().uri.fsPath);
    const text = await readText(uri);
    const invalid = { ...WORKED_EXAMPLE, workItems: [{ name: 'x', role: 'engineer', optimistic: 9, mostLikely: 5, pessimistic: 12 }] };
    const posted = (await api.estimateFormMessage({ type: 'save', key: uri.toString(), estimate: invalid })) as { type: string; message: string }[];
    assert.equal(posted.length, 1);
    assert.equal(posted[0].type, 'failed');
    assert.match(posted[0].message, /"estimate\.workItems\[0\]\.mostLikely" \(most likely person-days\) must satisfy optimistic ≤ most likely ≤ pessimistic/);
    assert.equal(await readText(uri), text);
    assert.deepEqual(listFiles(workspaceFolder().uri.fsPath), before);
  });

  it('drops malformed and random messages without throwing or writing anything', async () => {
    const uri = await newAssessment('Form Works', 'Fuzzed');
    const before = listFiles(workspaceFolder().uri.fsPath);
    const text = await readText(uri);
    const next = mulberry32(20261125);
    const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)];
    const junk = (depth: number): unknown => {
      const kind = pick(['string', 'number', 'null', 'array', 'object', 'bool', 'undefined'] as const);
      if (kind === 'string') return pick(['', 'x'.repeat(5000), '../../etc/passwd', uri.toString(), '__proto__', 'file:///etc/hosts']);
      if (kind === 'number') return pick([0, -1, 1e308, Number.NaN, 3.5]);
      if (kind === 'null') return null;
      if (kind === 'bool') return next() < 0.5;
      if (kind === 'undefined') return undefined;
      if (depth > 2) return {};
      if (kind === 'array') return Array.from({ length: Math.floor(next() * 4) }, () => junk(depth + 1));
      return Object.fromEntries(Array.from({ length: Math.floor(next() * 4) }, () => [pick(['estimate', 'key', 'workItems', 'constructor', 'dirty']), junk(depth + 1)]));
    };
    // Every message type but the two that open UI (New Assessment prompts; ready re-sends the lists).
    const types = ['save', 'generateQuote', 'select', 'dirty', 'open', 'bogus', 42, undefined];
    for (let i = 0; i < 300; i++) {
      const message = next() < 0.2 ? junk(0) : { type: pick(types), key: pick(['', 'not a uri', 'file:///outside/assessment.md', 'untitled:x']), estimate: junk(0), dirty: junk(0) };
      const posted = (await api.estimateFormMessage(message)) as { type: string }[];
      assert.ok(posted.every((m) => m.type === 'failed'), `case ${i}: ${JSON.stringify(posted)}`);
    }
    assert.equal(await readText(uri), text);
    assert.deepEqual(listFiles(workspaceFolder().uri.fsPath), before);
  });
  it('a request with a 201-character tag loads with the tag named in a notice, on the key asked for, and the webview schema takes it', async () => {
    const uri = await newAssessment('Form Works', 'Long tag');
    const text = await readText(uri);
    const long = 'x'.repeat(201);
    assert.match(text, /^customer: Form Works$/m);
    // A new assessment without tags has no `capabilities:` line: one is added under the customer.
    await writeText(uri, text.replace(/^customer: Form Works$/m, `customer: Form Works\ncapabilities: [sso, ${long}]`));
    const posted = (await api.estimateFormMessage({ type: 'select', key: uri.toString(), dirty: false })) as { type: string; key?: string; capabilities?: string[]; notice?: string }[];
    for (const message of posted) assert.equal(parseMessage(extensionToWebviewSchema, message).ok, true, JSON.stringify(message).slice(0, 300));
    const load = posted.find((m) => m.type === 'load');
    assert.ok(load, JSON.stringify(posted.map((m) => m.type)));
    assert.equal(load.key, uri.toString());
    assert.deepEqual(load.capabilities, ['sso']);
    assert.ok(load.notice?.startsWith(`The capability tag "${'x'.repeat(40)}…" in `) && load.notice.includes('is longer than 60 characters'), load.notice);
  });
});
