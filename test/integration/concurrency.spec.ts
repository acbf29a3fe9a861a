/**
 * Races, faults and containment in the real extension host: commands run at
 * the same time, a write that fails half-way, folders that are symbolic links
 * out of the workspace, and internal errors. Each case: a clear message,
 * nothing lost, nothing half-written, nothing written outside.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, symlinkSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import nodePath from 'node:path';
import * as vscode from 'vscode';
import type { DeskApi, NewAssessmentResult } from '../../src/extension';
import { closeAllEditors, EXTENSION_ID, listFiles, readText, setSetting, TODAY, workspaceFolder, writeEstimate, assertPlain, generateQuote, shownBy, temps } from './support';

const ADR_2 = 'doc/architecture/decisions/0002-expose-robot-data-through-the-versioned-open-api.md';

async function newAssessment(customer: string, title: string, adr = 'none'): Promise<NewAssessmentResult | undefined> {
  return vscode.commands.executeCommand<NewAssessmentResult | undefined>('customRequest.newAssessment', {
    customer, title, broughtBy: '', dealSize: null, language: 'en', adr, today: TODAY, open: false,
  });
}

async function withEstimate(customer: string, title: string, adr = 'none'): Promise<vscode.Uri> {
  const result = await newAssessment(customer, title, adr);
  assert.ok(result, 'New Assessment returned its file');
  await writeEstimate(result.assessment);
  return result.assessment;
}

/** `chattr +i`: even root cannot replace or rename the file (the suite's host may run as root, where modes do not stop writes). */
function immutable(path: string, on: boolean): void {
  execFileSync('chattr', [on ? '+i' : '-i', path]);
}

describe('races, faults and containment', () => {
  const folder = () => workspaceFolder();
  const root = () => folder().uri.fsPath;
  let outside: string;

  before(async () => {
    await vscode.extensions.getExtension<DeskApi>(EXTENSION_ID)!.activate();
    outside = mkdtempSync(nodePath.join(tmpdir(), 'crd-outside-'));
  });
  after(() => rmSync(outside, { recursive: true, force: true }));
  afterEach(closeAllEditors);

  describe('at the same time', () => {
    it('three Generate Quote at once give three distinct numbers and three files', async () => {
      const assessments = [
        await withEstimate('Parallel One', 'Race for a number'),
        await withEstimate('Parallel Two', 'Race for a number'),
        await withEstimate('Parallel Three', 'Race for a number'),
      ];
      const results = await Promise.all(assessments.map((a) => generateQuote(a)));
      for (const result of results) assert.ok(result, 'each Generate Quote finished');
      const numbers = results.map((r) => r!.number);
      assert.equal(new Set(numbers).size, 3, `three distinct numbers: ${numbers.join(', ')}`);
      for (const result of results) assert.ok(existsSync(result!.quote.fsPath), `${result!.quote.fsPath} exists`);
      assert.equal(new Set(results.map((r) => r!.quote.toString())).size, 3);
      for (const [i, a] of assessments.entries()) assert.match(await readText(a), new RegExp(`number: ${numbers[i]}\\n`), 'each assessment records its own number');
      assert.deepEqual(temps(root()), []);
    });

    it('two New Assessment at once with the same title give two folders, none overwritten', async () => {
      const results = await Promise.all([newAssessment('Twin Request', 'Same title twice'), newAssessment('Twin Request', 'Same title twice')]);
      for (const result of results) assert.ok(result, 'each New Assessment finished');
      const paths = results.map((r) => vscode.workspace.asRelativePath(r!.assessment)).sort();
      assert.deepEqual(paths, [
        'docs/custom-requests/2026-11-25-twin-request-same-title-twice-2/assessment.md',
        'docs/custom-requests/2026-11-25-twin-request-same-title-twice/assessment.md',
      ]);
      const ids = await Promise.all(results.map(async (r) => /\nid: (\S+)\n/.exec(await readText(r!.assessment))?.[1]));
      assert.ok(ids[0] && ids[1] && ids[0] !== ids[1], 'each file holds its own request');
    });
  });

  describe('symbolic links out of the workspace', () => {
    it('refuses a quote whose quotes folder links outside, writing nothing there', async () => {
      const assessment = await withEstimate('Linked Quotes', 'Quote through a link', ADR_2);
      const quotes = nodePath.join(root(), 'doc/architecture/decisions/quotes');
      const aside = `${quotes}.aside`;
      const had = existsSync(quotes);
      if (had) renameSync(quotes, aside);
      const target = nodePath.join(outside, 'quotes');
      mkdirSync(target);
      symlinkSync(target, quotes, 'dir');
      try {
        const before = await readText(assessment);
        let result: unknown;
        const shown = await shownBy('customRequest.generateQuote', async () => (result = await generateQuote(assessment)));
        assert.equal(result, undefined);
        assert.deepEqual(readdirSync(target), [], 'nothing was written outside the workspace');
        assert.equal(await readText(assessment), before);
        assert.match(shown, /doc\/architecture\/decisions\/quotes/, `the message names the folder: ${shown}`);
        assert.match(shown, /outside the workspace/);
        assertPlain(shown);
      } finally {
        unlinkSync(quotes);
        if (had) renameSync(aside, quotes);
      }
    });

    it('refuses New Assessment when the assessment folder links outside', async () => {
      const target = nodePath.join(outside, 'requests');
      mkdirSync(target);
      symlinkSync(target, nodePath.join(root(), 'linked-requests'), 'dir');
      await setSetting('assessmentFolder', 'linked-requests');
      try {
        let result: unknown;
        const shown = await shownBy('customRequest.newAssessment', async () => (result = await newAssessment('Linked Folder', 'Assessment through a link')));
        assert.equal(result, undefined);
        assert.deepEqual(readdirSync(target), [], 'nothing was written outside the workspace');
        assert.match(shown, /linked-requests/, `the message names the folder: ${shown}`);
        assertPlain(shown);
      } finally {
        await setSetting('assessmentFolder', undefined);
        unlinkSync(nodePath.join(root(), 'linked-requests'));
      }
    });

    it('refuses a new ADR in an ADR folder that links outside', async () => {
      const assessment = await withEstimate('Linked ADR', 'ADR through a link');
      const target = nodePath.join(outside, 'adr');
      mkdirSync(target);
      symlinkSync(target, nodePath.join(root(), 'doc/linked-adr'), 'dir');
      try {
        const before = await readText(assessment);
        let result: unknown;
        const shown = await shownBy('customRequest.createAdr', async () => {
          result = await vscode.commands.executeCommand('customRequest.createAdr', { assessment, title: 'Linked decision', adrFolder: 'doc/linked-adr', format: 'madr', today: TODAY, open: false });
        });
        assert.equal(result, undefined);
        assert.deepEqual(readdirSync(target), [], 'nothing was written outside the workspace');
        assert.equal(await readText(assessment), before);
        assert.match(shown, /doc\/linked-adr/, `the message names the folder: ${shown}`);
        assertPlain(shown);
      } finally {
        unlinkSync(nodePath.join(root(), 'doc/linked-adr'));
      }
    });
  });

  describe('a write that fails', () => {
    it('Generate Quote on an assessment that cannot be updated leaves no quote and no temporary file, with a plain message', async () => {
      const assessment = await withEstimate('Locked Request', 'Assessment cannot be written');
      const before = await readText(assessment);
      const files = listFiles(root());
      immutable(assessment.fsPath, true);
      let result: unknown;
      let shown: string;
      try {
        shown = await shownBy('customRequest.generateQuote', async () => (result = await generateQuote(assessment)));
      } finally {
        immutable(assessment.fsPath, false);
      }
      assert.equal(result, undefined);
      assert.deepEqual(listFiles(root()), files, 'no quote file and no temporary file remain');
      assert.equal(await readText(assessment), before);
      assert.match(shown, /assessment-cannot-be-written\/assessment\.md/, `the message names the assessment: ${shown}`);
      assert.match(shown, /See the log/);
      assertPlain(shown);
    });

    it('Generate Quote into a folder that cannot be written leaves nothing behind', async () => {
      const assessment = await withEstimate('Locked Folder', 'Quote folder cannot be written');
      const before = await readText(assessment);
      const dir = nodePath.dirname(assessment.fsPath);
      const files = listFiles(root());
      immutable(dir, true);
      let result: unknown;
      let shown: string;
      try {
        shown = await shownBy('customRequest.generateQuote', async () => (result = await generateQuote(assessment)));
      } finally {
        immutable(dir, false);
      }
      assert.equal(result, undefined);
      assert.deepEqual(listFiles(root()), files);
      assert.equal(await readText(assessment), before);
      assert.match(shown, /See the log/);
      assertPlain(shown);
    });
  });

  describe('internal errors', () => {
    it('the estimate form reports an internal error plainly; the details go to the log', async () => {
      const api = (await vscode.extensions.getExtension<DeskApi>(EXTENSION_ID)!.activate()) as DeskApi;
      const key = vscode.Uri.joinPath(folder().uri, 'docs/custom-requests/no-such-request/assessment.md').toString();
      const posted = (await api.estimateFormMessage({ type: 'open', key })) as { type: string; message?: string }[];
      assert.equal(posted.length, 1, JSON.stringify(posted));
      assert.equal(posted[0].type, 'failed');
      const message = posted[0].message ?? '';
      assertPlain(message);
      assert.doesNotMatch(message, /file:\/\//, `an internal URI reached the user: ${message}`);
      assert.match(message, /See the log/);
    });
  });
});
