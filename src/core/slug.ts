/**
 * Safe, readable file and folder names from titles and customer names in any
 * script. Letters and digits of every script are kept (Chinese stays
 * readable); everything else becomes a dash. The result is never empty, never
 * `.`/`..`, holds no path separator, control character or dot, is not a
 * Windows-reserved device name, and is at most 80 characters.
 */

export const MAX_SLUG_LENGTH = 80;

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/** Slug of `text`, or `fallback` (itself slugged) when nothing usable remains. */
export function slugify(text: string, fallback = 'request', maxLength = MAX_SLUG_LENGTH): string {
  const slug = cut(
    text
      .normalize('NFKC')
      .toLowerCase()
      // Letters, marks and digits of any script survive; all else is a separator.
      .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, ''),
    maxLength,
  );
  if (slug) return WINDOWS_RESERVED.test(slug) ? `${slug}-x` : slug;
  if (fallback === text) return 'request';
  return slugify(fallback, 'request', maxLength);
}

/** Cuts to at most `max` code points, preferring a dash boundary, never ending in a dash. */
function cut(slug: string, max: number): string {
  const chars = Array.from(slug);
  if (chars.length <= max) return slug;
  const head = chars.slice(0, max).join('');
  const dash = head.lastIndexOf('-');
  const trimmed = dash >= max / 2 ? head.slice(0, dash) : head;
  return trimmed.replace(/-+$/, '');
}

/** Joins parts into one slug no longer than `maxLength`, shortening the last parts first. */
export function joinSlugs(parts: string[], maxLength = MAX_SLUG_LENGTH): string {
  const clean = parts.filter(Boolean);
  let joined = clean.join('-');
  if (Array.from(joined).length <= maxLength) return joined;
  joined = cut(joined, maxLength);
  return joined || 'request';
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
    Array.from(name).length <= 255 &&
    name !== '.' &&
    name !== '..' &&
    !/[\\/:*?"<>|\p{Cc}]/u.test(name) &&
    !/[. ]$/.test(name) &&
    !WINDOWS_RESERVED.test(name.replace(/\.[^.]*$/, ''))
  );
}
