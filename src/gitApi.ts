/**
 * The part of the built-in Git extension's API (`vscode.git`, `getAPI(1)`)
 * that Commit Request uses, typed by hand from the extension's `git.d.ts`
 * (VS Code 1.100) rather than added as a dependency. Types only.
 */
import type { Event, Uri } from 'vscode';

export interface GitExtension {
  /** false while `git.enabled` is off at start-up, or when no git executable was found */
  readonly enabled: boolean;
  readonly onDidChangeEnablement: Event<boolean>;
  /** throws when the extension is not enabled */
  getAPI(version: 1): GitApi;
}

export type GitApiState = 'uninitialized' | 'initialized';

export interface GitApi {
  /** 'initialized' once the workspace folders have been scanned for repositories */
  readonly state: GitApiState;
  readonly onDidChangeState: Event<GitApiState>;
  /** the git executable the extension runs */
  readonly git: { readonly path: string };
  readonly repositories: readonly GitRepository[];
  /** the open repository that holds this file or folder, if any */
  getRepository(uri: Uri): GitRepository | null;
  /** opens the repository at or above a folder (honouring `git.openRepositoryInParentFolders`) */
  openRepository(root: Uri): Promise<GitRepository | null>;
}

export interface GitRepository {
  readonly rootUri: Uri;
  /** `git add -A -- <paths>` (absolute paths; Git reads them as pathspecs) */
  add(paths: string[]): Promise<void>;
  /** refreshes the extension's model (the Source Control view) */
  status(): Promise<void>;
}
