/**
 * The Custom Requests index kept between windows, in the extension's
 * workspace storage (never in the repository): each assessment's parsed
 * front matter with the modification time and size of the file it came
 * from. A window opened again lists the folder and checks each file's time
 * and size (one blocking stat each) instead of reading and parsing 2,000
 * files while VS Code itself is starting. A file whose time or size
 * differs is read again, as is one that was changed less than two seconds
 * before it was read (its next change could keep the same time: the
 * "racily clean" files of Git's index). Any doubt about the cache file
 * itself (missing, another version of the extension, another folder,
 * unreadable) and it is not used; it is rewritten atomically a few seconds
 * after the index changes.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import nodePath from 'node:path';
import type { AssessmentFrontMatter } from './core/schema';
import { log } from './log';

/** A file's version: its modification time (ms) and size, as read together with its text. */
export interface FileVersion {
  mtime: number;
  size: number;
}

export interface CachedRequest extends FileVersion {
  frontMatter: AssessmentFrontMatter;
}

/** A file changed this recently before it was read is not cached (see above). */
export const RACY_MS = 2000;

/** The version to record for a file read at `readAt`, or undefined when it is too fresh to trust. */
export function trustedVersion(version: FileVersion, readAt = Date.now()): FileVersion | undefined {
  return readAt - version.mtime >= RACY_MS ? version : undefined;
}

interface CacheFile {
  format: 1;
  /** the extension's version: another one may read front matter differently */
  version: string;
  /** the assessment folder's URI */
  folder: string;
  /** by assessment URI */
  entries: Record<string, CachedRequest>;
}

/** FNV-1a, for a file name per folder; not for security. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

export class RequestCache {
  /** `dir`: the extension's workspace storage on this machine's disk; undefined: no cache. */
  constructor(
    private readonly dir: string | undefined,
    private readonly version: string,
  ) {}

  private file(folder: string): string | undefined {
    return this.dir && nodePath.join(this.dir, `requests-${hash(folder)}.json`);
  }

  /** The cached requests of the assessment folder `folder` (a URI), by assessment URI; empty when there is no usable cache. */
  load(folder: string): Map<string, CachedRequest> {
    const file = this.file(folder);
    if (!file) return new Map();
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<CacheFile>;
      if (data.format !== 1 || data.version !== this.version || data.folder !== folder || !data.entries || typeof data.entries !== 'object') return new Map();
      const entries = new Map<string, CachedRequest>();
      for (const [uri, entry] of Object.entries(data.entries)) {
        if (typeof entry?.mtime === 'number' && typeof entry.size === 'number' && entry.frontMatter && typeof entry.frontMatter === 'object') entries.set(uri, entry);
      }
      return entries;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') log().info(`Requests cache ${file} not used: ${String(error)}`);
      return new Map();
    }
  }

  /** Replaces the cache of `folder` (written to a temporary file, then renamed over it). */
  save(folder: string, entries: ReadonlyMap<string, CachedRequest>): void {
    const file = this.file(folder);
    if (!file) return;
    const data: CacheFile = { format: 1, version: this.version, folder, entries: Object.fromEntries(entries) };
    const temp = `${file}.${process.pid}.tmp`;
    try {
      mkdirSync(nodePath.dirname(file), { recursive: true });
      writeFileSync(temp, JSON.stringify(data));
      renameSync(temp, file);
    } catch (error) {
      log().info(`Requests cache ${file} not written: ${String(error)}`);
    }
  }
}
