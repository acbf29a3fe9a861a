/**
 * The Markdown pieces ADR parsing reads (headings, `Status:`/`Date:` fields,
 * links, HTML comments), read in linear time. Repository content is
 * untrusted, also in untrusted workspaces, and the regular expressions these
 * replace backtracked quadratically on long runs of spaces, `[`, `|` or
 * `<!--` (one 160 KB heading took 47 s). Each function here keeps the exact
 * result of the pattern it replaces (quoted in its comment) and says why it
 * is linear. The only regular expressions left are anchored at the start
 * and have no quantified part followed by anything that can fail after it
 * except a single fixed character, so a failed attempt costs at most one
 * pass over the input.
 *
 * On top of that, {@link capAdrText} and {@link capLine} bound what is read
 * at all: the first {@link MAX_ADR_CHARS} characters of a file and the first
 * {@link MAX_LINE_CHARS} characters of each line.
 */

/** How much of an ADR file is read: title, status and date sit near the top. */
export const MAX_ADR_CHARS = 1024 * 1024;
/** How much of one line is read for a title, status or date. */
export const MAX_LINE_CHARS = 4096;

/** `\s` of JavaScript regular expressions (the same set `String.prototype.trim` removes). */
function isSpace(char: string): boolean {
  return char !== '' && char.trim() === '';
}

/** Whether `text` holds a line terminator, which `.` never matches (a single character class: linear). */
function hasLineTerminator(text: string): boolean {
  return /[\n\r\u2028\u2029]/.test(text);
}

/** The first `max` UTF-16 units of `text`, never ending in half a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** The part of an ADR file that is read. */
export function capAdrText(text: string): string {
  return cut(text, MAX_ADR_CHARS);
}

/** The part of a line that is read. */
export function capLine(line: string): string {
  return cut(line, MAX_LINE_CHARS);
}

/**
 * `text.replace(/<!--[\s\S]*?-->/g, '')`. The pattern restarts its lazy scan
 * at every `<!--`, so unclosed openers cost O(n²); here each search for
 * `-->` starts where the last one ended, and once none is left none is
 * searched for again: linear.
 */
export function stripHtmlComments(text: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const open = text.indexOf('<!--', from);
    if (open < 0) break;
    const close = text.indexOf('-->', open + 4);
    // An unclosed comment is kept, and so is everything after it: later openers have no closer either.
    if (close < 0) break;
    out += text.slice(from, open);
    from = close + 3;
  }
  return out + text.slice(from);
}

/**
 * An ATX heading, as `/^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/` reads it:
 * level and text (without the optional closing `#` sequence), or undefined.
 * The pattern's lazy `.*?` re-scanned the trailing-space test from every
 * position (O(n²) on a long run of spaces); here the line is walked once
 * from each end. Like `.`, the text may hold no line terminator.
 */
export function atxHeading(line: string): { level: number; text: string } | undefined {
  // Anchored; `\s{0,3}` and `#{1,6}` are bounded, and `\s+` is only ever given back one character at a time before a fixed test: linear.
  const open = /^\s{0,3}(#{1,6})\s+/.exec(line);
  if (!open) return undefined;
  // The shortest text leaves the longest tail of the form `\s*` or `\s+#+\s*`.
  let end = line.length;
  while (end > open[0].length && isSpace(line[end - 1])) end--;
  let hashes = end;
  while (hashes > open[0].length && line[hashes - 1] === '#') hashes--;
  if (hashes < end && hashes > open[0].length && isSpace(line[hashes - 1])) {
    end = hashes;
    while (end > open[0].length && isSpace(line[end - 1])) end--;
  }
  const text = line.slice(open[0].length, end);
  return hasLineTerminator(text) ? undefined : { level: open[1].length, text };
}

/**
 * A `Status:` or `Date:` field line (already trimmed), as
 * `/^(?:[*+-]\s+)?(?:\*\*|__)?(status|date)(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(.*?)\s*$/i`
 * reads it. The lazy `(.*?)\s*$` was O(n²) on a run of spaces inside the
 * value; here the key part is an anchored pattern whose quantified runs are
 * each followed by one fixed character (linear), and the value is trimmed.
 */
export function fieldLine(trimmed: string): { name: 'status' | 'date'; value: string } | undefined {
  const key = /^(?:[*+-]\s+)?(?:\*\*|__)?(status|date)(?:\*\*|__)?\s*:/i.exec(trimmed);
  if (!key) return undefined;
  let value = trimmed.slice(key[0].length).trimStart();
  if (value.startsWith('**') || value.startsWith('__')) value = value.slice(2);
  value = value.trim();
  if (hasLineTerminator(value)) return undefined;
  return { name: key[1].toLowerCase() as 'status' | 'date', value };
}

/**
 * `text.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')`: Markdown links and images
 * to their text. The pattern scanned to the next `]` (and `)`) again from
 * every `[`, O(n²) on a run of `[` or `[a](`; here the position of the next
 * `]` and `)` is remembered while the scan moves forward, so each character
 * is looked at a bounded number of times.
 */
export function linksToText(text: string): string {
  let out = '';
  let copied = 0;
  // The first `]` (and `)`) at or after the last place searched from. Each search starts past the
  // previous result, so the searches cover disjoint stretches; when one finds nothing, no later `[`
  // can start a link either.
  let nextClose = -1;
  let nextParen = -1;
  for (let i = text.indexOf('['); i >= 0; i = text.indexOf('[', i + 1)) {
    if (nextClose < i + 1) {
      const found = text.indexOf(']', i + 1);
      if (found < 0) break;
      nextClose = found;
    }
    if (text[nextClose + 1] !== '(') continue;
    if (nextParen < nextClose + 2) {
      const found = text.indexOf(')', nextClose + 2);
      if (found < 0) break;
      nextParen = found;
    }
    const start = i > 0 && text[i - 1] === '!' && i - 1 >= copied ? i - 1 : i;
    out += text.slice(copied, start) + text.slice(i + 1, nextClose);
    copied = nextParen + 1;
    i = nextParen;
  }
  return out + text.slice(copied);
}

/**
 * An unfilled status placeholder, `/^[[{].*\|.*[\]}]$/`: MADR 2's
 * `[proposed | accepted | …]`, MADR 3's `{proposed | …}`. The two `.*`
 * around `\|` backtracked against each other (over a second for 40,000
 * `|`); here: first and last character, one `|` between them, and no line
 * terminator (which `.` does not match).
 */
export function isStatusPlaceholder(text: string): boolean {
  if (text.length < 3 || !'[{'.includes(text[0]) || !']}'.includes(text[text.length - 1])) return false;
  const inner = text.slice(1, -1);
  return inner.includes('|') && !hasLineTerminator(inner);
}

/**
 * A Nygard/adr-tools title `1. Title`, as `/^(\d+)\.\s+(.+)$/` reads it:
 * number digits and title, or undefined. With a line terminator in the
 * title the pattern retried `.+` after each shorter `\s+` (O(n²)); here the
 * anchored prefix is matched once (`\d+` before a fixed `.`, `\s+` at the
 * end: linear) and the rest checked. `title` is trimmed, so the rest is
 * never empty when there is any.
 */
export function numberedTitle(title: string): { digits: string; title: string } | undefined {
  const prefix = /^(\d+)\.\s+/.exec(title);
  if (!prefix) return undefined;
  const rest = title.slice(prefix[0].length);
  return rest === '' || hasLineTerminator(rest) ? undefined : { digits: prefix[1], title: rest };
}
