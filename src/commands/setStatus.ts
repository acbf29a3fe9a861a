import * as vscode from 'vscode';
import { chooseAssessment, type AssessmentRef } from '../assessments';
import { parseCommandArgs } from '../commandArgs';
import { parseAssessment } from '../core/assessment';
import type { RequestStatus } from '../core/schema';
import { REQUEST_STATUSES, setStatusArgsSchema } from '../core/schema';
import { latestQuote, planStatusChange, requestName, quotesLatestFirst, statusChangeProblem, statusLabel } from '../core/status';
import { pickOne } from '../prompts';
import { applyThroughDocument } from '../documentEdits';
import type { RequestIndex } from '../requestIndex';
import { todayIso } from '../today';
import { uiLang } from '../uiLanguage';

export const SET_STATUS_COMMAND = 'customRequest.setStatus';

/** Arguments for `customRequest.setStatus`; a tree node (which carries `assessment`) works too. */
export interface SetStatusArgs {
  assessment?: AssessmentRef;
  /** the new status; default: asked */
  status?: RequestStatus;
  /** with "accepted": the quote number the customer accepted; default: asked when there are several, else the latest */
  acceptedQuote?: string;
  today?: string;
}

export interface SetStatusResult {
  status: RequestStatus;
  acceptedQuote?: string;
}

/**
 * Sets a request's status through its document, so undo works: a document
 * that was saved is saved again, one with unsaved edits keeps them unsaved.
 */
export function setStatus(index: RequestIndex) {
  return async (input: SetStatusArgs | vscode.Uri = {}): Promise<SetStatusResult> => {
    const args = parseCommandArgs(setStatusArgsSchema, input instanceof vscode.Uri ? { assessment: input } : input, SET_STATUS_COMMAND) as SetStatusArgs;
    const title = vscode.l10n.t('Set Status');
    const { uri } = await chooseAssessment(args.assessment, title);
    const doc = await vscode.workspace.openTextDocument(uri);
    const file = vscode.workspace.asRelativePath(uri);
    const { frontMatter: fm } = parseAssessment(doc.getText(), file);
    const lang = uiLang();

    let status = args.status;
    if (!status) {
      const items = REQUEST_STATUSES.map((value) => {
        const problem = statusChangeProblem(fm, value);
        return {
          label: statusLabel(value, lang),
          description: value === fm.status ? vscode.l10n.t('current') : undefined,
          detail: problem?.[lang],
          value,
        };
      });
      status = (await pickOne(items, { title, placeHolder: vscode.l10n.t('New status of {0}', requestName(fm, lang)) })).value;
    }
    let acceptedQuote = args.acceptedQuote;
    if (status === 'accepted' && !acceptedQuote && fm.quotes.length > 1) {
      const latest = latestQuote(fm);
      const items = quotesLatestFirst(fm).map((quote) => ({
        label: quote.number,
        description: quote === latest ? vscode.l10n.t('latest') : undefined,
        detail: quote.date,
        number: quote.number,
      }));
      acceptedQuote = (await pickOne(items, { title, placeHolder: vscode.l10n.t('Which quote did the customer accept?') })).number;
    }

    const before = doc.getText();
    const wasDirty = doc.isDirty;
    const plan = planStatusChange(before, file, status, { today: args.today ?? todayIso(), acceptedQuote });
    await applyThroughDocument(doc, before, wasDirty, plan.edits, {
      en: `${file} changed while its status was being set; nothing was changed. Try again.`,
      'zh-cn': `设置状态时 ${file} 被修改，未做任何改动。请再试一次。`,
    });
    await index.refresh(uri);
    return { status, ...(plan.frontMatter.accepted && status === 'accepted' ? { acceptedQuote: plan.frontMatter.accepted.quote } : {}) };
  };
}
