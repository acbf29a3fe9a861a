/**
 * The thin entry (dist/extension.js): activation registers the commands and
 * the two views, and nothing else. The document machinery (every command's
 * code, zod, and yaml and the templates loaded by it when first needed:
 * src/desk.ts, built as dist/desk.js) loads
 * with `require` on first use — a command, the tree or the form showing — or
 * by itself in idle time shortly after activation, so the first command does
 * not wait for it either.
 *
 * Commands: every command package.json contributes is registered here and runs
 * through the table COMMANDS in src/desk.ts (id → handler). Adding a command
 * is its package.json entry plus one line in that table.
 *
 * Keep this file's imports tiny: what it imports is what activation loads.
 */
import * as vscode from 'vscode';
import type { Desk } from './desk';
import { customerPrompt } from './firstPrompt';
import { askText } from './prompts';
import type { RequestNode, TreeSnapshot } from './views/requestTree';

export type { CommitRequestArgs, CommitRequestResult } from './commands/commitRequest';
export type { CopyOfferTextArgs, CopyOfferTextResult } from './commands/copyOfferText';
export type { ExportQuoteArgs, ExportQuoteResult } from './commands/exportQuote';
export type { CreateAdrArgs } from './commands/createAdr';
export type { GenerateQuoteArgs, GenerateQuoteResult } from './commands/generateQuote';
export type { NewAssessmentArgs, NewAssessmentResult } from './commands/newAssessment';
export type { UpdateRegisterArgs, UpdateRegisterResult } from './commands/updateRegister';

/** Registers the commands and the views; no file is read and no template compiled until one runs. */
export interface DeskApi {
  /** Hands a message to the estimate form's handler as its webview would; resolves to the messages it posted back. */
  estimateFormMessage(message: unknown): Promise<unknown[]>;
  /** The Custom Requests tree as plain data, as it stands now (changes on disk show after a short debounce). */
  requestTree(options?: { asShown?: boolean }): Promise<TreeSnapshot[]>;
  /** How many assessment files the tree's index has read from disk so far. */
  requestIndexReads(): number;
  /** File reads through workspaceFs since the last reset: all of them, distinct files, and the files read more than once (for the benchmarks). */
  readStats(): { reads: number; distinct: number; repeated: string[] };
  resetReadStats(): void;
}

const REQUESTS_VIEW = 'customRequest.requestsView';
const ESTIMATE_VIEW = 'customRequest.estimateView';
const NEW_ASSESSMENT = 'customRequest.newAssessment';
const KEEP_EDITING_KEY = 'customRequest.keepEditingKey';
/** Idle time after activation before the desk loads by itself (activation itself returns at once). */
const WARM_MS = 100;

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function activate(context: vscode.ExtensionContext): DeskApi {
  let desk: Desk | undefined;
  /** resetReadStats() came before the desk loaded: counting starts when it does. */
  let countReads = false;
  const treeChanged = new vscode.EventEmitter<RequestNode | undefined>();

  /** The desk, loaded now if it is not yet (a synchronous require of dist/desk.js, once). */
  const load = (): Desk => {
    if (!desk) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the second bundle, deliberately not in this one
      const module = require(vscode.Uri.joinPath(context.extensionUri, 'dist', 'desk.js').fsPath) as typeof import('./desk');
      const loaded = module.createDesk(context.extensionUri, context.globalState, { storageUri: context.storageUri, version: String(context.extension.packageJSON.version) });
      desk = loaded;
      context.subscriptions.push(loaded, loaded.tree.onDidChangeTreeData((node) => treeChanged.fire(node)));
      if (countReads) loaded.resetReadStats();
    }
    return desk;
  };

  /** The desk for a command; a bundle that cannot load (a broken install) is said once, plainly. */
  const deskFor = (id: string): Desk | undefined => {
    try {
      return load();
    } catch (error) {
      console.error(`Custom Request Desk: could not load dist/desk.js for ${id}`, error);
      void vscode.window.showErrorMessage(vscode.l10n.t('Custom Request Desk could not load its commands ({0}). Reinstall the extension.', id));
      return undefined;
    }
  };

  const run = async (id: string, args: unknown[]): Promise<unknown> => {
    // New Assessment from the palette or a view's button: its first prompt needs nothing from the desk,
    // so it shows at once and the desk loads while the user types.
    if (id === NEW_ASSESSMENT && !desk && args.every((arg) => arg === undefined) && vscode.workspace.workspaceFolders?.length === 1) {
      const customer = askText(customerPrompt()).then(
        (answer) => answer,
        () => undefined,
      );
      await Promise.race([customer, delay(WARM_MS)]);
      return deskFor(id)?.newAssessmentAnswered(customer);
    }
    return deskFor(id)?.run(id, args);
  };

  const commands = (context.extension.packageJSON as { contributes?: { commands?: { command: string }[] } }).contributes?.commands ?? [];
  for (const { command } of commands) {
    // Bound to the editing keys while a Custom Requests view has focus (package.json's keybindings): doing nothing
    // keeps VS Code from running select-all, undo or paste on the active editor instead (microsoft/vscode#105670).
    const handler = command === KEEP_EDITING_KEY ? () => undefined : (...args: unknown[]) => run(command, args);
    context.subscriptions.push(vscode.commands.registerCommand(command, handler));
  }

  // The views: small proxies that load the desk when VS Code first asks them for something.
  const tree: vscode.TreeDataProvider<RequestNode> = {
    onDidChangeTreeData: treeChanged.event,
    getChildren: async (node) => load().tree.getChildren(node),
    getTreeItem: (node) => load().tree.getTreeItem(node),
    // A request's tooltip is built on hover (it computes the estimate).
    resolveTreeItem: (item, node) => load().tree.resolveTreeItem(item, node),
    getParent: () => undefined,
  };
  context.subscriptions.push(
    treeChanged,
    vscode.window.createTreeView(REQUESTS_VIEW, { treeDataProvider: tree, showCollapseAll: true }),
    vscode.window.registerWebviewViewProvider(ESTIMATE_VIEW, { resolveWebviewView: (view) => load().estimateView.resolveWebviewView(view) }),
  );

  const warm = setTimeout(() => {
    try {
      load();
    } catch (error) {
      // Said to the user when a command needs the desk.
      console.error('Custom Request Desk: could not load dist/desk.js in idle time', error);
    }
  }, WARM_MS);
  warm.unref?.();
  context.subscriptions.push({ dispose: () => clearTimeout(warm) });

  return {
    estimateFormMessage: async (message) => load().estimateView.handleMessage(message),
    requestTree: async (options) => load().tree.snapshot(undefined, options),
    requestIndexReads: () => desk?.index.reads ?? 0,
    readStats: () => desk?.readStats() ?? { reads: 0, distinct: 0, repeated: [] },
    resetReadStats: () => {
      countReads = true;
      desk?.resetReadStats();
    },
  };
}

export function deactivate(): void {}
