/**
 * Commit Request's git calls (src/gitCli.ts) through real git: the paths it
 * hands git are file names, never patterns, whatever characters they hold.
 */
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import nodePath from 'node:path';
import { commitPaths, literal, statusOf } from '../../src/gitCli';
import { DeskError } from '../../src/core/errors';
import { git, scratchRepository, write } from './gitScratch';

/** The files a commit changed, as git lists them (sorted by git). */
const committedFiles = (root: string, commit: string) => git(root, ['show', '--name-only', '--format=', commit]).stdout.split('\n').filter(Boolean);

/** `git status --porcelain` of the whole work tree, one line per entry. */
const wholeStatus = (root: string) => git(root, ['status', '--porcelain=v1', '--untracked-files=all']).stdout.split('\n').filter(Boolean);

const NAMES = ['[draft].md', '*.md', ':(glob)x.md', '-n.md'];

describe('git adapter: pathspecs through real git', () => {
  let root = '';
  const repo = () => ({ root, gitPath: 'git' });

  beforeEach(() => {
    root = scratchRepository();
    write(root, 'base.txt', 'base\n');
    git(root, ['add', '--all']);
    git(root, ['commit', '--quiet', '-m', 'initial']);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('marks every path literal', () => {
    assert.deepEqual(literal(['a.md', '*.md']), [':(literal)a.md', ':(literal)*.md']);
  });

  it('commits exactly files named like patterns and options, and leaves a file the patterns would match alone', async () => {
    for (const name of NAMES) write(root, `q/${name}`, `${name}\n`);
    // `[draft].md` as a glob matches `d.md`; `*.md` matches everything; `:(glob)x.md` as magic matches `x.md`.
    write(root, 'q/d.md', 'unrelated d\n');
    write(root, 'q/x.md', 'unrelated x\n');
    // The user's own staged change elsewhere stays staged and out of this commit.
    write(root, 'base.txt', 'base, staged by the user\n');
    git(root, ['add', 'base.txt']);

    const paths = NAMES.map((name) => `q/${name}`);
    const commit = await commitPaths(repo(), paths, 'docs: four odd names');

    assert.deepEqual(committedFiles(root, commit), ['q/*.md', 'q/-n.md', 'q/:(glob)x.md', 'q/[draft].md']);
    assert.equal(git(root, ['log', '-1', '--format=%s']).stdout.trim(), 'docs: four odd names');
    assert.equal(git(root, ['rev-parse', 'HEAD']).stdout.trim(), commit);
    assert.deepEqual(wholeStatus(root), ['M  base.txt', '?? q/d.md', '?? q/x.md']);
    assert.equal(readFileSync(nodePath.join(root, 'q/d.md'), 'utf8'), 'unrelated d\n');
  });

  it('asks the status of exactly those files, not of the files their names would match', async () => {
    for (const name of NAMES) write(root, `q/${name}`, `${name}\n`);
    write(root, 'q/d.md', 'unrelated d\n');
    write(root, 'q/x.md', 'unrelated x\n');
    const status = await statusOf(repo(), ['q/[draft].md', 'q/*.md', 'q/:(glob)x.md', 'q/-n.md']);
    const entries = status.split('\0').filter(Boolean).sort();
    assert.deepEqual(entries, ['?? q/*.md', '?? q/-n.md', '?? q/:(glob)x.md', '?? q/[draft].md']);
  });

  it('commits a deleted file of the request as a deletion, and not the untracked file its name would match', async () => {
    write(root, 'q/[draft].md', 'v1\n');
    git(root, ['add', '--all']);
    git(root, ['commit', '--quiet', '-m', 'add draft']);
    rmSync(nodePath.join(root, 'q/[draft].md'));
    // With the file gone, git would read `[draft].md` as a glob, and `d.md` matches it.
    write(root, 'q/d.md', 'unrelated d\n');
    const commit = await commitPaths(repo(), ['q/[draft].md'], 'docs: drop draft');
    assert.equal(git(root, ['show', '--name-status', '--format=', commit]).stdout.trim(), 'D\tq/[draft].md');
    assert.deepEqual(wholeStatus(root), ['?? q/d.md']);
  });

  it('names the refusing hook and leaves the files staged and the history as it was', async () => {
    const before = git(root, ['rev-parse', 'HEAD']).stdout.trim();
    write(root, '.git/hooks/pre-commit', '#!/bin/sh\necho "no quotes on Fridays" >&2\nexit 1\n');
    chmodSync(nodePath.join(root, '.git/hooks/pre-commit'), 0o755);
    write(root, 'q/*.md', 'quote\n');
    const warnings: string[] = [];
    await assert.rejects(
      commitPaths(repo(), ['q/*.md'], 'docs: quote', (text) => warnings.push(text)),
      (error: unknown) => {
        assert.ok(error instanceof DeskError);
        assert.equal(error.code, 'hook-refused');
        assert.equal(
          error.message,
          "The commit was refused by the repository's pre-commit hook:\nno quotes on Fridays\nNothing was committed; the request's files are on disk as they were, and staged.",
        );
        assert.equal(error.messageIn('zh-cn'), '仓库的 pre-commit 钩子拒绝了这次提交：\nno quotes on Fridays\n未提交任何内容；此需求的文件仍原样保存在磁盘上，并已暂存。');
        return true;
      },
    );
    assert.equal(git(root, ['rev-parse', 'HEAD']).stdout.trim(), before);
    assert.deepEqual(wholeStatus(root), ['A  q/*.md']);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /^git commit exited with 1 \(pre-commit hook\):\nno quotes on Fridays\n/);
  });

  it('says git could not stage the files when a path is outside the repository', async () => {
    await assert.rejects(commitPaths(repo(), ['../outside.md'], 'docs: outside'), (error: unknown) => {
      assert.ok(error instanceof DeskError);
      assert.equal(error.code, 'git-failed');
      assert.match(error.message, /^Git could not stage the files; nothing was committed\. Git said:\n.*outside/s);
      return true;
    });
  });

  /** A pre-commit hook with this shell body. */
  const hook = (body: string) => {
    write(root, '.git/hooks/pre-commit', `#!/bin/sh\n${body}\n`);
    chmodSync(nodePath.join(root, '.git/hooks/pre-commit'), 0o755);
  };

  it('keeps the first 64 KB of what a chatty hook prints, and still names the hook', async () => {
    // 200,000 characters on standard error, in one line.
    hook("head -c 200000 /dev/zero | tr '\\0' x >&2\nexit 1");
    write(root, 'q/a.md', 'a\n');
    const warnings: string[] = [];
    await assert.rejects(commitPaths(repo(), ['q/a.md'], 'docs: a', (text) => warnings.push(text)), { code: 'hook-refused' });
    const xs = warnings[0].split('x').length - 1;
    assert.ok(xs >= 64 * 1024 && xs < 200_000, `${xs} of the hook's 200,000 characters kept`);
  });

  it('says git could not commit, in both languages, when git fails for a reason other than a hook', async () => {
    // The file is committed and unchanged: `git commit --only` has nothing to commit and exits with 1.
    write(root, 'q/a.md', 'a\n');
    await commitPaths(repo(), ['q/a.md'], 'docs: a');
    const warnings: string[] = [];
    await assert.rejects(commitPaths(repo(), ['q/a.md'], 'docs: again', (text) => warnings.push(text)), (error: unknown) => {
      assert.ok(error instanceof DeskError);
      assert.equal(error.code, 'git-failed');
      assert.match(error.message, /^Git could not commit; nothing was committed\. Git said:\n/);
      assert.match(error.messageIn('zh-cn'), /^Git 未能提交，未提交任何内容。Git 的输出：\n/);
      return true;
    });
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /^git commit exited with 1:\n/);
  });

  it('says git could not read the status outside a repository', async () => {
    const elsewhere = mkdtempSync(nodePath.join(tmpdir(), 'crd-not-a-repo-'));
    try {
      await assert.rejects(statusOf({ root: elsewhere, gitPath: 'git' }, ['a.md']), (error: unknown) => {
        assert.ok(error instanceof DeskError);
        assert.equal(error.code, 'git-failed');
        assert.match(error.message, /^Git could not read the files' status; nothing was committed\. Git said:\n.*not a git repository/is);
        assert.match(error.messageIn('zh-cn'), /^Git 未能读取文件状态，未提交任何内容。Git 的输出：\n/);
        return true;
      });
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('rejects with the system error when git cannot be started', async () => {
    await assert.rejects(statusOf({ root, gitPath: nodePath.join(root, 'no-such-git') }, ['a.md']), { code: 'ENOENT' });
  });

  it('leaves no trace file behind, after a commit and after a refusal', async () => {
    const saved = process.env.TMPDIR;
    const scratch = mkdtempSync(nodePath.join(tmpdir(), 'crd-tmp-'));
    process.env.TMPDIR = scratch;
    try {
      write(root, 'q/a.md', 'a\n');
      await commitPaths(repo(), ['q/a.md'], 'docs: a');
      hook('exit 1');
      write(root, 'q/b.md', 'b\n');
      await assert.rejects(commitPaths(repo(), ['q/b.md'], 'docs: b'), { code: 'hook-refused' });
      assert.deepEqual(readdirSync(scratch), []);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
