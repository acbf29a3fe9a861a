/**
 * Reading every assessment of a workspace folder for its front matter: the
 * Custom Requests index, the register and the form's list all start here.
 * Where the extension host sees the disk, the folder is listed and each file
 * read with blocking calls (the first 8 KB, which hold the front matter; see
 * readHeadSync), a few milliseconds at a time: 2,000 assessments take tens
 * of milliseconds that way, against hundreds through Node's thread pool or
 * vscode.workspace.fs. Elsewhere (virtual file systems), or when a blocking
 * call fails for any reason but a missing file, vscode.workspace.fs reads it.
 */
import { readdirSync, statSync } from 'node:fs';
import nodePath from 'node:path';
import * as vscode from 'vscode';
import { joinPath, relativePath } from './core/paths';
import { FILE_CONCURRENCY, forEachSliced, mapPool } from './core/pool';
import { readHeadSync } from './localHead';
import { localPath } from './localWrite';
import { countRead } from './readStats';
import { trustedVersion, type FileVersion } from './requestCache';
import { WorkspaceFs } from './workspaceFs';

export interface AssessmentText {
  uri: vscode.Uri;
  /** workspace-folder-relative path */
  path: string;
  /** its text, at least up to the front matter's closing line; undefined when `error` says why it could not be read */
  text?: string;
  error?: unknown;
  /** read from the file (not taken from `opened`, not `unchanged`) */
  fromDisk: boolean;
  /** the file has the version `cached` gave for it: not read (no text) */
  unchanged?: boolean;
  /** the version of the file this text was read from, when it can be trusted for a cache (see trustedVersion) */
  version?: FileVersion;
}

export interface ReadOptions {
  /** the text to use instead of the file, by URI string (an open editor's unsaved text) */
  opened?: (uri: string) => string | undefined;
  /** versions of files read before, by URI string: a local file still at that version is not read again */
  cached?: ReadonlyMap<string, FileVersion>;
}

/**
 * Hands `each` every `<base>/<request>/assessment.md` of `folder` that exists
 * (in the listing's order, except files that needed the slow path, which
 * come last). Each file is read once at most.
 */
export async function readAssessmentTexts(folder: vscode.WorkspaceFolder, base: string, each: (file: AssessmentText) => void, { opened, cached }: ReadOptions = {}): Promise<void> {
  const fs = new WorkspaceFs(folder.uri);
  const at = (name: string) => {
    const absolute = joinPath(base, name, 'assessment.md');
    return { uri: fs.uri(absolute), path: relativePath(folder.uri.path, absolute) };
  };
  const local = localPath(fs.uri(base));
  const names = local ? listFolders(local) : undefined;
  if (!local || !names) {
    const dirs = (await fs.readDirectory(base)).filter((entry) => entry.type === 'directory');
    await mapPool(dirs, FILE_CONCURRENCY, async (entry) => {
      const file = at(entry.name);
      const open = opened?.(file.uri.toString());
      if (open !== undefined) return each({ ...file, text: open, fromDisk: false });
      try {
        const bytes = await fs.readFile(file.uri.path);
        if (bytes) each({ ...file, text: new TextDecoder().decode(bytes), fromDisk: true });
      } catch (error) {
        each({ ...file, error, fromDisk: true });
      }
    });
    return;
  }
  const slow: { uri: vscode.Uri; path: string }[] = [];
  await forEachSliced(names, (name) => {
    const file = at(name);
    const open = opened?.(file.uri.toString());
    if (open !== undefined) return each({ ...file, text: open, fromDisk: false });
    const path = nodePath.join(local, name, 'assessment.md');
    const known = cached?.get(file.uri.toString());
    if (known && sameVersion(path, known)) return each({ ...file, fromDisk: false, unchanged: true });
    let read: ReturnType<typeof readLocalHead>;
    try {
      read = readLocalHead(file.uri, path, cached !== undefined);
    } catch {
      slow.push(file);
      return;
    }
    if (read.text !== undefined) each({ ...file, text: read.text, fromDisk: true, version: read.version });
  });
  // Whatever failed here fails (or not) the usual way, with vscode.workspace.fs's errors.
  await mapPool(slow, FILE_CONCURRENCY, async (file) => {
    try {
      each({ ...file, text: new TextDecoder().decode(await vscode.workspace.fs.readFile(file.uri)), fromDisk: true });
    } catch (error) {
      if (!(error instanceof vscode.FileSystemError && (error.code === 'FileNotFound' || error.code === 'EntryNotFound'))) each({ ...file, error, fromDisk: true });
    }
  });
}

/**
 * One local assessment read for its front matter with blocking calls (see
 * readHeadSync), counted as a read; with its version when `withVersion` (for
 * the requests cache). Throws what readHeadSync throws.
 */
export function readLocalHead(uri: vscode.Uri, path: string, withVersion: boolean): { text?: string; version?: FileVersion } {
  countRead(uri);
  let version: FileVersion | undefined;
  const readAt = Date.now();
  const text = readHeadSync(path, withVersion ? (v) => (version = trustedVersion(v, readAt)) : undefined);
  return { text, version };
}

/**
 * The folders directly in `dir` (symbolic links to folders too, as
 * vscode.workspace.fs lists them); [] when `dir` does not exist; undefined
 * when it cannot be listed this way.
 */
function listFolders(dir: string): string[] | undefined {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() || (entry.isSymbolicLink() && isFolder(nodePath.join(dir, entry.name))))
      .map((entry) => entry.name);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? [] : undefined;
  }
}

/** Whether the local file `path` still has `version` (anything in doubt: no, so it is read). */
function sameVersion(path: string, version: FileVersion): boolean {
  try {
    const stat = statSync(path, { throwIfNoEntry: false });
    return stat !== undefined && stat.isFile() && stat.mtimeMs === version.mtime && stat.size === version.size;
  } catch {
    return false;
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
