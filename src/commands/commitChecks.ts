/**
 * What Commit Request checks on disk before Git is given a request's files
 * (requestFiles checked the paths as written): no symbolic link on the way to
 * any of them, each quote is the quote the assessment records, a changed ADR
 * is one the ADR lister lists, and the register is one Update Register wrote.
 */
import { realpath } from 'node:fs/promises';
import nodePath from 'node:path';
import * as vscode from 'vscode';
import { findAdrFolders } from '../core/adr';
import type { CommitFile } from '../core/commitPlan';
import { DeskError } from '../core/errors';
import type { Bilingual } from '../core/lang';
import { joinPath } from '../core/paths';
import { adrFolderProblem, foreignFileError, isRegisterText, quoteTextProblem } from '../core/requestPaths';
import type { AssessmentFrontMatter, Settings } from '../core/schema';
import { log } from '../log';
import { currentText, WorkspaceFs } from '../workspaceFs';

/** The front-matter field that names a quote or the ADR, as a message names it. */
function fieldOf(file: CommitFile, frontMatter: Pick<AssessmentFrontMatter, 'quotes'>): string {
  return file.role === 'adr' ? 'adr.path' : `quotes[${frontMatter.quotes.findIndex((quote) => quote.path === file.path)}].path`;
}

/** Case is not told apart by the default file systems of macOS and Windows. */
const sameFile = (a: string, b: string) => (process.platform === 'darwin' || process.platform === 'win32' ? a.toLowerCase() === b.toLowerCase() : a === b);

/** The file's real path when a symbolic link lies on the way to it from the workspace folder (the file itself included); undefined otherwise. */
async function linkedRealPath(realRoot: string, root: string, path: string): Promise<string | undefined> {
  const parts = path.split('/');
  const real = await realpath(nodePath.join(root, ...parts)).catch(() => undefined);
  // Gone since Git looked: Git says so itself when it is given the path.
  if (real === undefined) return undefined;
  return sameFile(real, nodePath.join(realRoot, ...parts)) ? undefined : real;
}

/**
 * Checks the files Commit Request is about to commit (`files`, all of them
 * with changes, in the workspace folder `folder` on this machine's disk) and
 * returns those to commit: all of them, but a register without the register
 * block, which is the user's own README.md. Throws a DeskError naming the
 * field and the file for anything else that is not the request's.
 */
export async function checkCommitFiles(
  folder: vscode.WorkspaceFolder,
  assessmentPath: string,
  frontMatter: Pick<AssessmentFrontMatter, 'quotes'>,
  settings: Pick<Settings, 'adrDirectory' | 'assessmentFolder'>,
  files: readonly CommitFile[],
): Promise<CommitFile[]> {
  const refuse = (file: CommitFile, why: Bilingual): DeskError =>
    file.role === 'quote' || file.role === 'adr'
      ? foreignFileError(assessmentPath, fieldOf(file, frontMatter), file.path, why)
      : new DeskError('outside-workspace', {
          en: `${file.path}: ${why.en}. Commit Request commits only files it wrote; nothing was committed.`,
          'zh-cn': `${file.path}：${why['zh-cn']}。「提交定制需求」只提交它自己写的文件；未提交任何内容。`,
        });

  // Git commits a link as a link, and refuses a path below one: either way not a file the extension wrote.
  const root = folder.uri.fsPath;
  const realRoot = await realpath(root).catch(() => root);
  for (const file of files) {
    const real = await linkedRealPath(realRoot, root, file.path);
    if (real !== undefined) throw refuse(file, { en: `it is a symbolic link or lies below one (its real path is ${real})`, 'zh-cn': `它是符号链接或位于符号链接之下（其真实路径为 ${real}）` });
  }

  const kept: CommitFile[] = [];
  for (const file of files) {
    const uri = vscode.Uri.joinPath(folder.uri, file.path);
    if (file.role === 'quote' && file.quote) {
      const why = quoteTextProblem(await currentText(uri), file.quote.number);
      if (why) throw refuse(file, why);
    } else if (file.role === 'adr') {
      // Only for an ADR with changes (just created, or edited): an ADR the request links to is committed already.
      const folders = await findAdrFolders(new WorkspaceFs(folder.uri), folder.uri.path, {
        configured: settings.adrDirectory,
        skip: [joinPath(folder.uri.path, settings.assessmentFolder)],
      });
      const why = adrFolderProblem(uri.path, folders, folder.uri.path);
      if (why) throw refuse(file, why);
    } else if (file.role === 'register' && !isRegisterText(await currentText(uri))) {
      log().info(`${file.path} has no register block: it is the user's own file, not committed with the request.`);
      continue;
    }
    kept.push(file);
  }
  return kept;
}
