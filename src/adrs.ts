import * as vscode from 'vscode';
import type { AdrFolder, AdrInfo } from './core/adr';
import { findAdrFolders, listAdrs } from './core/adr';
import type { Settings } from './core/schema';
import { WorkspaceFs } from './workspaceFs';

export interface DiscoveredAdr extends AdrInfo {
  folder: AdrFolder;
}

/** The ADR folders of one workspace folder and the ADRs in them, found on demand (never at activation). */
export async function discoverAdrs(folder: vscode.WorkspaceFolder, settings: Settings): Promise<{ folders: AdrFolder[]; adrs: DiscoveredAdr[] }> {
  const fs = new WorkspaceFs(folder.uri);
  const folders = await findAdrFolders(fs, folder.uri.path, { configured: settings.adrDirectory });
  const lists = await Promise.all(folders.map(async (adrFolder) => (await listAdrs(fs, adrFolder)).map((adr) => ({ ...adr, folder: adrFolder }))));
  return { folders, adrs: lists.flat() };
}
