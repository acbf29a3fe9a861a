/**
 * Safe, readable file and folder names from titles and customer names in any
 * script. Letters and digits of every script are kept (Chinese stays
 * readable); everything else becomes a dash. The result is never empty, never
 * `.`/`..`, holds no path separator, control character or dot, is not a
 * Windows-reserved device name, and is at most 80 characters (code points)
 * and at most 200 bytes in UTF-8, cut only between grapheme clusters.
 *
 * The byte limit is what file systems count (255 bytes a name on ext4, APFS,
 * Btrfs; 255 UTF-16 units on NTFS, never more than the bytes): 80 characters
 * of CJK Extension B (4 bytes each) or of combining marks would not fit. 200
 * leaves room for what is added around a slug: `quote-Q-2026-001-R2-` and
 * `.html`, an ADR's `20261207-` and `-2.md`, a folder's `-2`.
 */

export const MAX_SLUG_LENGTH = 80;
export const MAX_SLUG_BYTES = 200;
/** How much of a title is looked at: far more than any slug keeps, so a huge one stays cheap. */
const MAX_INPUT_CHARS = 4096;
/** The most a name may have, in UTF-8 bytes, on the file systems we write to. */
const MAX_SEGMENT_BYTES = 255;

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

const graphemeSegmenter = new Intl.Segmenter('und', { granularity: 'grapheme' });

/** Slug of `text`, or `fallback` (itself slugged) when nothing usable remains. */
export function slugify(text: string, fallback = 'request', maxLength = MAX_SLUG_LENGTH, maxBytes = MAX_SLUG_BYTES): string {
  const slug = cut(
    text
      .slice(0, MAX_INPUT_CHARS)
      .normalize('NFKC')
      .toLowerCase()
      // Letters, marks and digits of any script survive; all else is a separator.
      .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, ''),
    maxLength,
    maxBytes,
  );
  if (slug) return WINDOWS_RESERVED.test(slug) ? `${slug}-x` : slug;
  if (fallback === text) return 'request';
  return slugify(fallback, 'request', maxLength, maxBytes);
}

/** UTF-8 length of `text` (a lone surrogate counts as U+FFFD, 3 bytes, as file systems receive it). */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/**
 * Cuts to whole grapheme clusters, at most `maxChars` code points and
 * `maxBytes` UTF-8 bytes, preferring a dash boundary in the second half,
 * never ending in a dash. Empty when not even the first cluster fits.
 */
function cut(slug: string, maxChars: number, maxBytes: number): string {
  if (slug.length <= maxChars && utf8Bytes(slug) <= maxBytes) return slug; // a code point is at least one UTF-16 unit
  const ends: number[] = []; // where each kept cluster ends
  const dashes: number[] = []; // which kept clusters are a lone dash
  let chars = 0;
  let bytes = 0;
  let cutShort = false;
  for (const { segment, index } of graphemeSegmenter.segment(slug)) {
    chars += Array.from(segment).length;
    bytes += utf8Bytes(segment);
    if (chars > maxChars || bytes > maxBytes) {
      cutShort = true;
      break;
    }
    if (segment === '-') dashes.push(ends.length);
    ends.push(index + segment.length);
  }
  let keep = ends.length;
  const lastDash = dashes.at(-1);
  if (cutShort && lastDash !== undefined && lastDash >= keep / 2) keep = lastDash;
  while (keep > 0 && dashes.includes(keep - 1)) keep--; // at most a few dashes end a slug
  return keep === 0 ? '' : slug.slice(0, ends[keep - 1]);
}

/** Joins parts into one slug within `maxLength` code points and `maxBytes` bytes, shortening the last parts first. */
export function joinSlugs(parts: string[], maxLength = MAX_SLUG_LENGTH, maxBytes = MAX_SLUG_BYTES): string {
  const joined = parts.filter(Boolean).join('-');
  return cut(joined, maxLength, maxBytes) || 'request';
}

/** A short random id for fallbacks and assessment ids (base 36). */
export function shortId(random: () => number = Math.random): string {
  let id = '';
  for (let i = 0; i < 6; i++) id += Math.floor(random() * 36).toString(36);
  return id;
}

/** True when `name` is safe as one path segment by the rules above (used to check user-given names). */
export function isSafeSegment(name: string): boolean {
  return (
    name.length > 0 &&
    utf8Bytes(name) <= MAX_SEGMENT_BYTES &&
    !/[\\/:*?"<>|\p{Cc}]/u.test(name) &&
    // Also refuses `.` and `..`, which end in a dot.
    !/[. ]$/.test(name) &&
    // Windows reads a device name followed by any extension as the device: `NUL.txt` and `NUL.tar.gz` are both NUL.
    !WINDOWS_RESERVED.test(name.split('.')[0])
  );
}
