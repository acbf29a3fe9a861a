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
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  const up = a.slice(common).map(() => '..');
  const rel = [...up, ...b.slice(common)].join('/');
  return rel || '.';
}

/** Percent-encodes a relative path for a Markdown link target, keeping `/`. */
export function markdownLinkTarget(relative: string): string {
  return relative.split('/').map((part) => (part === '..' || part === '.' ? part : encodeURIComponent(part))).join('/');
}
