import * as vscode from 'vscode';
import { DeskError } from './core/errors';
import type { DirEntry, ReadFs } from './core/fsPort';
import { basename, dirname, joinPath } from './core/paths';

/**
 * Core's file-system port over `vscode.workspace.fs`, so everything works on
 * remote and virtual workspaces. Paths are the URI paths of one scheme and
 * authority (those of a workspace folder).
 */
export class WorkspaceFs implements ReadFs {
  constructor(private readonly base: vscode.Uri) {}

  uri(path: string): vscode.Uri {
    return this.base.with({ path, query: '', fragment: '' });
  }

  async readFile(path: string): Promise<Uint8Array | undefined> {
    try {
      return await vscode.workspace.fs.readFile(this.uri(path));
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

const encoder = new TextEncoder();

function tempSibling(uri: vscode.Uri): vscode.Uri {
  const name = `.${basename(uri.path)}.crd-${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}.tmp`;
  return uri.with({ path: joinPath(dirname(uri.path), name) });
}

/**
 * Writes `text` to `target` in one step: a temporary sibling is written first
 * and renamed into place, so a crash never leaves a half-written file. With
 * `overwrite: false` an existing file is never replaced (the rename refuses).
 */
export async function writeFileAtomic(target: vscode.Uri, text: string, overwrite: boolean): Promise<void> {
  await vscode.workspace.fs.createDirectory(target.with({ path: dirname(target.path) }));
  const temp = tempSibling(target);
  await vscode.workspace.fs.writeFile(temp, encoder.encode(text));
  try {
    await vscode.workspace.fs.rename(temp, target, { overwrite });
  } catch (error) {
    await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
    if (error instanceof vscode.FileSystemError && (error.code === 'FileExists' || error.code === 'EntryExists')) throw fileExists(target);
    throw error;
  }
}

/** Creates a new file; refuses when one already exists at that path. */
export async function createFile(target: vscode.Uri, text: string): Promise<void> {
  try {
    await vscode.workspace.fs.stat(target);
    throw fileExists(target);
  } catch (error) {
    if (error instanceof DeskError) throw error;
  }
  await writeFileAtomic(target, text, false);
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
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
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
 * Replaces a file's whole text, if it still holds `expectedOld`. When it is
 * open in an editor that shows exactly that text, the change goes through the
 * document (so the editor and its undo stack stay in step) and is saved;
 * otherwise the file is replaced atomically and VS Code reloads any clean editor.
 */
export async function replaceText(uri: vscode.Uri, expectedOld: string, text: string): Promise<void> {
  ensureSaved(uri);
  const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  if (onDisk !== expectedOld) throw changedMeanwhile(uri);
  const doc = openDocument(uri);
  if (doc && doc.getText() === onDisk) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
    if ((await vscode.workspace.applyEdit(edit)) && (await doc.save())) return;
    throw changedMeanwhile(uri);
  }
  await writeFileAtomic(uri, text, true);
}

function changedMeanwhile(uri: vscode.Uri): DeskError {
  const path = vscode.workspace.asRelativePath(uri);
  return new DeskError('unsaved-document', {
    en: `${path} changed while the command ran. Run the command again.`,
    'zh-cn': `${path} 在命令运行期间被修改。请重新运行命令。`,
  });
}
