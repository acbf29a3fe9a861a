import * as vscode from 'vscode';
import { requestName } from './core/status';
import { uiLang } from './uiLanguage';
import { splitFrontMatter } from './core/assessment';
import { groupByTag } from './core/capabilities';
import { DeskError } from './core/errors';
import type { Bilingual } from './core/lang';
import { joinPath, relativePath } from './core/paths';
import { readAssessmentFrontMatter } from './core/fastFrontMatter';
import { FrontMatterCache } from './core/frontMatterCache';
import { quoteNumberFromFileName, formatQuoteNumber } from './core/quote';
import type { AssessmentFrontMatter } from './core/schema';
import { ASSESSMENT_KIND } from './core/schema';
import { readAssessmentTexts } from './assessmentFiles';
import { readSettings } from './config';
import { log } from './log';
import { pickOne } from './prompts';
import type { RequestIndex } from './requestIndex';

/** Parsed front matter of every assessment read so far (the tree's index, the register, the form's list), by file and text. */
export const frontMatters = new FrontMatterCache(readAssessmentFrontMatter);

/** A way to name an assessment in a command's arguments: a URI, or a path (absolute, or relative to a workspace folder). */
export type AssessmentRef = vscode.Uri | string;

/** The workspace folder a command works in: the named one, the only one, or one the user picks. */
export async function chooseWorkspaceFolder(nameOrUri?: string): Promise<vscode.WorkspaceFolder> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    throw new DeskError('no-workspace', {
      en: 'Open a folder or workspace first: assessments and quotes are written into the repository.',
      'zh-cn': '请先打开一个文件夹或工作区：评估和报价单会写入代码仓库。',
    });
  }
  if (nameOrUri) {
    const found = folders.find((f) => f.name === nameOrUri || f.uri.toString() === nameOrUri || f.uri.fsPath === nameOrUri);
    if (!found) {
      throw new DeskError('invalid-input', {
        en: `There is no workspace folder named "${nameOrUri}".`,
        'zh-cn': `没有名为 "${nameOrUri}" 的工作区文件夹。`,
      });
    }
    return found;
  }
  if (folders.length === 1) return folders[0];
  const active = vscode.window.activeTextEditor?.document.uri;
  const items = folders.map((folder) => ({ label: folder.name, description: folder.uri.fsPath, folder }));
  const activeFolder = active && vscode.workspace.getWorkspaceFolder(active);
  if (activeFolder) items.sort((a, b) => Number(b.folder === activeFolder) - Number(a.folder === activeFolder));
  const picked = await pickOne(items, { title: vscode.l10n.t('Custom Request'), placeHolder: vscode.l10n.t('Which workspace folder?') });
  return picked.folder;
}

/** A URI, an absolute path, or a path relative to the first workspace folder, as a URI. */
export function uriFromRef(ref: AssessmentRef): vscode.Uri {
  if (ref instanceof vscode.Uri) return ref;
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(ref)) return vscode.Uri.parse(ref);
  if (ref.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(ref)) return vscode.Uri.file(ref);
  // A relative path is relative to the first workspace folder.
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    throw new DeskError('no-workspace', {
      en: `Open the workspace folder that holds ${ref} first.`,
      'zh-cn': `请先打开包含 ${ref} 的工作区文件夹。`,
    });
  }
  return vscode.Uri.joinPath(folder.uri, ref);
}

export interface FoundAssessment {
  uri: vscode.Uri;
  folder: vscode.WorkspaceFolder;
  customer: string;
  title: string;
  status: string;
  /** numbers of the quotes recorded in it */
  quoteNumbers: string[];
  /** its capability tags, as written */
  capabilities: string[];
}

/** Every readable assessment under each workspace folder's assessment folder (one level of request folders), read all at once. */
export async function findAssessments(): Promise<FoundAssessment[]> {
  const perFolder = await Promise.all(
    (vscode.workspace.workspaceFolders ?? []).map(async (folder) =>
      // A broken assessment is reported when it is used, not while listing.
      (await readAssessmentEntries(folder)).flatMap(({ uri, frontMatter: fm }) =>
        fm ? [{ uri, folder, customer: fm.customer, title: fm.title, status: fm.status, quoteNumbers: fm.quotes.map((q) => q.number), capabilities: fm.capabilities }] : [],
      ),
    ),
  );
  return perFolder.flat();
}

/** An assessment of one workspace folder as its file says on disk: parsed, or why it could not be (see readAssessmentEntries). */
export interface AssessmentEntry {
  uri: vscode.Uri;
  /** workspace-folder-relative path */
  path: string;
  frontMatter?: AssessmentFrontMatter;
  /** why it could not be read; set when `frontMatter` is not */
  problem?: Bilingual;
}

/**
 * Every `<assessmentFolder>/<request>/assessment.md` of a workspace folder,
 * broken ones included with their problem (findAssessments skips those).
 * Reads the files on disk, not unsaved editors.
 */
export async function readAssessmentEntries(folder: vscode.WorkspaceFolder): Promise<AssessmentEntry[]> {
  const entries: AssessmentEntry[] = [];
  await readAssessmentTexts(folder, joinPath(folder.uri.path, readSettings(folder.uri).assessmentFolder), ({ uri, path, text, error }) => {
    try {
      if (text === undefined) throw error;
      entries.push({ uri, path, frontMatter: frontMatters.frontMatter(uri.toString(), path, text) });
    } catch (failure) {
      // One unreadable file must not stop the others: it is reported with its problem.
      if (!(failure instanceof DeskError)) log().error(`Could not read ${path}`, failure instanceof Error ? failure : String(failure));
      const problem = failure instanceof DeskError ? failure.text : { en: `${path} could not be read; the log has the details.`, 'zh-cn': `无法读取 ${path}，详情请查看日志。` };
      entries.push({ uri, path, problem });
    }
  });
  return entries;
}

/**
 * The capability tags used by the workspace's assessments (every folder), most
 * customers first: what New Assessment and the estimate form offer to pick.
 */
export async function usedCapabilities(): Promise<{ tag: string; customers: string[]; requests: number }[]> {
  const requests = (await findAssessments()).map((found) => ({ customer: found.customer, capabilities: found.capabilities }));
  return groupByTag(requests).map((use) => ({ tag: use.tag, customers: use.customers, requests: use.requests.length }));
}

function looksLikeAssessment(doc: vscode.TextDocument): boolean {
  return doc.languageId === 'markdown' && (splitFrontMatter(doc.getText())?.yaml.includes(ASSESSMENT_KIND) ?? false);
}

/** The assessment a command is about: given, the active editor's, or picked from the workspace. */
export async function chooseAssessment(ref: AssessmentRef | undefined, purpose: string): Promise<{ uri: vscode.Uri; folder: vscode.WorkspaceFolder }> {
  const withFolder = (uri: vscode.Uri) => {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) {
      throw new DeskError('outside-workspace', {
        en: `${uri.fsPath} is not inside an open workspace folder.`,
        'zh-cn': `${uri.fsPath} 不在已打开的工作区文件夹中。`,
      });
    }
    return { uri, folder };
  };
  if (ref !== undefined) return withFolder(uriFromRef(ref));
  const active = vscode.window.activeTextEditor?.document;
  if (active && looksLikeAssessment(active)) return withFolder(active.uri);
  const all = await findAssessments();
  if (all.length === 0) {
    throw new DeskError('not-an-assessment', {
      en: 'There is no assessment in this workspace yet. Create one with "Custom Request: New Assessment".',
      'zh-cn': '此工作区还没有评估。请用“新建评估”命令新建一个。',
    });
  }
  const picked = await pickOne(
    all.map((a) => ({ label: requestName(a, uiLang()), description: a.status, detail: vscode.workspace.asRelativePath(a.uri), assessment: a })),
    { title: purpose, placeHolder: vscode.l10n.t('Which assessment?') },
  );
  return { uri: picked.assessment.uri, folder: picked.assessment.folder };
}

/**
 * Every quote number used anywhere in the workspace: recorded in assessments
 * and found in quote file names, so a new number never repeats one. With the
 * Custom Requests index, the recorded numbers come from its parsed
 * assessments (read once, then kept current) instead of reading every file,
 * and the quote file names from its watched file search.
 */
export async function workspaceQuoteNumbers(index?: RequestIndex): Promise<string[]> {
  const recorded = index
    ? index.all().then((entries) => entries.flatMap((entry) => entry.frontMatter?.quotes.map((quote) => quote.number) ?? []))
    : findAssessments().then((found) => found.flatMap((assessment) => assessment.quoteNumbers));
  const named = index ? index.quoteFileNumbers() : quoteFileNumbers();
  // No cap on either: a number missed here could be issued twice.
  const [fromAssessments, fromFiles] = await Promise.all([recorded, named]);
  return [...new Set([...fromAssessments, ...fromFiles, ...issued])];
}

/** Quote numbers in the names of the workspace's quote files, by one file search (the index keeps these current instead). */
function quoteFileNumbers(): Promise<string[]> {
  return Promise.resolve(vscode.workspace.findFiles('**/quote-Q-*.md', '**/node_modules/**')).then(
    (files) => files.flatMap((file) => {
      const number = quoteNumberFromFileName(file.path.slice(file.path.lastIndexOf('/') + 1));
      return number ? [formatQuoteNumber(number)] : [];
    }),
    // Virtual workspaces may not support file search; the assessments' records still count.
    () => [] as string[],
  );
}

/** Quote numbers this window has issued: taken even before the file search or the index sees their files. */
const issued = new Set<string>();

export function noteIssuedQuoteNumber(number: string): void {
  issued.add(number);
}

export function issuedQuoteNumbers(): string[] {
  return [...issued];
}

/** Workspace-folder-relative path, with `/`. */
export function folderRelative(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string {
  return relativePath(folder.uri.path, uri.path);
}
