/**
 * The Estimate view in the Custom Requests side bar: a webview form for one
 * assessment at a time. It follows the active editor while the form has no
 * unsaved input, asks before dropping unsaved input, and reloads when the
 * assessment changes in an editor or on disk.
 */
import { requestName } from '../core/status';
import * as vscode from 'vscode';
import { findAssessments } from '../assessments';
import { splitFrontMatter } from '../core/assessment';
import { DeskError } from '../core/errors';
import { ASSESSMENT_KIND } from '../core/schema';
import { log } from '../log';
import { uiLang } from '../uiLanguage';
import type { AssessmentChoice, ExtensionToWebview, WebviewToExtension } from '../webview/protocol';
import { parseMessage, webviewToExtensionSchema } from '../webview/protocol';
import { loadMessage, saveEstimate } from './estimateDocument';
import { formHtml } from './formHtml';
import { formStrings } from './formStrings';
import { sendable } from './formMessages';

const GENERATE_QUOTE = 'customRequest.generateQuote';
const NEW_ASSESSMENT = 'customRequest.newAssessment';
const SET_CAPABILITIES = 'customRequest.setCapabilities';

function isAssessment(doc: vscode.TextDocument | undefined): doc is vscode.TextDocument {
  return !!doc && doc.uri.scheme !== 'git' && (splitFrontMatter(doc.getText())?.yaml.includes(ASSESSMENT_KIND) ?? false);
}

export class EstimateViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  static readonly viewType = 'customRequest.estimateView';

  private view?: vscode.WebviewView;
  /** the assessment the form shows */
  private current?: vscode.Uri;
  /** the form has input not yet saved */
  private dirty = false;
  private readonly disposables: vscode.Disposable[] = [];
  private reloadTimer?: ReturnType<typeof setTimeout>;
  private listTimer?: ReturnType<typeof setTimeout>;

  constructor(private readonly extensionUri: vscode.Uri) {}

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    view.webview.options = {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media'), vscode.Uri.joinPath(this.extensionUri, 'dist')],
    };
    view.webview.html = formHtml(view.webview, this.extensionUri);
    const watcher = vscode.workspace.createFileSystemWatcher('**/assessment.md');
    this.disposables.push(
      view.webview.onDidReceiveMessage((message: unknown) => this.receive(message)),
      view.onDidChangeVisibility(() => view.visible && this.scheduleList()),
      view.onDidDispose(() => this.disposeView()),
      vscode.window.onDidChangeActiveTextEditor((editor) => this.follow(editor?.document)),
      vscode.workspace.onDidChangeTextDocument((event) => this.isCurrent(event.document.uri) && this.scheduleReload()),
      watcher,
      watcher.onDidChange((uri) => this.isCurrent(uri) && !vscode.workspace.textDocuments.some((d) => this.isCurrent(d.uri)) && this.scheduleReload()),
      watcher.onDidCreate(() => this.scheduleList()),
      watcher.onDidDelete(() => this.scheduleList()),
    );
  }

  /** Shows the form on an assessment (from a command or, later, the requests tree). */
  async show(uri: vscode.Uri): Promise<void> {
    await vscode.commands.executeCommand(`${EstimateViewProvider.viewType}.focus`);
    if (this.current?.toString() !== uri.toString() && !(await this.mayLeave(undefined))) return;
    this.current = uri;
    this.dirty = false;
    await this.refresh();
  }

  private isCurrent(uri: vscode.Uri): boolean {
    return !!this.current && uri.toString() === this.current.toString();
  }

  /** Posts what the webview's schema takes: a message it would drop goes as a `failed` one the form shows (see formMessages.ts). */
  private post(message: ExtensionToWebview): void {
    const checked = sendable(message, uiLang());
    if (checked.dropped) log().warn(`Estimate form: could not send a "${message.type}" message (${checked.dropped}); sent "failed" instead`);
    this.posted?.push(checked.message);
    void this.view?.webview.postMessage(checked.message);
  }

  /** Messages posted while `handleMessage` runs (for scripts and tests driving the form's handler). */
  private posted?: ExtensionToWebview[];

  /**
   * Hands a message to the form's handler exactly as the webview would, and
   * returns what the handler posted back. Used by the integration tests to
   * drive Save and Generate Quote in the real extension host.
   */
  async handleMessage(raw: unknown): Promise<ExtensionToWebview[]> {
    const posted: ExtensionToWebview[] = [];
    this.posted = posted;
    try {
      await this.receive(raw);
    } finally {
      this.posted = undefined;
    }
    return posted;
  }

  private async receive(raw: unknown): Promise<void> {
    const parsed = parseMessage(webviewToExtensionSchema, raw);
    if (!parsed.ok) {
      log().warn(`Estimate form: dropped a message (${parsed.reason})`);
      return;
    }
    try {
      await this.handle(parsed.message);
    } catch (error) {
      // Never let a message crash the host: report it in the form and the log.
      // Only a DeskError's text is meant for the user; anything else (a stack, internal names, paths) goes to the log.
      let message: string;
      if (error instanceof DeskError) {
        message = error.messageIn(uiLang());
        log().warn(`Estimate form: ${parsed.message.type}: ${error.code}: ${error.text.en}`);
      } else {
        message = vscode.l10n.t('The estimate form could not finish this step. See the log for details.');
        log().error(`Estimate form: ${parsed.message.type} failed`, error instanceof Error ? error : String(error));
      }
      this.post({ type: 'failed', ...('key' in parsed.message ? { key: parsed.message.key } : {}), message });
    }
  }

  private async handle(message: WebviewToExtension): Promise<void> {
    switch (message.type) {
      case 'ready': {
        this.post({ type: 'init', lang: uiLang(), strings: formStrings() });
        const restored = message.key ? this.knownUri(message.key) : undefined;
        if (restored) {
          this.current = restored;
          this.dirty = message.dirty ?? false;
        }
        await this.refresh();
        return;
      }
      case 'dirty':
        if (this.isCurrent(vscode.Uri.parse(message.key))) this.dirty = message.dirty;
        return;
      case 'select': {
        const uri = this.knownUri(message.key);
        if (!uri) return;
        this.dirty = message.dirty;
        if (!(await this.mayLeave(message.estimate))) {
          await this.postList();
          return;
        }
        this.current = uri;
        this.dirty = false;
        await this.refresh();
        return;
      }
      case 'save': {
        const uri = this.requireKnown(message.key);
        const { onDisk } = await saveEstimate(this.extensionUri, uri, message.estimate);
        this.dirty = false;
        this.post({ type: 'saved', key: message.key, message: onDisk ? vscode.l10n.t('Estimate saved.') : vscode.l10n.t('Estimate written into the open editor; the file has other unsaved changes, save it to keep them.') });
        return;
      }
      case 'generateQuote':
        await this.generateQuote(this.requireKnown(message.key), message.estimate);
        return;
      case 'newAssessment':
        await vscode.commands.executeCommand(NEW_ASSESSMENT);
        return;
      case 'listAssessments':
        await this.postList();
        return;
      case 'open':
        await vscode.window.showTextDocument(this.requireKnown(message.key), { preview: false });
        return;
      case 'editCapabilities': {
        // The command asks (a multi-pick of the workspace's tags) and writes through the document;
        // the form's draft is left alone, and the new tags come back with a fresh load.
        const uri = this.requireKnown(message.key);
        await vscode.commands.executeCommand(SET_CAPABILITIES, { assessment: uri });
        if (this.isCurrent(uri)) this.post(await loadMessage(uri));
        return;
      }
    }
  }

  /** Saves the estimate, saves the document if the user agrees, then runs Generate Quote on it. */
  private async generateQuote(uri: vscode.Uri, estimate: unknown): Promise<void> {
    const { onDisk } = await saveEstimate(this.extensionUri, uri, estimate);
    this.dirty = false;
    if (!onDisk) {
      const save = vscode.l10n.t('Save and Generate');
      const choice = await vscode.window.showWarningMessage(
        vscode.l10n.t('{0} has other unsaved changes. Save the file and generate the quote?', vscode.workspace.asRelativePath(uri)),
        { modal: true },
        save,
      );
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (choice !== save || !doc || !(await doc.save())) {
        this.post({ type: 'saved', key: uri.toString(), message: vscode.l10n.t('Estimate written into the open editor; no quote was generated.') });
        return;
      }
    }
    const result = await vscode.commands.executeCommand<{ number: string } | undefined>(GENERATE_QUOTE, { assessment: uri });
    this.post({
      type: 'saved',
      key: uri.toString(),
      message: result ? vscode.l10n.t('Estimate saved; quote {0} written.', result.number) : vscode.l10n.t('Estimate saved; no quote was generated.'),
    });
  }

  /** With unsaved form input, asks whether to save it, drop it, or stay. */
  private async mayLeave(estimate: unknown): Promise<boolean> {
    if (!this.dirty || !this.current) return true;
    const save = vscode.l10n.t('Save');
    const discard = vscode.l10n.t("Don't Save");
    const options = estimate === undefined ? [discard] : [save, discard];
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('The estimate form has unsaved changes for {0}. Save them before switching?', vscode.workspace.asRelativePath(this.current)),
      { modal: true },
      ...options,
    );
    if (choice === save) {
      await saveEstimate(this.extensionUri, this.current, estimate);
      return true;
    }
    return choice === discard;
  }

  /** Follows the active editor onto another assessment, unless the form holds unsaved input. */
  private follow(doc: vscode.TextDocument | undefined): void {
    if (!this.view?.visible || this.dirty || !isAssessment(doc) || this.isCurrent(doc.uri) || !vscode.workspace.getWorkspaceFolder(doc.uri)) return;
    this.current = doc.uri;
    void this.refresh();
  }

  private knownUri(key: string): vscode.Uri | undefined {
    try {
      const uri = vscode.Uri.parse(key, true);
      return vscode.workspace.getWorkspaceFolder(uri) ? uri : undefined;
    } catch {
      return undefined;
    }
  }

  private requireKnown(key: string): vscode.Uri {
    const uri = this.knownUri(key);
    if (!uri) {
      throw new DeskError('outside-workspace', { en: 'That assessment is not in an open workspace folder.', 'zh-cn': '该评估不在已打开的工作区文件夹中。' });
    }
    return uri;
  }

  private async choices(): Promise<AssessmentChoice[]> {
    const found = await findAssessments();
    return found
      .map((a) => ({ key: a.uri.toString(), label: requestName(a, uiLang()), detail: vscode.workspace.asRelativePath(a.uri) }))
      .sort((a, b) => b.detail.localeCompare(a.detail));
  }

  private async postList(items?: AssessmentChoice[]): Promise<AssessmentChoice[]> {
    const list = items ?? (await this.choices());
    this.post({ type: 'assessments', items: list, ...(this.current ? { selected: this.current.toString() } : {}) });
    return list;
  }

  /** Picks what to show (the current one, the active editor's, or the newest) and sends the list and its estimate. */
  private async refresh(): Promise<void> {
    const list = await this.choices();
    if (!this.current) {
      const active = vscode.window.activeTextEditor?.document;
      if (isAssessment(active) && vscode.workspace.getWorkspaceFolder(active.uri)) this.current = active.uri;
      else if (list.length > 0) this.current = vscode.Uri.parse(list[0].key, true);
    }
    if (
      this.current &&
      !list.some((item) => item.key === this.current!.toString()) &&
      !isAssessment(vscode.workspace.textDocuments.find((d) => this.isCurrent(d.uri))) &&
      !(await fileExists(this.current))
    ) {
      // Deleted or moved: show the newest instead. A file the list leaves out (its front matter is refused) stays, and its load says why.
      this.current = list.length > 0 ? vscode.Uri.parse(list[0].key, true) : undefined;
      this.dirty = false;
    }
    await this.postList(list);
    if (this.current) this.post(await loadMessage(this.current));
  }

  private scheduleReload(): void {
    clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => {
      if (this.current) void loadMessage(this.current).then((message) => this.post(message));
    }, 200);
  }

  private scheduleList(): void {
    clearTimeout(this.listTimer);
    this.listTimer = setTimeout(() => void this.refresh(), 300);
  }

  private disposeView(): void {
    clearTimeout(this.reloadTimer);
    clearTimeout(this.listTimer);
    for (const d of this.disposables.splice(0)) d.dispose();
    this.view = undefined;
  }

  dispose(): void {
    this.disposeView();
  }
}

async function fileExists(uri: vscode.Uri): Promise<boolean> {
  try {
    return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.File) !== 0;
  } catch {
    return false;
  }
}
