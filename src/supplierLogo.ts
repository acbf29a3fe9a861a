import * as vscode from 'vscode';
import { DeskError } from './core/errors';
import type { InlineLogo } from './core/exportHtml';
import type { Bilingual } from './core/lang';
import { logoLinkedOutside, logoOutside, readLogoFile, type SizedReadFs } from './core/logoFile';
import { isInside, joinPath } from './core/paths';
import { log } from './log';
import { uiLang } from './uiLanguage';
import { assertWritableInside, WorkspaceFs } from './workspaceFs';

/** The parts of `customRequest.supplier` the export uses. */
export interface SupplierForExport {
  name?: string;
  /** workspace-folder-relative path of the logo image */
  logo?: string;
}

/** Core's SizedReadFs over vscode.workspace.fs: the size from a stat, so a file over the limit is never read. */
function sizedFs(fs: WorkspaceFs): SizedReadFs {
  return {
    async fileSize(path) {
      let stat: vscode.FileStat;
      try {
        stat = await vscode.workspace.fs.stat(fs.uri(path));
      } catch (error) {
        if (error instanceof vscode.FileSystemError && (error.code === 'FileNotFound' || error.code === 'EntryNotFound')) return undefined;
        throw error;
      }
      // A folder, a pipe or a device is no logo (a link counts by what it points at).
      return stat.type & vscode.FileType.File ? stat.size : undefined;
    },
    readFile: (path) => fs.readFile(path),
  };
}

/**
 * The supplier's logo to inline, when it is set, is an image type the page
 * inlines, is at most LOGO_MAX_BYTES (checked before it is read), and lies
 * inside the workspace folder with symbolic links resolved. Otherwise no
 * logo: the log and a warning in the UI's language say why; a logo that
 * cannot be inlined never stops an export.
 */
export async function readLogo(folder: vscode.WorkspaceFolder, supplier: SupplierForExport): Promise<InlineLogo | undefined> {
  const logo = supplier.logo?.trim();
  if (!logo) return undefined;
  const skip = (why: Bilingual) => {
    log().warn(why.en);
    void vscode.window.showWarningMessage(why[uiLang()]);
    return undefined;
  };
  const path = joinPath(folder.uri.path, logo);
  if (!isInside(folder.uri.path, path)) return skip(logoOutside(logo, folder.name));
  const fs = new WorkspaceFs(folder.uri);
  try {
    // The same check as every write: with links resolved, the file must lie inside the workspace folder.
    await assertWritableInside(fs.uri(path));
  } catch (error) {
    if (error instanceof DeskError) return skip(logoLinkedOutside(logo));
    throw error;
  }
  const read = await readLogoFile(sizedFs(fs), path, logo);
  if ('skipped' in read) return skip(read.skipped);
  return { mimeType: read.mimeType, base64: Buffer.from(read.bytes).toString('base64'), alt: supplier.name?.trim() ?? '' };
}
