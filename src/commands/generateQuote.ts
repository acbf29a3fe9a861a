import * as vscode from 'vscode';
import { parseCommandArgs } from '../commandArgs';
import { generateQuoteArgsSchema } from '../core/schema';
import { quotePlacement } from '../core/adr';
import { readAdr } from '../adrs';
import { parseAssessment } from '../core/assessment';
import { dirname, joinPath } from '../core/paths';
import type { AdrRef } from '../core/workflows';
import { planQuote } from '../core/workflows';
import { chooseAssessment, workspaceQuoteNumbers, type AssessmentRef } from '../assessments';
import { readSettings } from '../config';
import { log } from '../log';
import { templateSource } from '../templateSource';
import { todayIso } from '../today';
import { createFile, currentText, ensureSaved, replaceText, WorkspaceFs } from '../workspaceFs';

export const GENERATE_QUOTE_COMMAND = 'customRequest.generateQuote';

/** Arguments for `customRequest.generateQuote`. */
export interface GenerateQuoteArgs {
  /** the assessment: URI or path; default: the active editor's, or asked */
  assessment?: AssessmentRef;
  /** open the new quote (default true) */
  open?: boolean;
  /** date to write instead of today, YYYY-MM-DD */
  today?: string;
}

export interface GenerateQuoteResult {
  quote: vscode.Uri;
  number: string;
}

export function generateQuote(extensionUri: vscode.Uri) {
  return async (input: GenerateQuoteArgs = {}): Promise<GenerateQuoteResult> => {
    const args = parseCommandArgs(generateQuoteArgsSchema, input, GENERATE_QUOTE_COMMAND) as GenerateQuoteArgs;
    const { uri, folder } = await chooseAssessment(args.assessment, vscode.l10n.t('Generate Quote'));
    const settings = readSettings(folder.uri);
    const fs = new WorkspaceFs(folder.uri);
    ensureSaved(uri);
    const text = await currentText(uri);
    const { frontMatter } = parseAssessment(text, vscode.workspace.asRelativePath(uri));

    // The quote goes to the quotes/ subfolder of the related ADR's folder, or beside the assessment.
    // ADR tools read only a folder's own files, so the ADR's folder is its parent: no scan needed.
    let adr: AdrRef | undefined;
    let quoteFolder = dirname(uri.path);
    if (frontMatter.adr) {
      const adrPath = joinPath(folder.uri.path, frontMatter.adr.path);
      const current = await readAdr(folder, frontMatter.adr.path);
      if (!current) log().warn(`ADR ${frontMatter.adr.path} could not be read; the quote uses the title recorded in the assessment.`);
      adr = current ?? { path: adrPath, title: frontMatter.adr.title ?? frontMatter.adr.path, number: frontMatter.adr.number, status: frontMatter.adr.status };
      quoteFolder = quotePlacement(dirname(adrPath), adrPath).folder;
    }

    const plan = await planQuote({
      root: folder.uri.path,
      assessmentPath: uri.path,
      assessmentText: text,
      quoteFolder,
      adr,
      workspaceQuoteNumbers: await workspaceQuoteNumbers(),
      templates: templateSource(extensionUri, folder.uri, settings.templatesFolder),
      today: args.today ?? todayIso(),
      settings,
    });
    const quote = fs.uri(plan.file.path);
    await createFile(quote, plan.file.text);
    await replaceText(uri, text, plan.assessmentText);
    if (args.open !== false) await vscode.window.showTextDocument(quote, { preview: false });
    void vscode.window.showInformationMessage(vscode.l10n.t('Quote {0} written to {1}.', plan.number, vscode.workspace.asRelativePath(quote)));
    return { quote, number: plan.number };
  };
}
