import * as vscode from 'vscode';
import { uriFromRef, type AssessmentRef } from '../assessments';
import { parseCommandArgs } from '../commandArgs';
import { parseAssessment } from '../core/assessment';
import { CancelledError, DeskError } from '../core/errors';
import { exportPath, quoteHtmlDocument, type InlineLogo } from '../core/exportHtml';
import type { Lang } from '../core/lang';
import { isInside, joinPath, relativePath } from '../core/paths';
import { exportQuoteArgsSchema, looksLikeQuote, parseQuoteFile, quoteLanguage, type QuoteFile } from '../core/quoteFile';
import { quotesLatestFirst, requestName } from '../core/status';
import { log } from '../log';
import { pickOne } from '../prompts';
import type { RequestIndex } from '../requestIndex';
import { uiLang } from '../uiLanguage';
import { createFile, currentText, ensureSaved, exclusive, WorkspaceFs, writeFileAtomic } from '../workspaceFs';
import { readLogo } from '../supplierLogo';
import { readSettings } from '../config';

export const EXPORT_QUOTE_COMMAND = 'customRequest.exportQuote';

/** Arguments for `customRequest.exportQuote`; a quote's URI (the editor title button) or its node in the Custom Requests tree work too. */
export interface ExportQuoteArgs {
  /** the quote file: URI or path; default: the active editor's, or asked */
  quote?: AssessmentRef;
  /**
   * When the .html exists with other content: true replaces it, false leaves
   * it and stops with a message; default: asked (modal).
   */
  replace?: boolean;
}

export interface ExportQuoteResult {
  /** the HTML page */
  html: vscode.Uri;
  number: string;
  /** false when an identical export was already there */
  written: boolean;
}

/** A quote named by the command's argument, or undefined to choose one. */
function quoteRef(input: unknown): { ref?: AssessmentRef; replace?: boolean } {
  if (input instanceof vscode.Uri) return { ref: input };
  if (input && typeof input === 'object' && (input as { nodeKind?: unknown }).nodeKind === 'file') return { ref: (input as { uri: vscode.Uri }).uri };
  const args = parseCommandArgs(exportQuoteArgsSchema, input, EXPORT_QUOTE_COMMAND) as ExportQuoteArgs;
  return { ref: args.quote, replace: args.replace };
}

/** The quote to export: given, the active editor's, or picked from every request's quotes (latest first, from the request index). */
async function chooseQuote(ref: AssessmentRef | undefined, index: RequestIndex): Promise<vscode.Uri> {
  if (ref !== undefined) return uriFromRef(ref);
  const active = vscode.window.activeTextEditor?.document;
  if (active && active.languageId === 'markdown' && looksLikeQuote(active.getText())) return active.uri;
  const lang = uiLang();
  const items: (vscode.QuickPickItem & { uri: vscode.Uri })[] = [];
  for (const entry of await index.all()) {
    if (!entry.frontMatter) continue;
    for (const q of quotesLatestFirst(entry.frontMatter)) {
      const uri = new WorkspaceFs(entry.folder.uri).uri(joinPath(entry.folder.uri.path, q.path));
      items.push({ label: q.number, description: requestName(entry.frontMatter, lang), detail: vscode.workspace.asRelativePath(uri), uri });
    }
  }
  if (items.length === 0) {
    throw new DeskError('invalid-input', {
      en: 'There is no quote in this workspace yet. Generate one with "Custom Request: Generate Quote".',
      'zh-cn': '此工作区还没有报价单。请先用“生成报价单”命令生成一份。',
    });
  }
  return (await pickOne(items, { title: vscode.l10n.t('Export Quote'), placeHolder: vscode.l10n.t('Which quote?') })).uri;
}

/** The quote's language: its own record, its assessment's, or a guess from its text. */
async function languageOf(folder: vscode.WorkspaceFolder, quote: QuoteFile, body: string): Promise<Lang> {
  if (quote.language || !quote.assessment) return quoteLanguage(quote, body);
  const path = joinPath(folder.uri.path, quote.assessment);
  if (!isInside(folder.uri.path, path)) return quoteLanguage(quote, body);
  try {
    const bytes = await new WorkspaceFs(folder.uri).readFile(path);
    if (bytes) return quoteLanguage(quote, body, parseAssessment(new TextDecoder().decode(bytes), quote.assessment).frontMatter.language);
  } catch (error) {
    log().warn(`${EXPORT_QUOTE_COMMAND}: the assessment ${quote.assessment} could not be read (${error instanceof Error ? error.message : String(error)}); the language is taken from the quote's text.`);
  }
  return quoteLanguage(quote, body);
}

async function render(markdown: string, file: string): Promise<string> {
  let html: unknown;
  try {
    html = await vscode.commands.executeCommand('markdown.api.render', markdown);
  } catch (error) {
    log().error(`${EXPORT_QUOTE_COMMAND}: markdown.api.render failed`, error instanceof Error ? error : String(error));
  }
  if (typeof html !== 'string') {
    throw new DeskError('write-failed', {
      en: `VS Code's built-in Markdown extension did not render ${file}, so nothing was exported. Check that the "Markdown Language Features" extension is enabled.`,
      'zh-cn': `VS Code 内置的 Markdown 扩展未能渲染 ${file}，因此没有导出任何内容。请确认内置扩展“Markdown Language Features”已启用。`,
    });
  }
  return html;
}

/**
 * Writes the page unless an identical one is there. Another page with that
 * name is replaced only when the user (or the `replace` argument) says so,
 * and only if it did not change again while the question was open.
 */
async function writeExport(target: vscode.Uri, html: string, replace: boolean | undefined, number: string): Promise<boolean> {
  const fs = new WorkspaceFs(target);
  const existing = await fs.readFile(target.path);
  if (!existing) {
    await exclusive(() => createFile(target, html));
    return true;
  }
  const before = new TextDecoder().decode(existing);
  if (before === html) return false;
  const path = vscode.workspace.asRelativePath(target);
  if (replace === false) {
    throw new DeskError('file-exists', {
      en: `${path} already exists with other content and was left as it was. Nothing was exported.`,
      'zh-cn': `${path} 已存在且内容不同，保持原样，未导出。`,
    });
  }
  if (replace === undefined) {
    const replaceIt = vscode.l10n.t('Replace');
    const question = vscode.l10n.t('{0} already exists and differs from this export of quote {1}. Replace it?', path, number);
    log().info(`${EXPORT_QUOTE_COMMAND}: asked: ${question}`);
    const detail = vscode.l10n.t('The quote itself is not changed either way.');
    if ((await vscode.window.showWarningMessage(question, { modal: true, detail }, replaceIt)) !== replaceIt) throw new CancelledError();
  }
  await exclusive(async () => {
    const now = await fs.readFile(target.path);
    if (!now || new TextDecoder().decode(now) !== before) {
      throw new DeskError('unsaved-document', {
        en: `${path} changed while the export ran and was left as it was. Run Export Quote again.`,
        'zh-cn': `${path} 在导出期间被修改，保持原样。请重新运行“导出报价单”命令。`,
      });
    }
    await writeFileAtomic(target, html, true);
  });
  return true;
}

export function exportQuote(index: RequestIndex) {
  return async (input: ExportQuoteArgs | vscode.Uri = {}): Promise<ExportQuoteResult> => {
    const { ref, replace } = quoteRef(input);
    const uri = await chooseQuote(ref, index);
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) {
      throw new DeskError('outside-workspace', { en: `${uri.fsPath} is not inside an open workspace folder.`, 'zh-cn': `${uri.fsPath} 不在已打开的工作区文件夹中。` });
    }
    const file = relativePath(folder.uri.path, uri.path);
    ensureSaved(uri);
    const { quote, body } = parseQuoteFile(await currentText(uri), file);
    // The supplier the quote was issued by; a quote from before the supplier setting takes today's.
    const supplier = quote.supplier ?? readSettings(folder.uri).supplier;
    // Independent of each other: asked together rather than one round trip after another.
    const [lang, renderedBody, logo]: [Lang, string, InlineLogo | undefined] = await Promise.all([languageOf(folder, quote, body), render(body, file), readLogo(folder, supplier)]);
    // Refuses a page that lacks part of the quote (exportCheck.ts), before anything is written.
    const html = quoteHtmlDocument({ lang, quote, markdown: body, renderedBody, logo, file });

    const target = uri.with({ path: exportPath(uri.path) });
    const written = await writeExport(target, html, replace, quote.number);
    const path = vscode.workspace.asRelativePath(target);
    const message = written ? vscode.l10n.t('Quote {0} exported to {1}.', quote.number, path) : vscode.l10n.t('{0} is already up to date with quote {1}.', path, quote.number);
    log().info(`${EXPORT_QUOTE_COMMAND}: shown: ${message}`);
    // The system browser can open the file only where the files are on this machine; elsewhere
    // (remote, web) the Explorer shows it, where Download brings it to the user's machine.
    const local = vscode.env.uiKind === vscode.UIKind.Desktop && !vscode.env.remoteName && target.scheme === 'file';
    const action = local ? vscode.l10n.t('Open in Browser') : vscode.l10n.t('Reveal in Explorer');
    void vscode.window.showInformationMessage(message, action).then((choice) => {
      if (choice !== action) return;
      if (local) void vscode.env.openExternal(target);
      else void vscode.commands.executeCommand('revealInExplorer', target);
    });
    return { html: target, number: quote.number, written };
  };
}
