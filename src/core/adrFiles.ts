/**
 * ADR files: number, title, status and date from MADR, Nygard/adr-tools and
 * log4brains files, listed in the order people read them. Which names count
 * as ADRs follows the tools' own rules (see adrFolders.ts).
 */
import type { AdrFolder, AdrTool } from './adrFolders';
import { isAdrFileName, isRecord, LOG4BRAINS_RESERVED, SCAN_CONCURRENCY } from './adrFolders';
import { atxHeading, capAdrText, capLine, fieldLine, isStatusPlaceholder, linksToText, numberedTitle, stripHtmlComments } from './adrText';
import { unescapeMarkdown } from './markdownText';
import { readText, type DirEntry, type ReadFs } from './fsPort';
import { basename, joinPath } from './paths';
import { parseFrontMatterYaml } from './yamlLimits';

// ---------------------------------------------------------------------------
// ADR files

/** The style an ADR is written in. */
export type AdrFormat = 'madr' | 'nygard' | 'log4brains';

export interface AdrInfo {
  /** Absolute path (or the name given to {@link parseAdr}). */
  path: string;
  fileName: string;
  /** From a `NNNN-` file name (or a `# N. Title` heading); absent for log4brains' `YYYYMMDD-` names. */
  number?: number;
  title: string;
  /** As written, as plain text: `Accepted`, `Superseded by 4. Use PostgreSQL`. */
  status?: string;
  /** `YYYY-MM-DD`, from the file (front matter, `Date:` line or bullet, `## Date`) or a `YYYYMMDD-` name. */
  date?: string;
  format: AdrFormat;
}

// File names (at most 255 bytes): `\d+` before a fixed `-`, then `.+` to the end; linear.
const NUMBERED_NAME = /^(\d+)-(.+)$/;

/**
 * Whether we list `fileName` (a file directly in the folder) as an ADR. In a
 * folder a tool reads, that tool's rule applies (see {@link isAdrFileName})
 * but only for names ending in `.md`; elsewhere `NNNN-slug.md` and log4brains'
 * `YYYYMMDD-slug.md`, never README.md, index.md, template.md or backlog.md.
 */
export function isListedAdrFileName(fileName: string, readBy: readonly AdrTool[] = []): boolean {
  const lower = fileName.toLowerCase();
  if (!lower.endsWith('.md') || fileName.includes('/') || LOG4BRAINS_RESERVED.includes(lower)) return false;
  if (readBy.length > 0) return readBy.some((tool) => isAdrFileName(tool, fileName));
  return NUMBERED_NAME.test(fileName);
}

/**
 * Reads number, title, status and date from an ADR's text, in any of the
 * formats: MADR 3+ front matter, MADR 2 and log4brains `* Status:` /
 * `- Date:` bullets, Nygard/adr-tools `# 1. Title`, `Date:` line and
 * `## Status` section. Undefined when the file name is not an ADR name
 * ({@link isListedAdrFileName} with the folder's `readBy`).
 *
 * Only the first 1 MiB of the text and the first 4096 characters of each
 * line are read (see adrText.ts), and every pattern runs in linear time:
 * repository content is untrusted.
 */
export function parseAdr(path: string, text: string, readBy: readonly AdrTool[] = []): AdrInfo | undefined {
  const fileName = basename(path);
  if (!isListedAdrFileName(fileName, readBy)) return undefined;

  const fromName = numberOrDateFromName(fileName);
  // Anchored BOM and a plain `\r\n?`: linear.
  const { frontMatter, body } = splitFrontMatter(capAdrText(text).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  const scanned = scanBody(body);

  let number = fromName.number;
  let title = scanned.title;
  const headingNumber = title !== undefined ? numberedTitle(title) : undefined;
  if (headingNumber) {
    title = headingNumber.title;
    number ??= Number(headingNumber.digits);
  }
  title ??= stringValue(frontMatter?.title) ?? titleFromSlug(fromName.slug);

  const status = cleanStatus(stringValue(frontMatter?.status)) ?? cleanStatus(scanned.headerStatus) ?? cleanStatus(scanned.sectionStatus);
  const date = normaliseDate(frontMatter?.date) ?? normaliseDate(scanned.headerDate) ?? normaliseDate(scanned.sectionDate) ?? fromName.date;

  let format: AdrFormat;
  if (frontMatter && Object.keys(frontMatter).length > 0) format = 'madr';
  else if (headingNumber || scanned.plainDateLine) format = 'nygard';
  else if (fromName.date || (readBy.includes('log4brains') && !readBy.includes('adr-tools'))) format = 'log4brains';
  else format = 'madr';

  return {
    path,
    fileName,
    ...(number !== undefined ? { number } : {}),
    title,
    ...(status ? { status } : {}),
    ...(date ? { date } : {}),
    format,
  };
}

/**
 * The ADRs directly in `folder` (neither tool reads subfolders), sorted by
 * number, then (for unnumbered log4brains ADRs) by date and file name.
 * Every entry is listed, however many there are, because the next ADR
 * number is taken from this list; an ADR that cannot be read is listed from
 * its file name alone, so its number still counts.
 */
export async function listAdrs(fs: ReadFs, folder: AdrFolder | string): Promise<AdrInfo[]> {
  const folderPath = typeof folder === 'string' ? joinPath(folder) : folder.path;
  const readBy = typeof folder === 'string' ? [] : folder.readBy;
  let entries: DirEntry[];
  try {
    entries = await fs.readDirectory(folderPath);
  } catch {
    return [];
  }
  const names = entries
    .filter((e) => e.type === 'file' && isListedAdrFileName(e.name, readBy))
    .map((e) => e.name);
  const adrs: AdrInfo[] = [];
  for (let start = 0; start < names.length; start += SCAN_CONCURRENCY) {
    const batch = await Promise.all(
      names.slice(start, start + SCAN_CONCURRENCY).map(async (name) => {
        const path = joinPath(folderPath, name);
        let text: string | undefined;
        try {
          text = await readText(fs, path);
        } catch {
          text = ''; // there but unreadable (permissions, a remote's limits)
        }
        // Undefined: deleted since the folder was listed.
        return text === undefined ? undefined : parseAdr(path, text, readBy);
      }),
    );
    for (const adr of batch) if (adr) adrs.push(adr);
  }
  return adrs.sort(compareAdrs);
}

/** Numbered ADRs by number, then unnumbered ones by date (undated last), then by file name. */
export function compareAdrs(a: AdrInfo, b: AdrInfo): number {
  if (a.number !== undefined || b.number !== undefined) {
    if (a.number === undefined) return 1;
    if (b.number === undefined) return -1;
    if (a.number !== b.number) return a.number - b.number;
  }
  if (a.date !== b.date) {
    if (a.date === undefined) return 1;
    if (b.date === undefined) return -1;
    return a.date < b.date ? -1 : 1;
  }
  return a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0;
}

/**
 * The number for a new numbered ADR: one more than the largest number, 1
 * when there is none. Log4brains' date-named ADRs have no number and do not
 * count (adr-tools' `adr new` would read `20240115-…` as number 20240115).
 */
export function nextAdrNumber(adrs: readonly Pick<AdrInfo, 'number'>[]): number {
  let max = 0;
  for (const adr of adrs) if (adr.number !== undefined && adr.number > max) max = adr.number;
  return max + 1;
}

function numberOrDateFromName(fileName: string): { number?: number; date?: string; slug: string } {
  const stem = fileName.replace(/\.md$/i, '');
  const match = NUMBERED_NAME.exec(stem);
  if (!match) return { slug: stem };
  const digits = match[1];
  if (digits.length === 8) {
    const date = normaliseDate(digits);
    if (date) return { date, slug: match[2] };
  }
  const number = Number(digits);
  return Number.isSafeInteger(number) ? { number, slug: match[2] } : { slug: match[2] };
}

function splitFrontMatter(text: string): { frontMatter?: Record<string, unknown>; body: string } {
  // Anchored at the start (tried at offset 0 only). The lazy body stops at each `\n` for the closing
  // test, which reads only the `[ \t]` run after that line's `---`/`...`, and no other stop reads that
  // run: each character is looked at a bounded number of times, so linear.
  const match = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text);
  if (!match) return { body: text };
  const body = text.slice(match[0].length);
  // Refused (too long, too deep, not valid YAML, a key twice): read as if there were none, as ever for broken YAML.
  const { document } = parseFrontMatterYaml(match[1]);
  if (!document) return { body };
  try {
    const data: unknown = document.toJS();
    return isRecord(data) ? { frontMatter: data, body } : { body };
  } catch {
    return { body }; // aliases that would expand too far (yaml's maxAliasCount)
  }
}

interface ScannedBody {
  title?: string;
  headerStatus?: string;
  headerDate?: string;
  sectionStatus?: string;
  sectionDate?: string;
  /** A `Date: …` line that is not a list item: adr-tools/Nygard. */
  plainDateLine: boolean;
}

/**
 * One pass over the Markdown outside code fences and HTML comments: the first
 * H1, `Status:`/`Date:` fields before the first `##` heading, and the first
 * line of `## Status` / `## Date` sections.
 */
function scanBody(body: string): ScannedBody {
  const lines = stripHtmlComments(body).split('\n').map(capLine);
  const out: ScannedBody = { plainDateLine: false };
  let fence: string | undefined;
  let inHeader = true;
  let section: 'status' | 'date' | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    // Anchored, bounded indent, one greedy run with nothing after it: linear.
    const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length) fence = undefined;
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1];
      continue;
    }
    const trimmed = line.trim();
    const heading = atxHeading(line);
    if (heading) {
      if (heading.level === 1) {
        out.title ??= cleanInline(heading.text) || undefined;
        section = undefined;
        continue;
      }
      inHeader = false;
      const name = heading.text.trim().toLowerCase();
      section = name === 'status' ? 'status' : name === 'date' ? 'date' : undefined;
      continue;
    }
    // Setext underline: anchored; `=+` gives back one `=` at a time to `\s*$`, which fails at once on `=`: linear.
    if (out.title === undefined && trimmed !== '' && /^\s{0,3}=+\s*$/.test(lines[i + 1] ?? '') && !/^[*+-]\s/.test(trimmed)) {
      out.title = cleanInline(trimmed);
      i++;
      continue;
    }
    if (trimmed === '') continue;
    if (section) {
      const value = trimmed.replace(/^[*+-]\s+/, ''); // anchored, one greedy run: linear
      if (section === 'status') out.sectionStatus ??= value;
      else out.sectionDate ??= value;
      section = undefined;
      continue;
    }
    if (!inHeader) continue;
    const field = fieldLine(trimmed);
    if (!field) continue;
    if (field.name === 'status') out.headerStatus ??= field.value;
    else {
      out.headerDate ??= field.value;
      if (!/^[*+-]\s/.test(trimmed)) out.plainDateLine = true;
    }
  }
  return out;
}

/**
 * Markdown links to their text, emphasis markers and code ticks dropped, and
 * backslash escapes and character references resolved (our templates escape
 * a title, see markdownText.ts), so `\<select>` reads back as `<select>` and
 * an escaped `\*\*` is kept.
 */
function cleanInline(text: string): string {
  // Fixed strings only in the second pattern: linear.
  return unescapeMarkdown(text, (raw) => linksToText(raw).replace(/(\*\*|__|`)/g, '')).trim();
}

function cleanStatus(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const text = cleanInline(value);
  // Unfilled template placeholders: MADR 2 `[proposed | accepted | …]`, MADR 3+ `{proposed | …}`.
  if (text === '' || isStatusPlaceholder(text)) return undefined;
  return text;
}

function stringValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** `YYYY-MM-DD` from `2024-01-05`, `2024/01/05`, `20240105`, a Date or such a number; undefined unless a real calendar date. */
export function normaliseDate(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  const text = stringValue(value);
  if (!text) return undefined;
  // Anchored, every quantifier bounded: constant time.
  const match = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?!\d)/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${match[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function titleFromSlug(slug: string): string {
  const words = slug.replace(/[-_]+/g, ' ').trim(); // one greedy run with nothing after it: linear
  return words ? words[0].toUpperCase() + words.slice(1) : slug;
}
