/**
 * User text (a customer's name, a request title, a work item, a term) in the
 * Markdown we write: shown as typed, never read as Markdown or HTML. What a
 * CommonMark renderer (VS Code's markdown-it among them) would take for
 * syntax is backslash-escaped: code ticks, emphasis, links and images,
 * tables, strikethrough and math, `<` (which would open an HTML tag or an
 * autolink, and a tag the sanitizer removes takes its text with it), a
 * character reference, and at the start of the text what would start a
 * block (heading, quote, list, rule). Everything else, CJK text and
 * ordinary punctuation among it, is left as it is, so the Markdown stays
 * readable. HTML comment openers and closers become `&lt;!--` and `--&gt;`:
 * the assessment's generated blocks are marked by HTML comments, and user
 * text must never open or close one.
 *
 * {@link unescapeMarkdown} reads such text back (an ADR's title from its
 * heading), so a value survives the round trip.
 */
import { decodeEntities } from './sanitizeHtml';

/** Escaped wherever they stand (`|` only in a table cell: elsewhere one line of text cannot start a table). */
const ALWAYS = new Set(['\\', '`', '*', '[', ']', '~', '$']);

/** A character reference: `&amp;`, `&#60;`, `&#x3c;` (sticky, every quantifier bounded: constant time). */
const ENTITY = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});/y;

/** A letter, digit or combining mark: `_` between two of them can neither open nor close emphasis. */
function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}\p{M}]/u.test(char);
}

function entityAt(text: string, index: number): string | undefined {
  ENTITY.lastIndex = index;
  const match = ENTITY.exec(text);
  return match ? match[0] : undefined;
}

/** `escaped` (the escaped `line`) with a `\` more where its start would start a block. */
function escapeBlockStart(line: string, escaped: string): string {
  const first = line[0];
  const next = line[1];
  const blank = next === undefined || next === ' ' || next === '\t';
  if (first === '#' || first === '>' || first === '+' || first === '-' || first === '=') {
    // A heading, a quote, a list item, a rule or setext underline (`---`, `- - -`, `===`).
    const starts = first === '#' || first === '>' || blank || (first === '-' && next === '-') || (first === '=' && /^=+$/.test(line));
    // The pass over the characters writes these as they are at the start (a closing `#` run and an encoded `>` never start there).
    return starts ? `\\${escaped}` : escaped;
  }
  // An ordered list item: up to nine digits, then `.` or `)`, then a blank or the end. Anchored, bounded: constant time.
  const ordered = /^(\d{1,9})([.)])(?:[ \t]|$)/.exec(line);
  if (ordered) return `${ordered[1]}\\${escaped.slice(ordered[1].length)}`;
  return escaped;
}

/**
 * Where user text stands: `line`, in running text, a heading or a list
 * item, possibly at the start of a line, where `# `, `> `, `- `, `1. ` would
 * start a block, so those are escaped too; `cell`, in a table cell or a
 * link's label, where no block starts but a `|` would end the cell.
 */
export type MarkdownContext = 'line' | 'cell';

/** One line of user text as Markdown text (the line must hold no line break). */
export function markdownText(line: string, context: MarkdownContext = 'line'): string {
  const closing = closingSequence(line);
  let out = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '<') {
      out += line.startsWith('!--', i + 1) ? '&lt;' : '\\<';
    } else if (c === '>') {
      // `-->` would close an HTML comment, also after an escaped dash.
      // Read from the input: a `-` is always written as it is and nothing else written ends in one, and
      // `out.endsWith` would flatten the string built so far at every `>` (quadratic).
      out += line[i - 1] === '-' && line[i - 2] === '-' ? '&gt;' : '>';
    } else if (c === '&') {
      out += entityAt(line, i) ? '\\&' : '&';
    } else if (c === '_') {
      out += isWordChar(line[i - 1]) && isWordChar(line[i + 1]) ? '_' : '\\_';
    } else if (i === closing) {
      out += '\\#';
    } else {
      out += ALWAYS.has(c) || (c === '|' && context === 'cell') ? `\\${c}` : c;
    }
  }
  return context === 'line' ? escapeBlockStart(line, out) : out;
}

/**
 * Where the `#` run that would close a heading starts (`Issue #`, `a ##  `):
 * a run of `#` at the end of the line, blanks after it allowed, with a blank
 * before it; -1 when there is none. Walked once from the end: linear.
 */
function closingSequence(line: string): number {
  let end = line.length;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
  let start = end;
  while (start > 0 && line[start - 1] === '#') start--;
  // No run (start === end) leaves a non-blank before it, and a run from the start has nothing before it (line[-1] is undefined).
  return line[start - 1] === ' ' || line[start - 1] === '\t' ? start : -1;
}

function lines(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  return String(value).split(/\r\n|\r|\n/);
}

/** Text on one line (headings, list items, paragraphs): line breaks become spaces, each line trimmed, then escaped. */
export function inlineText(value: unknown): string {
  // Split, not /\s*\n\s*/: that pattern is quadratic on a long run of spaces.
  const parts = lines(value);
  if (!parts) return '';
  return markdownText(
    parts
      .map((line) => line.trim())
      .filter(Boolean)
      .join(' '),
  );
}

/** Text for one Markdown table cell: escaped for a cell (pipes too), line breaks as `<br>`. */
export function tableCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  return String(value)
    .trim()
    .split(/\r\n|\r|\n/)
    .map((line) => markdownText(line, 'cell'))
    .join('<br>');
}

/** Text for a link's label, in a table cell or a list item: as a table cell (brackets are escaped there too, so they cannot end the label). */
export function linkLabel(value: unknown): string {
  return tableCell(value);
}

/** ASCII punctuation: what CommonMark lets a backslash escape. */
function isAsciiPunctuation(char: string | undefined): boolean {
  return char !== undefined && /[!-/:-@[-`{-~]/.test(char);
}

/** Private-use stand-ins for escaped characters while a transform runs (U+E021–U+E07E). */
const HIDDEN_BASE = 0xe000;
const HIDDEN = /[\ue000-\ue07f]/;

/**
 * Markdown inline text read back as the text it shows: backslash escapes
 * and character references resolved. `transform`, when given, runs first on
 * the text with its escaped characters hidden, so it can strip Markdown
 * syntax (links, emphasis) without mistaking an escaped `\*` or `\[` for
 * syntax.
 */
export function unescapeMarkdown(text: string, transform?: (raw: string) => string): string {
  // Text that already holds the stand-ins is read without hiding (it was not written by markdownText).
  const hide = !HIDDEN.test(text);
  let hidden = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\' && isAsciiPunctuation(text[i + 1])) {
      const char = text[++i];
      hidden += hide ? String.fromCharCode(HIDDEN_BASE + char.charCodeAt(0)) : `\\${char}`;
    } else hidden += text[i];
  }
  const shown = transform ? transform(hidden) : hidden;
  let out = '';
  for (let i = 0; i < shown.length; i++) {
    const c = shown[i];
    const code = c.charCodeAt(0);
    if (hide && code > HIDDEN_BASE && code < HIDDEN_BASE + 0x80) {
      out += String.fromCharCode(code - HIDDEN_BASE);
      continue;
    }
    if (!hide && c === '\\' && isAsciiPunctuation(shown[i + 1])) {
      out += shown[++i];
      continue;
    }
    const entity = c === '&' ? entityAt(shown, i) : undefined;
    if (entity) {
      out += decodeEntities(entity);
      i += entity.length - 1;
    } else out += c;
  }
  return out;
}
