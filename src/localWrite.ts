/**
 * The two steps of an atomic write done with one system call each where the
 * extension host sees the disk (split from src/workspaceWrite.ts, which uses
 * them): through vscode.workspace.fs every call first waits for a round trip
 * to the window, and a rename goes through the window and back.
 */
import { link, mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import nodePath from 'node:path';
import * as vscode from 'vscode';

/**
 * The path on this machine's disk for a URI, when the extension host can see
 * it directly: `file:`, or `vscode-remote:` in a remote extension host (which
 * runs where those files are). Undefined for virtual file systems.
 */
export function localPath(uri: vscode.Uri): string | undefined {
  if (uri.scheme === 'file') return uri.fsPath;
  if (uri.scheme === 'vscode-remote' && vscode.env.remoteName) return vscode.Uri.file(uri.path).fsPath;
  return undefined;
}

/**
 * Writes the temporary file with one system call where the extension host
 * sees the disk (through vscode.workspace.fs each write first waits for a
 * round trip to the window), creating its folder when it is missing.
 */
export async function writeLocalTemp(path: string, bytes: Uint8Array, target: vscode.Uri): Promise<void> {
  const write = () => writeFile(path, bytes, { flag: 'wx' });
  try {
    await write().catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
      await mkdir(nodePath.dirname(path), { recursive: true });
      await write();
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw vscode.FileSystemError.NoPermissions(target);
    throw error;
  }
}

/** Node error codes that say a hard link is not possible here (the file system has none, or another device). */
const NO_LINK = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV', 'ENOSYS', 'EMLINK']);

/**
 * Renames the written temporary file onto `target`. vscode.workspace.fs
 * sends a rename through the window and back (several round trips: tens of
 * milliseconds in code-server, most of a command's time), so on a file
 * system the extension host sees directly it is one system call: rename(2)
 * to replace, or link(2) then unlink(2) to create without replacing (link
 * refuses an existing name, atomically). VS Code's file watcher reports the
 * change as it reports any change on disk. Virtual file systems, and local
 * ones without hard links, rename through vscode.workspace.fs as before.
 */
export async function moveIntoPlace(temp: vscode.Uri, target: vscode.Uri, overwrite: boolean): Promise<void> {
  const from = localPath(temp);
  const to = localPath(target);
  if (from && to) {
    try {
      if (overwrite) await rename(from, to);
      else {
        await link(from, to);
        await unlink(from).catch(() => vscode.workspace.fs.delete(temp).then(undefined, () => undefined));
      }
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (code === 'EEXIST') throw vscode.FileSystemError.FileExists(target);
      if (code === 'EACCES' || (code === 'EPERM' && overwrite)) throw vscode.FileSystemError.NoPermissions(target);
      if (overwrite || !NO_LINK.has(code)) throw error;
      // No hard links here: the rename below refuses an existing file as well.
    }
  }
  await vscode.workspace.fs.rename(temp, target, { overwrite });
}

