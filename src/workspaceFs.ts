import * as vscode from 'vscode';
import type { DirEntry, ReadFs } from './core/fsPort';
import { readFile as readLocalFile } from 'node:fs/promises';
import { localPath } from './localWrite';
import { countRead } from './readStats';

export { readStats, resetReadStats } from './readStats';
export * from './workspaceWrite';

/**
 * Core's file-system port over `vscode.workspace.fs`, so everything works on
 * remote and virtual workspaces (reads of files the extension host sees on
 * its own disk are one system call instead). Paths are the URI paths of one scheme and
 * authority (those of a workspace folder).
 */
export class WorkspaceFs implements ReadFs {
  constructor(private readonly base: vscode.Uri) {}

  uri(path: string): vscode.Uri {
    return this.base.with({ path, query: '', fragment: '' });
  }

  async readFile(path: string): Promise<Uint8Array | undefined> {
    const uri = countRead(this.uri(path));
    // Where the extension host sees the disk, one system call: through vscode.workspace.fs each read
    // first waits for a round trip to the window. Anything but a plain read or a missing file goes the
    // usual way, so errors stay those of vscode.workspace.fs.
    const local = localPath(uri);
    if (local) {
      try {
        return await readLocalFile(local);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
      }
    }
    try {
      return await vscode.workspace.fs.readFile(uri);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async readDirectory(path: string): Promise<DirEntry[]> {
    try {
      const entries = await vscode.workspace.fs.readDirectory(this.uri(path));
      return entries
        .filter(([, type]) => (type & (vscode.FileType.File | vscode.FileType.Directory)) !== 0)
        .map(([name, type]) => ({ name, type: type & vscode.FileType.Directory ? 'directory' : 'file' }));
    } catch (error) {
      if (isNotFound(error) || isNotADirectory(error)) return [];
      throw error;
    }
  }

  async stat(path: string): Promise<'file' | 'directory' | undefined> {
    try {
      const stat = await vscode.workspace.fs.stat(this.uri(path));
      return stat.type & vscode.FileType.Directory ? 'directory' : 'file';
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async exists(path: string): Promise<boolean> {
    return (await this.stat(path)) !== undefined;
  }
}

function isNotFound(error: unknown): boolean {
  return error instanceof vscode.FileSystemError && (error.code === 'FileNotFound' || error.code === 'EntryNotFound');
}

function isNotADirectory(error: unknown): boolean {
  return error instanceof vscode.FileSystemError && (error.code === 'FileNotADirectory' || error.code === 'EntryNotADirectory');
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs `task` once every task queued before it has settled: the extension's
 * writes that pick a free name or number (a quote number, a request folder,
 * an ADR number) and then write it never interleave within this extension host.
 */
export function exclusive<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.then(
    () => undefined,
    () => undefined,
  );
  return run;
}

