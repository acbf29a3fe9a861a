import * as vscode from 'vscode';
import { DeskError } from './core/errors';
import { joinPath, relativePath } from './core/paths';
import { FILE_CONCURRENCY, forEachSliced, mapPool } from './core/pool';
import { readAssessmentOutline } from './core/fastFrontMatter';
import { readAssessmentTexts, readLocalHead, type AssessmentText } from './assessmentFiles';
import { localPath } from './localWrite';
import type { CachedRequest, FileVersion, RequestCache } from './requestCache';
import type { AssessmentFrontMatter } from './core/schema';
import { frontMatters } from './assessments';
import { readSettings } from './config';
import { log } from './log';
import { QuoteFileIndex } from './quoteFileIndex';
import { uiLang } from './uiLanguage';
import { WorkspaceFs } from './workspaceFs';

/** One assessment as the tree and the register see it: parsed, or the reason it could not be. */
export interface RequestEntry {
  uri: vscode.Uri;
  folder: vscode.WorkspaceFolder;
  /** workspace-folder-relative path of the assessment */
  path: string;
  frontMatter?: AssessmentFrontMatter;
  /** why the front matter could not be read, in the UI language */
  problem?: string;
  /** days a quote stays valid when its assessment does not say (the folder's setting) */
  defaultValidDays: number;
  /** the text whose estimate is still to be checked (the first load; see RequestIndex.checkDeferred) */
  deferred?: string;
}

/** Where a folder's assessments live: `<assessmentFolder>/<request>/assessment.md`. */
interface FolderWatch {
  folder: vscode.WorkspaceFolder;
  base: string;
  watcher: vscode.FileSystemWatcher;
}

const DEBOUNCE_MS = 150;
/** How long after the index last changed the cache is written. */
const SAVE_DELAY_MS = 3000;

/** The cache's name for a folder's assessment folder: its URI. */
const cacheKey = (watch: FolderWatch) => watch.folder.uri.with({ path: watch.base }).toString();

/**
 * Every assessment in the workspace, kept current without rescanning: the
 * first call lists each folder's assessment folder once; after that a file
 * system watcher and the open documents say which files changed, and only
 * those are read again (debounced, so a `git checkout` of many files is one
 * refresh). An open document counts with its unsaved text, so a status set
 * through the editor shows at once.
 */
export class RequestIndex implements vscode.Disposable {
  private readonly entries = new Map<string, RequestEntry>();
  private readonly watches: FolderWatch[] = [];
  private readonly pending = new Set<string>();
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private loading: Promise<void> | undefined;
  /** the check of the first load's deferred estimates (see checkDeferred) */
  private checking: Promise<void> | undefined;
  private readonly quoteFiles = new QuoteFileIndex();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** the version each entry was read from, for the cache (entries from unsaved text or a remote read have none) */
  private readonly versions = new Map<string, FileVersion>();
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private rereadAll = false;
  private loadingNow = false;
  /** files read from disk since the index was created (for the benchmarks) */
  reads = 0;
  /** the URIs of those files, as strings (for tests, which follow their own files whatever other documents are open) */
  readonly readUris = new Set<string>();

  readonly onDidChange = this.emitter.event;

  /** `cache`: the index kept between windows (see RequestCache); none in tests that want every file read. */
  constructor(private readonly cache?: RequestCache) {
    this.disposables.push(
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        // Quote files are kept current by their watcher (Refresh leaves them); another folder needs a new search.
        this.quoteFiles.dispose();
        this.reset();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('customRequest.assessmentFolder')) this.reset();
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && this.entries.has(e.document.uri.toString())) this.schedule(e.document.uri);
      }),
      // A closed document's unsaved text is gone: the file on disk counts again.
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (this.entries.has(doc.uri.toString())) this.schedule(doc.uri);
      }),
    );
  }

  /** All entries, loading them on first use, each with its whole front matter checked. */
  async all(): Promise<RequestEntry[]> {
    await this.shown();
    await this.checking;
    return [...this.entries.values()];
  }

  /**
   * All entries as the tree first shows them: on the first load, a request
   * with an estimate may still have it unchecked (`deferred`) for a moment.
   */
  async shown(): Promise<RequestEntry[]> {
    this.loading ??= this.load().then(() => {
      this.checking = this.checkDeferred();
    });
    await this.loading;
    return [...this.entries.values()];
  }

  /** The entry of one assessment, if it is one of ours. */
  async get(uri: vscode.Uri): Promise<RequestEntry | undefined> {
    await this.all();
    return this.entries.get(uri.toString());
  }

  /** The entry of an assessment as the index has it now, without loading anything (undefined when not loaded). */
  peek(uri: vscode.Uri): RequestEntry | undefined {
    return this.entries.get(uri.toString());
  }

  /** Reads these files again now (after a command changed them), without waiting for the watcher. */
  async refresh(...uris: vscode.Uri[]): Promise<void> {
    if (!this.loading) return;
    await this.loading;
    await Promise.all(uris.map((uri) => this.readWatched(uri)));
    this.scheduleSave();
    this.emitter.fire();
  }

  /** The quote numbers in quote file names anywhere in the workspace (see QuoteFileIndex). */
  quoteFileNumbers(): Promise<string[]> {
    return this.quoteFiles.numbers();
  }

  /** Forgets everything; the next `all()` lists the folders again. `reread`: and reads every file, not trusting the cache (Refresh). */
  reset(reread = false): void {
    if (reread) this.rereadAll = true;
    this.disposeWatches();
    this.entries.clear();
    this.versions.clear();
    this.pending.clear();
    this.loading = undefined;
    this.checking = undefined;
    this.emitter.fire();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    // A change not yet written to the cache is written as the window closes.
    if (this.saveTimer) this.saveCache();
    this.disposeWatches();
    this.quoteFiles.dispose();
    for (const d of this.disposables) d.dispose();
  }

  private disposeWatches(): void {
    for (const watch of this.watches.splice(0)) watch.watcher.dispose();
  }

  private async load(): Promise<void> {
    this.loadingNow = true;
    try {
      for (const folder of vscode.workspace.workspaceFolders ?? []) {
        const settings = readSettings(folder.uri);
        const base = joinPath(folder.uri.path, settings.assessmentFolder);
        const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, `${settings.assessmentFolder}/**`));
        const watch: FolderWatch = { folder, base, watcher };
        this.watches.push(watch);
        watcher.onDidCreate((uri) => this.changed(watch, uri));
        watcher.onDidChange((uri) => this.changed(watch, uri));
        watcher.onDidDelete((uri) => this.deleted(watch, uri));
        // Every assessment (open ones with their unsaved text), each parsed once per text (see FrontMatterCache).
        const opened = new Map(vscode.workspace.textDocuments.map((doc) => [doc.uri.toString(), doc]));
        const cached = this.rereadAll ? undefined : this.cache?.load(cacheKey(watch));
        await readAssessmentTexts(folder, base, (file) => this.store(watch, file, settings.quoteValidityDays, cached?.get(file.uri.toString()), true), {
          opened: (uri) => opened.get(uri)?.getText(),
          cached,
        });
      }
    } finally {
      this.loadingNow = false;
    }
    this.rereadAll = false;
    this.scheduleSave();
  }

  /** Writes the cache a few seconds after the last change (the tree's first load does not wait for it). */
  private scheduleSave(): void {
    if (!this.cache) return;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.saveCache(), SAVE_DELAY_MS);
  }

  /** Writes the cache of every folder now. */
  private saveCache(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    // Half a load would be half a cache: the load schedules a save when it is done.
    if (this.loadingNow) return;
    for (const watch of this.watches) {
      const requests = new Map<string, CachedRequest>();
      for (const [key, entry] of this.entries) {
        const version = this.versions.get(key);
        if (version && entry.frontMatter && entry.deferred === undefined && entry.folder === watch.folder) requests.set(key, { ...version, frontMatter: entry.frontMatter });
      }
        this.cache?.save(cacheKey(watch), requests);
    }
  }

  /** `<base>/<request>/assessment.md` → that file; `<base>/<request>` (a folder created or checked out) → its assessment. */
  private assessmentOf(watch: FolderWatch, uri: vscode.Uri): vscode.Uri | undefined {
    if (!uri.path.startsWith(`${watch.base}/`)) return undefined;
    const parts = uri.path.slice(watch.base.length + 1).split('/');
    if (parts.length === 1 && parts[0]) return vscode.Uri.joinPath(uri, 'assessment.md');
    if (parts.length === 2 && parts[1] === 'assessment.md') return uri;
    return undefined;
  }

  private watchOf(uri: vscode.Uri): FolderWatch | undefined {
    return this.watches.find((watch) => uri.path.startsWith(`${watch.base}/`) && vscode.workspace.getWorkspaceFolder(uri) === watch.folder);
  }

  private changed(watch: FolderWatch, uri: vscode.Uri): void {
    const assessment = this.assessmentOf(watch, uri);
    if (assessment) this.schedule(assessment);
  }

  private deleted(watch: FolderWatch, uri: vscode.Uri): void {
    // A deleted request folder (or the whole assessment folder) takes its entries with it.
    const prefix = `${uri.path}/`;
    let removed = false;
    for (const [key, entry] of this.entries) {
      if (entry.uri.path === uri.path || entry.uri.path.startsWith(prefix)) removed = this.entries.delete(key) || removed;
    }
    if (removed) this.emitter.fire();
    this.changed(watch, uri);
  }

  private schedule(uri: vscode.Uri): void {
    this.pending.add(uri.toString());
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), DEBOUNCE_MS);
  }

  private async flush(): Promise<void> {
    this.timer = undefined;
    if (!this.loading) return this.pending.clear();
    await this.loading;
    const uris = [...this.pending].map((key) => vscode.Uri.parse(key));
    this.pending.clear();
    await mapPool(uris, FILE_CONCURRENCY, (uri) => this.readWatched(uri));
    if (uris.length > 0) {
      this.scheduleSave();
      this.emitter.fire();
    }
  }

  private async readWatched(uri: vscode.Uri): Promise<void> {
    const watch = this.watchOf(uri);
    if (watch) await this.readEntry(watch, uri);
  }

  /** Reads one assessment (the open document's text when it is open) and stores or drops its entry. */
  private async readEntry(watch: FolderWatch, uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    const path = relativePath(watch.folder.uri.path, uri.path);
    const open = vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === key);
    if (open) return this.store(watch, { uri, path, text: open.getText(), fromDisk: false });
    const local = localPath(uri);
    if (local) {
      // As the first load reads it, so its version goes to the cache too.
      try {
        return this.store(watch, { uri, path, ...readLocalHead(uri, local, this.cache !== undefined), fromDisk: true });
      } catch {
        // Read the usual way below.
      }
    }
    const bytes = await new WorkspaceFs(watch.folder.uri).readFile(uri.path).catch(() => undefined);
    if (bytes) this.store(watch, { uri, path, text: new TextDecoder().decode(bytes), fromDisk: true });
    else this.store(watch, { uri, path, fromDisk: true });
  }

  /** Stores the entry of an assessment's text, or drops it (no text: gone or unreadable; not an assessment). */
  private store(watch: FolderWatch, file: AssessmentText, defaultValidDays?: number, cached?: CachedRequest, deferEstimate = false): void {
    const { uri, path, text } = file;
    const key = uri.toString();
    if (file.fromDisk) {
      this.reads++;
      this.readUris.add(key);
    }
    this.versions.delete(key);
    const entry: RequestEntry = { uri, folder: watch.folder, path, defaultValidDays: defaultValidDays ?? readSettings(watch.folder.uri).quoteValidityDays };
    if (file.unchanged && cached) {
      this.versions.set(key, { mtime: cached.mtime, size: cached.size });
      this.entries.set(key, { ...entry, frontMatter: cached.frontMatter });
      return;
    }
    if (text === undefined) {
      this.entries.delete(key);
      return;
    }
    if (file.version) this.versions.set(key, file.version);
    // The first load shows the tree before the estimates are checked (see checkDeferred).
    const outline = deferEstimate ? readAssessmentOutline(text) : undefined;
    if (outline) {
      this.entries.set(key, { ...entry, frontMatter: outline, deferred: text });
      return;
    }
    this.check(entry, text);
    if (entry.frontMatter || entry.problem) this.entries.set(key, entry);
    else this.entries.delete(key);
  }

  /** Parses `text` into `entry` (its front matter, or the problem in the UI language); neither when it is not an assessment. */
  private check(entry: RequestEntry, text: string): void {
    const key = entry.uri.toString();
    entry.deferred = undefined;
    try {
      entry.frontMatter = frontMatters.frontMatter(key, entry.path, text);
      entry.problem = undefined;
    } catch (error) {
      entry.frontMatter = undefined;
      // Some other Markdown file that happens to be called assessment.md: not ours.
      if (error instanceof DeskError && error.code === 'not-an-assessment') return;
      entry.problem = error instanceof DeskError ? error.messageIn(uiLang()) : String(error);
      log().info(`Requests: ${entry.path}: ${entry.problem}`);
    }
  }

  /**
   * Checks the whole front matter of entries the first load took with their
   * estimate unchecked, a few milliseconds at a time after the tree has
   * shown; one whose estimate is wrong moves to "Needs attention".
   */
  private async checkDeferred(): Promise<void> {
    const deferred = [...this.entries.values()].filter((entry) => entry.deferred !== undefined);
    let refused = 0;
    await forEachSliced(deferred, (entry) => {
      if (entry.deferred === undefined) return;
      this.check(entry, entry.deferred);
      if (!entry.frontMatter) refused++;
    });
    if (refused > 0) this.emitter.fire();
  }

  /** The entry with its whole front matter checked (a tooltip needs the estimate before the deferred check reaches it). */
  complete(entry: RequestEntry): RequestEntry {
    if (entry.deferred === undefined) return entry;
    this.check(entry, entry.deferred);
    if (!entry.frontMatter) this.emitter.fire();
    return entry;
  }

}
