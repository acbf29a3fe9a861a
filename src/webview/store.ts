/**
 * The form's state in the webview and its one link to the extension: the
 * draft (kept across hiding and reloads through the webview state), the UI
 * language and strings, and posting messages of protocol.ts.
 */
import type { Lang } from '../core/lang';
import type { Strings } from './form';
import type { Draft } from './formModel';
import { sameDraft } from './formModel';
import type { FormDefaults, WebviewToExtension } from './protocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

/** What the webview keeps across hiding and reloads. */
export interface State {
  key?: string;
  label?: string;
  draft?: Draft;
  /** the draft as last loaded from the document: the form is dirty when it differs */
  loaded?: Draft;
  defaults?: FormDefaults;
  /** the request's capability tags as its document has them (not part of the draft: the extension writes them) */
  capabilities?: string[];
}

// Marks for `npm run bench:form`: from this script's start to the first figures on screen.
performance.mark('crd:start');
const vscode = acquireVsCodeApi();

function restoreState(): State {
  const saved = vscode.getState();
  return saved && typeof saved === 'object' ? (saved as State) : {};
}

/** The form's mutable state, shared by the renderer and the event handlers. */
export const store = {
  lang: 'en' as Lang,
  s: {} as Strings,
  state: restoreState(),
  /** a save or quote is running */
  busy: false,
  /** the last save's or quote's outcome: shown as the status until the user types again */
  note: undefined as string | undefined,
};

export function post(message: WebviewToExtension): void {
  vscode.postMessage(message);
}

export function persist(): void {
  vscode.setState(store.state);
}

export const isDirty = () => Boolean(store.state.draft && store.state.loaded && !sameDraft(store.state.draft, store.state.loaded));
