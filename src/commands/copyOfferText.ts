import * as vscode from 'vscode';
import { uriFromRef, type AssessmentRef } from '../assessments';
import { parseCommandArgs } from '../commandArgs';
import { parseAssessment } from '../core/assessment';
import { DeskError } from '../core/errors';
import { toMinor } from '../core/money';
import { offerText, type OfferContext } from '../core/offerText';
import { isInside, joinPath, relativePath } from '../core/paths';
import { copyOfferTextArgsSchema, looksLikeQuote, parseQuoteFile } from '../core/quoteFile';
import type { AssessmentFrontMatter } from '../core/schema';
import { latestQuote, requestName } from '../core/status';
import { log } from '../log';
import { pickOne } from '../prompts';
import type { RequestIndex } from '../requestIndex';
import { uiLang } from '../uiLanguage';
import { currentText, WorkspaceFs } from '../workspaceFs';

export const COPY_OFFER_TEXT_COMMAND = 'customRequest.copyOfferText';

/** Arguments for `customRequest.copyOfferText`; a request's node in the Custom Requests tree (which carries `assessment`) works too. */
export interface CopyOfferTextArgs {
  /** the request's assessment: URI or path; default: the active assessment or quote editor's, or asked */
  assessment?: AssessmentRef;
}

export interface CopyOfferTextResult {
  /** what went to the clipboard */
  text: string;
  /** the quote whose figures it gives */
  quote: string;
}

function folderOf(uri: vscode.Uri): vscode.WorkspaceFolder {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) throw new DeskError('outside-workspace', { en: `${uri.fsPath} is not inside an open workspace folder.`, 'zh-cn': `${uri.fsPath} 不在已打开的工作区文件夹中。` });
  return folder;
}

/** A quote's assessment, from the quote's front matter. */
function assessmentOfQuote(quoteUri: vscode.Uri, text: string): vscode.Uri {
  const folder = folderOf(quoteUri);
  const file = relativePath(folder.uri.path, quoteUri.path);
  const { quote } = parseQuoteFile(text, file);
  const path = quote.assessment && joinPath(folder.uri.path, quote.assessment);
  if (!path || !isInside(folder.uri.path, path)) {
    throw new DeskError('invalid-front-matter', {
      en: `${file} does not name its assessment (field "assessment"), so its request is not known.`,
      'zh-cn': `${file} 没有注明对应的评估（字段 "assessment"），无法确定所属需求。`,
    });
  }
  return new WorkspaceFs(folder.uri).uri(path);
}

/** The request: given (an assessment, or a quote), the active assessment or quote editor's, or picked among the requests that have a quote (from the request index). */
async function chooseRequest(ref: AssessmentRef | undefined, index: RequestIndex): Promise<vscode.Uri> {
  if (ref !== undefined) {
    const uri = uriFromRef(ref);
    if (/\/quote-[^/]*\.md$/i.test(uri.path)) {
      const text = await currentText(uri);
      if (looksLikeQuote(text)) return assessmentOfQuote(uri, text);
    }
    return uri;
  }
  const active = vscode.window.activeTextEditor?.document;
  if (active?.languageId === 'markdown') {
    const text = active.getText();
    if (looksLikeQuote(text)) return assessmentOfQuote(active.uri, text);
    if (/^kind: custom-request-assessment\s*$/m.test(text.slice(0, 2000))) return active.uri;
  }
  const lang = uiLang();
  const quoted = (await index.all()).flatMap((entry) => {
    const latest = entry.frontMatter && latestQuote(entry.frontMatter);
    return entry.frontMatter && latest ? [{ uri: entry.uri, fm: entry.frontMatter, latest: latest.number }] : [];
  });
  if (quoted.length === 0) {
    throw new DeskError('invalid-input', {
      en: 'No request in this workspace has a quote yet. Generate one with "Custom Request: Generate Quote" first.',
      'zh-cn': '此工作区中还没有任何需求生成过报价单。请先用“生成报价单”命令生成。',
    });
  }
  const picked = await pickOne(
    quoted.map((a) => ({ label: requestName(a.fm, lang), description: a.latest, detail: vscode.workspace.asRelativePath(a.uri), uri: a.uri })),
    { title: vscode.l10n.t('Copy Offer Text'), placeHolder: vscode.l10n.t('Which request?') },
  );
  return picked.uri;
}

/** The standard path from the request's estimate, in the quote's currency (left out when the estimate is in another). */
function standardPath(fm: AssessmentFrontMatter, currency: string): OfferContext {
  const standard = fm.estimate?.standard;
  if (!standard) return {};
  if (fm.estimate?.currency !== currency) return { standardDays: standard.days };
  return { standardDays: standard.days, standardFeeMinor: toMinor(standard.fee, currency) };
}

export function copyOfferText(index: RequestIndex) {
  return async (input: CopyOfferTextArgs | vscode.Uri = {}): Promise<CopyOfferTextResult> => {
    const args = parseCommandArgs(copyOfferTextArgsSchema, input instanceof vscode.Uri ? { assessment: input } : input, COPY_OFFER_TEXT_COMMAND) as CopyOfferTextArgs;
    const uri = await chooseRequest(args.assessment, index);
    const folder = folderOf(uri);
    const file = relativePath(folder.uri.path, uri.path);
    const { frontMatter: fm } = parseAssessment(await currentText(uri), file);
    const latest = latestQuote(fm);
    if (!latest) {
      throw new DeskError('invalid-input', {
        en: `${requestName(fm, 'en')} has no quote yet. Generate one with "Custom Request: Generate Quote" first.`,
        'zh-cn': `${requestName(fm, 'zh-cn')} 还没有报价单。请先用“生成报价单”命令生成。`,
      });
    }
    const quotePath = joinPath(folder.uri.path, latest.path);
    const bytes = isInside(folder.uri.path, quotePath) ? await new WorkspaceFs(folder.uri).readFile(quotePath) : undefined;
    if (!bytes) {
      throw new DeskError('invalid-input', {
        en: `The latest quote ${latest.number} of ${requestName(fm, 'en')} is recorded as ${latest.path}, but that file is not there. Nothing was copied.`,
        'zh-cn': `${requestName(fm, 'zh-cn')} 的最新报价单 ${latest.number} 记录在 ${latest.path}，但该文件不存在。未复制任何内容。`,
      });
    }
    const { quote } = parseQuoteFile(new TextDecoder().decode(bytes), latest.path);
    const text = offerText(quote, fm.language, standardPath(fm, quote.currency));
    await vscode.env.clipboard.writeText(text);
    const message = vscode.l10n.t('Offer text with the figures of quote {0} copied to the clipboard.', quote.number);
    log().info(`${COPY_OFFER_TEXT_COMMAND}: shown: ${message}`);
    void vscode.window.showInformationMessage(message);
    return { text, quote: quote.number };
  };
}
