import * as vscode from 'vscode';
import { DeskError } from './core/errors';
import { LOGO_MAX_BYTES, logoMimeType, type InlineLogo } from './core/exportHtml';
import { isInside, joinPath } from './core/paths';
import { log } from './log';
import { assertWritableInside, WorkspaceFs } from './workspaceFs';

/** The parts of `customRequest.supplier` the export uses. */
export interface SupplierForExport {
  name?: string;
  /** workspace-folder-relative path of the logo image */
  logo?: string;
}

/**
 * The supplier's logo to inline, when it is set, is an image type the page
 * inlines, is at most LOGO_MAX_BYTES, and lies inside the workspace folder
 * with symbolic links resolved. Otherwise no logo, and the log says why: a
 * missing logo never stops an export.
 */
export async function readLogo(folder: vscode.WorkspaceFolder, supplier: SupplierForExport): Promise<InlineLogo | undefined> {
  const logo = supplier.logo?.trim();
  if (!logo) return undefined;
  const skip = (why: string) => {
    log().warn(`customRequest.supplier.logo "${logo}": ${why}; the export has no logo.`);
    return undefined;
  };
  const path = joinPath(folder.uri.path, logo);
  if (!isInside(folder.uri.path, path)) return skip(`it is outside the workspace folder ${folder.name}`);
  const mimeType = logoMimeType(path);
  if (!mimeType) return skip('only PNG, JPEG, GIF, WebP and SVG images are inlined');
  const fs = new WorkspaceFs(folder.uri);
  const uri = fs.uri(path);
  try {
    // The same check as every write: with links resolved, the file must lie inside the workspace folder.
    await assertWritableInside(uri);
  } catch (error) {
    if (error instanceof DeskError) return skip('it leads outside the workspace folder through a symbolic link');
    throw error;
  }
  const stat = await fs.stat(path);
  if (stat !== 'file') return skip('there is no such file');
  const bytes = await fs.readFile(path);
  if (!bytes) return skip('there is no such file');
  if (bytes.byteLength > LOGO_MAX_BYTES) return skip(`it is ${bytes.byteLength} bytes, more than ${LOGO_MAX_BYTES}`);
  return { mimeType, base64: Buffer.from(bytes).toString('base64'), alt: supplier.name?.trim() ?? '' };
}
