/**
 * Every function in src/core (and the form's number reader) that scans user
 * or repository text, each with a hostile input built for it — repeated
 * near-matches, long runs of spaces, unclosed constructs — and an ordinary
 * input of the same size. Used by scripts/bench-hostile.ts.
 */
import { findAdrFolders, isAdrFileName, isListedAdrFileName, isSafeQuotePath, listAdrs, normaliseDate, parseAdr } from '../../src/core/adr';
import { adrToolsDir, resolveConfiguredAdrFolder } from '../../src/core/adrDiscovery';
import { atxHeading, capAdrText, capLine, fieldLine, isStatusPlaceholder, linksToText, numberedTitle, stripHtmlComments } from '../../src/core/adrText';
import { lineEnding, parseAssessment, replaceGeneratedBlock, withLineEnding, yamlProblem } from '../../src/core/assessment';
import { customerKey, normaliseTag, parseTagList, tagKey } from '../../src/core/capabilities';
import { outputExcerpt, parseStatus, refusingHook } from '../../src/core/commitPlan';
import { comparable, expectedPieces, htmlText, missingPieces } from '../../src/core/exportCheck';
import { cssString, exportPath, logoMimeType, quoteHtmlDocument } from '../../src/core/exportHtml';
import { readAssessmentFrontMatter, readAssessmentOutline } from '../../src/core/fastFrontMatter';
import { clipText } from '../../src/core/fieldLimits';
import { frontMatterHead, frontMatterHeadLength, splitFrontMatter } from '../../src/core/frontMatterFence';
import { setTopLevelKeys } from '../../src/core/frontMatterLines';
import type { DirEntry, ReadFs } from '../../src/core/fsPort';
import { inlineText, linkLabel, markdownText, tableCell, unescapeMarkdown } from '../../src/core/markdownText';
import { toMinor } from '../../src/core/money';
import { markdownLinkTarget } from '../../src/core/paths';
import { readPlainYaml } from '../../src/core/plainYaml';
import { parseQuoteNumber, quoteNumberFromFileName } from '../../src/core/quote';
import { looksLikeQuote, parseQuoteFile, quoteLanguage, type QuoteFile } from '../../src/core/quoteFile';
import { registerFileText } from '../../src/core/register';
import { escapingPath, isRegisterText, quoteTextProblem, unsafePath } from '../../src/core/requestPaths';
import { activeContent, decodeEntities, escapeHtml, isTextAlignStyle, sanitizeRenderedHtml, tokenizeHtml, urlScheme } from '../../src/core/sanitizeHtml';
import { applyEdits, diffEdit } from '../../src/core/saveEstimate';
import { isIsoDate } from '../../src/core/schema';
import { isSafeSegment, joinSlugs, slugify } from '../../src/core/slug';
import { quoteRevision } from '../../src/core/status';
import { parseFrontMatterYaml } from '../../src/core/yamlLimits';
import { adrStatusLabel, formatDate } from '../../src/core/templates';
import { parseNumber } from '../../src/webview/formModel';

export interface Scanner {
  name: string;
  /** what the hostile input is made of */
  hostile: string;
  make: (size: number) => string;
  ordinary: (size: number) => string;
  run: (text: string) => unknown;
}

/** `head`, then `unit` repeated to about `size` characters in all, then `tail`. */
export const fill = (size: number, unit: string, head = '', tail = ''): string =>
  head + unit.repeat(Math.max(1, Math.floor((size - head.length - tail.length) / unit.length))) + tail;

/** Runs `f`, taking an error (a refusal of hostile text) as an answer. */
const quietly =
  <T>(f: (text: string) => T) =>
  (text: string): T | Error => {
    try {
      return f(text);
    } catch (error) {
      return error as Error;
    }
  };

const PROSE = 'The supplier estimates the work items below; 报价有效期为三十天。 ';
const prose = (size: number) => fill(size, PROSE);
const lines = (size: number, line: string) => fill(size, `${line}\n`);
const FM_ORDINARY = (size: number) => `---\nkind: custom-request-assessment\n${lines(size - 60, 'note: a plain value')}---\n# Body\n`;
const HTML_ORDINARY = (size: number) => fill(size, '<p>Some <strong>text</strong>, a <a href="https://example.com/a">link</a> &amp; <code>x &lt; y</code>.</p>\n<table><tr><td style="text-align:right">CN¥1.00</td></tr></table>\n');
const ADR_ORDINARY = (size: number) => `# 1. Use Markdown ADRs\n\nDate: 2026-01-02\n\n## Status\n\nAccepted\n\n## Context\n\n${prose(size - 80)}\n`;
const MD_ORDINARY = (size: number) => fill(size, 'Acme Robotics: push notifications for the field app, phase 2 ');
const FILE_NAME = (size: number) => fill(size, 'a', 'quote-Q-2026-001-', '.md');

const QUOTE: QuoteFile = {
  kind: 'custom-request-quote',
  number: 'Q-2026-003',
  customer: 'Acme',
  title: 'Push',
  issueDate: '2026-11-25',
  validUntil: '2026-12-25',
  currency: 'CNY',
  nreFeeMinor: 11_900_000,
  yearlyFeeMinor: 7_200_000,
  supportYears: 2,
  termTotalMinor: 26_300_000,
};
const QUOTE_HEAD = '---\nkind: custom-request-quote\nnumber: Q-2026-003\n';

/** A workspace in memory holding one file, `name`, at its root and in doc/adr. */
function oneFileFs(name: string, text: string): ReadFs {
  const files = new Map([[`/w/${name}`, text], [`/w/doc/adr/0001-${name}.md`, text]]);
  const dirs = new Map<string, DirEntry[]>([
    ['/w', [{ name, type: 'file' }, { name: 'doc', type: 'directory' }]],
    ['/w/doc', [{ name: 'adr', type: 'directory' }]],
    ['/w/doc/adr', [{ name: `0001-${name}.md`, type: 'file' }]],
  ]);
  return {
    readFile: async (path) => (files.has(path) ? new TextEncoder().encode(files.get(path)) : undefined),
    readDirectory: async (path) => dirs.get(path) ?? [],
    stat: async (path) => (files.has(path) ? 'file' : dirs.has(path) ? 'directory' : undefined),
  };
}

export const SCANNERS: Scanner[] = [
  // Front matter
  { name: 'splitFrontMatter', hostile: '`---` then `--- x` lines, never closed', make: (n) => lines(n, '--- x'), ordinary: FM_ORDINARY, run: splitFrontMatter },
  { name: 'frontMatterHead', hostile: '`---` + spaces, then `...x` lines, never closed', make: (n) => fill(n, '... x\n', `---${' '.repeat(n / 4)}\n`), ordinary: FM_ORDINARY, run: (t) => frontMatterHead(t) },
  { name: 'frontMatterHeadLength', hostile: 'bytes: `---` then `---\\r x` lines', make: (n) => fill(n, '---\r x\n', '---\n'), ordinary: FM_ORDINARY, run: (t) => frontMatterHeadLength(new TextEncoder().encode(t)) },
  { name: 'readAssessmentOutline', hostile: 'front matter with a value of spaces, unclosed quotes', make: (n) => fill(n, "a: '' '\n", `---\nkind: custom-request-assessment\ncustomer: ${' '.repeat(n / 4)}x\n`), ordinary: FM_ORDINARY, run: quietly(readAssessmentOutline) },
  { name: 'readAssessmentFrontMatter', hostile: 'front matter of `k: [` lines, never closed', make: (n) => fill(n, 'k: [\n', '---\nkind: custom-request-assessment\n'), ordinary: FM_ORDINARY, run: quietly((t) => readAssessmentFrontMatter(t, 'a.md')) },
  { name: 'readPlainYaml', hostile: '`key:` + spaces + `x`, `- ` items', make: (n) => fill(n, '- - - x\n', `key:${' '.repeat(n / 2)}x\n`), ordinary: (n) => lines(n, 'note: a plain value'), run: readPlainYaml },
  { name: 'parseAssessment', hostile: 'nested `[` and `{` in front matter', make: (n) => fill(n, '[{', '---\nkind: custom-request-assessment\nx: ', '\n---\n'), ordinary: FM_ORDINARY, run: quietly((t) => parseAssessment(t, 'a.md')) },
  { name: 'parseFrontMatterYaml', hostile: '`a: &x` anchor and `*x` aliases', make: (n) => fill(n, '  - *x\n', 'a: &x [1]\nb:\n'), ordinary: (n) => lines(n, 'note: a plain value'), run: parseFrontMatterYaml },
  { name: 'setTopLevelKeys', hostile: '`status:` then indented lines of spaces', make: (n) => fill(n, `  ${' '.repeat(60)}x\n`, 'kind: a\nstatus:\n'), ordinary: (n) => `status: draft\n${lines(n, 'note: a plain value')}`, run: (t) => setTopLevelKeys(t, { status: 'quoted' }) },
  { name: 'yamlProblem', hostile: '`x:` + spaces + `y`, repeated `: `', make: (n) => fill(n, ': ', `x:${' '.repeat(n / 2)}y`), ordinary: prose, run: (t) => yamlProblem({ message: t }) },
  { name: 'lineEnding + withLineEnding', hostile: 'mixed `\\r\\n`, `\\r`, `\\n\\r`', make: (n) => fill(n, '\r\n\r\n\r'), ordinary: (n) => lines(n, PROSE), run: (t) => withLineEnding(t, lineEnding(t)) },

  // ADRs
  { name: 'parseAdr: heading spaces', hostile: '`# a` + spaces + `b` lines', make: (n) => lines(n, `# a${' '.repeat(4000)}b`), ordinary: ADR_ORDINARY, run: (t) => parseAdr('/r/doc/adr/0001-x.md', t) },
  { name: 'parseAdr: status placeholders', hostile: '`Status: [` + `|` lines', make: (n) => lines(n, `Status: [${'|'.repeat(4000)}`), ordinary: ADR_ORDINARY, run: (t) => parseAdr('/r/doc/adr/0001-x.md', `# T\n\n${t}`) },
  { name: 'parseAdr: unclosed comments', hostile: '`<!--` repeated', make: (n) => fill(n, '<!--', '# T\n'), ordinary: ADR_ORDINARY, run: (t) => parseAdr('/r/doc/adr/0001-x.md', t) },
  { name: 'parseAdr: front matter', hostile: '`---` + spaces, unclosed, `[a](` title', make: (n) => fill(n, '[a](', `---\nx: 1\n---${' '.repeat(n / 4)}x\n# `), ordinary: ADR_ORDINARY, run: (t) => parseAdr('/r/doc/adr/0001-x.md', t) },
  { name: 'atxHeading', hostile: '`# a` + spaces + `b`', make: (n) => fill(n, ' ', '# a', 'b'), ordinary: (n) => `# ${MD_ORDINARY(n)}`, run: atxHeading },
  { name: 'fieldLine', hostile: '`Status: a` + spaces + `b`', make: (n) => fill(n, ' ', '* **Status:** a', 'b'), ordinary: (n) => `Status: ${MD_ORDINARY(n)}`, run: fieldLine },
  { name: 'linksToText', hostile: '`[a](` repeated', make: (n) => fill(n, '[a]('), ordinary: (n) => fill(n, 'See [the ADR](0002-x.md) and ![logo](l.png). '), run: linksToText },
  { name: 'isStatusPlaceholder', hostile: '`[` + `|`', make: (n) => fill(n, '|', '['), ordinary: MD_ORDINARY, run: isStatusPlaceholder },
  { name: 'stripHtmlComments', hostile: '`<!--` repeated, unclosed', make: (n) => fill(n, '<!--'), ordinary: (n) => fill(n, 'text <!-- note --> more '), run: stripHtmlComments },
  { name: 'numberedTitle', hostile: 'digits + `.` + spaces', make: (n) => fill(n, ' ', `${'1'.repeat(n / 2)}.`), ordinary: (n) => `12. ${MD_ORDINARY(n)}`, run: numberedTitle },
  { name: 'capLine + capAdrText', hostile: 'surrogate pairs', make: (n) => fill(n, '😀'), ordinary: prose, run: (t) => capLine(capAdrText(t)) },
  { name: 'isListedAdrFileName', hostile: 'digits + `-` + dots, no `.md`', make: (n) => fill(n, '.m', '0001-'), ordinary: (n) => fill(n, 'a', '0001-', '.md'), run: (t) => isListedAdrFileName(t, ['adr-tools', 'log4brains']) },
  { name: 'isAdrFileName', hostile: '`./` repeated + digits + `-.md.m`', make: (n) => fill(n, './', '', '0001-x.md'), ordinary: (n) => fill(n, 'a', '0001-', '.md'), run: (t) => isAdrFileName('adr-tools', t) },
  { name: 'normaliseDate', hostile: 'digits, `-`, no date', make: (n) => fill(n, '2026-'), ordinary: (n) => fill(n, 'x', '2026-01-02 '), run: normaliseDate },
  { name: 'isSafeQuotePath', hostile: '`../` segments', make: (n) => fill(n, '../', '/w/doc/adr/'), ordinary: (n) => fill(n, 'a', '/w/doc/adr/quotes/'), run: (t) => isSafeQuotePath('/w/doc/adr', t) },
  { name: 'findAdrFolders', hostile: '`.adr-dir` of spaces and `\\r`; `.log4brains.yml` of `[`', make: (n) => fill(n, ' \r', ' '), ordinary: (n) => fill(n, 'a', 'docs/'), run: async (t) => [await findAdrFolders(oneFileFs('.adr-dir', t), '/w'), await findAdrFolders(oneFileFs('.log4brains.yml', t.replace(/ /g, '[')), '/w')] },
  { name: 'adrToolsDir', hostile: '`.adr-dir`: spaces + `\\` + `\\r`', make: (n) => fill(n, ' \\', '', '\r\nx'), ordinary: (n) => fill(n, 'a', 'docs/'), run: (t) => adrToolsDir(oneFileFs('.adr-dir', t), '/w') },
  { name: 'resolveConfiguredAdrFolder', hostile: 'spaces + `\\` repeated', make: (n) => fill(n, ' \\'), ordinary: (n) => fill(n, 'a', 'docs/'), run: (t) => resolveConfiguredAdrFolder('/w', t) },
  { name: 'listAdrs', hostile: 'an ADR of `# a` + spaces lines', make: (n) => lines(n, `# a${' '.repeat(4000)}b`), ordinary: ADR_ORDINARY, run: (t) => listAdrs(oneFileFs('x', t), '/w/doc/adr') },

  // HTML export
  { name: 'tokenizeHtml', hostile: '`<a href=` repeated, unclosed', make: (n) => fill(n, '<a href='), ordinary: HTML_ORDINARY, run: tokenizeHtml },
  { name: 'sanitizeRenderedHtml: unclosed elements', hostile: '`<select><script><svg>` repeated, never closed', make: (n) => fill(n, '<select><script><svg>', '<h1>Quote</h1>'), ordinary: HTML_ORDINARY, run: sanitizeRenderedHtml },
  { name: 'sanitizeRenderedHtml: cell styles', hostile: '`style="text-align:left` + spaces + `x`', make: (n) => fill(n, ' ', '<td style="text-align:left', 'x">v</td>'), ordinary: HTML_ORDINARY, run: sanitizeRenderedHtml },
  { name: 'sanitizeRenderedHtml: nesting', hostile: '`<svg>` opened n times, closed n/2', make: (n) => `${'<svg>'.repeat(n / 10)}${'</svg>'.repeat(n / 20)}`, ordinary: HTML_ORDINARY, run: sanitizeRenderedHtml },
  { name: 'isTextAlignStyle', hostile: '`text-align:left` + spaces + `;` + spaces + `x`', make: (n) => fill(n, ' ', 'text-align:left', ';x'), ordinary: (n) => fill(n, 'color:red;', 'text-align:left;'), run: isTextAlignStyle },
  { name: 'activeContent', hostile: '`<style>` + `url` + spaces, `on` attributes', make: (n) => fill(n, 'url   ', '<style>', '</style>'), ordinary: HTML_ORDINARY, run: activeContent },
  { name: 'decodeEntities', hostile: '`&#` and `&#x` repeated', make: (n) => fill(n, '&#&#x&a'), ordinary: (n) => fill(n, 'a &amp; b &#60; '), run: decodeEntities },
  { name: 'escapeHtml', hostile: '`<>&"` repeated', make: (n) => fill(n, '<>&"'), ordinary: prose, run: escapeHtml },
  { name: 'urlScheme', hostile: 'controls + letters, no colon', make: (n) => fill(n, '\u0001a '), ordinary: (n) => fill(n, 'a', 'https://example.com/'), run: urlScheme },
  { name: 'quoteHtmlDocument', hostile: 'unclosed `<iframe>` + `<!--` + `&#`', make: (n) => fill(n, '<iframe>&#<a href="', '<h1>Quote</h1>'), ordinary: HTML_ORDINARY, run: quietly((t) => quoteHtmlDocument({ lang: 'en', quote: QUOTE, markdown: t, renderedBody: t, file: 'quote.md' })) },
  { name: 'htmlText + comparable (exportCheck)', hostile: '`<` without `>`, quotes and dashes', make: (n) => fill(n, '<a "‘—…', '<p>'), ordinary: HTML_ORDINARY, run: (t) => comparable(htmlText(t)) },
  { name: 'expectedPieces + missingPieces (exportCheck)', hostile: 'amounts: `CN¥` + digits and separators, no end', make: (n) => fill(n, '1,.', 'Acme Push CN¥'), ordinary: (n) => `Acme Push CN¥119,000.00 ${prose(n)}`, run: (t) => missingPieces(expectedPieces(QUOTE, t, 'en'), t) },
  { name: 'cssString', hostile: '`\\` and `</style` repeated', make: (n) => fill(n, '\\"</style'), ordinary: prose, run: cssString },
  { name: 'exportPath + logoMimeType', hostile: '`.md.markdown` repeated', make: (n) => fill(n, '.md.png.'), ordinary: FILE_NAME, run: (t) => [exportPath(`/w/${t}`), logoMimeType(t)] },

  // Markdown we write
  { name: 'markdownText', hostile: '`\\`, `_a`, `<!--`, `&#1` repeated', make: (n) => fill(n, '\\_a<!--&#1*'), ordinary: MD_ORDINARY, run: (t) => markdownText(t) },
  { name: 'inlineText', hostile: 'newlines, `-->` and `# ` repeated', make: (n) => fill(n, '\r\n# -->'), ordinary: MD_ORDINARY, run: inlineText },
  { name: 'tableCell', hostile: '`|` and `\\` repeated', make: (n) => fill(n, '|\\\n'), ordinary: MD_ORDINARY, run: tableCell },
  { name: 'linkLabel', hostile: '`[` and `]` repeated', make: (n) => fill(n, '[]['), ordinary: MD_ORDINARY, run: linkLabel },
  { name: 'unescapeMarkdown', hostile: '`\\` and `&lt;!--` repeated', make: (n) => fill(n, '\\\\&lt;!--&#'), ordinary: MD_ORDINARY, run: (t) => unescapeMarkdown(t) },
  { name: 'formatDate + adrStatusLabel', hostile: 'digits and `-`, spaces', make: (n) => fill(n, '2026-', '  '), ordinary: MD_ORDINARY, run: (t) => [formatDate(t, 'en'), adrStatusLabel(t, 'zh-cn')] },
  { name: 'replaceGeneratedBlock', hostile: 'start marker holding spaces before its text', make: (n) => fill(n, ' ', '# B\n\n<!-- custom-request:links', 'x -->\nold\n<!-- /custom-request:links -->\n'), ordinary: (n) => `${prose(n)}\n<!-- custom-request:links -->\nold\n<!-- /custom-request:links -->\n`, run: (t) => replaceGeneratedBlock(t, 'links', '- x') },
  { name: 'registerFileText', hostile: 'register marker lines with spaces, never closed', make: (n) => lines(n, `<!-- custom-request:register${' '.repeat(200)} -->   `), ordinary: (n) => `${prose(n)}\n<!-- custom-request:register -->\nold\n<!-- /custom-request:register -->\n`, run: (t) => registerFileText(t, '| a |') },

  // Names, paths and numbers
  { name: 'slugify', hostile: '`-` and spaces around one letter', make: (n) => fill(n, ' -', 'a', 'b'), ordinary: MD_ORDINARY, run: (t) => slugify(t) },
  { name: 'joinSlugs', hostile: 'parts of `-` runs', make: (n) => fill(n, '-a-'), ordinary: (n) => fill(n, 'acme-'), run: (t) => joinSlugs([t, t.slice(0, 100), 'x']) },
  { name: 'isSafeSegment', hostile: '`. ` repeated (trailing dots and spaces)', make: (n) => fill(n, '. ', 'a'), ordinary: FILE_NAME, run: isSafeSegment },
  { name: 'quoteNumberFromFileName', hostile: '`quote-Q-2026-` + digits + `x`', make: (n) => fill(n, '1', 'quote-Q-2026-', 'x'), ordinary: FILE_NAME, run: quoteNumberFromFileName },
  { name: 'parseQuoteNumber + quoteRevision', hostile: '`-R1` repeated + `x`', make: (n) => fill(n, '-R1', 'Q-2026-001', 'x'), ordinary: FILE_NAME, run: (t) => [parseQuoteNumber(t), quoteRevision(t)] },
  { name: 'looksLikeQuote + parseQuoteFile', hostile: "quote front matter with a long `title: '` unclosed", make: (n) => fill(n, "''", `${QUOTE_HEAD}title: '`, '\n---\n'), ordinary: (n) => `${QUOTE_HEAD}---\n${prose(n)}`, run: quietly((t) => [looksLikeQuote(t), parseQuoteFile(t, 'q.md')]) },
  { name: 'quoteLanguage', hostile: 'punctuation and digits, no letters', make: (n) => fill(n, '1.,;'), ordinary: prose, run: (t) => quoteLanguage({ ...QUOTE, language: undefined }, t) },
  { name: 'quoteTextProblem', hostile: 'quote front matter of spaces', make: (n) => fill(n, ' ', `${QUOTE_HEAD}customer:`, '\n---\n'), ordinary: (n) => `${QUOTE_HEAD}---\n${prose(n)}`, run: (t) => quoteTextProblem(t, 'Q-2026-003') },
  { name: 'unsafePath + escapingPath', hostile: '`./` and `..` segments', make: (n) => fill(n, './.../'), ordinary: (n) => fill(n, 'a/', 'requests/'), run: (t) => [unsafePath(t), escapingPath(t)] },
  { name: 'isRegisterText', hostile: '`<!-- custom-request:` repeated', make: (n) => fill(n, '<!-- custom-request:'), ordinary: prose, run: isRegisterText },
  { name: 'markdownLinkTarget', hostile: 'spaces, `<>()%\\` repeated', make: (n) => fill(n, ' <>()%\\'), ordinary: (n) => fill(n, 'a/', '../'), run: markdownLinkTarget },
  { name: 'clipText', hostile: 'spaces around surrogate pairs', make: (n) => fill(n, ' 😀 '), ordinary: prose, run: (t) => clipText(t, 300) },
  { name: 'parseTagList + tag keys', hostile: '`,，、` and spaces repeated', make: (n) => fill(n, ' ,，、 _-'), ordinary: (n) => fill(n, 'payments, push, ota, '), run: (t) => [parseTagList(t), normaliseTag(t), tagKey(t), customerKey(t)] },
  { name: 'toMinor (money)', hostile: 'digits + `.` + digits + `x`', make: (n) => fill(n, '1', '1.', 'x'), ordinary: (n) => fill(n, '1', '1.'), run: quietly((t) => toMinor(t, 'CNY')) },
  { name: 'parseNumber (form)', hostile: 'digits + `x`', make: (n) => fill(n, '1', '', 'x'), ordinary: (n) => fill(n, '1', '', '.5'), run: parseNumber },
  { name: 'isIsoDate', hostile: 'digits and `-`', make: (n) => fill(n, '2026-01-'), ordinary: (n) => fill(n, 'x'), run: isIsoDate },

  // Git output
  { name: 'parseStatus', hostile: '`R  ` entries with NUL, no source', make: (n) => fill(n, 'R  a\0'), ordinary: (n) => fill(n, ' M requests/a/assessment.md\0'), run: parseStatus },
  { name: 'refusingHook', hostile: 'an unclosed JSON string line', make: (n) => fill(n, 'x', '{"sid":"'), ordinary: (n) => lines(n, '{"event":"child_start","sid":"1","child_id":0,"child_class":"hook"}'), run: refusingHook },
  { name: 'outputExcerpt', hostile: '`\\x1b[1;` repeated, no final letter', make: (n) => fill(n, '\x1b[1;1;'), ordinary: (n) => lines(n, 'error: hook declined'), run: (t) => outputExcerpt(t) },
  { name: 'diffEdit + applyEdits', hostile: 'same text but the middle', make: (n) => fill(n, 'a'), ordinary: prose, run: (t) => applyEdits(t, diffEdit(t, `${t.slice(0, t.length / 2)}b${t.slice(t.length / 2)}`, 0)) },
];
