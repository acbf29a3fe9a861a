/**
 * Export Quote and Copy Offer Text in the sample workspace, through the real
 * `markdown.api.render` of VS Code's built-in Markdown extension and the real
 * clipboard. The requests price the method's worked example (CNY, 6 % tax):
 * NRE ¥119,000.00 (11.9 万), ¥72,000.00 a year (7.2 万), 2 years, total
 * ¥263,000.00 (26.3 万), with tax ¥278,780.00 (27.878 万 → 27.88 万); issued
 * 2026-11-25, valid 30 days: until 2026-12-25.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import nodePath from 'node:path';
import * as vscode from 'vscode';
import type { CopyOfferTextResult, ExportQuoteResult, NewAssessmentResult } from '../../src/extension';
import { closeAllEditors, generateQuote, shownBy, TODAY, workspaceFolder, writeEstimate } from './support';

const ADR_2 = 'doc/architecture/decisions/0002-expose-robot-data-through-the-versioned-open-api.md';
const EXPORT = 'customRequest.exportQuote';
/** A 1×1 PNG. */
const PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

async function newRequest(customer: string, language: 'en' | 'zh-cn', title = 'Push robot data to their platform'): Promise<{ assessment: vscode.Uri; quote: vscode.Uri; number: string }> {
  const result = await vscode.commands.executeCommand<NewAssessmentResult | undefined>('customRequest.newAssessment', {
    customer, title, broughtBy: '', dealSize: null, language, adr: ADR_2, today: TODAY, open: false,
  });
  assert.ok(result, 'New Assessment returned its files');
  await writeEstimate(result.assessment);
  const quote = await generateQuote(result.assessment);
  assert.ok(quote, 'Generate Quote wrote the quote');
  return { assessment: result.assessment, ...quote };
}

async function exportQuote(args: object): Promise<ExportQuoteResult | undefined> {
  return vscode.commands.executeCommand<ExportQuoteResult | undefined>(EXPORT, args);
}

/** The page with its links taken out: what is left must name no http(s) address at all. */
function withoutLinks(html: string): string {
  return html.replace(/<a href="(?:https?:|mailto:)[^"]*"/g, '<a');
}

/** Sets `customRequest.supplier` for the workspace (undefined: removes it). */
async function setSupplier(supplier: object | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('customRequest').update('supplier', supplier, vscode.ConfigurationTarget.Workspace);
}

describe('Export Quote and Copy Offer Text', () => {
  const folder = () => workspaceFolder();
  let zh: { assessment: vscode.Uri; quote: vscode.Uri; number: string };
  let en: { assessment: vscode.Uri; quote: vscode.Uri; number: string };
  let page: vscode.Uri;
  let firstExport: string;

  before(async () => {
    zh = await newRequest('导出测试物流', 'zh-cn');
    en = await newRequest('Export Test Freight', 'en');
  });
  after(async () => setSupplier(undefined));
  afterEach(closeAllEditors);

  it('exports the quote through VS Code\'s Markdown engine into a standalone page beside it', async () => {
    const result = await exportQuote({ quote: zh.quote });
    assert.ok(result, 'Export Quote returned its page');
    assert.equal(result.written, true);
    assert.equal(result.number, zh.number);
    page = result.html;
    assert.equal(page.path, zh.quote.path.replace(/\.md$/, '.html'));
    firstExport = readFileSync(page.fsPath, 'utf8');
    // For a look after the run (test-output/integration/export-zh-cn.html; the bundle runs from test-output/integration/bundle).
    writeFileSync(nodePath.join(__dirname, '..', 'export-zh-cn.html'), firstExport);
    assert.ok(firstExport.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">'), 'the document language');
    // Rendered by the Markdown engine: tables and headings as HTML, no Markdown table rule and no front matter.
    assert.match(firstExport, /<table[^>]*>[\s\S]*<td[^>]*>[^<]*¥119,000\.00/, 'the NRE in a table cell');
    assert.match(firstExport, new RegExp(`<h1[^>]*>[^<]*${zh.number}`), 'the quote number in the heading');
    assert.ok(!firstExport.includes('| --- |') && !firstExport.includes('nreFeeMinor'), 'no Markdown source, no front matter');
    assert.ok(firstExport.includes(`@bottom-left { content: "${zh.number}";`), 'the quote number in the page footer');
    assert.ok(!/<script/i.test(firstExport), 'no script');
    assert.ok(!/https?:/i.test(withoutLinks(firstExport)), 'no http(s) resource');
    assert.ok(!firstExport.includes('<img'), 'no supplier logo set: no image');
  });

  it('drops the scripts, frames, remote images and unsafe links of a hand-edited quote, keeping web links as links', async () => {
    const text = readFileSync(zh.quote.fsPath, 'utf8').replace(/Q-2026-\d{3}/g, 'Q-2099-001');
    const hostile = nodePath.join(nodePath.dirname(zh.quote.fsPath), 'quote-Q-2099-001-hostile.md');
    writeFileSync(
      hostile,
      `${text}\n<script>alert(1)</script>\n\n<iframe src="https://frames.example/x"></iframe>\n\n<img src="https://tracker.example/p.gif" alt="pixel">\n\n` +
        '<p onclick="steal()" style="background:url(https://bg.example/a.png)">hand-written</p>\n\n' +
        '[our site](https://www.example.com/products) and [a script](javascript:alert(1)) and <a href="jav&#x61;script:alert(2)">another</a>\n',
    );
    const result = await exportQuote({ quote: vscode.Uri.file(hostile) });
    assert.ok(result);
    const html = readFileSync(result.html.fsPath, 'utf8');
    // (Markdown itself leaves [a script](javascript:…) as plain text, never a link.)
    for (const gone of ['<script', 'alert(2)', '<iframe', 'frames.example', 'tracker.example', 'bg.example', 'onclick', 'href="javascript']) {
      assert.ok(!html.toLowerCase().includes(gone), `no ${gone}`);
    }
    assert.match(html, /<a href="https:\/\/www\.example\.com\/products"[^>]*>our site<\/a>/, 'a web link stays a link');
    assert.ok(html.includes('pixel') && html.includes('hand-written') && html.includes('another'), 'the text of what was dropped stays');
    assert.ok(!/https?:/i.test(withoutLinks(html)), 'no http(s) resource');
  });

  it('exports a title and a customer shaped like HTML tags as text, with the prices and the signature block', async () => {
    const tagged = await newRequest('Acme <Europe> GmbH', 'en', 'Add a <select> box to the order form');
    const result = await exportQuote({ quote: tagged.quote });
    assert.ok(result, 'Export Quote returned its page');
    const html = readFileSync(result.html.fsPath, 'utf8');
    writeFileSync(nodePath.join(__dirname, '..', 'export-tagged.html'), html);
    const main = html.slice(html.indexOf('<main>'), html.indexOf('</main>'));
    assert.match(main, /<h1[^>]*>[^<]*Add a &lt;select&gt; box to the order form<\/h1>/, 'the title as text in the heading');
    assert.ok(main.includes('Acme &lt;Europe&gt; GmbH'), 'the customer as text');
    assert.ok(!/<select|<europe/i.test(main), 'no element from the text');
    for (const figure of ['CN¥119,000.00', 'CN¥72,000.00', 'CN¥263,000.00', 'CN¥278,780.00']) assert.ok(main.includes(figure), `the page shows ${figure}`);
    for (const line of ['Acceptance of the offer', 'Name of the authorised signatory', 'Signature and company seal']) assert.ok(main.includes(line), `the signature block shows ${line}`);
  });

  it('refuses, naming what is missing, a page that would lose the signature block, and writes nothing', async () => {
    const text = readFileSync(en.quote.fsPath, 'utf8').replace(/Q-2026-\d{3}/g, 'Q-2099-002');
    // A comment opened by hand and never closed hides the rest of the page (as in a browser), so the page would end before the signature block.
    const cut = text.replace('## Acceptance of the offer', '<!-- internal note\n\n## Acceptance of the offer');
    assert.notEqual(cut, text);
    const hostile = nodePath.join(nodePath.dirname(en.quote.fsPath), 'quote-Q-2099-002-cut.md');
    writeFileSync(hostile, cut);
    const target = hostile.replace(/\.md$/, '.html');
    const shown = await shownBy(EXPORT, () => exportQuote({ quote: vscode.Uri.file(hostile) }));
    assert.match(shown, /The exported page of .*quote-Q-2099-002-cut\.md lacks: .*signature block "Name of the authorised signatory"/);
    assert.throws(() => statSync(target), /ENOENT/, 'no page was written');
  });

  it('never replaces an export silently: identical is left alone, different only when told to', async () => {
    const mtime = statSync(page.fsPath).mtimeMs;
    const again = await exportQuote({ quote: zh.quote });
    assert.equal(again?.written, false, 'an identical page is not written again');
    assert.equal(statSync(page.fsPath).mtimeMs, mtime);

    const edited = `${firstExport}<!-- notes added by hand -->\n`;
    writeFileSync(page.fsPath, edited);
    const refused = await shownBy(EXPORT, () => exportQuote({ quote: zh.quote, replace: false }));
    assert.match(refused, /already exists with other content and was left as it was/);
    assert.equal(readFileSync(page.fsPath, 'utf8'), edited, 'left as it was');

    const replaced = await exportQuote({ quote: zh.quote, replace: true });
    assert.equal(replaced?.written, true);
    assert.equal(readFileSync(page.fsPath, 'utf8'), firstExport);
  });

  it('inlines the supplier logo from the workspace, and leaves out one that leads outside it', async () => {
    const media = nodePath.join(folder().uri.fsPath, 'media');
    mkdirSync(media, { recursive: true });
    writeFileSync(nodePath.join(media, 'logo.png'), Buffer.from(PIXEL_PNG, 'base64'));
    await setSupplier({ name: 'Robofleet Systems', logo: 'media/logo.png' });
    const withLogo = await exportQuote({ quote: zh.quote, replace: true });
    assert.ok(withLogo);
    const html = readFileSync(withLogo.html.fsPath, 'utf8');
    assert.ok(html.includes(`<header class="letterhead"><img src="data:image/png;base64,${PIXEL_PNG}" alt="Robofleet Systems"></header>`), 'the logo, inlined');

    const outside = nodePath.join(tmpdir(), `crd-logo-${process.pid}.png`);
    writeFileSync(outside, Buffer.from(PIXEL_PNG, 'base64'));
    symlinkSync(outside, nodePath.join(media, 'linked.png'));
    try {
      await setSupplier({ name: 'Robofleet Systems', logo: 'media/linked.png' });
      const linked = await exportQuote({ quote: zh.quote, replace: true });
      assert.ok(linked);
      assert.ok(!readFileSync(linked.html.fsPath, 'utf8').includes('<img'), 'no image from outside the workspace');

      // A quote that recorded its supplier keeps that one, whatever the setting says today.
      await setSupplier(undefined);
      const recorded = nodePath.join(nodePath.dirname(zh.quote.fsPath), 'quote-Q-2099-002-recorded.md');
      const text = readFileSync(zh.quote.fsPath, 'utf8').replace(/Q-2026-\d{3}/g, 'Q-2099-002').replace(/^supplier:\n(?: .*\n)*/m, '');
      writeFileSync(recorded, text.replace('kind: custom-request-quote\n', 'kind: custom-request-quote\nsupplier:\n  name: Recorded Supplier\n  logo: media/logo.png\n'));
      const fromQuote = await exportQuote({ quote: vscode.Uri.file(recorded) });
      assert.ok(fromQuote);
      assert.ok(readFileSync(fromQuote.html.fsPath, 'utf8').includes(`<img src="data:image/png;base64,${PIXEL_PNG}" alt="Recorded Supplier">`), 'the recorded logo');
    } finally {
      rmSync(outside, { force: true });
      rmSync(media, { recursive: true, force: true });
    }
  });

  it('copies the Chinese offer with the latest quote\'s figures in 万 to the clipboard', async () => {
    const result = await vscode.commands.executeCommand<CopyOfferTextResult | undefined>('customRequest.copyOfferText', { assessment: zh.assessment });
    const expected =
      '通过我司标准开放平台对接，约 3 天即可接通，不另收费，并随每次平台升级保持兼容。' +
      '如贵司需要定制方案，我司以专属服务包的形式交付：定制开发费（一次性）11.9 万元；年度兼容性服务费每年 7.2 万元，负责每个平台版本的适配与复测。' +
      `按 2 年服务期计，合计 26.3 万元（不含税；按 6% 税率，价税合计 27.88 万元），详见报价单 ${zh.number}，有效期至 2026年12月25日。`;
    assert.equal(result?.text, expected);
    assert.equal(await vscode.env.clipboard.readText(), expected);
  });

  it('copies the English offer from the open quote\'s editor, with no arguments', async () => {
    await vscode.window.showTextDocument(en.quote);
    await vscode.env.clipboard.writeText('');
    const result = await vscode.commands.executeCommand<CopyOfferTextResult | undefined>('customRequest.copyOfferText');
    const expected =
      'Through our standard open platform you can be connected in about 3 days, at no separate charge, and the connection keeps working with every platform release. ' +
      'If you need the custom solution instead, we deliver it as a dedicated service package: a one-time custom development fee of CN¥119,000.00, plus a yearly compatibility service fee of CN¥72,000.00, which covers adapting and retesting it for each platform release. ' +
      `Over the 2-year term that is CN¥263,000.00 in total, excluding tax (CN¥278,780.00 with 6% tax); the details are in quote ${en.number}, valid until December 25, 2026.`;
    assert.equal(result?.quote, en.number);
    assert.equal(await vscode.env.clipboard.readText(), expected);
  });
});
