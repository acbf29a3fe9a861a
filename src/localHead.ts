/**
 * The front matter of a file on this machine's disk, read with blocking
 * calls (Node only, no vscode: unit-tested in Node). See src/assessmentFiles.ts.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { frontMatterHeadLength } from './core/frontMatterFence';

const MISSING = new Set(['ENOENT', 'ENOTDIR']);

/** What readHeadSync reads first: an assessment's front matter is about 1.5 KB of its 14. */
export const HEAD_BYTES = 8192;
const head = Buffer.allocUnsafe(HEAD_BYTES);
const utf8 = new TextDecoder();

/**
 * A local file's text up to and with its front matter's closing line (see
 * frontMatterHead; the whole text when it has none), with blocking calls: one read of the first 8 KB, and of
 * the whole file only when those do not hold the front matter. Undefined
 * when the file is missing or is a pipe; any other failure is thrown. The byte order mark
 * is left out. `onVersion` gets the file's modification time and size, taken
 * from the same open file before it is read. Blocking, so callers run it in short slices (forEachSliced).
 */
export function readHeadSync(path: string, onVersion?: (version: { mtime: number; size: number }) => void): string | undefined {
  let fd: number;
  try {
    // Non-blocking open: a named pipe called assessment.md must not hold the extension host until something writes to it.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    if (MISSING.has((error as NodeJS.ErrnoException).code ?? '')) return undefined;
    throw error;
  }
  try {
    if (onVersion) {
      const stat = fstatSync(fd);
      onVersion({ mtime: stat.mtimeMs, size: stat.size });
    }
    let length: number;
    try {
      length = readSync(fd, head, 0, HEAD_BYTES, 0);
    } catch (error) {
      // A pipe or socket (it cannot be read from a position) holds no assessment: as if missing.
      if ((error as NodeJS.ErrnoException).code === 'ESPIPE') return undefined;
      throw error;
    }
    const first = head.subarray(0, length);
    // Decoding costs more than reading: only the front matter is decoded.
    const end = frontMatterHeadLength(first, length < HEAD_BYTES);
    if (end !== undefined) return utf8.decode(first.subarray(0, end));
    if (length < HEAD_BYTES) return utf8.decode(first);
    // A positioned read leaves the file's offset at 0, so this reads it whole.
    return utf8.decode(readFileSync(fd));
  } finally {
    closeSync(fd);
  }
}
