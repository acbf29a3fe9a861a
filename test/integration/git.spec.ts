/**
 * Commit Request in the real extension host with the built-in Git extension,
 * on real repositories (the 'git' scenario: the sample repository, a second
 * repository and a folder in none). The request is made through the real
 * commands; the user's unrelated changes are made with real git, and must
 * come out of the commit exactly as they went in.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import nodePath from 'node:path';
import * as vscode from 'vscode';
import type { CommitRequestResult, NewAssessmentArgs, NewAssessmentResult } from '../../src/extension';
import { GIT_FOLDERS } from './gitWorkspace';
import { assertPlain, closeAllEditors, generateQuote, logMatches, shownBy, sleep, TODAY, waitForLogMatch, workspaceFolder, writeEstimate } from './support';

const COMMIT = 'customRequest.commitRequest';
const ADR_FOLDER = 'doc/architecture/decisions';
const REGISTER = 'docs/custom-requests/README.md';
/** What runCommand (and Commit Request's own notices) log with each message shown, and the line logged as the message is asked for. */
const SHOWN = /customRequest\.commitRequest: shown: (.*)/;
const PROMPTED = /Commit Request in .*robofleet-platform: /;

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8' });
}

/** Every change Git sees, one porcelain line each, untracked files listed one by one. */
function statusLines(cwd: string): string[] {
  return git(cwd, 'status', '--porcelain=v1', '--untracked-files=all').split('\n').filter(Boolean);
}

function lastCommitFiles(cwd: string): string[] {
  return git(cwd, 'log', '-1', '--name-only', '--format=').split('\n').filter(Boolean).sort();
}

/** Repository-relative path of a file in the workspace folder `root`. */
const repoPath = (root: string, uri: vscode.Uri) => nodePath.relative(root, uri.fsPath).split(nodePath.sep).join('/');

async function newAssessment(args: NewAssessmentArgs): Promise<NewAssessmentResult> {
  const result = await vscode.commands.executeCommand<NewAssessmentResult | undefined>('customRequest.newAssessment', {
    broughtBy: 'Sales', dealSize: null, language: 'en', today: TODAY, open: false, ...args,
  });
  assert.ok(result, 'New Assessment returned its files');
  return result;
}

/** A request with an estimate and a quote, made through the real commands; returns its files. */
async function quotedRequest(args: NewAssessmentArgs): Promise<{ assessment: vscode.Uri; quote: vscode.Uri; number: string; adr?: vscode.Uri }> {
  const request = await newAssessment(args);
  await writeEstimate(request.assessment);
  const quote = await generateQuote(request.assessment);
  assert.ok(quote, 'Generate Quote wrote a quote');
  return { ...request, ...quote };
}

const commitRequest = (args: object) => vscode.commands.executeCommand<CommitRequestResult | undefined>(COMMIT, args);

describe('Commit Request', () => {
  const sample = () => workspaceFolder(GIT_FOLDERS.sample);
  afterEach(closeAllEditors);

  it('commits exactly the request\'s files; the unrelated staged, unstaged and untracked changes stay exactly as they were', async () => {
    const root = sample().uri.fsPath;
    const request = await quotedRequest({ workspaceFolder: GIT_FOLDERS.sample, customer: 'ACME', title: 'Reverse push', adr: 'new', adrTitle: 'Push robot data to ACME', adrFolder: ADR_FOLDER });
    assert.ok(request.adr, 'an ADR was created');

    // The user's own work in progress, made with git as the user would.
    writeFileSync(nodePath.join(root, 'README.md'), `${readFileSync(nodePath.join(root, 'README.md'), 'utf8')}\nStaged line.\n`);
    git(root, 'add', 'README.md');
    writeFileSync(nodePath.join(root, 'src/robofleet/api/export.py'), 'def export():\n    pass\n');
    git(root, 'add', 'src/robofleet/api/export.py');
    const telemetry = nodePath.join(root, 'src/robofleet/api/telemetry.py');
    writeFileSync(telemetry, `${readFileSync(telemetry, 'utf8')}\n# staged part\n`);
    git(root, 'add', 'src/robofleet/api/telemetry.py');
    writeFileSync(telemetry, `${readFileSync(telemetry, 'utf8')}# unstaged part\n`);
    writeFileSync(nodePath.join(root, 'pyproject.toml'), `${readFileSync(nodePath.join(root, 'pyproject.toml'), 'utf8')}# unstaged\n`);
    writeFileSync(nodePath.join(root, 'todo.txt'), 'untracked\n');

    const requestPaths = [request.assessment, request.quote, request.adr].map((uri) => repoPath(root, uri));
    const before = statusLines(root);
    // The register, when something wrote it, is the request's too.
    const expected = [...requestPaths, ...(before.some((line) => line.slice(3) === REGISTER) ? [REGISTER] : [])].sort();
    const unrelated = (lines: string[]) => lines.filter((line) => !expected.includes(line.slice(3)));
    const others = ['--', '.', ...expected.map((path) => `:(exclude)${path}`)];
    const stagedBefore = git(root, 'diff', '--cached', '--binary', ...others);
    const unstagedBefore = git(root, 'diff', '--binary', ...others);
    const head = git(root, 'rev-parse', 'HEAD').trim();

    let result: CommitRequestResult | undefined;
    // Waiting for its message too: the log is written in batches, and a line still on its way would pass for the next command's.
    const committed = await shownBy(COMMIT, async () => (result = await commitRequest({ assessment: request.assessment, message: 'docs(custom-request): ACME reverse push' })));
    assert.ok(result?.commit, 'Commit Request returned the commit');
    assert.match(committed, new RegExp(`^Committed the request as ${result.commit.slice(0, 7)}`));
    assert.equal(result.commit, git(root, 'rev-parse', 'HEAD').trim());
    assert.equal(git(root, 'rev-parse', 'HEAD~1').trim(), head);
    assert.deepEqual([...result.files].sort(), expected);
    assert.deepEqual(lastCommitFiles(root), expected, 'the commit holds the request\'s files, and only them');
    assert.equal(git(root, 'log', '-1', '--format=%B').trim(), 'docs(custom-request): ACME reverse push');
    assert.equal(result.repository.fsPath, root);

    assert.deepEqual(statusLines(root), unrelated(before), 'the unrelated changes are as they were; the request\'s files are clean');
    assert.ok(stagedBefore.includes('Staged line.') && unstagedBefore.includes('# unstaged part'));
    assert.equal(git(root, 'diff', '--cached', '--binary', ...others), stagedBefore, 'the staged changes are byte for byte as before');
    assert.equal(git(root, 'diff', '--binary', ...others), unstagedBefore, 'the unstaged changes are byte for byte as before');
    assert.equal(readFileSync(nodePath.join(root, 'todo.txt'), 'utf8'), 'untracked\n');

    // Nothing changed since: said plainly, nothing committed.
    let nothing: CommitRequestResult | undefined;
    const again = await shownBy(COMMIT, async () => (nothing = await commitRequest({ assessment: request.assessment, message: 'again' })));
    assert.deepEqual({ ...nothing, repository: nothing?.repository.fsPath }, { commit: undefined, files: [], repository: root });
    assert.equal(again.trim(), 'Nothing to commit for this request: its files are already committed.');
    assert.equal(git(root, 'rev-parse', 'HEAD').trim(), result.commit);
  });

  it('proposes a message naming the request and its quote; an ADR committed before is left out', async () => {
    const root = sample().uri.fsPath;
    const request = await quotedRequest({ workspaceFolder: GIT_FOLDERS.sample, customer: 'Globex', title: 'Nightly CSV export', adr: `${ADR_FOLDER}/0002-expose-robot-data-through-the-versioned-open-api.md` });
    const head = git(root, 'rev-parse', 'HEAD').trim();

    // Escape at the message prompt: nothing committed, nothing said.
    const shownBefore = logMatches(SHOWN).length;
    const prompted = logMatches(PROMPTED).length;
    let settled = false;
    const cancelled = Promise.resolve(commitRequest({ assessment: request.assessment })).finally(() => (settled = true));
    await waitForLogMatch(PROMPTED, prompted);
    while (!settled) {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      await sleep(100);
    }
    assert.equal(await cancelled, undefined);
    assert.equal(git(root, 'rev-parse', 'HEAD').trim(), head);
    // The log is written in order: the next message shown is the one of a later, refused run, not one of the cancelled run.
    await commitRequest({ assessment: request.assessment, message: 3 });
    assert.match((await waitForLogMatch(SHOWN, shownBefore))[1], /^The arguments of customRequest\.commitRequest have a problem/);

    // Enter takes the proposed message as it stands.
    const running = commitRequest({ assessment: request.assessment });
    await waitForLogMatch(PROMPTED, prompted + 1);
    await sleep(500);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const result = await running;
    assert.ok(result?.commit);
    assert.equal(git(root, 'log', '-1', '--format=%B').trim(), `docs(custom-request): Globex Nightly CSV export, quote ${request.number} R1`);
    const committed = lastCommitFiles(root).filter((path) => path !== REGISTER);
    assert.deepEqual(committed, [request.assessment, request.quote].map((uri) => repoPath(root, uri)).sort(), 'the ADR, committed before, is not part of it');
  });

  it('a failing pre-commit hook: nothing is committed, its output is shown, the files are kept', async () => {
    const root = sample().uri.fsPath;
    const request = await quotedRequest({ workspaceFolder: GIT_FOLDERS.sample, customer: 'Initech', title: 'Fleet report', adr: 'none' });
    const hook = nodePath.join(root, '.git/hooks/pre-commit');
    writeFileSync(hook, '#!/bin/sh\necho "lint failed: trailing spaces"\nexit 1\n');
    chmodSync(hook, 0o755);
    try {
      const head = git(root, 'rev-parse', 'HEAD').trim();
      const texts = [request.assessment, request.quote].map((uri) => readFileSync(uri.fsPath, 'utf8'));
      const shown = await shownBy(COMMIT, async () => assert.equal(await commitRequest({ assessment: request.assessment, message: 'docs: initech' }), undefined));
      assert.match(shown, /^The commit was refused by the repository's pre-commit hook:\nlint failed: trailing spaces\n/);
      assert.match(shown, /Nothing was committed/);
      assertPlain(shown);
      assert.equal(git(root, 'rev-parse', 'HEAD').trim(), head, 'HEAD did not move');
      assert.deepEqual([request.assessment, request.quote].map((uri) => readFileSync(uri.fsPath, 'utf8')), texts, 'the files are on disk as they were');
    } finally {
      rmSync(hook, { force: true });
    }
    // Once the hook passes, the same request commits.
    const result = await commitRequest({ assessment: request.assessment, message: 'docs: initech' });
    assert.ok(result?.commit);
    assert.ok(lastCommitFiles(root).includes(repoPath(root, request.quote)));
  });

  it('commits in the repository of the assessment\'s own workspace folder', async () => {
    const portal = workspaceFolder(GIT_FOLDERS.second).uri.fsPath;
    const sampleHead = git(sample().uri.fsPath, 'rev-parse', 'HEAD').trim();
    const request = await newAssessment({ workspaceFolder: GIT_FOLDERS.second, customer: 'Umbrella', title: 'Portal SSO', adr: 'none' });
    const result = await commitRequest({ assessment: request.assessment, message: 'docs: umbrella' });
    assert.ok(result?.commit);
    assert.equal(result.repository.fsPath, portal);
    assert.deepEqual(lastCommitFiles(portal), [repoPath(portal, request.assessment)]);
    assert.equal(git(sample().uri.fsPath, 'rev-parse', 'HEAD').trim(), sampleHead, 'the other repository is untouched');
  });

  it('a folder in no repository: says so plainly, and commits nothing', async () => {
    const request = await newAssessment({ workspaceFolder: GIT_FOLDERS.plain, customer: 'Hooli', title: 'Offline maps', adr: 'none' });
    const shown = await shownBy(COMMIT, async () => assert.equal(await commitRequest({ assessment: request.assessment, message: 'x' }), undefined));
    assert.match(shown, /^scratch-notes is not in a Git repository that VS Code has open\. Run "git init" there/);
    assertPlain(shown);
  });

  it('a quote path edited in the front matter to the user\'s work in progress or a secret: refused naming the field, nothing committed or touched', async () => {
    const root = sample().uri.fsPath;
    const request = await quotedRequest({ workspaceFolder: GIT_FOLDERS.sample, customer: 'Wayne', title: 'Hostile paths', adr: 'none' });
    const assessmentPath = repoPath(root, request.assessment);
    const quotePath = repoPath(root, request.quote);
    // The user's work in progress in a tracked source file, and an untracked secret at the repository root.
    const source = nodePath.join(root, 'src/robofleet/api/webhooks.py');
    const sourceBefore = readFileSync(source, 'utf8');
    const secret = nodePath.join(root, '.env.local');
    const original = readFileSync(request.assessment.fsPath, 'utf8');
    const quoteText = readFileSync(request.quote.fsPath, 'utf8');
    writeFileSync(source, `${sourceBefore}\n# work in progress, not ready\n`);
    writeFileSync(secret, 'API_KEY=do-not-commit\n');
    const refused = async (why: string) => {
      const head = git(root, 'rev-parse', 'HEAD').trim();
      const before = statusLines(root);
      const shown = (await shownBy(COMMIT, async () => assert.equal(await commitRequest({ assessment: request.assessment, message: 'docs: hostile' }), undefined))).trim();
      assertPlain(shown);
      assert.equal(git(root, 'rev-parse', 'HEAD').trim(), head, `${why}: HEAD did not move`);
      assert.deepEqual(statusLines(root), before, `${why}: git status is as it was`);
      assert.equal(readFileSync(source, 'utf8'), `${sourceBefore}\n# work in progress, not ready\n`, `${why}: the work in progress is untouched`);
      assert.equal(readFileSync(secret, 'utf8'), 'API_KEY=do-not-commit\n', `${why}: the secret is untouched`);
      return shown;
    };
    try {
      for (const hostile of ['src/robofleet/api/webhooks.py', '../../.env.local', 'docs/../.env.local', '.env.local']) {
        const edited = original.replace(`path: ${quotePath}`, `path: ${hostile}`);
        assert.notEqual(edited, original, 'the quote path is in the front matter as written');
        writeFileSync(request.assessment.fsPath, edited);
        const shown = await refused(hostile);
        assert.ok(shown.startsWith(`${assessmentPath}: quotes[0].path is "${hostile}", which is not one of this request's files: `), shown);
        assert.ok(shown.endsWith('nothing was committed.'), shown);
      }
      // The path as Generate Quote wrote it, but the file is a link to the secret: refused too.
      writeFileSync(request.assessment.fsPath, original);
      rmSync(request.quote.fsPath);
      symlinkSync(secret, request.quote.fsPath);
      const shown = await refused('a quote that is a symbolic link');
      assert.ok(shown.startsWith(`${assessmentPath}: quotes[0].path is "${quotePath}", which is not one of this request's files: it is a symbolic link`), shown);
    } finally {
      rmSync(request.quote.fsPath, { force: true });
      writeFileSync(request.quote.fsPath, quoteText);
      writeFileSync(request.assessment.fsPath, original);
      writeFileSync(source, sourceBefore);
      rmSync(secret, { force: true });
    }
    assert.deepEqual(lastCommitFiles(root).filter((path) => path === 'src/robofleet/api/webhooks.py' || path === '.env.local'), []);
    // Put back as Generate Quote wrote them, the request commits, and only its own files.
    const result = await commitRequest({ assessment: request.assessment, message: 'docs: wayne' });
    assert.ok(result?.commit);
    const committed = lastCommitFiles(root).filter((path) => path !== REGISTER);
    assert.deepEqual(committed, [assessmentPath, quotePath].sort());
  });

  it('"git.enabled": false: says Git is turned off, and commits nothing', async () => {
    const root = sample().uri.fsPath;
    const request = await newAssessment({ workspaceFolder: GIT_FOLDERS.sample, customer: 'Stark', title: 'Arc telemetry', adr: 'none' });
    const head = git(root, 'rev-parse', 'HEAD').trim();
    const config = vscode.workspace.getConfiguration('git');
    await config.update('enabled', false, vscode.ConfigurationTarget.Workspace);
    try {
      const shown = await shownBy(COMMIT, async () => assert.equal(await commitRequest({ assessment: request.assessment, message: 'x' }), undefined));
      assert.equal(shown.trim(), `Git is turned off for ${GIT_FOLDERS.sample} (setting "git.enabled"). Turn it on to commit the request.`);
      assert.equal(git(root, 'rev-parse', 'HEAD').trim(), head);
    } finally {
      await config.update('enabled', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
