/**
 * A file's stat and bytes with one system call each where the extension host
 * sees the disk (see localPath), through vscode.workspace.fs otherwise: there
 * each call first waits for a round trip to the window. The choice depends
 * only on the URI, so versions (modification time and size) taken here are
 * always compared with versions taken the same way. Anything but success or a
 * missing file goes through vscode.workspace.fs, so its errors are the usual ones.
 */
import { readFile, stat } from 'node:fs/promises';
import * as vscode from 'vscode';
import { localPath } from './localWrite';

const MISSING = new Set(['ENOENT', 'ENOTDIR']);

/** The file system's view of `uri`; rejects like vscode.workspace.fs.stat (FileNotFound when missing). */
export async function statOf(uri: vscode.Uri): Promise<vscode.FileStat> {
  const local = localPath(uri);
  if (local) {
    try {
      const s = await stat(local);
      return { type: s.isDirectory() ? vscode.FileType.Directory : vscode.FileType.File, ctime: s.ctimeMs, mtime: s.mtimeMs, size: s.size };
    } catch (error) {
      if (MISSING.has((error as NodeJS.ErrnoException).code ?? '')) throw vscode.FileSystemError.FileNotFound(uri);
    }
  }
  return vscode.workspace.fs.stat(uri);
}

/** The file's bytes; rejects like vscode.workspace.fs.readFile (FileNotFound when missing). */
export async function bytesOf(uri: vscode.Uri): Promise<Uint8Array> {
  const local = localPath(uri);
  if (local) {
    try {
      return await readFile(local);
    } catch (error) {
      if (MISSING.has((error as NodeJS.ErrnoException).code ?? '')) throw vscode.FileSystemError.FileNotFound(uri);
    }
  }
  return vscode.workspace.fs.readFile(uri);
}
