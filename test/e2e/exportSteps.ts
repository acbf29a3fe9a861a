/**
 * The journey's steps for sending the quote, after the Custom Requests tree:
 * Export Quote from the palette, the page opened in this Chromium and printed
 * to PDF (its text read back with Debian's pdftotext), a second export that
 * asks before replacing, and Copy Offer Text from the tree's context menu.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expectedPieces, missingPieces } from '../../src/core/exportCheck';
import type { Lang } from '../../src/core/lang';
import { parseQuoteFile } from '../../src/core/quoteFile';
import { requestName } from '../../src/core/status';
import { localToday, type Journey, type Step } from './journey';
import { requestTree } from './treeSteps';
import { UI_TIMEOUT, waitUntil } from './workbench';

const EXPORT_QUOTE = 'customRequest.exportQuote';
const COPY_OFFER_TEXT = 'customRequest.copyOfferText';

/**
 * Figures of the journey's quote as printed, by hand from test/e2e/scenarios.ts:
 * English: NRE $31,500.00 + 3 years × $15,000.00 = $76,500.00 (no tax);
 * Chinese: NRE ¥119,000.00 + 2 years × ¥72,000.00 = ¥263,000.00 (11.9 万, 7.2 万, 26.3 万; with 6 % tax ¥278,780.00 = 27.88 万).
 */
const PRINTED: Record<Lang, { termTotal: string; footer: string; paper: 'A4' | 'Letter'; htmlLang: string }> = {
  en: { termTotal: '$76,500.00', footer: 'Page 1 of', paper: 'Letter', htmlLang: 'en-US' },
  'zh-cn': { termTotal: '¥263,000.00', footer: '第 1 页，共', paper: 'A4', htmlLang: 'zh-CN' },
};

/** The sales offer for the journey's quote, by hand; the quote number and its validity date go in at the end. */
function expectedOffer(lang: Lang, number: string, validUntil: string): string {
  return lang === 'zh-cn'
    ? '通过我司标准开放平台对接，约 3 天即可接通，不另收费，并随每次平台升级保持兼容。' +
        '如贵司需要定制方案，我司以专属服务包的形式交付：定制开发费（一次性）11.9 万元；年度兼容性服务费每年 7.2 万元，负责每个平台版本的适配与复测。' +
        `按 2 年服务期计，合计 26.3 万元（不含税；按 6% 税率，价税合计 27.88 万元），详见报价单 ${number}，有效期至 ${validUntil}。`
    : 'Through our standard open platform you can be connected in about 3 days, at no separate charge, and the connection keeps working with every platform release. ' +
        'If you need the custom solution instead, we deliver it as a dedicated service package: a one-time custom development fee of $31,500.00, plus a yearly compatibility service fee of $15,000.00, which covers adapting and retesting it for each platform release. ' +
        `Over the 3-year term that is $76,500.00 in total; the details are in quote ${number}, valid until ${validUntil}.`;
}

/** Today + 30 days (the default validity) in the document language's long form, e.g. "December 25, 2026" / "2026年12月25日". */
function validUntil(lang: Lang): string {
  const [y, m, d] = localToday().split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d + 30));
  return new Intl.DateTimeFormat(lang === 'zh-cn' ? 'zh-CN' : 'en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(date);
}

/** Text compared without any whitespace: pdftotext lays text out in columns and lines as printed. */
const squeezed = (text: string) => text.replace(/\s+/g, '');

function quoteNumber(j: Journey): string {
  return j.scenario.expected.quoteNumber(Number(localToday().slice(0, 4)));
}

function htmlPath(j: Journey): string {
  return j.quotePath.replace(/\.md$/, '.html');
}

function supplierName(j: Journey): string | undefined {
  return (j.scenario.settings['customRequest.supplier'] as { name?: string } | undefined)?.name;
}

export const EXPORT_STEPS: Step[] = [
  {
    title: 'Export Quote from the palette writes the print-ready page beside the quote',
    async run(j) {
      const wb = j.workbench;
      const number = quoteNumber(j);
      await wb.runCommand(j.ui.commandTitle(EXPORT_QUOTE), 'palette export quote');
      // With the quote's editor active the command takes it; otherwise it asks which quote.
      const picker = wb.quickInput.locator('.quick-input-title', { hasText: j.ui.t('Export Quote') });
      const toast = j.session.page.locator('.notifications-toasts .notification-toast', { hasText: j.ui.t('Quote {0} exported to {1}.', number, htmlPath(j)) });
      await waitUntil('the export or its quote picker', async () => (await picker.isVisible()) || (await toast.first().isVisible()));
      if (await picker.isVisible()) await wb.pick({ title: j.ui.t('Export Quote'), placeholder: j.ui.t('Which quote?'), label: number });
      const message = await wb.waitForNotification(j.ui.t('Quote {0} exported to {1}.', number, htmlPath(j)));
      assert.equal(message, j.ui.t('Quote {0} exported to {1}.', number, htmlPath(j)));
      await wb.screenshot('quote exported');
      const html = j.read(htmlPath(j));
      assert.ok(html.startsWith(`<!DOCTYPE html>\n<html lang="${PRINTED[j.scenario.lang].htmlLang}">`), 'the page has the document language');
      assert.ok(!/<script/i.test(html), 'no script');
      assert.ok(!/https?:/i.test(html.replace(/<a href="(?:https?:|mailto:)[^"]*"/g, '<a')), 'no http(s) resource');
    },
  },
  {
    title: 'the exported page opens in Chromium and prints to a PDF with the quote number, customer, supplier, NRE and term total',
    async run(j) {
      const s = j.scenario;
      const number = quoteNumber(j);
      const page = await j.session.page.context().newPage();
      const refused: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') refused.push(m.text());
      });
      try {
        await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
        await page.goto(pathToFileURL(j.file(htmlPath(j))).href);
        await page.locator('main h1').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
        if (supplierName(j)) {
          // The logo is inlined as a data: URI, which the page's Content-Security-Policy allows.
          const loaded = await page.locator('.letterhead img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0);
          assert.ok(loaded, 'the supplier logo shows');
        }
        const shot = join(j.session.outDir, `export-${s.lang}-first-page.png`);
        await page.screenshot({ path: shot });
        const pdf = join(j.session.outDir, `export-${s.lang}.pdf`);
        await page.pdf({ path: pdf, format: PRINTED[s.lang].paper, printBackground: true });
        const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
        writeFileSync(`${pdf}.txt`, text);
        const printed = squeezed(text);
        const expected = [number, s.customer, s.expected.nreShown, PRINTED[s.lang].termTotal, ...(supplierName(j) ? [supplierName(j)!] : [])];
        for (const what of expected) assert.ok(printed.includes(squeezed(what)), `the PDF shows ${what} (its text: ${pdf}.txt)`);
        // The footer's margin boxes: the quote number at the left, the page number at the right, on one line.
        assert.ok(printed.includes(squeezed(`${number}${PRINTED[s.lang].footer}`)), `the first page's footer reads ${number} … ${PRINTED[s.lang].footer} 1 (its text: ${pdf}.txt)`);
        assert.deepEqual(refused, [], 'the page loaded without a refused or failed resource');
      } finally {
        await page.close();
        await j.session.page.bringToFront();
      }
    },
  },
  {
    title: 'the printed PDF shows the whole quote: customer, title, every amount, every section and the signature block (the export check on the PDF text)',
    async run(j) {
      const pdf = join(j.session.outDir, `export-${j.scenario.lang}.pdf`);
      // -raw keeps the text in the order it was drawn, so a table cell wrapped over two lines stays together
      // (-layout interleaves the cells of a row); the check compares without blanks and line breaks.
      const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
      writeFileSync(`${pdf}.raw.txt`, text);
      const { quote, body } = parseQuoteFile(j.read(j.quotePath), j.quotePath);
      const pieces = expectedPieces(quote, body, j.scenario.lang);
      const labels = pieces.map((piece) => piece.label.en);
      assert.ok(labels.some((label) => label.startsWith('signature block ')) && labels.some((label) => label.startsWith('total over the term ')), `the check looks for the signature block and the total: ${labels.join('; ')}`);
      assert.deepEqual(
        missingPieces(pieces, text).map((piece) => piece.label.en),
        [],
        `the PDF lacks nothing of the quote (its text: ${pdf}.raw.txt)`,
      );
    },
  },
  {
    title: "a second export from the quote editor's title bar asks before replacing a changed page, and Cancel leaves it as it was",
    async run(j) {
      const wb = j.workbench;
      const page = j.session.page;
      const number = quoteNumber(j);
      const file = j.file(htmlPath(j));
      const edited = `${readFileSync(file, 'utf8')}<!-- notes added by hand -->\n`;
      writeFileSync(file, edited);
      // The quote's tab (open since Generate Quote); its editor's title bar has the export button.
      const quoteFile = j.quotePath.slice(j.quotePath.lastIndexOf('/') + 1);
      await wb.closeQuickInput();
      await page.locator('.tabs-container .tab', { hasText: quoteFile }).first().click();
      await wb.waitForActiveEditor(quoteFile);
      const button = page.locator(`.editor-group-container.active .editor-actions .action-label[aria-label*=${JSON.stringify(j.ui.menuTitle(EXPORT_QUOTE))}]`);
      await button.first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await wb.screenshot('export button on the quote editor');
      await button.first().click();
      const dialog = page.locator('.monaco-dialog-box');
      await dialog.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      const question = j.ui.t('{0} already exists and differs from this export of quote {1}. Replace it?', htmlPath(j), number);
      await dialog.locator('.dialog-message-text', { hasText: question }).waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await wb.screenshot('export asks before replacing');
      await j.session.page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
      assert.equal(readFileSync(file, 'utf8'), edited, 'Cancel leaves the page as it was');
    },
  },
  {
    title: "Copy Offer Text from the tree's context menu puts the offer with the quote's figures on the clipboard",
    async run(j) {
      const s = j.scenario;
      const page = j.session.page;
      await page.evaluate(() => navigator.clipboard.writeText(''));
      await requestTree(j).contextMenu(requestName(s, s.lang), j.ui.menuTitle(COPY_OFFER_TEXT));
      await j.workbench.waitForNotification(j.ui.t('Offer text with the figures of quote {0} copied to the clipboard.', quoteNumber(j)));
      const copied = await waitUntil('the offer on the clipboard', async () => (await page.evaluate(() => navigator.clipboard.readText())) || undefined);
      assert.equal(copied, expectedOffer(s.lang, quoteNumber(j), validUntil(s.lang)));
      await j.workbench.screenshot('offer text copied');
    },
  },
];
