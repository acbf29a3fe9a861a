/**
 * Does the exported page (or its PDF) show the whole quote? The pieces a
 * reader must find: the customer and the title, every amount, every section
 * heading and the signature block's lines, all taken from the quote's own
 * Markdown (what the page was rendered from; a piece the Markdown does not
 * show is not asked for). Both sides are compared as plain text with
 * formatting taken out (tags, character references, Markdown escapes and
 * emphasis, quotes, dashes, blanks), so only text that is really missing is
 * reported. Pure: the export runs it on the sanitised page, the e2e test on
 * the PDF's text.
 */
import { atxHeading, stripHtmlComments } from './adrText';
import type { Bilingual } from './lang';
import { intlLocale, type Lang } from './lang';
import { formatMoney } from './money';
import type { QuoteFile } from './quoteFile';
import { unescapeMarkdown } from './markdownText';
import { decodeEntities } from './sanitizeHtml';

/** One piece the page must show, and how a message names it. */
export interface ExpectedPiece {
  label: Bilingual;
  text: string;
  /** how often the Markdown shows it (amounts: a dropped price table shows fewer) */
  count: number;
}

/** At most this many pieces are looked for (a generated quote has about 40; the first ones are the most important). */
const MAX_PIECES = 300;

/** Headings of the signature section in the bundled templates. */
const SIGNATURE_HEADINGS = ['acceptance of the offer', '报价确认'];

/**
 * Text reduced to what is compared: NFKC (ligatures, full-width forms), lower
 * case, and without blanks, quotes, dashes, dots, commas and Markdown's
 * emphasis and escape characters, which renderers and PDF text may change.
 */
export function comparable(text: string): string {
  // One character class, no quantifier nesting: linear.
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s"'`*_~\\\u2018-\u201f\u00ab\u00bb\u2039\u203a\u2010-\u2015\u2026.,!?-]/g, '');
}

/**
 * The text of sanitised HTML (the page's body, not its head): comments out,
 * tags as blanks, character references decoded.
 */
export function htmlText(html: string): string {
  // One negated class between fixed characters: linear.
  return decodeEntities(stripHtmlComments(html).replace(/<[^<>]*>/g, ' '));
}

/** Markdown inline text as shown: escapes and references resolved, raw tags as blanks. */
function markdownShown(text: string): string {
  return unescapeMarkdown(text, (raw) => raw.replace(/<[^<>]*>/g, ' '));
}

/** A table row's cells: split at `|` not after a backslash (as markdown-it does), the escaping backslash dropped. */
function tableCells(line: string): string[] {
  const trimmed = line.trim();
  const cells: string[] = [];
  let current = '';
  for (let i = 0; i < trimmed.length; i++) {
    const c = trimmed[i];
    if (c === '|' && trimmed[i - 1] !== '\\') {
      cells.push(current);
      current = '';
    } else current += c === '\\' && trimmed[i + 1] === '|' ? '' : c;
  }
  cells.push(current);
  if (trimmed.startsWith('|')) cells.shift();
  if (trimmed.endsWith('|') && trimmed[trimmed.length - 2] !== '\\') cells.pop();
  return cells.map((cell) => cell.trim());
}

/** Raw Markdown whose rendering we cannot foresee (links, code, HTML): such a piece is not asked for. */
function unpredictable(raw: string): boolean {
  const hidden = raw.replace(/\\./g, '');
  return /[[`]|<(?!br\s*\/?>)[a-zA-Z/!]/i.test(hidden);
}

/** How often `needle` occurs in `haystack` (both comparable), without overlaps. */
function occurrences(haystack: string, needle: string): number {
  if (!needle) return 0;
  let count = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) count++;
  return count;
}

/** The amounts in the quote's currency as the document language formats them, found in `text`. */
function amountsIn(text: string, currency: string, lang: Lang): string[] {
  let parts: Intl.NumberFormatPart[];
  try {
    parts = new Intl.NumberFormat(intlLocale(lang), { style: 'currency', currency }).formatToParts(1);
  } catch {
    return [];
  }
  const symbol = parts.find((part) => part.type === 'currency')?.value;
  if (!symbol) return [];
  const before = parts.findIndex((part) => part.type === 'currency') < parts.findIndex((part) => part.type === 'integer');
  const sym = symbol.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // A symbol, an optional blank, then one run of digits and separators (or the reverse): no nesting, linear.
  const pattern = before ? new RegExp(`${sym}\\s?\\d[\\d,.]*\\d|${sym}\\s?\\d`, 'g') : new RegExp(`\\d[\\d,.]*\\d\\s?${sym}|\\d\\s?${sym}`, 'g');
  return [...text.matchAll(pattern)].map((m) => m[0]);
}

/** The pieces the page must show, from the quote's front matter and its Markdown body. */
export function expectedPieces(quote: QuoteFile, markdown: string, lang: Lang): ExpectedPiece[] {
  const body = stripHtmlComments(markdown);
  const shown = comparable(markdownShown(body));
  const pieces: ExpectedPiece[] = [];
  const keys = new Set<string>();
  const add = (label: Bilingual, text: string) => {
    const key = comparable(text);
    // Each piece is counted over the whole text: a bounded number keeps a hostile quote linear.
    if (!key || keys.has(key) || pieces.length >= MAX_PIECES) return;
    keys.add(key);
    const count = occurrences(shown, key);
    if (count > 0) pieces.push({ label, text, count });
  };
  add({ en: `customer "${quote.customer}"`, 'zh-cn': `客户“${quote.customer}”` }, quote.customer);
  add({ en: `title "${quote.title}"`, 'zh-cn': `标题“${quote.title}”` }, quote.title);
  const money = (minor: number) => formatMoney(minor, quote.currency, lang);
  const named: [number | undefined, Bilingual][] = [
    [quote.termTotalInclTaxMinor, { en: 'total including tax', 'zh-cn': '价税合计' }],
    [quote.termTotalMinor, { en: 'total over the term', 'zh-cn': '服务期合计' }],
    [quote.nreFeeMinor, { en: 'custom development fee', 'zh-cn': '定制开发费' }],
    [quote.yearlyFeeMinor, { en: 'yearly compatibility service fee', 'zh-cn': '年度兼容性服务费' }],
  ];
  for (const [minor, name] of named) if (minor !== undefined) add({ en: `${name.en} ${money(minor)}`, 'zh-cn': `${name['zh-cn']} ${money(minor)}` }, money(minor));
  for (const amount of amountsIn(markdownShown(body), quote.currency, lang)) add({ en: `amount ${amount}`, 'zh-cn': `金额 ${amount}` }, amount);

  let signature = false;
  for (const line of body.split('\n')) {
    const heading = atxHeading(line);
    if (heading) {
      const text = markdownShown(heading.text).trim();
      signature = SIGNATURE_HEADINGS.includes(text.toLowerCase());
      if (!unpredictable(heading.text)) add({ en: `section "${text}"`, 'zh-cn': `章节“${text}”` }, text);
      continue;
    }
    if (!signature || !line.trim().startsWith('|')) continue;
    for (const cell of tableCells(line)) {
      if (/^:?-+:?$/.test(cell) || unpredictable(cell)) continue;
      const text = markdownShown(cell).trim();
      add({ en: `signature block "${text}"`, 'zh-cn': `签字栏“${text}”` }, text);
    }
  }
  return pieces;
}

/** The pieces `pageText` (plain text: see htmlText) does not show as often as the quote does. */
export function missingPieces(pieces: ExpectedPiece[], pageText: string): ExpectedPiece[] {
  const page = comparable(pageText);
  return pieces.filter((piece) => occurrences(page, comparable(piece.text)) < piece.count);
}

/** The message for a page that lacks pieces: the first few named, and how many more. */
export function missingMessage(what: string, missing: ExpectedPiece[]): Bilingual {
  const shown = missing.slice(0, 6);
  const more = missing.length - shown.length;
  return {
    en: `The exported page of ${what} lacks: ${shown.map((p) => p.label.en).join('; ')}${more > 0 ? `; and ${more} more` : ''}. Nothing was written; the quote's Markdown may hold something the page cannot show.`,
    'zh-cn': `${what} 的导出页面缺少：${shown.map((p) => p.label['zh-cn']).join('；')}${more > 0 ? `；另有 ${more} 项` : ''}。未写入任何文件；报价单的 Markdown 中可能有页面无法显示的内容。`,
  };
}
