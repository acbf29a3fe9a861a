/** Helpers for the benchmarks that run inside the extension host. */
import * as vscode from 'vscode';
import type { DeskApi } from '../../src/extension';
import type { ReadCount } from './figures';

export const EXTENSION_ID = 'custom-request-desk.custom-request-desk';

/** Activates Custom Request Desk (if it is not yet) and returns its API. */
export async function deskApi(): Promise<DeskApi> {
  const extension = vscode.extensions.getExtension<DeskApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed`);
  return extension.activate();
}

/** Runs `task` and returns its time in ms with its result. */
export async function timed<T>(task: () => Thenable<T> | Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const result = await task();
  return [performance.now() - started, result];
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  return folder;
}

/** Fails unless `uri` is a file on disk. */
export async function assertFile(uri: vscode.Uri | undefined, what: string): Promise<vscode.Uri> {
  if (!uri) throw new Error(`${what} returned nothing (see the Custom Request Desk log)`);
  const stat = await vscode.workspace.fs.stat(uri);
  if (!(stat.type & vscode.FileType.File)) throw new Error(`${what}: ${uri.toString()} is not a file`);
  return uri;
}

/** A command's read count with the workspace folder's path left out of the repeated files. */
export function readCount(stats: ReadCount): ReadCount {
  const root = workspaceFolder().uri.toString();
  return { ...stats, repeated: stats.repeated.map((uri) => decodeURIComponent(uri.replace(`${root}/`, ''))) };
}

/** Bare writes of the same bytes a command wrote, to fresh files in `folder` (the baseline of the command rows). */
export function bareWriter(folder: vscode.Uri): (bytes: Uint8Array) => Promise<number> {
  let count = 0;
  return async (bytes) => {
    const target = vscode.Uri.joinPath(folder, `bare-${++count}.md`);
    const [ms] = await timed(() => vscode.workspace.fs.writeFile(target, bytes));
    return ms;
  };
}
