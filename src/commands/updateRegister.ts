import * as vscode from 'vscode';
import { parseCommandArgs } from '../commandArgs';
import { DeskError } from '../core/errors';
import type { Lang } from '../core/lang';
import { basename, dirname, isInside, joinPath, relativePath } from '../core/paths';
import { FILE_CONCURRENCY, mapPool } from '../core/pool';
import { registerFileText, renderRegister } from '../core/register';
import { updateRegisterArgsSchema } from '../core/schema';
import { ensureInside } from '../core/workflows';
import { chooseWorkspaceFolder, readAssessmentEntries, type AssessmentEntry } from '../assessments';
import { readSettings } from '../config';
import { log } from '../log';
import { templateSource } from '../templateSource';
import { todayIso } from '../today';
import { uiLang } from '../uiLanguage';
import { createFile, currentFile, ensureSaved, exclusive, replaceText, WorkspaceFs } from '../workspaceFs';

export const UPDATE_REGISTER_COMMAND = 'customRequest.updateRegister';

/** Arguments for `customRequest.updateRegister`. */
export interface UpdateRegisterArgs {
  /** workspace folder name or URI; default: the only one, or asked (one register per folder) */
  workspaceFolder?: string;
  /** open the register in an editor (default true) */
  open?: boolean;
  /** date to judge quote validity by instead of today, YYYY-MM-DD */
  today?: string;
}

export interface UpdateRegisterResult {
  register: vscode.Uri;
  /** false when the file already said exactly this (it was not written) */
  changed: boolean;
  /** requests listed */
  requests: number;
  /** workspace-folder-relative paths of the assessments left out, because they could not be read */
  leftOut: string[];
}

/**
 * The workspace-relative ADR and quote files the assessments link to that
 * exist (the register links only those). Each folder holding linked files is
 * listed once, all folders at once: far fewer round trips than a stat per file.
 */
async function existingLinkedFiles(fs: WorkspaceFs, root: string, entries: AssessmentEntry[]): Promise<Set<string>> {
  const linked = new Set<string>();
  for (const { frontMatter } of entries) {
    if (frontMatter?.adr) linked.add(frontMatter.adr.path);
    for (const quote of frontMatter?.quotes ?? []) linked.add(quote.path);
  }
  const byFolder = new Map<string, string[]>();
  for (const path of linked) {
    const absolute = joinPath(root, path);
    if (!isInside(root, absolute) || absolute === joinPath(root)) continue;
    const folder = dirname(absolute);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), absolute]);
  }
  const existing = new Set<string>();
  await mapPool([...byFolder], FILE_CONCURRENCY, async ([folder, files]) => {
    const names = new Set((await fs.readDirectory(folder).catch(() => [])).filter((entry) => entry.type === 'file').map((entry) => entry.name));
    for (const file of files) if (names.has(basename(file))) existing.add(relativePath(root, file));
  });
  return existing;
}

/** Writes the register when its text changes; true when it did. One writer at a time, so two refreshes never interleave. */
async function writeRegister(fs: WorkspaceFs, path: string, content: string): Promise<boolean> {
  const uri = fs.uri(path);
  return exclusive(async () => {
    for (let attempt = 0; ; attempt++) {
      ensureSaved(uri);
      const current = await currentFile(uri);
      if (current?.type === 'directory') {
        const shown = vscode.workspace.asRelativePath(uri);
        throw new DeskError('file-exists', {
          en: `${shown} is a folder, so the register cannot be written there. Nothing was changed.`,
          'zh-cn': `${shown} 是一个文件夹，无法在此写入登记表。未做任何改动。`,
        });
      }
      if (current?.type === 'file') {
        const before = current.text;
        const after = registerFileText(before, content);
        if (after === before) return false;
        await replaceText(uri, before, after, current.version);
        return true;
      }
      try {
        await createFile(uri, registerFileText(undefined, content));
        return true;
      } catch (error) {
        // Someone created it meanwhile: read it and keep its text around the block.
        if (attempt < 2 && error instanceof DeskError && error.code === 'file-exists') continue;
        throw error;
      }
    }
  });
}

export function updateRegister(extensionUri: vscode.Uri) {
  return async (input: UpdateRegisterArgs = {}): Promise<UpdateRegisterResult> => {
    const args = parseCommandArgs(updateRegisterArgsSchema, input, UPDATE_REGISTER_COMMAND) as UpdateRegisterArgs;
    const folder = await chooseWorkspaceFolder(args.workspaceFolder);
    const settings = readSettings(folder.uri);
    const fs = new WorkspaceFs(folder.uri);
    const root = folder.uri.path;
    const path = joinPath(root, settings.assessmentFolder, 'README.md');
    ensureInside(root, path);
    const lang: Lang = settings.defaultLanguage === 'auto' ? uiLang() : settings.defaultLanguage;

    const entries = await readAssessmentEntries(folder);
    const existing = await existingLinkedFiles(fs, root, entries);
    const { content, view } = await renderRegister(templateSource(extensionUri, folder.uri, settings.templatesFolder), {
      entries,
      registerPath: relativePath(root, path),
      lang,
      today: args.today ?? todayIso(),
      quoteValidityDays: settings.quoteValidityDays,
      exists: (file) => existing.has(file),
      estimateDefaults: settings,
    });
    const changed = await writeRegister(fs, path, content);
    const register = fs.uri(path);
    const leftOut = view.leftOut.map((entry) => entry.path);
    for (const entry of view.leftOut) log().warn(`Register: left out ${entry.path}: ${entry.problem}`);

    if (args.open !== false) await vscode.window.showTextDocument(register, { preview: false });
    const shown = vscode.workspace.asRelativePath(register);
    const summary = changed
      ? vscode.l10n.t('Register {0} updated: {1} requests.', shown, view.rows.length)
      : vscode.l10n.t('Register {0} is up to date: {1} requests.', shown, view.rows.length);
    if (leftOut.length > 0) void vscode.window.showWarningMessage(`${summary} ${vscode.l10n.t('{0} assessments could not be read and were left out; the register names them.', leftOut.length)}`);
    else void vscode.window.showInformationMessage(summary);
    return { register, changed, requests: view.rows.length, leftOut };
  };
}
