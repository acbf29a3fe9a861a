/**
 * Fault injection in the real extension host (issue 8, "Also deliver"): a
 * target file that appears between the command's check and its write, and an
 * assessment changed on disk while it is open with unsaved edits. Each case:
 * a clear message, nothing lost, nothing half-written.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, watch, writeFileSync, type FSWatcher } from 'node:fs';
import nodePath from 'node:path';
import * as vscode from 'vscode';
import type { DeskApi, GenerateQuoteResult, NewAssessmentResult } from '../../src/extension';
import { WORKED_EXAMPLE } from '../unit/workedExample';
import { closeAllEditors, EXTENSION_ID, listFiles, readText, sleep, TODAY, workspaceFolder, writeEstimate, assertPlain, generateQuote, shownBy, temps } from './support';

async function newAssessment(customer: string, title: string): Promise<NewAssessmentResult | undefined> {
  return vscode.commands.executeCommand<NewAssessmentResult | undefined>('customRequest.newAssessment', {
    customer, title, broughtBy: '', dealSize: null, language: 'en', adr: 'none', today: TODAY, open: false,
  });
}

/**
 * Watches `dir` and, the first time an entry matching `trigger` appears, writes
 * `text` to the path `target(name)` returns (unless it exists already): another
 * writer that gets there between the command's check and its write. The file
 * system event arrives in this process (the extension host) before the command
 * can take its next step, so the file is there when the command writes.
 */
function raceWriter(dir: string, trigger: RegExp, target: (name: string) => string, text: string): { written: () => string | undefined; close: () => void } {
  let written: string | undefined;
  const watcher: FSWatcher = watch(dir, (_event, name) => {
    if (written || !name || !trigger.test(name)) return;
    const path = target(name);
    try {
      writeFileSync(path, text, { flag: 'wx' });
      written = path;
    } catch {
      // Too late or not a folder yet: the race was not won this time.
    }
  });
  return { written: () => written, close: () => watcher.close() };
}

describe('fault injection', () => {
  const root = () => workspaceFolder().uri.fsPath;
  let api: DeskApi;

  before(async () => {
    api = (await vscode.extensions.getExtension<DeskApi>(EXTENSION_ID)!.activate()) as DeskApi;
    // VS Code in the browser auto-saves after a second by default; these tests decide when a file is saved.
    await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Workspace);
  });
  after(async () => {
    await vscode.workspace.getConfiguration('files').update('autoSave', undefined, vscode.ConfigurationTarget.Workspace);
  });
  afterEach(closeAllEditors);

  describe('a file created between the check and the write', () => {
    it('Generate Quote takes the next free number when its quote file appears just before the write, leaving that file untouched', async () => {
      const created = await newAssessment('Raced Quote', 'File appears before the write');
      assert.ok(created);
      const assessment = created.assessment;
      await writeEstimate(assessment);
      const dir = nodePath.dirname(assessment.fsPath);
      const theirs = 'Written by someone else at the same moment.\n';
      // The command writes `.quote-….md.crd-….tmp` and renames it into place: create the quote file in between.
      const racer = raceWriter(dir, /^\.quote-Q-.*\.crd-.*\.tmp$/, (name) => nodePath.join(dir, name.slice(1).replace(/\.crd-[^.]*\.tmp$/, '')), theirs);
      let result: GenerateQuoteResult | undefined;
      try {
        result = await generateQuote(assessment);
      } finally {
        racer.close();
      }
      const raced = racer.written();
      assert.ok(raced, 'the other writer created the quote file before the rename');
      assert.ok(result, 'Generate Quote finished');
      assert.notEqual(result.quote.fsPath, raced, 'the quote went to another file');
      assert.equal(readFileSync(raced, 'utf8'), theirs, 'the file that appeared was left untouched');
      const racedNumber = /quote-(Q-\d{4}-\d+)-/.exec(nodePath.basename(raced))?.[1];
      assert.ok(racedNumber);
      assert.notEqual(result.number, racedNumber, 'the next free number was taken');
      assert.ok(existsSync(result.quote.fsPath));
      const text = await readText(assessment);
      assert.match(text, new RegExp(`number: ${result.number}\\n`), 'the assessment records the number it got');
      assert.doesNotMatch(text, new RegExp(`number: ${racedNumber}\\n`));
      assert.deepEqual(temps(root()), []);
    });

    it('New Assessment takes the next free folder when its assessment file appears just before the write, leaving that file untouched', async () => {
      const parent = nodePath.join(root(), 'docs/custom-requests');
      const name = '2026-11-25-raced-request-folder-appears-before-the-write';
      const theirs = 'Someone else’s assessment, written at the same moment.\n';
      // The command makes the request folder, then writes the assessment into it: put one there first.
      const racer = raceWriter(parent, new RegExp(`^${name}$`), (entry) => nodePath.join(parent, entry, 'assessment.md'), theirs);
      let result: NewAssessmentResult | undefined;
      try {
        result = await newAssessment('Raced Request', 'Folder appears before the write');
      } finally {
        racer.close();
      }
      const raced = racer.written();
      assert.ok(raced, 'the other writer created the assessment before the rename');
      assert.ok(result, 'New Assessment finished');
      assert.equal(vscode.workspace.asRelativePath(result.assessment), `docs/custom-requests/${name}-2/assessment.md`);
      assert.equal(readFileSync(raced, 'utf8'), theirs, 'the file that appeared was left untouched');
      assert.match(await readText(result.assessment), /\ncustomer: Raced Request\n/);
      assert.deepEqual(temps(root()), []);
    });
  });

  describe('an assessment changed on disk while open with unsaved edits', () => {
    const NOTE = '\nMy unsaved note.\n';
    const THEIRS = '\nChanged on disk by a colleague.\n';

    /** An assessment open in an editor with an unsaved note, whose file then changes on disk. */
    async function openDirtyThenChangeOnDisk(customer: string, title: string, estimate: boolean): Promise<{ uri: vscode.Uri; doc: vscode.TextDocument; disk: string }> {
      const created = await newAssessment(customer, title);
      assert.ok(created);
      const uri = created.assessment;
      if (estimate) await writeEstimate(uri);
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      const edit = new vscode.WorkspaceEdit();
      edit.insert(uri, doc.positionAt(doc.getText().length), NOTE);
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.ok(doc.isDirty);
      const disk = `${await readText(uri)}${THEIRS}`;
      writeFileSync(uri.fsPath, disk);
      await sleep(1500); // let VS Code see the change on disk
      return { uri, doc, disk };
    }

    async function revert(doc: vscode.TextDocument): Promise<void> {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }

    it('Generate Quote refuses, keeping the unsaved edits and the new text on disk, and writes no quote', async () => {
      const { uri, doc, disk } = await openDirtyThenChangeOnDisk('Changed Twice', 'Quote while dirty and changed on disk', true);
      const files = listFiles(root());
      let result: unknown;
      const shown = await shownBy('customRequest.generateQuote', async () => (result = await generateQuote(uri)));
      try {
        assert.equal(result, undefined);
        assert.match(shown, /changed-twice-quote-while-dirty-and-changed-on-disk\/assessment\.md has unsaved changes/, shown);
        assert.match(shown, /nothing was changed/);
        assertPlain(shown);
        assert.equal(await readText(uri), disk, 'the new text on disk is kept');
        assert.ok(doc.isDirty, 'the editor still has its unsaved edits');
        assert.ok(doc.getText().endsWith(NOTE), 'the unsaved note is still in the editor');
        assert.deepEqual(listFiles(root()), files, 'no quote and no temporary file');
      } finally {
        await revert(doc);
      }
    });

    it('Save in the estimate form keeps the unsaved edits and the new text on disk, with a clear message', async () => {
      const { uri, doc, disk } = await openDirtyThenChangeOnDisk('Changed Twice', 'Form save while dirty and changed on disk', false);
      const files = listFiles(root());
      const posted = (await api.estimateFormMessage({ type: 'save', key: uri.toString(), estimate: WORKED_EXAMPLE })) as { type: string; message?: string }[];
      try {
        assert.equal(posted.length, 1, JSON.stringify(posted));
        const message = posted[0].message ?? '';
        assertPlain(message);
        assert.equal(await readText(uri), disk, 'the new text on disk is kept: nothing was written to the file');
        assert.ok(doc.getText().includes(NOTE), 'the unsaved note is still in the editor');
        assert.ok(!doc.getText().includes(THEIRS.trim()), 'the editor was not reloaded from the disk');
        assert.deepEqual(listFiles(root()), files, 'no file created, no temporary file');
        // Kept in the editor, unsaved: the user saves (VS Code then shows its conflict with the newer file) or reverts.
        assert.deepEqual(posted, [
          { type: 'saved', key: uri.toString(), message: 'Estimate written into the open editor; the file has other unsaved changes, save it to keep them.' },
        ]);
        assert.ok(doc.isDirty, 'the estimate waits in the editor, unsaved');
        assert.match(doc.getText(), /\nestimate:/, 'the estimate is in the editor, whole');
        assert.ok(doc.getText().includes('CN¥119,000.00'), 'with its figures block');
      } finally {
        await revert(doc);
      }
    });
  });
});
