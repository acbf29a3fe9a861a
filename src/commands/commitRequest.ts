import * as vscode from 'vscode';
import { chooseAssessment, folderRelative, type AssessmentRef } from '../assessments';
import { parseCommandArgs } from '../commandArgs';
import { readSettings } from '../config';
import { parseAssessment } from '../core/assessment';
import { commitRequestArgsSchema, locateFiles, parseStatus, planCommit, proposedMessage, requestFiles, type RequestFile } from '../core/commitPlan';
import { DeskError } from '../core/errors';
import { commitPaths, repositoryFor, statusOf } from '../git';
import { log } from '../log';
import { askText, requiredText } from '../prompts';
import { uiLang } from '../uiLanguage';
import { currentText, ensureSaved } from '../workspaceFs';
import { checkCommitFiles } from './commitChecks';

export const COMMIT_REQUEST_COMMAND = 'customRequest.commitRequest';

/** Arguments for `customRequest.commitRequest`; a tree node (which carries `assessment`) or an assessment's URI works too. */
export interface CommitRequestArgs {
  /** the assessment: URI or path; default: the active editor's, or asked */
  assessment?: AssessmentRef;
  /** the commit message; default: asked, with a proposed message to edit */
  message?: string;
}

export interface CommitRequestResult {
  /** the new commit's id; undefined when the request's files had nothing to commit */
  commit: string | undefined;
  /** the committed files, repository-relative (as `git log --name-only` lists them) */
  files: string[];
  /** the repository's root folder */
  repository: vscode.Uri;
}

/** Shows an information message, and logs it as runCommand logs the errors it shows (tests read it there). */
function inform(message: string): void {
  log().info(`${COMMIT_REQUEST_COMMAND}: shown: ${message}`);
  void vscode.window.showInformationMessage(message);
}

/**
 * The files for a message, each by its whole workspace-relative path
 * (`docs/custom-requests/…/assessment.md, doc/adr/quotes/quote-Q-2026-001-acme.md`):
 * a base name alone would hide which file would be committed.
 */
const shownPaths = (folder: vscode.WorkspaceFolder, files: readonly RequestFile[]) =>
  files.map((file) => vscode.workspace.asRelativePath(vscode.Uri.joinPath(folder.uri, file.path))).join(uiLang() === 'zh-cn' ? '、' : ', ');

/**
 * Commits one request's files, and only them: the assessment, its quotes, its
 * ADR and the register, each only if Git sees a change in it. The user's other
 * staged, unstaged and untracked changes stay exactly as they were.
 */
export function commitRequest() {
  return async (input: CommitRequestArgs | vscode.Uri = {}): Promise<CommitRequestResult> => {
    const args = parseCommandArgs(commitRequestArgsSchema, input instanceof vscode.Uri ? { assessment: input } : input, COMMIT_REQUEST_COMMAND) as CommitRequestArgs;
    const title = vscode.l10n.t('Commit Request');
    const { uri, folder } = await chooseAssessment(args.assessment, title);
    const repo = await repositoryFor(folder, uri);
    const repository = vscode.Uri.file(repo.root);

    ensureSaved(uri);
    const { frontMatter } = parseAssessment(await currentText(uri), vscode.workspace.asRelativePath(uri));
    const settings = readSettings(folder.uri);
    // Refuses a quote or ADR path the front matter names that is not the request's own, before anything is looked at.
    const assessmentPath = folderRelative(folder, uri);
    const files = requestFiles(frontMatter, assessmentPath, settings.assessmentFolder);
    // Git commits what is on disk: an unsaved edit in an editor would be left out without a word.
    for (const file of files) ensureSaved(vscode.Uri.joinPath(folder.uri, file.path));
    const { inside, outside } = locateFiles(files, folder.uri.path, repository.path);
    for (const file of outside) log().warn(`${file.path} is outside the repository ${repo.root}; it is not committed with the request.`);

    const plan = planCommit(inside, parseStatus(await statusOf(repo, inside.map((file) => file.repoPath))));
    if (plan.conflicted.length > 0) {
      const conflicted = plan.conflicted.map((file) => file.repoPath).join(', ');
      throw new DeskError('merge-conflict', {
        en: `${conflicted}: merge conflict. Resolve it and mark it resolved, then commit the request; nothing was committed.`,
        'zh-cn': `${conflicted}：存在合并冲突。请先解决冲突并标记为已解决，再提交此需求；未提交任何内容。`,
      });
    }
    // What is on disk must be what the extension wrote: no link on the way, the quotes recorded, an ADR the ADR lister lists.
    plan.commit = await checkCommitFiles(folder, assessmentPath, frontMatter, settings, plan.commit);
    if (plan.commit.length === 0) {
      inform(vscode.l10n.t('Nothing to commit for this request: its files are already committed.'));
      return { commit: undefined, files: [], repository };
    }

    const paths = plan.commit.map((file) => file.repoPath);
    log().info(`Commit Request in ${repo.root}: ${paths.join(', ')}${plan.unchanged.length ? ` (unchanged: ${plan.unchanged.map((f) => f.repoPath).join(', ')})` : ''}`);
    const message =
      args.message ??
      (await askText({
        title,
        prompt: vscode.l10n.t('Commit message for {0}. Your other changes stay as they are.', shownPaths(folder, plan.commit)),
        value: proposedMessage(frontMatter, plan.commit),
        validate: requiredText(10_000),
      }));
    const commit = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Committing the request…') }, () =>
      commitPaths(repo, paths, message),
    );
    // The Source Control view learns of a commit made outside the Git extension when it next looks: now.
    await repo.repository.status().catch((error: unknown) => log().warn(`Refreshing the Source Control view failed: ${String(error)}`));

    inform(
      outside.length > 0
        ? vscode.l10n.t('Committed the request as {0} ({1}). Not committed, outside this repository: {2}.', commit.slice(0, 7), shownPaths(folder, plan.commit), shownPaths(folder, outside))
        : vscode.l10n.t('Committed the request as {0} ({1}).', commit.slice(0, 7), shownPaths(folder, plan.commit)),
    );
    return { commit, files: paths, repository };
  };
}
