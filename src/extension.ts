import * as vscode from 'vscode';
import { createAdr, CREATE_ADR_COMMAND } from './commands/createAdr';
import { generateQuote, GENERATE_QUOTE_COMMAND } from './commands/generateQuote';
import { newAssessment, NEW_ASSESSMENT_COMMAND } from './commands/newAssessment';
import { disposeLog } from './log';
import { runCommand } from './runCommand';

export type { CreateAdrArgs } from './commands/createAdr';
export type { GenerateQuoteArgs, GenerateQuoteResult } from './commands/generateQuote';
export type { NewAssessmentArgs, NewAssessmentResult } from './commands/newAssessment';

/** Registers the commands; no file is read and no template compiled until one runs. */
export function activate(context: vscode.ExtensionContext): void {
  const { extensionUri } = context;
  context.subscriptions.push(
    vscode.commands.registerCommand(NEW_ASSESSMENT_COMMAND, runCommand(NEW_ASSESSMENT_COMMAND, newAssessment(extensionUri))),
    vscode.commands.registerCommand(CREATE_ADR_COMMAND, runCommand(CREATE_ADR_COMMAND, createAdr(extensionUri))),
    vscode.commands.registerCommand(GENERATE_QUOTE_COMMAND, runCommand(GENERATE_QUOTE_COMMAND, generateQuote(extensionUri))),
    { dispose: disposeLog },
  );
}

export function deactivate(): void {}
