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
import { WorkspaceFs } from './workspaceFs';

export interface AssessmentText {
  uri: vscode.Uri;
  /** workspace-folder-relative path */
  path: string;
  /** its text, at least up to the front matter's closing line; undefined when `error` says why it could not be read */
  text?: string;
  error?: unknown;
  /** read from the file (not taken from `opened`) */
  fromDisk: boolean;
}

/**
 * Hands `each` every `<base>/<request>/assessment.md` of `folder` that exists
 * (in the listing's order, except files that needed the slow path, which
 * come last). `opened`: the text to use instead of the file, by URI string
 * (an open editor's unsaved text). Each file is read once.
 */
export async function readAssessmentTexts(folder: vscode.WorkspaceFolder, base: string, each: (file: AssessmentText) => void, opened?: (uri: string) => string | undefined): Promise<void> {
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
    countRead(file.uri);
    let text: string | undefined;
    try {
      text = readHeadSync(nodePath.join(local, name, 'assessment.md'));
    } catch {
      slow.push(file);
      return;
    }
    if (text !== undefined) each({ ...file, text, fromDisk: true });
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

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
