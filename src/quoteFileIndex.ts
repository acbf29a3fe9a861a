import * as vscode from 'vscode';
import { formatQuoteNumber, quoteNumberFromFileName } from './core/quote';

/**
 * The quote numbers in quote file names (`quote-Q-2026-003-acme.md`)
 * anywhere in the workspace outside node_modules: one file search on first
 * use, then kept current by a watcher, so Generate Quote does not search
 * 50,000 files each time. Part of the Custom Requests index (RequestIndex).
 */
export class QuoteFileIndex implements vscode.Disposable {
  /** quote file URI → its number */
  private found: Promise<Map<string, string>> | undefined;
  private watcher: vscode.FileSystemWatcher | undefined;

  async numbers(): Promise<string[]> {
    this.found ??= this.search();
    return [...new Set((await this.found).values())];
  }

  /** Forgets the files found (another workspace folder needs a new search). */
  dispose(): void {
    this.watcher?.dispose();
    this.watcher = undefined;
    this.found = undefined;
  }

  private async search(): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    const note = (uri: vscode.Uri) => {
      if (uri.path.includes('/node_modules/')) return;
      const number = quoteNumberFromFileName(uri.path.slice(uri.path.lastIndexOf('/') + 1));
      if (number) found.set(uri.toString(), formatQuoteNumber(number));
    };
    // Watching first, so a file made while the search runs is not missed.
    const watcher = vscode.workspace.createFileSystemWatcher('**/quote-Q-*.md', false, true, false);
    this.watcher = watcher;
    watcher.onDidCreate(note);
    watcher.onDidDelete((uri) => found.delete(uri.toString()));
    try {
      for (const uri of await vscode.workspace.findFiles('**/quote-Q-*.md', '**/node_modules/**')) note(uri);
    } catch {
      // Virtual workspaces may not support file search; the assessments' records still count.
    }
    return found;
  }
}
