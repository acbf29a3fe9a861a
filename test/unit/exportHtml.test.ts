import assert from 'node:assert/strict';
import { cssString, exportPath, logoMimeType, printStylesheet, quoteHtmlDocument } from '../../src/core/exportHtml';
import { parseQuoteFile, quoteLanguage, type QuoteFile } from '../../src/core/quoteFile';
import { activeContent, decodeEntities, sanitizeRenderedHtml, tokenizeHtml, urlScheme } from '../../src/core/sanitizeHtml';
import { scaled } from '../support/mutationRun';

const QUOTE: QuoteFile = {
  kind: 'custom-request-quote',
  number: 'Q-2026-003',
  customer: 'Acme | Robotics',
  title: 'Push <data>',
  issueDate: '2026-11-25',
  validUntil: '2026-12-25',
  currency: 'CNY',
  nreFeeMinor: 11_900_000,
  yearlyFeeMinor: 7_200_000,
  supportYears: 2,
  termTotalMinor: 26_300_000,
};

describe('export: sanitising rendered Markdown', () => {
  it('keeps what Markdown renders: headings, tables with alignment, lists, emphasis, code', () => {
    const html =
      '<h1 id="quote-q-2026-003" data-line="0" class="code-line" dir="auto">Quote</h1>\n' +
      '<table>\n<thead>\n<tr>\n<th>Item</th>\n<th style="text-align:right">Amount</th>\n</tr>\n</thead>\n' +
      '<tbody>\n<tr>\n<td>NRE</td>\n<td style="text-align:right">CN¥119,000.00</td>\n</tr>\n</tbody>\n</table>\n' +
      '<ul>\n<li><strong>a</strong> &amp; <em>b</em> <code>c &lt; d</code></li>\n</ul>\n<hr>\n<p>x<br>y</p>';
    assert.equal(
      sanitizeRenderedHtml(html),
      '<h1 id="quote-q-2026-003" dir="auto">Quote</h1>\n' +
        '<table>\n<thead>\n<tr>\n<th>Item</th>\n<th style="text-align:right">Amount</th>\n</tr>\n</thead>\n' +
        '<tbody>\n<tr>\n<td>NRE</td>\n<td style="text-align:right">CN¥119,000.00</td>\n</tr>\n</tbody>\n</table>\n' +
        '<ul>\n<li><strong>a</strong> &amp; <em>b</em> <code>c &lt; d</code></li>\n</ul>\n<hr>\n<p>x<br>y</p>',
    );
  });

  it('drops scripts, frames, objects, styles and SVG with everything inside them', () => {
    assert.equal(sanitizeRenderedHtml('<p>a</p><script>alert("<p>x</p>")</script><p>b</p>'), '<p>a</p><p>b</p>');
    assert.equal(sanitizeRenderedHtml('<SCRIPT src=https://x.example/a.js></SCRIPT>ok'), 'ok');
    assert.equal(sanitizeRenderedHtml('<iframe src="https://x.example"><p>in</p></iframe>after'), 'after');
    assert.equal(sanitizeRenderedHtml('<style>@import url(https://x.example/a.css)</style>t'), 't');
    assert.equal(sanitizeRenderedHtml('<svg><svg><image href="https://x.example/i.png"/></svg></svg>t'), 't');
    assert.equal(sanitizeRenderedHtml('<object data="https://x.example/f.swf"></object><embed src="https://x.example/e">t'), 't');
    assert.equal(sanitizeRenderedHtml('<!-- <script>x</script> -->t<!DOCTYPE html>'), 't');
    // An unterminated script loses only its tag: what follows stays, as text.
    assert.equal(sanitizeRenderedHtml('<p>a</p><script>alert(1)'), '<p>a</p>alert(1)');
  });

  it('drops only the tag of an element left unclosed, keeping the rest of the quote safe', () => {
    const rest = '\n<h2>Terms</h2>\n<p>Valid <strong>30</strong> days.</p>\n<table><tr><td style="text-align:right">CN¥1.00</td></tr></table>';
    for (const name of ['script', 'style', 'iframe', 'frameset', 'object', 'applet', 'noscript', 'noembed', 'noframes', 'template', 'textarea', 'select', 'title', 'svg', 'math', 'xmp', 'plaintext', 'head', 'audio', 'video', 'canvas']) {
      assert.equal(sanitizeRenderedHtml(`<h1>Quote</h1>\n<${name} id="x">${rest}`), `<h1>Quote</h1>\n${rest}`, name);
      assert.equal(sanitizeRenderedHtml(`<h1>Quote</h1>\n<${name.toUpperCase()}>${rest}`), `<h1>Quote</h1>\n${rest}`, name);
      // Closed ones still go with their content, nested ones of the same name counted; an outer one left open drops its tag only.
      assert.equal(sanitizeRenderedHtml(`<p>a</p><${name}><${name}>in</${name}>in</${name}>b`), '<p>a</p>b', name);
      assert.equal(sanitizeRenderedHtml(`<p>a</p><${name}><${name}>in</${name}>b`), '<p>a</p>b', name);
    }
    assert.equal(sanitizeRenderedHtml('<select><option>A</option><p>kept</p>'), 'A<p>kept</p>');
    assert.equal(sanitizeRenderedHtml('<style>p{}</style><style><p>kept</p>'), '<p>kept</p>');
    // What follows an unclosed element is sanitised like any other text: nothing in it runs or loads.
    const hostile = [
      '<script><img src="https://x.example/p.gif" onerror="alert(1)" alt="pixel">',
      '<iframe src="https://x.example"><script>alert(1)</script><a href="javascript:alert(2)">x</a>',
      '<svg><iframe><object data="https://x.example/f.swf"></object><embed src="https://x.example/e">',
      '<textarea><p style="background:url(https://x.example/t.png)" onclick="x()">t</p><link href="https://x.example/s.css">',
      '<title><base href="https://x.example/"><form action="https://x.example"><button formaction="https://x.example">b</button></form>',
      '<noscript><math><style>@import url(https://x.example/a.css)<td style="text-align:left;background:url(https://x.example)">c</td>',
    ];
    for (const html of hostile) {
      const out = sanitizeRenderedHtml(`<h1>Quote</h1>${html}<p>after</p>`);
      assert.ok(out.endsWith('<p>after</p>'), out);
      assert.deepEqual(activeContent(out), [], out);
      for (const token of tokenizeHtml(out)) {
        if (token.kind === 'start') assert.deepEqual(token.attributes.filter((a) => a.name.startsWith('on') || /x\.example|javascript/i.test(a.value)), [], out);
      }
    }
  });

  it('scans 100,000 unclosed dropped elements in linear time', () => {
    const out = sanitizeRenderedHtml('<select><script><svg>'.repeat(scaled(100_000)) + '<p>end</p>');
    assert.equal(out, '<p>end</p>');
    const nested = sanitizeRenderedHtml('<svg>'.repeat(scaled(100_000)) + '</svg>'.repeat(scaled(50_000)) + 'kept');
    assert.equal(nested, 'kept');
  });

  it('keeps only a table cell\'s text-align, read in linear time whatever the spaces', () => {
    const cell = (style: string) => sanitizeRenderedHtml(`<td style="${style}">v</td>`);
    assert.equal(cell('text-align:left'), '<td style="text-align:left">v</td>');
    assert.equal(cell('  TEXT-ALIGN : Center ; '), '<td style="TEXT-ALIGN : Center ;">v</td>');
    assert.equal(cell('text-align:right;;'), '<td>v</td>');
    assert.equal(cell('text-align:left;color:red'), '<td>v</td>');
    assert.equal(cell('text-align:justify'), '<td>v</td>');
    assert.equal(cell('align:left'), '<td>v</td>');
    assert.equal(cell('text-align left'), '<td>v</td>');
    // The issue's 21-second case: 200,000 spaces and then something that is not a space; then a megabyte of them.
    assert.equal(cell(`text-align:left${' '.repeat(200_000)}x`), '<td>v</td>');
    assert.equal(cell(`text-align:left${' '.repeat(200_000)}`), '<td style="text-align:left">v</td>');
    assert.equal(cell(`text-align:left${' '.repeat(1_000_000)};${' '.repeat(1_000_000)}x`), '<td>v</td>');
    const spaced = `text-align${' '.repeat(1_000_000)}:${' '.repeat(1_000_000)}right${' '.repeat(1_000_000)};`;
    assert.equal(cell(`${' '.repeat(1_000_000)}${spaced}\t`), `<td style="${spaced}">v</td>`);
  });

  it('drops unknown elements and event handlers but keeps their text', () => {
    assert.equal(sanitizeRenderedHtml('<p onclick="x()">a</p><form action="https://x.example"><button>b</button></form>'), '<p>a</p>b');
    assert.equal(sanitizeRenderedHtml('<link rel="stylesheet" href="https://x.example/s.css"><base href="https://x.example/">t'), 't');
    assert.equal(sanitizeRenderedHtml('<td style="background:url(https://x.example/t.png)">v</td>'), '<td>v</td>');
  });

  it('keeps http(s) and mailto links, removes every other href and keeps the link text', () => {
    assert.equal(sanitizeRenderedHtml('<a href="https://example.com/a?b=1&amp;c=2" title="t">site</a>'), '<a href="https://example.com/a?b=1&amp;c=2" title="t">site</a>');
    assert.equal(sanitizeRenderedHtml('<a href="mailto:sales@example.com">mail</a>'), '<a href="mailto:sales@example.com">mail</a>');
    assert.equal(sanitizeRenderedHtml('<a href="#terms">terms</a>'), '<a href="#terms">terms</a>');
    assert.equal(sanitizeRenderedHtml('<a href="../0002-adr.md">ADR</a>'), '<a>ADR</a>');
    assert.equal(sanitizeRenderedHtml('<a href="javascript:alert(1)">x</a>'), '<a>x</a>');
    // Schemes hidden behind character references, spaces and controls are still found.
    assert.equal(sanitizeRenderedHtml('<a href="jav&#x61;script&colon;alert(1)">x</a>'), '<a>x</a>');
    assert.equal(sanitizeRenderedHtml('<a href=" java\tscript:alert(1)">x</a>'), '<a>x</a>');
    assert.equal(sanitizeRenderedHtml('<a href=\'file:///etc/passwd\'>x</a>'), '<a>x</a>');
  });

  it('keeps inline data: images only; any other image becomes its alt text', () => {
    assert.equal(sanitizeRenderedHtml('<img src="data:image/png;base64,iVBORw0KGgo=" alt="logo">'), '<img src="data:image/png;base64,iVBORw0KGgo=" alt="logo">');
    assert.equal(sanitizeRenderedHtml('<img src="https://x.example/track.gif" alt="Logo &amp; Co">'), 'Logo &amp; Co');
    assert.equal(sanitizeRenderedHtml('<img src="logo.png">'), '');
    assert.equal(sanitizeRenderedHtml('<img src="data:text/html;base64,PHNjcmlwdD4=">'), '');
  });

  it('escapes what could open a tag: stray "<" and quotes in attribute values', () => {
    assert.equal(sanitizeRenderedHtml('1 < 2 <3'), '1 &lt; 2 &lt;3');
    assert.equal(sanitizeRenderedHtml('<p title=\'a"><script>x</script>\'>t</p>'), '<p title="a&quot;&gt;&lt;script&gt;x&lt;/script&gt;">t</p>');
  });

  it('scans a long hostile input in linear time', () => {
    const input = '<a href='.repeat(scaled(20_000)) + '<'.repeat(scaled(50_000)) + '<!--'.repeat(scaled(10_000)) + '&#'.repeat(scaled(20_000));
    const out = sanitizeRenderedHtml(input);
    assert.ok(!out.includes('<a href=<'));
    assert.deepEqual(activeContent(out), []);
  });

  it('decodes character references and reads URL schemes as browsers do', () => {
    assert.equal(decodeEntities('a&amp;b&#60;&#x3e;&quot;&unknown;'), 'a&b<>"&unknown;');
    assert.equal(urlScheme('HTTPS://x'), 'https');
    assert.equal(urlScheme(' \u0001java\nscript:x'), 'javascript');
    assert.equal(urlScheme('docs/a:b'), '');
    assert.equal(urlScheme('#x'), '');
  });

  it('finds what would load or run in a page', () => {
    assert.deepEqual(activeContent('<p>ok</p><a href="https://example.com">l</a><img src="data:image/png;base64,AA=="><style>p{color:red}</style>'), []);
    assert.deepEqual(activeContent('<script>x</script>'), ['<script>']);
    assert.deepEqual(activeContent('<img src="https://x.example/a.png">'), ['src="https://x.example/a.png" on <img>']);
    assert.deepEqual(activeContent('<link href="https://x.example/s.css">'), ['<link>', 'href="https://x.example/s.css" on <link>']);
    assert.deepEqual(activeContent('<style>@import "https://x.example/s.css";</style>'), ['url() or @import in a <style>']);
    assert.deepEqual(activeContent('<div onload="x()">'), ['onload= on <div>']);
  });
});

describe('export: the page', () => {
  it('goes beside the quote with the same base name', () => {
    assert.equal(exportPath('/w/doc/adr/quotes/quote-Q-2026-003-acme.md'), '/w/doc/adr/quotes/quote-Q-2026-003-acme.html');
    assert.equal(exportPath('/w/quotes/quote-Q-2026-003-R2-星河物流.md'), '/w/quotes/quote-Q-2026-003-R2-星河物流.html');
    assert.equal(exportPath('/w/q/Quote.MARKDOWN'), '/w/q/Quote.html');
  });

  it('inlines only image types it knows', () => {
    assert.equal(logoMimeType('media/logo.PNG'), 'image/png');
    assert.equal(logoMimeType('logo.svg'), 'image/svg+xml');
    assert.equal(logoMimeType('logo.jpeg'), 'image/jpeg');
    assert.equal(logoMimeType('logo.pdf'), undefined);
    assert.equal(logoMimeType('logo'), undefined);
  });

  it('writes CSS strings that cannot end the string or the style element', () => {
    assert.equal(cssString('Q-2026-003'), '"Q-2026-003"');
    assert.equal(cssString('a"b\\c</style>\n'), '"a\\22 b\\5c c\\3c /style>\\a "');
  });

  it('puts the quote number and page numbers in the page footer, and keeps table rows whole', () => {
    const en = printStylesheet('en', 'Q-2026-003');
    assert.ok(en.includes('@bottom-left { content: "Q-2026-003";'));
    assert.ok(en.includes('@bottom-right { content: "Page " counter(page) " of " counter(pages);'));
    assert.ok(en.includes('size: auto;'));
    assert.ok(en.includes('tr, th, td { break-inside: avoid;'));
    assert.ok(en.includes('thead:not(:has(th:not(:empty))) { display: none; }'), 'an empty header row is not printed');
    const zh = printStylesheet('zh-cn', 'Q-2026-003');
    assert.ok(zh.includes('"第 " counter(page) " 页，共 " counter(pages) " 页"'));
    assert.ok(zh.includes('html { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;'));
  });

  it('builds a standalone page: language, escaped title, inline logo, sanitised body, nothing to load or run', () => {
    const html = quoteHtmlDocument({
      lang: 'zh-cn',
      quote: QUOTE,
      markdown: '# 报价单 Q-2026-003\n',
      renderedBody: '<h1>报价单 Q-2026-003</h1><script>x()</script><img src="http://x.example/p.gif">',
      logo: { mimeType: 'image/png', base64: 'iVBORw0KGgo=', alt: 'Robofleet "RF"' },
      file: 'quotes/q.md',
    });
    assert.ok(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">\n'));
    assert.ok(html.includes('<title>Q-2026-003 · Acme | Robotics：Push &lt;data&gt;</title>'));
    assert.ok(html.includes('<header class="letterhead"><img src="data:image/png;base64,iVBORw0KGgo=" alt="Robofleet &quot;RF&quot;"></header>'));
    assert.ok(html.includes('<main>\n<h1>报价单 Q-2026-003</h1>\n</main>'));
    assert.ok(html.includes(`content="default-src 'none'; img-src data:; style-src 'unsafe-inline'"`));
    assert.ok(!/<script|https?:/i.test(html), 'no script and no http(s) anywhere');
    assert.deepEqual(activeContent(html), []);
  });

  it('leaves the logo out when there is none', () => {
    const html = quoteHtmlDocument({ lang: 'en', quote: QUOTE, markdown: 'x\n', renderedBody: '<p>x</p>', file: 'q.md' });
    assert.ok(html.includes('<html lang="en-US">'));
    assert.ok(!html.includes('<img'));
  });
});

describe('export: reading the quote file', () => {
  const text = (extra = '') =>
    '---\nkind: custom-request-quote\nschemaVersion: 1\nnumber: Q-2026-003\nrevision: 1\ncustomer: Acme\ntitle: T\nissueDate: 2026-11-25\nvalidUntil: 2026-12-25\n' +
    `currency: CNY\nnreFeeMinor: 11900000\nyearlyFeeMinor: 7200000\nsupportYears: 2\ntermTotalMinor: 26300000\n${extra}---\n\n# Quote Q-2026-003\n`;

  it('reads the front matter and the body', () => {
    const { quote, body } = parseQuoteFile(text('assessment: docs/a/assessment.md\n'), 'q.md');
    assert.equal(quote.number, 'Q-2026-003');
    assert.equal(quote.nreFeeMinor, 11_900_000);
    assert.equal(quote.assessment, 'docs/a/assessment.md');
    assert.equal(body, '\n# Quote Q-2026-003\n');
  });

  it('reads the supplier and the language the quote recorded', () => {
    const { quote } = parseQuoteFile(text('language: zh-cn\nsupplier:\n  name: 罗博舰队科技有限公司\n  logo: docs/brand/logo.svg\n'), 'q.md');
    assert.equal(quote.language, 'zh-cn');
    assert.deepEqual(quote.supplier, { name: '罗博舰队科技有限公司', logo: 'docs/brand/logo.svg' });
  });

  it('names the file and the field when it is not a quote', () => {
    assert.throws(() => parseQuoteFile('# just notes\n', 'notes.md'), /notes\.md is not a quote written by Custom Request Desk: it has no front matter/);
    assert.throws(() => parseQuoteFile(text().replace('nreFeeMinor: 11900000', 'nreFeeMinor: lots'), 'q.md'), /field "nreFeeMinor" is missing or invalid/);
    assert.throws(() => parseQuoteFile('---\nkind: custom-request-assessment\n---\n', 'a.md'), { name: 'DeskError', message: 'a.md is not a quote written by Custom Request Desk: field "kind" is missing or invalid.', text: { en: 'a.md is not a quote written by Custom Request Desk: field "kind" is missing or invalid.', 'zh-cn': 'a.md 不是 Custom Request Desk 生成的报价单：字段 "kind" 缺失或无效。' } });
  });

  it('takes the language from the quote, its assessment, or else the body', () => {
    assert.equal(quoteLanguage({ ...QUOTE, language: 'zh-cn' }, 'English body', 'en'), 'zh-cn');
    assert.equal(quoteLanguage(QUOTE, '报价单', 'en'), 'en');
    assert.equal(quoteLanguage(QUOTE, '# 报价单 Q-2026-003\n\n| 客户 | Acme |'), 'zh-cn');
    assert.equal(quoteLanguage(QUOTE, '# Quote Q-2026-003\n\n| Customer | 星河物流 |'), 'en');
  });
});
