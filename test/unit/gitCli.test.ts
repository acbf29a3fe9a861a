/**
 * Commit Request's git calls (src/gitCli.ts) through real git: the paths it
 * hands git are file names, never patterns, whatever characters they hold.
 */
import assert from 'node:assert/strict';
import { chmodSync, readFileSync, rmSync } from 'node:fs';
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
});
