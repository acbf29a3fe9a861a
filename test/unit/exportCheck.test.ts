/**
 * Issue 20, item 1: an export that would drop part of the quote is refused,
 * naming what is missing, and a title or customer shaped like an HTML tag
 * survives the whole pipeline (template → Markdown → rendered HTML →
 * sanitised page → check) as text.
 */
import assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { DeskError } from '../../src/core/errors';
import { comparable, expectedPieces, htmlText, missingPieces } from '../../src/core/exportCheck';
import { quoteHtmlDocument } from '../../src/core/exportHtml';
import type { Lang } from '../../src/core/lang';
import { parseQuoteFile } from '../../src/core/quoteFile';
import { planSaveEstimate } from '../../src/core/saveEstimate';
import { planNewAssessment, planQuote } from '../../src/core/workflows';
import { WORKED_EXAMPLE } from './workedExample';
import { common, requestData, SUPPLIER } from './workflowFixture';

const ROOT = '/ws';
const none = async () => false;
/** VS Code renders Markdown with markdown-it, HTML and linkify on. */
const md = new MarkdownIt({ html: true, linkify: true });

async function quoteFor(lang: Lang, title: string, customer: string) {
  const plan = await planNewAssessment({ ...common, root: ROOT, data: { ...requestData(lang), title, customer }, exists: none });
  const estimate = { ...WORKED_EXAMPLE, taxRatePercent: 6 };
  const saved = await planSaveEstimate({ ...common, root: ROOT, assessmentPath: plan.assessmentPath, assessmentText: plan.file.text, estimate });
  const quote = await planQuote({
    ...common,
    settings: { ...common.settings, supplier: SUPPLIER[lang] },
    root: ROOT,
    assessmentPath: plan.assessmentPath,
    assessmentText: saved.text,
    quoteFolder: ROOT,
    workspaceQuoteNumbers: [],
  });
  return parseQuoteFile(quote.file.text, 'q.md');
}

const SELECT = 'Add a <select> box to the order form';
const EUROPE = 'Acme <Europe> GmbH';

describe('export check: the page shows the whole quote', () => {
  it('a title with <select> and a customer with <Europe> survive Markdown, rendering, sanitising and the check, as text', async () => {
    for (const lang of ['en', 'zh-cn'] as const) {
      const { quote, body } = await quoteFor(lang, SELECT, EUROPE);
      const html = quoteHtmlDocument({ lang, quote, markdown: body, renderedBody: md.render(body), file: 'q.md' });
      const main = html.slice(html.indexOf('<main>'), html.indexOf('</main>'));
      assert.ok(main.includes('Add a &lt;select&gt; box to the order form'), `${lang}: the title shows as text`);
      assert.ok(main.includes('Acme &lt;Europe&gt; GmbH'), `${lang}: the customer shows as text`);
      assert.ok(!/<select|<europe/i.test(main), `${lang}: no tag from the text`);
      const text = htmlText(main);
      assert.ok(text.includes(lang === 'zh-cn' ? '签字盖章' : 'Signature and company seal'), `${lang}: the signature block is there`);
      assert.ok(text.includes(lang === 'zh-cn' ? '¥278,780.00' : 'CN¥278,780.00'), `${lang}: the total including tax is there`);
    }
  });

  it('a full page passes: every expected piece is found', async () => {
    const { quote, body } = await quoteFor('en', 'Push robot data', 'Acme | Robotics');
    const pieces = expectedPieces(quote, body, 'en');
    const texts = pieces.map((p) => p.text);
    for (const piece of ['Acme | Robotics', 'Push robot data', 'CN¥119,000.00', 'CN¥72,000.00', 'CN¥263,000.00', 'CN¥278,780.00', 'Payment terms', 'Acceptance of the offer', 'Name of the authorised signatory', 'Signature and company seal', 'Date']) {
      assert.ok(texts.includes(piece), `expects ${piece}: ${texts.join(' / ')}`);
    }
    assert.deepEqual(missingPieces(pieces, htmlText(md.render(body))), []);
  });

  it('a page that ends after the heading is refused, naming what is missing, and nothing is returned', async () => {
    const { quote, body } = await quoteFor('en', SELECT, EUROPE);
    const rendered = md.render(body);
    // What the old sanitizer did with an unclosed <select>: everything after the heading gone.
    const truncated = rendered.slice(0, rendered.indexOf('</h1>') + 5);
    assert.throws(
      () => quoteHtmlDocument({ lang: 'en', quote, markdown: body, renderedBody: truncated, file: 'quotes/q.md' }),
      (e: DeskError) =>
        e instanceof DeskError &&
        e.text.en.startsWith('The exported page of quotes/q.md lacks: ') &&
        e.text.en.includes('total over the term CN¥263,000.00') &&
        e.text.en.includes(`customer "${EUROPE}"`) &&
        e.text['zh-cn'].includes('quotes/q.md 的导出页面缺少：') &&
        e.text['zh-cn'].includes('未写入任何文件'),
    );
    const noSignature = rendered.slice(0, rendered.lastIndexOf('<table>'));
    const missing = missingPieces(expectedPieces(quote, body, 'en'), htmlText(noSignature)).map((p) => p.label.en);
    assert.ok(missing.includes('signature block "Signature and company seal"'), missing.join('; '));
    assert.ok(missing.includes('signature block "Name of the authorised signatory"'), missing.join('; '));
  });

  it('counts amounts: a page that drops the tax table is refused though each amount shows once elsewhere', async () => {
    const { quote, body } = await quoteFor('en', 'Push robot data', 'Acme');
    const rendered = md.render(body);
    const tax = rendered.indexOf('<table>', rendered.indexOf('exclude tax'));
    const withoutTax = rendered.slice(0, tax) + rendered.slice(rendered.indexOf('</table>', tax) + 8);
    const missing = missingPieces(expectedPieces(quote, body, 'en'), htmlText(withoutTax)).map((p) => p.label.en);
    assert.ok(missing.includes('total including tax CN¥278,780.00'), missing.join('; '));
  });

  it('compares text without formatting: tags, references, escapes, emphasis, quotes, dashes and blanks', () => {
    assert.equal(comparable('**Total** “over” the — term,\n CN¥263,000.00'), comparable('Total "over" the -- term CN¥263,000.00'));
    assert.equal(htmlText('<p>Acme &lt;Europe&gt;<br>GmbH</p><!-- x -->'), ' Acme <Europe> GmbH ');
  });
});
