import * as vscode from 'vscode';
import { createAdr, CREATE_ADR_COMMAND } from './commands/createAdr';
import { generateQuote, GENERATE_QUOTE_COMMAND } from './commands/generateQuote';
import { newAssessment, NEW_ASSESSMENT_COMMAND } from './commands/newAssessment';
import { disposeLog } from './log';
import { runCommand } from './runCommand';
import { openEstimateForm, OPEN_ESTIMATE_FORM_COMMAND } from './commands/openEstimateForm';
import { EstimateViewProvider } from './views/estimateView';

export type { CreateAdrArgs } from './commands/createAdr';
export type { GenerateQuoteArgs, GenerateQuoteResult } from './commands/generateQuote';
export type { NewAssessmentArgs, NewAssessmentResult } from './commands/newAssessment';

/** Registers the commands and the form's view; no file is read and no template compiled until one runs. */
export interface DeskApi {
  /** Hands a message to the estimate form's handler as its webview would; resolves to the messages it posted back. */
  estimateFormMessage(message: unknown): Promise<unknown[]>;
}

export function activate(context: vscode.ExtensionContext): DeskApi {
  const { extensionUri } = context;
  const estimateView = new EstimateViewProvider(extensionUri);
  context.subscriptions.push(
    estimateView,
    vscode.window.registerWebviewViewProvider(EstimateViewProvider.viewType, estimateView),
    vscode.commands.registerCommand(OPEN_ESTIMATE_FORM_COMMAND, runCommand(OPEN_ESTIMATE_FORM_COMMAND, openEstimateForm(estimateView))),
    vscode.commands.registerCommand(NEW_ASSESSMENT_COMMAND, runCommand(NEW_ASSESSMENT_COMMAND, newAssessment(extensionUri))),
    vscode.commands.registerCommand(CREATE_ADR_COMMAND, runCommand(CREATE_ADR_COMMAND, createAdr(extensionUri))),
    vscode.commands.registerCommand(GENERATE_QUOTE_COMMAND, runCommand(GENERATE_QUOTE_COMMAND, generateQuote(extensionUri))),
    { dispose: disposeLog },
  );
  return { estimateFormMessage: (message) => estimateView.handleMessage(message) };
}

export function deactivate(): void {}
