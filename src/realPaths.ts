/**
 * Real paths on the local disk, for the check that keeps every write inside
 * its workspace folder (src/workspaceWrite.ts): Node only, no VS Code, so the
 * unit tests run it against real symbolic links.
 */
import { lstat, realpath } from 'node:fs/promises';
import nodePath from 'node:path';

/** The real path of `path`, resolving symbolic links in the part of it that exists. */
export async function realPathOf(path: string): Promise<string> {
  const missing: string[] = [];
  for (let current = path; ; ) {
    try {
      return nodePath.join(await realpath(current), ...missing.reverse());
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const parent = nodePath.dirname(current);
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || parent === current) throw error;
      missing.push(nodePath.basename(current));
      current = parent;
    }
  }
}

/** The first folder between `root` and `target` that is a symbolic link, relative to `root` (for the message). */
export async function firstLink(root: string, target: string): Promise<string | undefined> {
  const parts = nodePath.relative(root, target).split(nodePath.sep);
  for (let i = 1; i <= parts.length; i++) {
    const stat = await lstat(nodePath.join(root, ...parts.slice(0, i))).catch(() => undefined);
    if (!stat) return undefined;
    if (stat.isSymbolicLink()) return parts.slice(0, i).join('/');
  }
  return undefined;
}
