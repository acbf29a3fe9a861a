/**
 * POSIX path helpers for the URI paths core works with. Node's `path` is not
 * used so that core also runs in the webview bundle.
 */

/** Joins segments and normalises `.` and `..`; the result is absolute when the first segment is. */
export function joinPath(...segments: string[]): string {
  const absolute = segments.length > 0 && segments[0].startsWith('/');
  const out: string[] = [];
  for (const segment of segments) {
    for (const part of segment.split('/')) {
      if (part === '' || part === '.') continue;
      if (part === '..') {
        if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
        else if (!absolute) out.push('..');
        continue;
      }
      out.push(part);
    }
  }
  const joined = out.join('/');
  return absolute ? '/' + joined : joined || '.';
}

export function dirname(path: string): string {
  const normal = joinPath(path);
  const index = normal.lastIndexOf('/');
  if (index < 0) return '.';
  return index === 0 ? '/' : normal.slice(0, index);
}

export function basename(path: string): string {
  const normal = joinPath(path);
  return normal.slice(normal.lastIndexOf('/') + 1);
}

/** True when `child` is `parent` itself or lies below it (after normalising both). */
export function isInside(parent: string, child: string): boolean {
  const p = joinPath(parent);
  const c = joinPath(child);
  if (p === c) return true;
  return c.startsWith(p === '/' ? '/' : p + '/');
}

/** The relative path from folder `from` to `to`, with `/` separators (for Markdown links). */
export function relativePath(from: string, to: string): string {
  const a = joinPath(from).split('/').filter(Boolean);
  const b = joinPath(to).split('/').filter(Boolean);
  let common = 0;
  // Past the end of a list an entry is undefined, and every entry in range is a non-empty name.
  while (a[common] !== undefined && a[common] === b[common]) common++;
  const up = a.slice(common).map(() => '..');
  const rel = [...up, ...b.slice(common)].join('/');
  return rel || '.';
}

/**
 * A relative path as a Markdown link target: only what would end or break the
 * link (whitespace, parentheses, angle brackets, `%`, backslash, and `#` and
 * `?`, which a viewer would take for a fragment or a query) is
 * percent-encoded, so Chinese names stay readable in the raw Markdown.
 */
export function markdownLinkTarget(relative: string): string {
  // encodeURIComponent leaves ( and ) alone, so they are encoded by hand.
  return relative.replace(/[\s()<>%\\#?]/g, (char) => (char === '(' ? '%28' : char === ')' ? '%29' : encodeURIComponent(char)));
}
