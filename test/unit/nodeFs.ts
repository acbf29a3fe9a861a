/**
 * core's ReadFs over Node's fs, for unit tests, plus the few write helpers
 * tests need to build throw-away repositories. Paths are absolute POSIX
 * paths, as core uses them (the tests run on Linux and macOS).
 */
import { promises as fsp } from 'node:fs';
import os from 'node:os';
import nodePath from 'node:path';
import type { DirEntry, ReadFs } from '../../src/core/fsPort';

export interface NodeFs extends ReadFs {
  /** Writes UTF-8 text, creating missing parent folders. */
  writeFile(path: string, text: string): Promise<void>;
  /** Creates a folder and its missing parents. */
  mkdir(path: string): Promise<void>;
  /** Removes a file or a folder tree; nothing when absent. */
  remove(path: string): Promise<void>;
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}

export const nodeFs: NodeFs = {
  async readFile(path) {
    try {
      return new Uint8Array(await fsp.readFile(path));
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  },

  async readDirectory(path) {
    let entries;
    try {
      entries = await fsp.readdir(path, { withFileTypes: true });
    } catch (error) {
      if (isMissing(error)) return [];
      throw error;
    }
    const out: DirEntry[] = [];
    for (const entry of entries) {
      if (entry.isFile()) out.push({ name: entry.name, type: 'file' });
      else if (entry.isDirectory()) out.push({ name: entry.name, type: 'directory' });
      else if (entry.isSymbolicLink()) {
        // Like vscode.workspace.fs, report what the link points at; drop broken links.
        const target = await nodeFs.stat(nodePath.posix.join(path, entry.name));
        if (target) out.push({ name: entry.name, type: target });
      }
    }
    return out;
  },

  async stat(path) {
    try {
      const stats = await fsp.stat(path);
      return stats.isDirectory() ? 'directory' : stats.isFile() ? 'file' : undefined;
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  },

  async writeFile(path, text) {
    await fsp.mkdir(nodePath.posix.dirname(path), { recursive: true });
    await fsp.writeFile(path, text, 'utf8');
  },

  async mkdir(path) {
    await fsp.mkdir(path, { recursive: true });
  },

  async remove(path) {
    await fsp.rm(path, { recursive: true, force: true });
  },
};

/** A fresh empty folder under the OS temp folder (its real path, symlinks resolved); remove it with `nodeFs.remove`. */
export async function makeTempDir(prefix = 'crd-test-'): Promise<string> {
  return fsp.realpath(await fsp.mkdtemp(nodePath.join(os.tmpdir(), prefix)));
}

/** Writes a whole tree: keys are `/`-separated paths relative to `root`, values the text (a key ending in `/` makes a folder). */
export async function writeTree(root: string, files: Record<string, string>): Promise<void> {
  for (const [relative, text] of Object.entries(files)) {
    const path = nodePath.posix.join(root, relative);
    if (relative.endsWith('/')) await nodeFs.mkdir(path);
    else await nodeFs.writeFile(path, text);
  }
}
