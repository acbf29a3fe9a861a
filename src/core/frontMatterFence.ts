/**
 * Where an assessment's front matter ends. Its own module (no YAML parser)
 * so the file readers can cut a text to its front matter cheaply.
 */

const DELIMITER = /^---[ \t]*\r?$/;

/**
 * Where the front matter closes: the start of its closing line and the index
 * of that line's break (-1 when the text ends on it). The front matter opens
 * with the first line and closes at the next line that is exactly `---`
 * (trailing spaces and CRLF allowed), never at a line that only ends in
 * dashes such as a `# ---- terms ----` comment. One pass over the lines:
 * linear time. `source` has no byte order mark.
 */
function closingLine(source: string): { start: number; newline: number } | undefined {
  const opening = source.indexOf('\n');
  if (opening < 0 || !DELIMITER.test(source.slice(0, opening))) return undefined;
  for (let start = opening + 1; start <= source.length; ) {
    const newline = source.indexOf('\n', start);
    if (DELIMITER.test(source.slice(start, newline < 0 ? source.length : newline))) return { start, newline };
    if (newline < 0) break;
    start = newline + 1;
  }
  return undefined;
}

/**
 * Splits front matter from body; undefined when the text has none (see
 * closingLine). `yaml` leaves out the line break before the closing line.
 */
export function splitFrontMatter(text: string): { yaml: string; body: string } | undefined {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const closing = closingLine(source);
  if (!closing) return undefined;
  const yamlStart = source.indexOf('\n') + 1;
  const { start, newline } = closing;
  const yamlEnd = start === yamlStart ? start : start - (source[start - 2] === '\r' ? 2 : 1);
  return { yaml: source.slice(yamlStart, yamlEnd), body: newline < 0 ? '' : source.slice(newline + 1) };
}

/**
 * The text up to and with the front matter's closing line (its line break
 * included): all that reading the front matter needs, a tenth of a typical
 * assessment. `complete`: `text` is the whole file; otherwise it is only the
 * file's first bytes, and undefined means they do not settle it (no closing
 * line yet, or the last line may go on), so the caller reads the whole file.
 * For a whole file without front matter, undefined too.
 */
export function frontMatterHead(text: string, complete = true): string | undefined {
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const closing = closingLine(bom ? text.slice(1) : text);
  if (!closing) return undefined;
  if (closing.newline < 0) return complete ? text : undefined;
  return text.slice(0, bom + closing.newline + 1);
}

const NEWLINE = 0x0a;
const DASH = 0x2d;

/** Whether bytes[from, to) is a delimiter line's content: `---`, then spaces or tabs, then an optional CR. */
function isDelimiterLine(bytes: Uint8Array, from: number, to: number): boolean {
  if (to - from < 3 || bytes[from] !== DASH || bytes[from + 1] !== DASH || bytes[from + 2] !== DASH) return false;
  const end = bytes[to - 1] === 0x0d ? to - 1 : to;
  for (let i = from + 3; i < end; i++) if (bytes[i] !== 0x20 && bytes[i] !== 0x09) return false;
  return true;
}

/**
 * frontMatterHead on UTF-8 bytes, without decoding them: the length in bytes
 * of the head (through the closing line's break), so a reader decodes only
 * that. Same rules and same answers (test/unit/frontMatterFence.test.ts
 * checks them against frontMatterHead); linear time.
 */
export function frontMatterHeadLength(bytes: Uint8Array, complete = true): number | undefined {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const opening = bytes.indexOf(NEWLINE, bom);
  if (opening < 0 || !isDelimiterLine(bytes, bom, opening)) return undefined;
  for (let start = opening + 1; start <= bytes.length; ) {
    const newline = bytes.indexOf(NEWLINE, start);
    if (isDelimiterLine(bytes, start, newline < 0 ? bytes.length : newline)) {
      if (newline >= 0) return newline + 1;
      return complete ? bytes.length : undefined;
    }
    if (newline < 0) break;
    start = newline + 1;
  }
  return undefined;
}
