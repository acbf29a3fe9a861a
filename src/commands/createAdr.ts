import * as vscode from 'vscode';
import { parseCommandArgs } from '../commandArgs';
import { createAdrArgsSchema } from '../core/schema';
import type { AdrFolder } from '../core/adr';
import { findAdrFolders, listAdrs, nextAdrNumber } from '../core/adr';
import { parseAssessment } from '../core/assessment';
import { joinPath, relativePath } from '../core/paths';
import type { NewAdrFormat } from '../core/adrPlan';
import { assertNoRelatedAdr, planNewAdr } from '../core/adrPlan';
import { chooseAssessment, type AssessmentRef } from '../assessments';
import { readSettings } from '../config';
import { askText, pickOne, requiredText } from '../prompts';
import { templateSource } from '../templateSource';
import { todayIso } from '../today';
import { createFile, currentText, ensureSaved, exclusive, removeCreated, replaceText, WorkspaceFs } from '../workspaceFs';

export const CREATE_ADR_COMMAND = 'customRequest.createAdr';

/** Arguments for `customRequest.createAdr`; anything left out is asked for or defaulted. */
export interface CreateAdrArgs {
  /** the assessment: URI or path; default: the active editor's, or asked */
  assessment?: AssessmentRef;
  /** ADR title; default: asked, prefilled from the request */
  title?: string;
  /** ADR folder relative to the workspace folder; default: the discovered one, asked when there are several */
  adrFolder?: string;
  /** default: the `customRequest.newAdrFormat` setting */
  format?: 'madr' | 'nygard';
  /** open the new ADR (default true) */
  open?: boolean;
  /** date to write instead of today, YYYY-MM-DD */
  today?: string;
}

/** The folder used when a workspace folder has no ADRs yet: MADR's convention. */
const DEFAULT_ADR_FOLDER = 'docs/decisions';

function formatFor(folder: AdrFolder | undefined, setting: 'auto' | 'madr' | 'nygard', explicit?: 'madr' | 'nygard'): NewAdrFormat {
  const chosen = explicit ?? (setting === 'auto' ? undefined : setting);
  const log4brains = folder?.readBy.includes('log4brains') ?? false;
  if (chosen) return chosen === 'madr' && log4brains ? 'log4brains' : chosen;
  if (folder?.readBy.includes('adr-tools')) return 'nygard';
  return log4brains ? 'log4brains' : 'madr';
}

/**
 * Writes a new ADR for an assessment and links it both ways; shared by this
 * command and New Assessment's "Create a new ADR". Returns the ADR's URI.
 */
export async function createAdrFor(
  extensionUri: vscode.Uri,
  args: { assessment: vscode.Uri; folder: vscode.WorkspaceFolder; title?: string; adrFolder?: string; format?: 'madr' | 'nygard'; today?: string },
): Promise<vscode.Uri> {
  const { folder } = args;
  const settings = readSettings(folder.uri);
  const fs = new WorkspaceFs(folder.uri);
  ensureSaved(args.assessment);
  const text = await currentText(args.assessment);
  const file = vscode.workspace.asRelativePath(args.assessment);
  const { frontMatter } = parseAssessment(text, file);
  assertNoRelatedAdr(frontMatter, file);

  // Only the folders are needed here; the chosen folder's ADRs are read below, once.
  const folders = await findAdrFolders(fs, folder.uri.path, { configured: settings.adrDirectory });
  let adrFolder: AdrFolder | undefined;
  let adrFolderPath: string;
  if (args.adrFolder) {
    adrFolderPath = joinPath(folder.uri.path, args.adrFolder);
    adrFolder = folders.find((f) => f.path === adrFolderPath);
  } else if (folders.length === 0) {
    adrFolderPath = joinPath(folder.uri.path, settings.adrDirectory[0] ?? DEFAULT_ADR_FOLDER);
  } else if (folders.length === 1) {
    adrFolder = folders[0];
    adrFolderPath = adrFolder.path;
  } else {
    const picked = await pickOne(
      folders.map((f) => ({ label: relativePath(folder.uri.path, f.path), description: f.packageName ?? f.kind, detail: f.source, folder: f })),
      { title: vscode.l10n.t('Create ADR'), placeHolder: vscode.l10n.t('Which ADR folder?') },
    );
    adrFolder = picked.folder;
    adrFolderPath = adrFolder.path;
  }
  const format = formatFor(adrFolder, settings.newAdrFormat, args.format);
  const title =
    args.title?.trim() ||
    (await askText({
      title: vscode.l10n.t('Create ADR'),
      prompt: vscode.l10n.t('ADR title'),
      value: frontMatter.language === 'zh-cn' ? `定制需求：${frontMatter.title}（${frontMatter.customer}）` : `Custom request: ${frontMatter.title} (${frontMatter.customer})`,
      validate: requiredText(200),
    }));

  // Numbering and writing run one command at a time, so two ADRs started together never get the same number.
  return exclusive(async () => {
    const existing = await listAdrs(fs, adrFolder ?? adrFolderPath);
    const plan = await planNewAdr({
      root: folder.uri.path,
      assessmentPath: args.assessment.path,
      assessmentText: text,
      adrFolder: adrFolderPath,
      format,
      nextNumber: nextAdrNumber(existing),
      title,
      exists: (path) => fs.exists(path),
      templates: templateSource(extensionUri, folder.uri, settings.templatesFolder),
      today: args.today ?? todayIso(),
      settings,
    });
    const adrUri = fs.uri(plan.file.path);
    await createFile(adrUri, plan.file.text);
    // Both files change or neither: when the assessment cannot record the ADR, the ADR goes again.
    try {
      await replaceText(args.assessment, text, plan.assessmentText);
    } catch (error) {
      await removeCreated(adrUri);
      throw error;
    }
    return adrUri;
  });
}

export function createAdr(extensionUri: vscode.Uri) {
  return async (input: CreateAdrArgs = {}): Promise<{ adr: vscode.Uri }> => {
    const args = parseCommandArgs(createAdrArgsSchema, input, CREATE_ADR_COMMAND) as CreateAdrArgs;
    const { uri, folder } = await chooseAssessment(args.assessment, vscode.l10n.t('Create ADR'));
    const adr = await createAdrFor(extensionUri, { assessment: uri, folder, title: args.title, adrFolder: args.adrFolder, format: args.format, today: args.today });
    if (args.open !== false) await vscode.window.showTextDocument(adr, { preview: false });
    return { adr };
  };
}
