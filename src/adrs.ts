import * as vscode from 'vscode';
import type { AdrInfo } from './core/adr';
import { findAdrFolders, listAdrs, parseAdr } from './core/adr';
import { readText } from './core/fsPort';
import { isInside, joinPath } from './core/paths';
import type { Settings } from './core/schema';
import { WorkspaceFs } from './workspaceFs';

/** The ADRs of one workspace folder, in every discovered ADR folder; found on demand (never at activation). */
export async function discoverAdrs(folder: vscode.WorkspaceFolder, settings: Settings): Promise<AdrInfo[]> {
  const fs = new WorkspaceFs(folder.uri);
  // The assessment folder holds a folder per request and no ADR folder: never searched.
  const folders = await findAdrFolders(fs, folder.uri.path, { configured: settings.adrDirectory, skip: [joinPath(folder.uri.path, settings.assessmentFolder)] });
  const lists = await Promise.all(folders.map((adrFolder) => listAdrs(fs, adrFolder)));
  return lists.flat();
}

/** One ADR by its workspace-folder-relative path, or undefined when it is missing, not an ADR, or outside the folder. */
export async function readAdr(folder: vscode.WorkspaceFolder, relativePath: string): Promise<AdrInfo | undefined> {
  const path = joinPath(folder.uri.path, relativePath);
  if (!isInside(folder.uri.path, path)) return undefined;
  const text = await readText(new WorkspaceFs(folder.uri), path);
  return text === undefined ? undefined : parseAdr(path, text);
}
