import * as vscode from 'vscode';
import { parseCommandArgs } from '../commandArgs';
import { generateQuoteArgsSchema } from '../core/schema';
import { quotePlacement } from '../core/adr';
import { unsafeAdrPathError, unsafePath } from '../core/requestPaths';
import { readAdr } from '../adrs';
import { DeskError } from '../core/errors';
import { dirname, joinPath } from '../core/paths';
import type { AdrRef } from '../core/workflows';
import { planQuote } from '../core/workflows';
import { chooseAssessment, frontMatters, issuedQuoteNumbers, noteIssuedQuoteNumber, workspaceQuoteNumbers, type AssessmentRef } from '../assessments';
import { readSettings } from '../config';
import { offerSupplierSettings } from '../supplierPrompt';
import { log } from '../log';
import { templateSource } from '../templateSource';
import { todayIso } from '../today';
import type { RequestIndex } from '../requestIndex';
import { createFile, currentTextAndVersion, ensureSaved, exclusive, removeCreated, replaceText, WorkspaceFs } from '../workspaceFs';
import { COMMIT_REQUEST_COMMAND } from './commitRequest';

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

/** `index`: the Custom Requests index, whose parsed assessments give the quote numbers they record without reading every file again. */
export function generateQuote(extensionUri: vscode.Uri, index?: RequestIndex) {
  return async (input: GenerateQuoteArgs = {}): Promise<GenerateQuoteResult> => {
    const args = parseCommandArgs(generateQuoteArgsSchema, input, GENERATE_QUOTE_COMMAND) as GenerateQuoteArgs;
    const { uri, folder } = await chooseAssessment(args.assessment, vscode.l10n.t('Generate Quote'));
    const settings = readSettings(folder.uri);
    const fs = new WorkspaceFs(folder.uri);
    ensureSaved(uri);
    // The index knows which ADR the assessment named when it last read it: read that while the assessment is read.
    const namedAdr = index?.peek(uri)?.frontMatter?.adr?.path;
    const earlyAdr = namedAdr === undefined ? undefined : readAdr(folder, namedAdr);
    earlyAdr?.catch(() => undefined);
    const { text, version } = await currentTextAndVersion(uri);
    // Usually parsed already (the Custom Requests index read the same text); otherwise the fast reader, with the full parser's messages.
    const frontMatter = frontMatters.frontMatter(uri.toString(), vscode.workspace.asRelativePath(uri), text);
    // Collected while the ADR is read; numbers issued meanwhile in this window are added once it is this command's turn.
    const collected = workspaceQuoteNumbers(index);
    collected.catch(() => undefined);
    const templates = templateSource(extensionUri, folder.uri, settings.templatesFolder);

    // The quote goes to the quotes/ subfolder of the related ADR's folder, or beside the assessment.
    // ADR tools read only a folder's own files, so the ADR's folder is its parent: no scan needed.
    let adr: AdrRef | undefined;
    let quoteFolder = dirname(uri.path);
    if (frontMatter.adr) {
      // The ADR's folder decides where the quote is written: a path into .git or out of the folder is refused by name.
      const unsafe = unsafePath(frontMatter.adr.path);
      if (unsafe) throw unsafeAdrPathError(vscode.workspace.asRelativePath(uri), frontMatter.adr.path, unsafe);
      const adrPath = joinPath(folder.uri.path, frontMatter.adr.path);
      const current = await (earlyAdr && namedAdr === frontMatter.adr.path ? earlyAdr : readAdr(folder, frontMatter.adr.path));
      if (!current) log().warn(`ADR ${frontMatter.adr.path} could not be read; the quote uses the title recorded in the assessment.`);
      adr = current ?? { path: adrPath, title: frontMatter.adr.title ?? frontMatter.adr.path, number: frontMatter.adr.number, status: frontMatter.adr.status };
      quoteFolder = quotePlacement(dirname(adrPath), adrPath).folder;
    }

    // Numbering and writing run one command at a time, so two quotes started together never get the same number.
    const plan = await exclusive(async () => {
      const taken = [...new Set([...(await collected), ...issuedQuoteNumbers()])];
      for (let attempt = 0; ; attempt++) {
        const next = await planQuote({
          root: folder.uri.path,
          assessmentPath: uri.path,
          assessmentText: text,
          frontMatter,
          quoteFolder,
          adr,
          workspaceQuoteNumbers: taken,
          templates,
          today: args.today ?? todayIso(),
          settings,
        });
        const quote = fs.uri(next.file.path);
        try {
          await createFile(quote, next.file.text);
        } catch (error) {
          // A file with that name appeared since the numbers were collected (another window, a pull): leave it as it is and take the next number.
          if (attempt < 20 && error instanceof DeskError && error.code === 'file-exists') {
            log().info(`Quote ${next.number}: ${next.file.path} appeared before it was written; trying the next number.`);
            taken.push(next.number);
            continue;
          }
          throw error;
        }
        // Both files change or neither: when the assessment cannot record the quote, the quote goes again.
        try {
          await replaceText(uri, text, next.assessmentText, version);
        } catch (error) {
          await removeCreated(quote);
          throw error;
        }
        noteIssuedQuoteNumber(next.number);
        return next;
      }
    });
    const quote = fs.uri(plan.file.path);
    if (args.open !== false) await vscode.window.showTextDocument(quote, { preview: false });
    // Offered, not awaited: the command's result must not wait on a notification the user may never answer.
    const commit = vscode.l10n.t('Commit');
    let written = vscode.l10n.t('Quote {0} written to {1}.', plan.number, vscode.workspace.asRelativePath(quote));
    // An accepted quote is never rewritten: the new figures go out as a new revision, and the user is told so.
    if (frontMatter.accepted) written += ` ${vscode.l10n.t('{0}, which the customer accepted, stays as it was; {1} is a new revision.', frontMatter.accepted.quote, plan.number)}`;
    log().info(`${GENERATE_QUOTE_COMMAND}: shown: ${written}`);
    void vscode.window.showInformationMessage(written, commit).then((choice) => {
      if (choice === commit) void vscode.commands.executeCommand(COMMIT_REQUEST_COMMAND, { assessment: uri });
    });
    offerSupplierSettings(settings);
    return { quote, number: plan.number };
  };
}
