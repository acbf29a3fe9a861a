import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import nodePath from 'node:path';
import {
  commitRequestArgsSchema,
  locateFiles,
  outputExcerpt,
  parseStatus,
  planCommit,
  proposedMessage,
  refusingHook,
  requestFiles,
  type CommitFile,
  type RequestFile,
} from '../../src/core/commitPlan';
import type { QuoteRecord } from '../../src/core/schema';

const REQUEST = 'docs/custom-requests/2026-11-25-acme-reverse-push';
const quote = (number: string, revision: number, path = `doc/adr/quotes/quote-${number}-acme.md`): QuoteRecord => ({ number, revision, path, date: '2026-11-25' });

/** Runs git in `cwd` (a throw-away repository), failing the test on a non-zero exit unless `allowFailure`. */
function git(cwd: string, args: string[], options: { env?: Record<string, string>; allowFailure?: boolean } = {}) {
  const run = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...options.env } });
  if (!options.allowFailure) assert.equal(run.status, 0, `git ${args.join(' ')}: ${run.stderr}`);
  return run;
}

function scratchRepository(): string {
  const root = mkdtempSync(nodePath.join(tmpdir(), 'crd-commit-plan-'));
  git(root, ['init', '--quiet', '--initial-branch=main']);
  git(root, ['config', 'user.name', 'Test']);
  git(root, ['config', 'user.email', 'test@example.invalid']);
  git(root, ['config', 'commit.gpgsign', 'false']);
  // Hooks from the machine's own configuration must not take part.
  git(root, ['config', 'core.hooksPath', '.git/hooks']);
  return root;
}

function write(root: string, path: string, text: string): void {
  mkdirSync(nodePath.dirname(nodePath.join(root, path)), { recursive: true });
  writeFileSync(nodePath.join(root, path), text);
}

describe('commit plan: the files of a request', () => {
  it('lists the assessment, each recorded quote, the ADR and the register, workspace-folder-relative, once each', () => {
    const files = requestFiles(
      { quotes: [quote('Q-2026-003', 1), quote('Q-2026-003-R2', 2), quote('Q-2026-003-R2', 2)], adr: { path: 'doc/adr/0004-reverse-push.md' } },
      `${REQUEST}/assessment.md`,
      'docs/custom-requests/',
    );
    assert.deepEqual(
      files.map((f) => [f.role, f.path]),
      [
        ['assessment', `${REQUEST}/assessment.md`],
        ['quote', 'doc/adr/quotes/quote-Q-2026-003-acme.md'],
        ['quote', 'doc/adr/quotes/quote-Q-2026-003-R2-acme.md'],
        ['adr', 'doc/adr/0004-reverse-push.md'],
        ['register', 'docs/custom-requests/README.md'],
      ],
    );
  });

  it('without an ADR or quotes: the assessment and the register', () => {
    assert.deepEqual(
      requestFiles({ quotes: [], adr: null }, `${REQUEST}/assessment.md`, 'docs/custom-requests').map((f) => f.path),
      [`${REQUEST}/assessment.md`, 'docs/custom-requests/README.md'],
    );
  });

  it('places the files in the repository: repository-relative paths, and those outside it set apart', () => {
    // The workspace folder is a subfolder of the repository (a monorepo package).
    const inPackage = locateFiles([{ role: 'assessment', path: 'requests/a/assessment.md' }], '/work/repo/packages/fleet', '/work/repo');
    assert.deepEqual(inPackage.inside.map((f) => f.repoPath), ['packages/fleet/requests/a/assessment.md']);
    // A folder that holds several repositories: the assessment is in one, the quote beside an ADR in another.
    const files: RequestFile[] = [
      { role: 'assessment', path: 'fleet/requests/a/assessment.md' },
      { role: 'quote', path: 'platform/doc/adr/quotes/q.md' },
    ];
    const split = locateFiles(files, '/work/all', '/work/all/fleet');
    assert.deepEqual(split.inside.map((f) => f.repoPath), ['requests/a/assessment.md']);
    assert.deepEqual(split.outside.map((f) => f.path), ['platform/doc/adr/quotes/q.md']);
  });
});

describe('commit plan: what Git says of them', () => {
  const file = (repoPath: string): CommitFile => ({ role: 'quote', path: repoPath, repoPath });

  it('parses porcelain v1 -z, renames and copies included, names with spaces and Chinese kept raw', () => {
    const output = ['?? docs/新 需求/assessment.md', ' M README.md', 'R  new name.md', 'old name.md', 'MM both.md', 'UU conflict.md', ''].join('\0');
    assert.deepEqual(parseStatus(output), [
      { index: '?', workTree: '?', path: 'docs/新 需求/assessment.md' },
      { index: ' ', workTree: 'M', path: 'README.md' },
      { index: 'R', workTree: ' ', path: 'new name.md' },
      { index: 'M', workTree: 'M', path: 'both.md' },
      { index: 'U', workTree: 'U', path: 'conflict.md' },
    ]);
    assert.deepEqual(parseStatus(''), []);
  });

  it('commits new, modified and staged files; leaves unchanged and deleted ones; sets conflicts apart', () => {
    const status = parseStatus(['?? new.md', ' M modified.md', 'A  staged.md', 'MM partly.md', ' D gone.md', 'D  removed.md', 'AA both-added.md', 'UD theirs.md', ''].join('\0'));
    const plan = planCommit(
      ['new.md', 'modified.md', 'staged.md', 'partly.md', 'committed.md', 'gone.md', 'removed.md', 'both-added.md', 'theirs.md'].map(file),
      status,
    );
    assert.deepEqual(plan.commit.map((f) => f.repoPath), ['new.md', 'modified.md', 'staged.md', 'partly.md']);
    assert.deepEqual(plan.unchanged.map((f) => f.repoPath), ['committed.md', 'gone.md', 'removed.md']);
    assert.deepEqual(plan.conflicted.map((f) => f.repoPath), ['both-added.md', 'theirs.md']);
  });

  it('reads the status real git writes for a request among unrelated changes', () => {
    const root = scratchRepository();
    try {
      write(root, 'doc/adr/0001-old.md', 'old ADR\n');
      write(root, 'docs/custom-requests/README.md', 'register\n');
      write(root, 'src/app.ts', 'app\n');
      git(root, ['add', '--all']);
      git(root, ['commit', '--quiet', '-m', 'initial']);
      write(root, `${REQUEST}/assessment.md`, 'assessment\n');
      write(root, 'doc/adr/quotes/quote-Q-2026-003-acme [draft].md', 'quote\n');
      write(root, 'docs/custom-requests/README.md', 'register, changed\n');
      write(root, 'src/app.ts', 'app, changed\n');
      // Read as a glob, `[draft]` would match this file too: the paths go to Git as literal pathspecs.
      write(root, 'doc/adr/quotes/quote-Q-2026-003-acme d.md', 'look-alike\n');
      const files = requestFiles(
        { quotes: [quote('Q-2026-003', 1, 'doc/adr/quotes/quote-Q-2026-003-acme [draft].md')], adr: { path: 'doc/adr/0001-old.md' } },
        `${REQUEST}/assessment.md`,
        'docs/custom-requests',
      );
      const { inside } = locateFiles(files, root, root);
      const status = git(root, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', ...inside.map((f) => `:(literal)${f.repoPath}`)]).stdout;
      assert.ok(!parseStatus(status).some((entry) => entry.path.endsWith('acme d.md')), 'the look-alike file is not among the paths asked about');
      const plan = planCommit(inside, parseStatus(status));
      assert.deepEqual(
        plan.commit.map((f) => f.repoPath),
        [`${REQUEST}/assessment.md`, 'doc/adr/quotes/quote-Q-2026-003-acme [draft].md', 'docs/custom-requests/README.md'],
      );
      // The ADR the request only links to is committed already: not part of this commit.
      assert.deepEqual(plan.unchanged.map((f) => f.repoPath), ['doc/adr/0001-old.md']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('commit plan: the proposed message', () => {
  const asQuote = (record: QuoteRecord): RequestFile => ({ role: 'quote', path: record.path, quote: record });

  it('names the customer, the request and the committed quote with its revision', () => {
    assert.equal(proposedMessage({ customer: 'ACME', title: 'reverse push' }, [asQuote(quote('Q-2026-003', 1))]), 'docs(custom-request): ACME reverse push, quote Q-2026-003 R1');
    assert.equal(proposedMessage({ customer: 'ACME', title: 'reverse push' }, [asQuote(quote('Q-2026-003-R2', 2))]), 'docs(custom-request): ACME reverse push, quote Q-2026-003 R2');
  });

  it('lists several quotes, and none when only the assessment changed; one line whatever the title holds', () => {
    const both = [asQuote(quote('Q-2026-003', 1)), asQuote(quote('Q-2026-003-R2', 2))];
    assert.equal(proposedMessage({ customer: 'ACME', title: 'reverse push' }, both), 'docs(custom-request): ACME reverse push, quotes Q-2026-003 R1, Q-2026-003 R2');
    assert.equal(proposedMessage({ customer: ' 华东 机器人\n', title: '数据\r\n反向推送 ' }, [{ role: 'assessment', path: 'a.md' }]), 'docs(custom-request): 华东 机器人 数据 反向推送');
  });
});

describe('commit plan: arguments', () => {
  it('takes an assessment and a message; an empty or blank message is refused', () => {
    assert.equal(commitRequestArgsSchema.safeParse({ assessment: 'a.md', message: ' fix ' }).data?.message, 'fix');
    assert.equal(commitRequestArgsSchema.safeParse({ message: '   ' }).success, false);
    assert.equal(commitRequestArgsSchema.safeParse({ message: 3 }).success, false);
    assert.ok(commitRequestArgsSchema.safeParse({}).success);
  });
});

describe('commit plan: a refused commit', () => {
  it('finds the refusing hook in the trace real git writes, and none when Git itself failed', () => {
    const root = scratchRepository();
    const trace = nodePath.join(root, '..', `${nodePath.basename(root)}-trace2.json`);
    try {
      write(root, 'a.md', 'a\n');
      git(root, ['add', 'a.md']);
      write(root, '.git/hooks/pre-commit', '#!/bin/sh\n# a hook that runs git itself: its trace lands in the same file\ngit status --porcelain >/dev/null\ngit rev-parse --verify no-such-ref 2>/dev/null\necho "lint failed: trailing spaces"\nexit 1\n');
      chmodSync(nodePath.join(root, '.git/hooks/pre-commit'), 0o755);
      const refused = git(root, ['commit', '-m', 'x'], { env: { GIT_TRACE2_EVENT: trace }, allowFailure: true });
      assert.notEqual(refused.status, 0);
      assert.match(refused.stderr + refused.stdout, /lint failed: trailing spaces/);
      assert.equal(refusingHook(readFileSync(trace, 'utf8')), 'pre-commit');

      rmSync(trace);
      rmSync(nodePath.join(root, '.git/hooks/pre-commit'));
      // No identity: Git's own failure, no hook involved.
      const noIdentity = git(root, ['-c', 'user.name=', '-c', 'user.email=', '-c', 'user.useConfigOnly=true', 'commit', '-m', 'x'], {
        env: { GIT_TRACE2_EVENT: trace, GIT_AUTHOR_NAME: '', GIT_AUTHOR_EMAIL: '', GIT_COMMITTER_NAME: '', GIT_COMMITTER_EMAIL: '', EMAIL: '' },
        allowFailure: true,
      });
      assert.notEqual(noIdentity.status, 0);
      assert.equal(refusingHook(readFileSync(trace, 'utf8')), undefined);
    } finally {
      rmSync(root, { recursive: true, force: true });
      rmSync(trace, { force: true });
    }
  });

  it('reads hand-written traces: a hook that passed, another that failed, a child process of a hook, and junk lines', () => {
    const event = (fields: object) => JSON.stringify({ sid: 'S1', ...fields });
    const passed = [event({ event: 'child_start', child_id: 0, child_class: 'hook', hook_name: 'pre-commit' }), event({ event: 'child_exit', child_id: 0, code: 0 })];
    assert.equal(refusingHook([...passed, 'not json', '42', 'null'].join('\n')), undefined);
    const failed = [event({ event: 'child_start', child_id: 1, child_class: 'hook', hook_name: 'commit-msg' }), event({ event: 'child_exit', child_id: 1, code: 1 })];
    assert.equal(refusingHook([...passed, ...failed].join('\n')), 'commit-msg');
    // A git command run by the hook fails with child id 0 of its own process: not the top-level commit's hook.
    const nested = [
      event({ event: 'child_start', child_id: 0, child_class: 'hook', hook_name: 'pre-commit' }),
      JSON.stringify({ sid: 'S1/S2', event: 'child_start', child_id: 0, child_class: 'hook', hook_name: 'post-checkout' }),
      JSON.stringify({ sid: 'S1/S2', event: 'child_exit', child_id: 0, code: 1 }),
      event({ event: 'child_exit', child_id: 0, code: 0 }),
    ];
    assert.equal(refusingHook(nested.join('\n')), undefined);
  });

  it('shows a few plain lines of a hook\'s output: colours and blank lines dropped, long output cut', () => {
    assert.equal(outputExcerpt('\x1b[31m✖ lint failed\x1b[0m: trailing spaces\n\n\r\n  src/a.ts:3  \n'), '✖ lint failed: trailing spaces\n  src/a.ts:3');
    const many = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n');
    assert.equal(outputExcerpt(many, 3), 'line 1\nline 2\nline 3\n…');
    assert.equal(outputExcerpt('x'.repeat(400)).length, 301);
    assert.equal(outputExcerpt('\n \n'), '');
  });
});
