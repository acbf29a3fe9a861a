// A fresh, throw-away copy of test/fixtures/sample-workspace as a git repository,
// so the extension's ADR discovery and Git features have something real to work on.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './code-server.mjs';

export const SAMPLE_WORKSPACE_FIXTURE = join(REPO_ROOT, 'test', 'fixtures', 'sample-workspace');

/** @param {string} cwd @param {string[]} args */
function git(cwd, args) {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new Error(`git ${args.join(' ')} failed in ${cwd}: ${result.error?.message ?? result.stderr.trim()}`);
  }
}

/**
 * Copies the sample workspace to a new folder under `parent` (default: the OS
 * temp folder) and commits it.
 * @param {string} [parent]
 * @returns {string} the workspace folder
 */
export function prepareSampleWorkspace(parent = tmpdir()) {
  const workspace = join(mkdtempSync(join(parent, 'crd-sample-')), 'robofleet-platform');
  cpSync(SAMPLE_WORKSPACE_FIXTURE, workspace, { recursive: true });
  git(workspace, ['init', '--quiet', '--initial-branch=main']);
  // Local identity: code-server runs with its own HOME, so the user's ~/.gitconfig is not seen there.
  git(workspace, ['config', 'user.name', 'RoboFleet Developer']);
  git(workspace, ['config', 'user.email', 'dev@robofleet.example']);
  // The user's global signing or hooks must not make this first commit prompt or fail.
  git(workspace, ['config', 'commit.gpgsign', 'false']);
  git(workspace, ['add', '--all']);
  git(workspace, ['commit', '--quiet', '--no-verify', '--message', 'Initial commit of the RoboFleet open platform']);
  return workspace;
}
