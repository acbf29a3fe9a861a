import * as vscode from 'vscode';
import { createAdr, CREATE_ADR_COMMAND } from './commands/createAdr';
import { generateQuote, GENERATE_QUOTE_COMMAND } from './commands/generateQuote';
import { newAssessment, NEW_ASSESSMENT_COMMAND } from './commands/newAssessment';
import { updateRegister, UPDATE_REGISTER_COMMAND } from './commands/updateRegister';
import { disposeLog } from './log';
import { runCommand } from './runCommand';
import { openEstimateForm, OPEN_ESTIMATE_FORM_COMMAND } from './commands/openEstimateForm';
import { EstimateViewProvider } from './views/estimateView';
import { RequestIndex } from './requestIndex';
import { REQUESTS_VIEW, RequestTreeProvider, type RequestNode, type TreeSnapshot } from './views/requestTree';
import { setStatus, SET_STATUS_COMMAND } from './commands/setStatus';
import { commitRequest, COMMIT_REQUEST_COMMAND } from './commands/commitRequest';
import { setCapabilities, SET_CAPABILITIES_COMMAND } from './commands/setCapabilities';
import { readStats, resetReadStats } from './workspaceFs';

export type { CommitRequestArgs, CommitRequestResult } from './commands/commitRequest';
export type { CreateAdrArgs } from './commands/createAdr';
export type { GenerateQuoteArgs, GenerateQuoteResult } from './commands/generateQuote';
export type { NewAssessmentArgs, NewAssessmentResult } from './commands/newAssessment';
export type { UpdateRegisterArgs, UpdateRegisterResult } from './commands/updateRegister';

/** Registers the commands and the form's view; no file is read and no template compiled until one runs. */
export interface DeskApi {
  /** Hands a message to the estimate form's handler as its webview would; resolves to the messages it posted back. */
  estimateFormMessage(message: unknown): Promise<unknown[]>;
  /** The Custom Requests tree as plain data, as it stands now (changes on disk show after a short debounce). */
  requestTree(): Promise<TreeSnapshot[]>;
  /** How many assessment files the tree's index has read from disk so far. */
  requestIndexReads(): number;
  /** File reads through workspaceFs since the last reset: all of them, distinct files, and the files read more than once (for the benchmarks). */
  readStats(): { reads: number; distinct: number; repeated: string[] };
  resetReadStats(): void;
}

export function activate(context: vscode.ExtensionContext): DeskApi {
  const { extensionUri } = context;
  const estimateView = new EstimateViewProvider(extensionUri);
  const index = new RequestIndex();
  const tree = new RequestTreeProvider(index);
  const treeView = vscode.window.createTreeView(REQUESTS_VIEW, { treeDataProvider: tree, showCollapseAll: true });
  context.subscriptions.push(
    index,
    tree,
    treeView,
    vscode.commands.registerCommand(SET_STATUS_COMMAND, runCommand(SET_STATUS_COMMAND, setStatus(index))),
    vscode.commands.registerCommand(SET_CAPABILITIES_COMMAND, runCommand(SET_CAPABILITIES_COMMAND, setCapabilities(index))),
    vscode.commands.registerCommand('customRequest.openRequest', runCommand('customRequest.openRequest', async (node?: RequestNode | vscode.Uri) => {
      const uri = node instanceof vscode.Uri ? node : node?.nodeKind === 'request' ? node.assessment : undefined;
      if (uri) await vscode.window.showTextDocument(uri, { preview: false });
    })),
    vscode.commands.registerCommand('customRequest.refreshRequests', () => index.reset()),
    estimateView,
    vscode.window.registerWebviewViewProvider(EstimateViewProvider.viewType, estimateView),
    vscode.commands.registerCommand(OPEN_ESTIMATE_FORM_COMMAND, runCommand(OPEN_ESTIMATE_FORM_COMMAND, openEstimateForm(estimateView))),
    vscode.commands.registerCommand(NEW_ASSESSMENT_COMMAND, runCommand(NEW_ASSESSMENT_COMMAND, newAssessment(extensionUri))),
    vscode.commands.registerCommand(CREATE_ADR_COMMAND, runCommand(CREATE_ADR_COMMAND, createAdr(extensionUri))),
    vscode.commands.registerCommand(GENERATE_QUOTE_COMMAND, runCommand(GENERATE_QUOTE_COMMAND, generateQuote(extensionUri))),
    vscode.commands.registerCommand(UPDATE_REGISTER_COMMAND, runCommand(UPDATE_REGISTER_COMMAND, updateRegister(extensionUri))),
    vscode.commands.registerCommand(COMMIT_REQUEST_COMMAND, runCommand(COMMIT_REQUEST_COMMAND, commitRequest())),
    { dispose: disposeLog },
  );
  return { estimateFormMessage: (message) => estimateView.handleMessage(message), requestTree: () => tree.snapshot(), requestIndexReads: () => index.reads, readStats, resetReadStats };
}

export function deactivate(): void {}
