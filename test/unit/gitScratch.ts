/** Throw-away git repositories for the unit tests that run real git. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import nodePath from 'node:path';

/** Runs git in `cwd` (a throw-away repository), failing the test on a non-zero exit unless `allowFailure`. */
export function git(cwd: string, args: string[], options: { env?: Record<string, string>; allowFailure?: boolean } = {}) {
  const run = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...options.env } });
  if (!options.allowFailure) assert.equal(run.status, 0, `git ${args.join(' ')}: ${run.stderr}`);
  return run;
}

export function scratchRepository(): string {
  const root = mkdtempSync(nodePath.join(tmpdir(), 'crd-commit-plan-'));
  git(root, ['init', '--quiet', '--initial-branch=main']);
  git(root, ['config', 'user.name', 'Test']);
  git(root, ['config', 'user.email', 'test@example.invalid']);
  git(root, ['config', 'commit.gpgsign', 'false']);
  // Hooks from the machine's own configuration must not take part.
  git(root, ['config', 'core.hooksPath', '.git/hooks']);
  return root;
}

export function write(root: string, path: string, text: string): void {
  mkdirSync(nodePath.dirname(nodePath.join(root, path)), { recursive: true });
  writeFileSync(nodePath.join(root, path), text);
}

