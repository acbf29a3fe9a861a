/**
 * The 'git' scenario's workspace (runs in the host runner, not the extension
 * host): a multi-root workspace of the sample repository, a second small
 * repository, and a folder that is in no repository, so Commit Request is
 * seen to commit in the right repository and to say plainly when there is none.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import nodePath from 'node:path';

/** The workspace folders' names, as the spec finds them. */
export const GIT_FOLDERS = { sample: 'robofleet-platform', second: 'fleet-portal', plain: 'scratch-notes' } as const;

function git(cwd: string, args: string[]): void {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (result.error || result.status !== 0) throw new Error(`git ${args.join(' ')} failed in ${cwd}: ${result.error?.message ?? result.stderr.trim()}`);
}

/** Makes the workspace under `parent`; returns its .code-workspace file. */
export function prepareGitWorkspace(parent: string, prepareSampleWorkspace: (parent: string) => string): string {
  const sample = prepareSampleWorkspace(parent);

  const second = nodePath.join(parent, GIT_FOLDERS.second);
  mkdirSync(second, { recursive: true });
  writeFileSync(nodePath.join(second, 'README.md'), '# Fleet portal\n');
  git(second, ['init', '--quiet', '--initial-branch=main']);
  // Local identity and no signing: code-server runs with its own HOME.
  git(second, ['config', 'user.name', 'Portal Developer']);
  git(second, ['config', 'user.email', 'portal@robofleet.example']);
  git(second, ['config', 'commit.gpgsign', 'false']);
  git(second, ['add', '--all']);
  git(second, ['commit', '--quiet', '--no-verify', '--message', 'Initial commit of the fleet portal']);

  // Under the OS temp folder, which is in no repository.
  const plain = nodePath.join(parent, GIT_FOLDERS.plain);
  mkdirSync(plain, { recursive: true });
  writeFileSync(nodePath.join(plain, 'notes.md'), '# Notes\n');

  const file = nodePath.join(parent, 'git.code-workspace');
  writeFileSync(file, JSON.stringify({ folders: [sample, second, plain].map((path) => ({ path })), settings: {} }, null, 2));
  return file;
}
