/**
 * The adapter between Commit Request and Git: the built-in Git extension's API
 * finds the repository, says whether Git is on and where its executable is,
 * and refreshes the Source Control view; the status, staging and commit run
 * that executable directly, because the API has no path-limited commit
 * (`Repository.commit` commits the whole index, the user's unrelated staged
 * files included) and its `add` reads paths as globs.
 */
import nodePath from 'node:path';
import * as vscode from 'vscode';
import { DeskError } from './core/errors';
import type { GitApi, GitExtension, GitRepository } from './gitApi';
import { commitPaths as commitLiteralPaths, type GitWorkTree } from './gitCli';
import { log } from './log';

export { statusOf } from './gitCli';

/** The open repository that holds `file` (in the workspace folder `folder`), with the git executable to run in it. */
export interface OpenRepository extends GitWorkTree {
  repository: GitRepository;
}

function unavailable(en: string, zh: string): DeskError {
  return new DeskError('git-unavailable', { en, 'zh-cn': zh });
}

async function initialized(api: GitApi): Promise<void> {
  if (api.state === 'initialized') return;
  // The first scan of the workspace folders; after 15 s the repositories found so far will do.
  await new Promise<void>((resolve) => {
    const timer = setTimeout(done, 15_000);
    const listener = api.onDidChangeState((state) => state === 'initialized' && done());
    function done() {
      clearTimeout(timer);
      listener.dispose();
      resolve();
    }
  });
}

/** The Git extension's repository for a file, or a DeskError that says plainly why there is none. */
export async function repositoryFor(folder: vscode.WorkspaceFolder, file: vscode.Uri): Promise<OpenRepository> {
  // Committing runs the repository's hooks, which are programs from the folder: never in restricted mode.
  if (!vscode.workspace.isTrusted) {
    throw unavailable(
      'Commit Request runs Git and the repository\'s hooks, so it works only in a trusted workspace. Trust this folder ("Manage Workspace Trust") to use it.',
      '「提交定制需求」会运行 Git 和仓库的钩子，因此只能在受信任的工作区中使用。请先信任此文件夹（“管理工作区信任”）。',
    );
  }
  if (file.scheme !== 'file') {
    throw unavailable(`Commit Request needs a folder on this machine's disk; ${file.toString()} is not one.`, `「提交定制需求」需要本机磁盘上的文件夹；${file.toString()} 不是。`);
  }
  if (vscode.workspace.getConfiguration('git', folder.uri).get<boolean>('enabled') === false) {
    throw unavailable(
      `Git is turned off for ${folder.name} (setting "git.enabled"). Turn it on to commit the request.`,
      `${folder.name} 的 Git 已关闭（设置 "git.enabled"）。请先打开它，再提交此需求。`,
    );
  }
  const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
  if (!extension) {
    throw unavailable(
      'The built-in Git extension is disabled or missing. Enable "Git" (vscode.git) in the Extensions view to commit the request.',
      '内置的 Git 扩展已被禁用或缺失。请在“扩展”视图中启用 “Git”（vscode.git），再提交此需求。',
    );
  }
  const exports = extension.isActive ? extension.exports : await extension.activate();
  // With "git.enabled" on, a disabled extension means it found no git executable.
  if (!exports.enabled) {
    throw unavailable(
      'Git was not found. Install Git, or set "git.path" to its executable, then reload the window.',
      '未找到 Git。请安装 Git，或在设置 "git.path" 中指定其可执行文件，然后重新加载窗口。',
    );
  }
  const api = exports.getAPI(1);
  await initialized(api);
  const repository = api.getRepository(file) ?? (await api.openRepository(folder.uri));
  const root = repository?.rootUri.fsPath;
  // In a multi-root workspace, another folder's repository must not take this file's commit.
  if (!repository || !root || !isWithin(root, file.fsPath)) {
    throw new DeskError('not-a-repository', {
      en: `${folder.name} is not in a Git repository that VS Code has open. Run "git init" there (or "Initialize Repository" in Source Control); if its repository is in a parent folder, open that one in Source Control first.`,
      'zh-cn': `${folder.name} 不在 VS Code 已打开的 Git 仓库中。请在其中运行 "git init"（或在“源代码管理”中选择“初始化仓库”）；如果它的仓库在上级文件夹中，请先在“源代码管理”中打开该仓库。`,
    });
  }
  return { repository, root, gitPath: api.git.path };
}

function isWithin(root: string, path: string): boolean {
  const relative = nodePath.relative(root, path);
  return !nodePath.isAbsolute(relative) && relative.split(nodePath.sep)[0] !== '..';
}

/** Commits exactly `paths` (see gitCli.ts), git's output on a failure going to the log. */
export function commitPaths(repo: OpenRepository, paths: readonly string[], message: string): Promise<string> {
  return commitLiteralPaths(repo, paths, message, (text) => log().warn(text));
}
