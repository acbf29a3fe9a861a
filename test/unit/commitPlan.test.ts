import assert from 'node:assert/strict';
import { chmodSync, readFileSync, rmSync } from 'node:fs';
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
import { quotePlacement } from '../../src/core/adr';
import { parseAssessment } from '../../src/core/assessment';
import { DeskError } from '../../src/core/errors';
import { statusOf } from '../../src/gitCli';
import { dirname, relativePath } from '../../src/core/paths';
import { registerFileText } from '../../src/core/register';
import { adrFolderProblem, isRegisterText, quoteTextProblem } from '../../src/core/requestPaths';
import type { QuoteRecord } from '../../src/core/schema';
import { planNewAssessment, planQuote } from '../../src/core/workflows';
import { git, scratchRepository, write } from './gitScratch';
import { common, requestData, SETTINGS, withEstimate } from './workflowFixture';

const REQUEST = 'docs/custom-requests/2026-11-25-acme-reverse-push';
const quote = (number: string, revision: number, path = `doc/adr/quotes/quote-${number}-acme.md`): QuoteRecord => ({ number, revision, path, date: '2026-11-25' });

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

  it('reads the status real git writes for a request among unrelated changes', async () => {
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
      const status = await statusOf({ root, gitPath: 'git' }, inside.map((f) => f.repoPath));
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

describe('commit plan: only the request\'s own files (issue 20)', () => {
  const ASSESSMENT = `${REQUEST}/assessment.md`;
  const OWN_QUOTE = quote('Q-2026-003', 1);
  const ADR = { path: 'doc/adr/0004-reverse-push.md' };
  /** The refusal requestFiles throws, in both languages: the field and the value it holds. */
  const refusedNaming = (field: string, value: string) => (error: unknown) => {
    assert.ok(error instanceof DeskError, `a DeskError, not ${String(error)}`);
    assert.equal(error.code, 'invalid-front-matter');
    assert.ok(error.text.en.startsWith(`${ASSESSMENT}: ${field} is "${value}", which is not one of this request's files: `), error.text.en);
    assert.ok(error.text.en.endsWith('nothing was committed.'), error.text.en);
    assert.ok(error.text['zh-cn'].startsWith(`${ASSESSMENT}：${field} 为「${value}」，不是此需求的文件：`), error.text['zh-cn']);
    return true;
  };

  const HOSTILE = [
    'src/main.ts',
    '../../../.env.local',
    '/etc/passwd',
    'C:/Users/lead/quote-Q-2026-003-acme.md',
    'doc/adr/quotes/../../../src/main.ts',
    'quotes/../src/main.ts',
    '.git/config',
    'doc/adr/quotes/.git/quote-Q-2026-003-acme.md',
    'doc/adr/quotes/.GIT./quote-Q-2026-003-acme.md',
    'doc\\adr\\quotes\\quote-Q-2026-003-acme.md',
    'doc/adr//quotes/quote-Q-2026-003-acme.md',
    './doc/adr/quotes/quote-Q-2026-003-acme.md',
    'doc/adr/quotes/quote-Q-2026-003-acme.md\n',
  ];

  it('refuses a quote path that is not a quote of this request, naming the field and its value: outside the folder, into .git, not plain', () => {
    for (const path of HOSTILE) {
      assert.throws(() => requestFiles({ quotes: [OWN_QUOTE, quote('Q-2026-003-R2', 2, path)], adr: ADR }, ASSESSMENT, 'docs/custom-requests'), refusedNaming('quotes[1].path', path), path);
    }
  });

  it('refuses a quote not named after its number, or not where Generate Quote writes the request\'s quotes', () => {
    const cases = [
      ['doc/adr/quotes/notes.md', 'Q-2026-003'],
      ['doc/adr/quotes/quote-Q-2026-004-acme.md', 'Q-2026-003'],
      ['doc/adr/quotes/quote-Q-2026-003-R2-acme.md', 'Q-2026-003'],
      ['doc/adr/quotes/quote-Q-2026-003-acme.txt', 'Q-2026-003'],
      ['doc/adr/quotes/quote-Q-2026-003-acme.md', 'not a number'],
      // Named like a quote, in the wrong folder: another ADR folder's quotes, the ADR folder itself, a source folder.
      ['docs/decisions/quotes/quote-Q-2026-003-acme.md', 'Q-2026-003'],
      ['doc/adr/quote-Q-2026-003-acme.md', 'Q-2026-003'],
      ['src/quote-Q-2026-003-acme.md', 'Q-2026-003'],
      [`${REQUEST}/quotes/quote-Q-2026-003-acme.md`, 'Q-2026-003'],
    ];
    for (const [path, number] of cases) {
      assert.throws(() => requestFiles({ quotes: [{ ...OWN_QUOTE, number, path }], adr: ADR }, ASSESSMENT, 'docs/custom-requests'), refusedNaming('quotes[0].path', path), path);
    }
    // Without an ADR, the ADR folder's quotes/ is no folder of this request.
    assert.throws(() => requestFiles({ quotes: [OWN_QUOTE], adr: null }, ASSESSMENT, 'docs/custom-requests'), refusedNaming('quotes[0].path', OWN_QUOTE.path));
  });

  it('refuses an ADR path that names a file no ADR lister would take, naming adr.path', () => {
    for (const path of ['src/main.ts', '../../../.env.local', '/etc/passwd', 'doc/adr/../../src/main.md', '.git/config', '.git/0001-x.md', 'doc\\adr\\0004-x.md', 'docs/custom-requests/README.md', 'doc/adr/index.md', '.env.local']) {
      assert.throws(() => requestFiles({ quotes: [], adr: { path } }, ASSESSMENT, 'docs/custom-requests'), refusedNaming('adr.path', path), path);
    }
  });

  it('refuses a register setting that leaves the workspace folder, naming the setting', () => {
    for (const folder of ['../elsewhere', '/etc', 'docs/../../elsewhere', 'C:/requests', '.git']) {
      assert.throws(
        () => requestFiles({ quotes: [], adr: null }, ASSESSMENT, folder),
        (error: unknown) => error instanceof DeskError && error.code === 'outside-workspace' && error.text.en.includes('customRequest.assessmentFolder') && error.text['zh-cn'].includes('customRequest.assessmentFolder'),
        folder,
      );
    }
    assert.deepEqual(requestFiles({ quotes: [], adr: null }, ASSESSMENT, 'docs/./custom-requests/').map((file) => file.path), [ASSESSMENT, 'docs/custom-requests/README.md']);
  });

  it('accepts the files Generate Quote and Create ADR write: beside the assessment, in the ADR folder\'s quotes/, revisions, Chinese names', async () => {
    const root = '/ws';
    const created = await planNewAssessment({ ...common, root, data: requestData('zh-cn'), exists: async () => false });
    const assessmentPath = created.assessmentPath;
    // No ADR: the quote goes beside the assessment.
    const first = await planQuote({ ...common, root, assessmentPath, assessmentText: withEstimate(created.file.text), quoteFolder: dirname(assessmentPath), workspaceQuoteNumbers: [] });
    // With an ADR: the next revision goes to its folder's quotes/.
    const adrPath = `${root}/doc/adr/0004-reverse-push.md`;
    const adr = { path: adrPath, title: 'Reverse push', number: 4 };
    const withAdr = first.assessmentText.replace(/^adr: null$/m, `adr:\n  path: ${relativePath(root, adrPath)}\n  number: 4\n  title: Reverse push`);
    const second = await planQuote({ ...common, root, assessmentPath, assessmentText: withAdr, quoteFolder: quotePlacement(dirname(adrPath), adrPath).folder, adr, workspaceQuoteNumbers: [] });
    const { frontMatter } = parseAssessment(second.assessmentText, 'assessment.md');
    assert.equal(frontMatter.quotes.length, 2);
    const files = requestFiles(frontMatter, relativePath(root, assessmentPath), SETTINGS.assessmentFolder);
    assert.deepEqual(
      files.map((file) => [file.role, file.path]),
      [
        ['assessment', relativePath(root, assessmentPath)],
        ['quote', relativePath(root, first.file.path)],
        ['quote', relativePath(root, second.file.path)],
        ['adr', 'doc/adr/0004-reverse-push.md'],
        ['register', 'docs/custom-requests/README.md'],
      ],
    );
    assert.equal(dirname(relativePath(root, second.file.path)), 'doc/adr/quotes');
    // The quotes' own text is what the on-disk check accepts.
    assert.equal(quoteTextProblem(first.file.text, frontMatter.quotes[0].number), undefined);
    assert.equal(quoteTextProblem(second.file.text, frontMatter.quotes[1].number), undefined);
  });
});

describe('commit plan: what is on disk is what the extension wrote (issue 20)', () => {
  it('a quote file must hold that quote: another file, another quote, a broken quote are refused with the reason', async () => {
    const root = '/ws';
    const created = await planNewAssessment({ ...common, root, data: requestData('en'), exists: async () => false });
    const plan = await planQuote({ ...common, root, assessmentPath: created.assessmentPath, assessmentText: withEstimate(created.file.text), quoteFolder: dirname(created.assessmentPath), workspaceQuoteNumbers: [] });
    const number = plan.number;
    assert.match(quoteTextProblem('export const main = 1;\n', number)?.en ?? '', /^the file is not a quote written by Custom Request Desk/);
    assert.match(quoteTextProblem('API_KEY=secret\n', number)?.['zh-cn'] ?? '', /^该文件不是 Custom Request Desk 生成的报价单/);
    assert.equal(quoteTextProblem(plan.file.text, 'Q-2026-999')?.en, `the file is quote ${number}, not Q-2026-999`);
    const broken = plan.file.text.replace(/^currency: .*$/m, 'currency: dollars');
    assert.notEqual(broken, plan.file.text);
    assert.equal(quoteTextProblem(broken, number)?.en, 'field "currency" is missing or invalid');
  });

  it('a changed ADR must be one the ADR lister lists: in an ADR folder, named as the tools reading it name ADRs', () => {
    const folders = [
      { path: '/ws/doc/adr', readBy: ['adr-tools' as const] },
      { path: '/ws/docs/adr', readBy: ['log4brains' as const] },
      { path: '/ws/docs/decisions', readBy: [] },
    ];
    assert.equal(adrFolderProblem('/ws/doc/adr/0004-reverse-push.md', folders, '/ws'), undefined);
    assert.equal(adrFolderProblem('/ws/docs/adr/use-postgres.md', folders, '/ws'), undefined);
    assert.equal(adrFolderProblem('/ws/docs/decisions/0001-madr.md', folders, '/ws'), undefined);
    assert.equal(adrFolderProblem('/ws/docs/notes/0001-plan.md', folders, '/ws')?.en, 'it is in none of the ADR folders (doc/adr, docs/adr, docs/decisions)');
    assert.equal(adrFolderProblem('/ws/docs/notes/0001-plan.md', folders, '/ws')?.['zh-cn'], '它不在任何 ADR 文件夹（doc/adr、docs/adr、docs/decisions）中');
    assert.equal(adrFolderProblem('/ws/doc/adr/notes.md', folders, '/ws')?.en, 'the tools reading doc/adr do not take notes.md for an ADR');
    assert.equal(adrFolderProblem('/ws/doc/adr/quotes/0004-x.md', folders, '/ws')?.en, 'it is in none of the ADR folders (doc/adr, docs/adr, docs/decisions)');
    assert.equal(adrFolderProblem('/ws/doc/adr/0004-x.md', [], '/ws')?.en, 'it is not in an ADR folder, and this workspace folder has none');
  });

  it('a register is the file Update Register writes: a README.md without its block is the user\'s own', () => {
    assert.ok(isRegisterText(registerFileText(undefined, '| request |')));
    assert.ok(isRegisterText('# Requests\n\n<!-- custom-request:register kept up to date by Update Register -->\n…\n<!-- /custom-request:register -->\n'));
    assert.ok(!isRegisterText('# Custom requests\n\nNotes of my own, not ready yet.\n'));
  });
});
