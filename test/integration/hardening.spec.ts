/**
 * Hostile and careless text through the real commands (issue 8, items 1, 4,
 * 5 and 13): odd titles round-trip, markers in user text open no block, and
 * a CRLF file with a byte order mark keeps both through Generate Quote.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseAssessment, splitFrontMatter } from '../../src/core/assessment';
import type { NewAssessmentResult } from '../../src/extension';
import { closeAllEditors, TODAY, writeEstimate, generateQuote, shownBy } from './support';

async function newAssessment(customer: string, title: string): Promise<vscode.Uri> {
  const result = await vscode.commands.executeCommand<NewAssessmentResult | undefined>('customRequest.newAssessment', {
    customer, title, broughtBy: '', dealSize: null, language: 'en', adr: 'none', today: TODAY, open: false,
  });
  assert.ok(result, 'New Assessment returned its file');
  return result.assessment;
}

/** The file's text with its byte order mark, if any. */
async function rawText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await vscode.workspace.fs.readFile(uri));
}

const MARKER_LINES = (text: string) =>
  splitFrontMatter(text)!
    .body.split(/\r?\n/)
    .filter((line) => /^<!-- \/?custom-request:/.test(line)).length;

describe('hardening: text through the commands', () => {
  before(closeAllEditors);

  it('a title ending in --- and a customer --- round-trip through Generate Quote', async () => {
    const uri = await newAssessment('---', 'Push data to their platform ---');
    await writeEstimate(uri);
    const quote = await generateQuote(uri);
    assert.ok(quote, 'Generate Quote accepted the assessment');
    const { frontMatter } = parseAssessment(await rawText(uri), 'assessment.md');
    assert.equal(frontMatter.customer, '---');
    assert.equal(frontMatter.title, 'Push data to their platform ---');
    assert.equal(frontMatter.quotes.length, 1);
  });

  it('markers in a title open no generated block, and a second quote does not grow the blocks', async () => {
    const uri = await newAssessment('Marker Co', 'Send <!-- custom-request:figures --> and <!-- /custom-request:links -->');
    await writeEstimate(uri);
    assert.ok(await generateQuote(uri));
    const once = await rawText(uri);
    assert.ok(await generateQuote(uri));
    const twice = await rawText(uri);
    assert.match(twice, /## 1\. The request as stated/);
    assert.equal(MARKER_LINES(once), 4);
    assert.equal(MARKER_LINES(twice), 4);
  });

  it('a CRLF assessment with a byte order mark keeps both through Generate Quote', async () => {
    const uri = await newAssessment('Line Ending Co', 'Keep CRLF and the BOM');
    await writeEstimate(uri);
    const lf = await rawText(uri);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('\uFEFF' + lf.replace(/\n/g, '\r\n')));
    assert.ok(await generateQuote(uri));
    const after = await rawText(uri);
    assert.ok(after.startsWith('\uFEFF'), 'the BOM is kept');
    assert.equal((after.match(/(?<!\r)\n/g) ?? []).length, 0, 'no LF without CR');
    assert.equal(parseAssessment(after, 'assessment.md').frontMatter.quotes.length, 1);
  });

  it('an adr.path into .git is refused by name, and no quote is written there (issue 20)', async () => {
    const uri = await newAssessment('Git Path Co', 'Quote beside a hostile ADR path');
    await writeEstimate(uri);
    const text = (await rawText(uri)).replace(/^adr: null\n/m, '');
    const hostile = text.replace(/^---\n/, '---\nadr: {"path": ".git/0001-x.md", "title": "X"}\n');
    assert.notEqual(hostile, text, 'the ADR line went into the front matter');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(hostile));
    const message = await shownBy('customRequest.generateQuote', async () => generateQuote(uri));
    assert.match(message, /adr\.path is "\.git\/0001-x\.md", which cannot be the request's ADR/);
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    assert.ok(folder);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(vscode.Uri.joinPath(folder.uri, '.git', 'quotes'))), 'no quotes folder in .git');
    assert.equal(await rawText(uri), hostile, 'the assessment is unchanged');
  });
});
