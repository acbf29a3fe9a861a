/**
 * Writing files in the workspace (split from src/workspaceFs.ts, which
 * re-exports all of it): atomic writes that never leave a half-written file,
 * creating without overwriting, replacing a file's text only when it still
 * holds what the command read, and the symbolic-link check that keeps every
 * write inside its workspace folder.
 */
import nodePath from 'node:path';
import * as vscode from 'vscode';
import { DeskError } from './core/errors';
import { basename, dirname, isInside, joinPath, relativePath } from './core/paths';
import { log } from './log';
import { bytesOf, statOf } from './localRead';
import { localPath, moveIntoPlace, writeLocalTemp } from './localWrite';
import { firstLink, realPathOf } from './realPaths';
import { countRead, decodeKeepingBom, withoutBom } from './readStats';

const encoder = new TextEncoder();

function tempSibling(uri: vscode.Uri): vscode.Uri {
  const name = `.${basename(uri.path)}.crd-${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}.tmp`;
  return uri.with({ path: joinPath(dirname(uri.path), name) });
}

/**
 * Refuses to write `target` when, with symbolic links resolved, it lies outside
 * its workspace folder (core's checks compare path text only). Checked where
 * the file system is local; virtual ones have no links to follow.
 */
export async function assertWritableInside(target: vscode.Uri): Promise<void> {
  const folder = vscode.workspace.getWorkspaceFolder(target);
  const local = localPath(target);
  const root = folder && localPath(folder.uri);
  if (!local || !root) return;
  const [realRoot, realTarget] = await Promise.all([realPathOf(root), realPathOf(local)]);
  if (isInside(vscode.Uri.file(realRoot).path, vscode.Uri.file(realTarget).path)) return;
  const link = (await firstLink(root, local)) ?? relativePath(folder.uri.path, dirname(target.path));
  const leadsTo = nodePath.dirname(realTarget);
  log().warn(`Refused to write ${target.toString()}: its real path is ${realTarget}, outside ${realRoot}`);
  throw new DeskError('outside-workspace', {
    en: `Refusing to write ${vscode.workspace.asRelativePath(target)}: the folder ${link} is a symbolic link that leads outside the workspace folder ${folder.name} (to ${leadsTo}). Nothing was written.`,
    'zh-cn': `拒绝写入 ${vscode.workspace.asRelativePath(target)}：文件夹 ${link} 是指向工作区文件夹 ${folder.name} 之外（${leadsTo}）的符号链接。未写入任何内容。`,
  });
}

/**
 * A failed write as the user sees it: which file, that nothing changed, and a
 * pointer to the log, which gets the file system's own error (with its
 * temporary paths and codes).
 */
function writeFailed(target: vscode.Uri, error: unknown): DeskError {
  log().error(`Could not write ${target.toString()}`, error instanceof Error ? error : String(error));
  const path = vscode.workspace.asRelativePath(target);
  const denied = error instanceof vscode.FileSystemError && error.code === 'NoPermissions';
  return new DeskError('write-failed', {
    en: `Could not write ${path}${denied ? ' (permission denied)' : ''}. It was left as it was. See the log for details.`,
    'zh-cn': `无法写入 ${path}${denied ? '（没有权限）' : ''}，该文件保持原样。详情请查看日志。`,
  });
}

/**
 * Writes `text` to `target` in one step: a temporary sibling is written first
 * and renamed into place, so a crash never leaves a half-written file; the
 * temporary file is removed whatever happens. With `overwrite: false` an
 * existing file is never replaced (the rename refuses).
 */
export async function writeFileAtomic(target: vscode.Uri, text: string, overwrite: boolean): Promise<void> {
  await assertWritableInside(target);
  const temp = tempSibling(target);
  let step: 'write' | 'rename' | 'done' = 'write';
  try {
    const bytes = encoder.encode(text);
    const local = localPath(temp);
    if (local) {
      await writeLocalTemp(local, bytes, target);
    } else {
      try {
        await vscode.workspace.fs.writeFile(temp, bytes);
      } catch (error) {
        // Its folder is missing (a new request's folder, a first quotes/ folder): create it and write again.
        // Each round trip to the file system costs milliseconds, so the folder is not created up front.
        if (!isNotFound(error)) throw error;
        await vscode.workspace.fs.createDirectory(target.with({ path: dirname(target.path) }));
        await vscode.workspace.fs.writeFile(temp, bytes);
      }
    }
    step = 'rename';
    await moveIntoPlace(temp, target, overwrite);
    step = 'done';
  } catch (error) {
    if (step === 'rename' && error instanceof vscode.FileSystemError && (error.code === 'FileExists' || error.code === 'EntryExists')) throw fileExists(target);
    throw writeFailed(target, error);
  } finally {
    if (step !== 'done') await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
  }
}

/**
 * Creates a new file; refuses when one already exists at that path (the
 * rename into place refuses to replace it, so no separate check is needed).
 */
export async function createFile(target: vscode.Uri, text: string): Promise<void> {
  await writeFileAtomic(target, text, false);
}

function isNotFound(error: unknown): boolean {
  return error instanceof vscode.FileSystemError && (error.code === 'FileNotFound' || error.code === 'EntryNotFound');
}

function fileExists(target: vscode.Uri): DeskError {
  const path = vscode.workspace.asRelativePath(target);
  return new DeskError('file-exists', {
    en: `${path} already exists and was left untouched. Nothing was overwritten.`,
    'zh-cn': `${path} 已存在，未做任何改动，也没有覆盖。`,
  });
}

/** The open document for a URI, if any. */
export function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === uri.toString());
}

/**
 * The text a command works from, after `ensureSaved`: what is on disk. A
 * clean editor may briefly lag behind the file (a git pull, another tool),
 * and the file is what gets committed.
 */
export async function currentText(uri: vscode.Uri): Promise<string> {
  return decodeKeepingBom(await bytesOf(countRead(uri)));
}

/** A file's modification time and size as a command read it: replaceText checks these instead of reading the file again. */
export interface FileVersion {
  mtime: number;
  size: number;
}

/**
 * Like currentText, with the file's version, asked for together (one round
 * trip). The version is kept only when its size matches the bytes read, so
 * a file that changed between the two is read again by replaceText.
 */
export async function currentTextAndVersion(uri: vscode.Uri): Promise<{ text: string; version?: FileVersion }> {
  const [stat, bytes] = await Promise.all([statOf(uri).then(undefined, () => undefined), bytesOf(countRead(uri))]);
  const version = stat && stat.size === bytes.byteLength ? { mtime: stat.mtime, size: stat.size } : undefined;
  return { text: decodeKeepingBom(bytes), ...(version ? { version } : {}) };
}

/**
 * What is at `uri`: a file with its text and version, a folder, or nothing
 * (undefined); stat and read are asked together, so a file costs one round trip.
 */
export async function currentFile(uri: vscode.Uri): Promise<{ type: 'file'; text: string; version?: FileVersion } | { type: 'directory' } | undefined> {
  const [stat, bytes] = await Promise.all([
    statOf(uri).then(undefined, (error: unknown) => {
      if (isNotFound(error)) return undefined;
      throw error;
    }),
    bytesOf(countRead(uri)).then(undefined, () => undefined),
  ]);
  if (!stat) return undefined;
  if (stat.type & vscode.FileType.Directory) return { type: 'directory' };
  // Changed between the stat and the read (created, replaced): read it again the plain way.
  if (!bytes) return { type: 'file', text: await currentText(uri) };
  const version = stat.size === bytes.byteLength ? { mtime: stat.mtime, size: stat.size } : undefined;
  return { type: 'file', text: decodeKeepingBom(bytes), ...(version ? { version } : {}) };
}

/** The text on disk now, as replaceText compares it: read only when the file's version is not the one the command read. */
async function textOnDisk(uri: vscode.Uri, expectedOld: string, version: FileVersion | undefined): Promise<string> {
  if (version) {
    const stat = await statOf(uri).then(undefined, () => undefined);
    if (stat && stat.mtime === version.mtime && stat.size === version.size) return expectedOld;
  }
  return decodeKeepingBom(await bytesOf(countRead(uri)));
}


/** Refuses to work from an assessment that has unsaved edits in an editor. */
export function ensureSaved(uri: vscode.Uri): void {
  const doc = openDocument(uri);
  if (doc?.isDirty) {
    const path = vscode.workspace.asRelativePath(uri);
    throw new DeskError('unsaved-document', {
      en: `${path} has unsaved changes. Save or revert it, then run the command again; nothing was changed.`,
      'zh-cn': `${path} 有未保存的修改。请先保存或还原，再重新运行命令；未做任何改动。`,
    });
  }
}

/**
 * Replaces a file's whole text, if it still holds `expectedOld` (with the
 * `version` currentTextAndVersion gave, an unchanged modification time and
 * size say so without reading the file again). When it is
 * open in an editor that shows exactly that text, the change goes through the
 * document (so the editor and its undo stack stay in step) and is saved;
 * otherwise the file is replaced atomically and VS Code reloads any clean editor.
 */
export async function replaceText(uri: vscode.Uri, expectedOld: string, text: string, version?: FileVersion): Promise<void> {
  ensureSaved(uri);
  await assertWritableInside(uri);
  const onDisk = await textOnDisk(uri, expectedOld, version);
  if (onDisk !== expectedOld) throw changedMeanwhile(uri);
  const doc = openDocument(uri);
  if (doc && doc.getText() === withoutBom(onDisk)) {
    const whole = (d: vscode.TextDocument) => new vscode.Range(d.positionAt(0), d.positionAt(d.getText().length));
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, whole(doc), withoutBom(text));
    if (!(await vscode.workspace.applyEdit(edit))) throw changedMeanwhile(uri);
    if (await doc.save()) return;
    // Not saved: put the editor back to the file's text so no half-done change is left behind.
    if (doc.getText() === withoutBom(text)) {
      const back = new vscode.WorkspaceEdit();
      back.replace(uri, whole(doc), withoutBom(onDisk));
      await vscode.workspace.applyEdit(back);
    }
    throw writeFailed(uri, new Error('the editor could not save the file'));
  }
  await writeFileAtomic(uri, text, true);
}

/** Deletes a file this command created, when a later step failed; a failure to delete is logged. */
export async function removeCreated(uri: vscode.Uri): Promise<void> {
  await vscode.workspace.fs.delete(uri).then(undefined, (error: unknown) => {
    log().error(`Could not remove ${uri.toString()} after a failed command`, error instanceof Error ? error : String(error));
  });
}

function changedMeanwhile(uri: vscode.Uri): DeskError {
  const path = vscode.workspace.asRelativePath(uri);
  return new DeskError('unsaved-document', {
    en: `${path} changed while the command ran. Run the command again.`,
    'zh-cn': `${path} 在命令运行期间被修改。请重新运行命令。`,
  });
}
