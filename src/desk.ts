/**
 * The document machinery, as the second bundle (dist/desk.js, built by
 * esbuild.mjs): every command, the Custom Requests tree, the estimate form and
 * all they need (yaml, zod, the template loader). dist/extension.js stays a
 * thin entry that registers the commands and views and loads this bundle with
 * `require` on first use, or in idle time after activation (see src/extension.ts).
 *
 * To add a command: contribute it in package.json and add one line to COMMANDS
 * below (id → its handler). src/extension.ts registers every command
 * package.json contributes and hands it to this table; nothing else changes.
 */
import * as vscode from 'vscode';
import { commitRequest, COMMIT_REQUEST_COMMAND } from './commands/commitRequest';
import { copyOfferText, COPY_OFFER_TEXT_COMMAND } from './commands/copyOfferText';
import { createAdr, CREATE_ADR_COMMAND } from './commands/createAdr';
import { exportQuote, EXPORT_QUOTE_COMMAND } from './commands/exportQuote';
import { generateQuote, GENERATE_QUOTE_COMMAND } from './commands/generateQuote';
import { newAssessment, NEW_ASSESSMENT_COMMAND } from './commands/newAssessment';
import { openEstimateForm, OPEN_ESTIMATE_FORM_COMMAND } from './commands/openEstimateForm';
import { setCapabilities, SET_CAPABILITIES_COMMAND } from './commands/setCapabilities';
import { setStatus, SET_STATUS_COMMAND } from './commands/setStatus';
import { updateRegister, UPDATE_REGISTER_COMMAND } from './commands/updateRegister';
import { disposeLog, log } from './log';
import { RequestIndex } from './requestIndex';
import { runCommand } from './runCommand';
import { rememberSupplierOfferIn } from './supplierPrompt';
import { EstimateViewProvider } from './views/estimateView';
import { RequestTreeProvider, type RequestNode } from './views/requestTree';
import { readStats, resetReadStats } from './workspaceFs';
import { localPath } from './localWrite';
import { RequestCache } from './requestCache';

/** What a command handler gets besides its arguments. */
export interface DeskParts {
  extensionUri: vscode.Uri;
  index: RequestIndex;
  estimateView: EstimateViewProvider;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each command takes its own arguments object (validated by the command)
type Handler = (...args: any[]) => Promise<unknown>;

/** Every command: id → its handler. One line per command. */
const COMMANDS: Record<string, (parts: DeskParts) => Handler> = {
  [NEW_ASSESSMENT_COMMAND]: ({ extensionUri }) => newAssessment(extensionUri),
  [CREATE_ADR_COMMAND]: ({ extensionUri }) => createAdr(extensionUri),
  [GENERATE_QUOTE_COMMAND]: ({ extensionUri, index }) => generateQuote(extensionUri, index),
  [UPDATE_REGISTER_COMMAND]: ({ extensionUri }) => updateRegister(extensionUri),
  [OPEN_ESTIMATE_FORM_COMMAND]: ({ estimateView }) => openEstimateForm(estimateView),
  [SET_STATUS_COMMAND]: ({ index }) => setStatus(index),
  [SET_CAPABILITIES_COMMAND]: ({ index }) => setCapabilities(index),
  [COMMIT_REQUEST_COMMAND]: () => commitRequest(),
  [EXPORT_QUOTE_COMMAND]: ({ index }) => exportQuote(index),
  [COPY_OFFER_TEXT_COMMAND]: ({ index }) => copyOfferText(index),
  'customRequest.openRequest': () => async (node?: RequestNode | vscode.Uri) => {
    const uri = node instanceof vscode.Uri ? node : node?.nodeKind === 'request' ? node.assessment : undefined;
    if (uri) await vscode.window.showTextDocument(uri, { preview: false });
  },
  // Refresh reads every file again: the way out when something looks stale.
  'customRequest.refreshRequests': ({ index }) => async () => index.reset(true),
};

/** The loaded desk, as src/extension.ts uses it. */
export interface Desk extends vscode.Disposable {
  /** Runs a command through runCommand (Escape silent, errors shown): the one way src/extension.ts runs one. */
  run(id: string, args: unknown[]): Promise<unknown>;
  /** New Assessment whose first prompt (the customer) src/extension.ts already showed; undefined answer: Escape. */
  newAssessmentAnswered(customer: Thenable<string | undefined>): Promise<unknown>;
  tree: RequestTreeProvider;
  estimateView: EstimateViewProvider;
  index: RequestIndex;
  readStats: typeof readStats;
  resetReadStats: typeof resetReadStats;
}

/**
 * `globalState`: the extension's global state, where one-time offers are
 * remembered; `storage`: its workspace storage and version, for the
 * Custom Requests index kept between windows (see RequestCache).
 */
export function createDesk(extensionUri: vscode.Uri, globalState?: vscode.Memento, storage?: { storageUri?: vscode.Uri; version: string }): Desk {
  if (globalState) rememberSupplierOfferIn(globalState);
  // The index kept between windows, where the extension host sees the workspace storage on its disk.
  const cacheDir = storage?.storageUri && localPath(storage.storageUri);
  const index = new RequestIndex(cacheDir ? new RequestCache(cacheDir, storage.version) : undefined);
  const estimateView = new EstimateViewProvider(extensionUri);
  const tree = new RequestTreeProvider(index);
  const parts: DeskParts = { extensionUri, index, estimateView };
  const handlers = new Map<string, Handler>();
  const handler = (id: string): Handler => {
    let found = handlers.get(id);
    if (!found) {
      const make = COMMANDS[id];
      found = runCommand(id, make ? make(parts) : async () => log().error(`${id}: no handler in src/desk.ts`));
      handlers.set(id, found);
    }
    return found;
  };
  const answered = runCommand(NEW_ASSESSMENT_COMMAND, (customer: Thenable<string | undefined>) => newAssessment(extensionUri, { customer })({}));
  return {
    run: (id, args) => handler(id)(...args),
    newAssessmentAnswered: answered,
    tree,
    estimateView,
    index,
    readStats,
    resetReadStats,
    dispose() {
      tree.dispose();
      index.dispose();
      estimateView.dispose();
      disposeLog();
    },
  };
}
