/**
 * The quote as a standalone, print-ready HTML page: the Markdown rendered by
 * VS Code's own engine (the adapter calls `markdown.api.render`), cleaned by
 * sanitizeRenderedHtml, inside a page shell with an embedded print stylesheet.
 * The page needs nothing else: no script, no font, image or style from
 * anywhere; the supplier's logo, when there is one, is inlined as a data: URI.
 * A Content-Security-Policy in the page says the same to the browser.
 */
import { DeskError } from './errors';
import { intlLocale, type Lang } from './lang';
import { basename, dirname, joinPath } from './paths';
import type { QuoteFile } from './quoteFile';
import { activeContent, escapeHtml, sanitizeRenderedHtml } from './sanitizeHtml';
import { expectedPieces, htmlText, missingMessage, missingPieces } from './exportCheck';

/** A logo bigger than this is left out (a letterhead logo is a few KB; a photo would bloat every export). */
export const LOGO_MAX_BYTES = 512 * 1024;

const LOGO_TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', svg: 'image/svg+xml' };

/** The image type of a logo file by its extension; undefined for a type the page does not inline. */
export function logoMimeType(path: string): string | undefined {
  const name = basename(path);
  const dot = name.lastIndexOf('.');
  return dot < 0 ? undefined : LOGO_TYPES[name.slice(dot + 1).toLowerCase()];
}

/** The export's path: beside the quote, same base name, `.html` (`quote-Q-2026-003-acme.md` → `quote-Q-2026-003-acme.html`). */
export function exportPath(quotePath: string): string {
  const name = basename(quotePath);
  const stem = /\.(?:md|markdown)$/i.test(name) ? name.slice(0, name.lastIndexOf('.')) : name;
  return joinPath(dirname(quotePath), `${stem}.html`);
}

/** A CSS string literal: quotes, backslashes, line breaks and `<` escaped (the latter so no `</style>` can appear). */
export function cssString(text: string): string {
  let out = '';
  for (const c of text) out += c === '"' || c === '\\' || c === '<' || c < ' ' ? `\\${c.codePointAt(0)!.toString(16)} ` : c;
  return `"${out}"`;
}

const FONTS: Record<Lang, string> = {
  // Latin text first in an English quote; the CJK faces still cover a Chinese customer name.
  en: '"Segoe UI", "Helvetica Neue", Arial, "Noto Sans", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif',
  'zh-cn': '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif',
};

/**
 * The page's stylesheet, screen and print.
 *
 * Paper: `size: auto` leaves A4 or Letter to the print dialog; the margins fit
 * both. Footer: the quote number and the page number go in @page margin boxes,
 * which Chromium prints since version 131 (Chrome, Edge, and the e2e test's
 * Chromium, whose PDF is checked for them). A browser without margin boxes
 * (Firefox and Safari when this was written) simply leaves them out. A
 * position: fixed footer would repeat the quote number there, but it cannot
 * number pages (`counter(page)` counts only inside margin boxes) and Chromium
 * would print the number twice, so the page does without: such a browser's own
 * print footer numbers the pages, and the quote number stands in the heading.
 */
export function printStylesheet(lang: Lang, quoteNumber: string): string {
  const page = lang === 'zh-cn' ? '"第 " counter(page) " 页，共 " counter(pages) " 页"' : '"Page " counter(page) " of " counter(pages)';
  return `@page {
  size: auto;
  margin: 18mm 16mm 20mm 16mm;
  @bottom-left { content: ${cssString(quoteNumber)}; font-family: ${FONTS[lang]}; font-size: 8pt; color: #555; }
  @bottom-right { content: ${page}; font-family: ${FONTS[lang]}; font-size: 8pt; color: #555; }
}
:root { color-scheme: light; }
html { font-family: ${FONTS[lang]}; font-size: 10.5pt; line-height: 1.55; color: #1a1a1a; background: #fff; }
body { margin: 0 auto; padding: 12mm 14mm; max-width: 182mm; }
.letterhead { display: flex; justify-content: flex-end; margin-bottom: 6mm; }
.letterhead img { max-height: 18mm; max-width: 60mm; }
h1 { font-size: 17pt; line-height: 1.3; margin: 0 0 4mm; }
h2 { font-size: 12.5pt; margin: 7mm 0 2.5mm; padding-bottom: 1mm; border-bottom: 0.5pt solid #bbb; }
h3 { font-size: 11pt; margin: 5mm 0 2mm; }
h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
p, li { orphans: 3; widows: 3; }
table { width: 100%; border-collapse: collapse; margin: 3mm 0 4mm; break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; }
/* A Markdown table needs a header row; an empty one (\`| | |\`) is not printed. */
thead:not(:has(th:not(:empty))) { display: none; }
tr, th, td { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.5pt solid #999; padding: 1.6mm 2.2mm; vertical-align: top; text-align: left; }
th { background: #f0f0f0; font-weight: 600; }
td { font-variant-numeric: tabular-nums; }
th, td, .letterhead { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
code, pre { font-family: "Noto Sans Mono", Consolas, "Liberation Mono", monospace; font-size: 9pt; }
pre { white-space: pre-wrap; break-inside: avoid; }
blockquote { margin: 3mm 0; padding-left: 4mm; border-left: 2pt solid #ccc; color: #444; }
a { color: #0645ad; }
a:not([href]) { color: inherit; text-decoration: none; }
@media print {
  body { padding: 0; max-width: none; }
  a { color: inherit; }
  /* On paper a link must show where it goes. */
  a[href^="http"]::after, a[href^="mailto:"]::after { content: " (" attr(href) ")"; font-size: 85%; word-break: break-all; }
}
`;
}

/** The logo to inline: its image type and bytes as base64 (the adapter encodes them). */
export interface InlineLogo {
  mimeType: string;
  base64: string;
  /** text for screen readers and when images are off: the supplier's name */
  alt: string;
}

/**
 * The standalone page. `renderedBody` is what `markdown.api.render` made of
 * the quote's body (front matter already stripped); it is sanitised here, and
 * the finished page is checked once more: a page that would still run or load
 * anything is refused rather than written, and so is a page that does not
 * show the whole quote: `markdown`, the body it was rendered from, says what
 * the page must show (exportCheck.ts: customer, title, amounts, sections,
 * signature block).
 */
export function quoteHtmlDocument(args: { lang: Lang; quote: QuoteFile; markdown: string; renderedBody: string; logo?: InlineLogo; file: string }): string {
  const { lang, quote } = args;
  const body = sanitizeRenderedHtml(args.renderedBody).trim();
  const missing = missingPieces(expectedPieces(quote, args.markdown, lang), htmlText(body));
  if (missing.length > 0) throw new DeskError('invalid-input', missingMessage(args.file, missing));
  const title = `${quote.number} · ${quote.customer}${lang === 'zh-cn' ? '：' : ': '}${quote.title}`;
  const logo = args.logo ? `<header class="letterhead"><img src="data:${args.logo.mimeType};base64,${args.logo.base64}" alt="${escapeHtml(args.logo.alt)}"></header>\n` : '';
  const html = `<!DOCTYPE html>
<html lang="${intlLocale(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<meta name="generator" content="Custom Request Desk">
<title>${escapeHtml(title)}</title>
<style>
${printStylesheet(lang, quote.number)}</style>
</head>
<body>
${logo}<main>
${body}
</main>
</body>
</html>
`;
  const active = activeContent(html);
  if (active.length > 0) {
    throw new DeskError('invalid-input', {
      en: `The export of ${args.file} would still load or run something (${active.slice(0, 3).join('; ')}), so it was not written.`,
      'zh-cn': `${args.file} 的导出页面仍会加载或运行外部内容（${active.slice(0, 3).join('；')}），因此未写入。`,
    });
  }
  return html;
}
