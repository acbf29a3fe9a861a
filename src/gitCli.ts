/**
 * Git run as a program, with no VS Code in it (split from src/git.ts, which
 * finds the repository through the Git extension): the status, staging and
 * commit that Commit Request runs on exactly the request's files. Every path
 * goes to git as a literal pathspec, so a file named `*.md`, `[draft].md`,
 * `:(glob)x.md` or `-n.md` means that file and no other.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import nodePath from 'node:path';
import { outputExcerpt, refusingHook } from './core/commitPlan';
import { DeskError } from './core/errors';
import type { Bilingual } from './core/lang';

/** Where git runs: the repository's root folder (a file-system path) and the git executable. */
export interface GitWorkTree {
  root: string;
  gitPath: string;
}

interface GitRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Keeps the first 64 KB of a stream: enough for any message, and a chatty hook is never killed for its output. */
const KEEP = 64 * 1024;

/** Runs git in the repository root; never rejects for a non-zero exit (the caller reads `code`). */
function runGit(repo: GitWorkTree, args: string[], env: Record<string, string> = {}): Promise<GitRun> {
  return new Promise((resolve, reject) => {
    // Stryker disable next-line ArrayDeclaration: none of these commands reads input (git gives hooks /dev/null), so the default pipes change nothing
    const child = spawn(repo.gitPath, args, { cwd: repo.root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = { stdout: '', stderr: '' };
    for (const stream of ['stdout', 'stderr'] as const) {
      child[stream].setEncoding('utf8').on('data', (chunk: string) => {
        if (out[stream].length < KEEP) out[stream] += chunk;
      });
    }
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, ...out }));
  });
}

/** `:(literal)` so that a `[`, `*` or `?` in a file name never matches other files. */
export const literal = (paths: readonly string[]) => paths.map((path) => `:(literal)${path}`);

/** What git was asked to do, for a failure message. */
const STEPS = {
  status: { en: "read the files' status", 'zh-cn': '读取文件状态' },
  add: { en: 'stage the files', 'zh-cn': '暂存这些文件' },
  commit: { en: 'commit', 'zh-cn': '提交' },
} satisfies Record<string, Bilingual>;

function gitFailed(step: keyof typeof STEPS, run: GitRun): DeskError {
  const output = outputExcerpt(`${run.stderr}\n${run.stdout}`) || `exit code ${run.code}`;
  return new DeskError('git-failed', {
    en: `Git could not ${STEPS[step].en}; nothing was committed. Git said:\n${output}`,
    'zh-cn': `Git 未能${STEPS[step]['zh-cn']}，未提交任何内容。Git 的输出：\n${output}`,
  });
}

/** `git status --porcelain=v1 -z` for just these repository-relative paths, untracked files listed one by one. */
export async function statusOf(repo: GitWorkTree, paths: readonly string[]): Promise<string> {
  // GIT_OPTIONAL_LOCKS=0: a status must not take the index lock from a commit running at the same time.
  const run = await runGit(repo, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', ...literal(paths)], { GIT_OPTIONAL_LOCKS: '0' });
  if (run.code !== 0) throw gitFailed('status', run);
  return run.stdout;
}

/**
 * Stages exactly `paths` and commits only them (`git commit --only`): Git
 * commits their working-tree contents from a temporary index and keeps every
 * other staged entry staged, unstaged and untracked files untouched. Hooks run
 * (no --no-verify); Git's trace2 events tell a hook's refusal from Git's own
 * failures. Returns the new commit's id. `warn` gets git's whole output when
 * the commit fails (the message shows an excerpt).
 */
export async function commitPaths(repo: GitWorkTree, paths: readonly string[], message: string, warn: (text: string) => void = () => {}): Promise<string> {
  const add = await runGit(repo, ['add', '--all', '--', ...literal(paths)]);
  if (add.code !== 0) throw gitFailed('add', add);
  const traceFolder = await mkdtemp(nodePath.join(tmpdir(), 'crd-git-'));
  const trace = nodePath.join(traceFolder, 'trace2.json');
  try {
    const commit = await runGit(repo, ['commit', '--only', '--message', message, '--', ...literal(paths)], { GIT_TRACE2_EVENT: trace });
    if (commit.code !== 0) {
      const hook = refusingHook(await readFile(trace, 'utf8').catch(() => ''));
      warn(`git commit exited with ${commit.code}${hook ? ` (${hook} hook)` : ''}:\n${commit.stderr}\n${commit.stdout}`);
      if (!hook) throw gitFailed('commit', commit);
      const output = outputExcerpt(`${commit.stderr}\n${commit.stdout}`);
      throw new DeskError('hook-refused', {
        en: `The commit was refused by the repository's ${hook} hook${output ? `:\n${output}` : '.'}\nNothing was committed; the request's files are on disk as they were, and staged.`,
        'zh-cn': `仓库的 ${hook} 钩子拒绝了这次提交${output ? `：\n${output}` : '。'}\n未提交任何内容；此需求的文件仍原样保存在磁盘上，并已暂存。`,
      });
    }
  } finally {
    await rm(traceFolder, { recursive: true, force: true });
  }
  const head = await runGit(repo, ['rev-parse', 'HEAD']);
  return head.stdout.trim();
}
