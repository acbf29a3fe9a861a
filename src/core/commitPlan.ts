/**
 * What Commit Request commits: the files of one request that have changes, and
 * the message it proposes. Pure: the adapter (src/commands/commitRequest.ts)
 * asks Git for the status of the candidate paths, runs the commit, and hands
 * Git's trace back here to learn which hook, if any, refused it.
 */
import * as z from 'zod/mini';
import { isInside, joinPath, relativePath } from './paths';
import { baseQuoteNumber, parseQuoteNumber } from './quote';
import { escapingPath, foreignFileError, foreignPath, registerPathError } from './requestPaths';
import type { AssessmentFrontMatter, QuoteRecord } from './schema';

/** Arguments of `customRequest.commitRequest` (the assessment is a vscode.Uri or a path, resolved by the adapter). */
export const commitRequestArgsSchema = z.object({
  assessment: z.optional(z.unknown()),
  message: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(10_000))),
});

export type RequestFileRole = 'assessment' | 'quote' | 'adr' | 'register';

export interface RequestFile {
  role: RequestFileRole;
  /** workspace-folder-relative, with `/` */
  path: string;
  /** the quote's record, for quotes */
  quote?: QuoteRecord;
}

/**
 * Every file that belongs to a request, workspace-folder-relative: the
 * assessment, each recorded quote, its ADR and the register
 * (`<assessmentFolder>/README.md`). Which of them have changes is Git's to say
 * (planCommit): an ADR the request only links to is committed already and drops out there.
 *
 * The quote and ADR paths are read from the front matter, which anyone can
 * edit: each must be a path the extension would have written for that role
 * (see requestPaths.ts), or the whole request is refused with a DeskError
 * naming the field (`quotes[0].path`, `adr.path`) and its value.
 */
export function requestFiles(frontMatter: Pick<AssessmentFrontMatter, 'quotes' | 'adr'>, assessmentPath: string, assessmentFolder: string): RequestFile[] {
  const assessment = joinPath(assessmentPath);
  const files: RequestFile[] = [{ role: 'assessment', path: assessment }];
  const adrPath = frontMatter.adr?.path;
  if (adrPath !== undefined) {
    const why = foreignPath(adrPath, 'adr', { assessmentPath: assessment });
    if (why) throw foreignFileError(assessment, 'adr.path', adrPath, why);
  }
  frontMatter.quotes.forEach((quote, i) => {
    const why = foreignPath(quote.path, 'quote', { assessmentPath: assessment, adrPath, number: quote.number });
    if (why) throw foreignFileError(assessment, `quotes[${i}].path`, quote.path, why);
    files.push({ role: 'quote', path: quote.path, quote });
  });
  if (adrPath !== undefined) files.push({ role: 'adr', path: adrPath });
  const register = joinPath(assessmentFolder, 'README.md');
  const escaping = escapingPath(register);
  if (escaping) throw registerPathError(register, escaping);
  files.push({ role: 'register', path: register });
  // A quote recorded twice is one path to Git.
  return files.filter((file, i) => files.findIndex((other) => other.path === file.path) === i);
}

/** One entry of `git status --porcelain=v1 -z`: X is the index column, Y the working tree's. */
export interface StatusEntry {
  index: string;
  workTree: string;
  /** repository-relative, as Git writes it */
  path: string;
}

/** Parses `git status --porcelain=v1 -z` (paths raw, NUL-terminated; a rename or copy is followed by its source path). */
export function parseStatus(output: string): StatusEntry[] {
  const entries: StatusEntry[] = [];
  const fields = output.split('\0');
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i];
    if (field.length < 4) continue;
    const entry = { index: field[0], workTree: field[1], path: field.slice(3) };
    entries.push(entry);
    if (entry.index === 'R' || entry.index === 'C') i++; // the source path: not a change of its own here
  }
  return entries;
}

/** Unmerged states (both sides' columns; see git-status "Short Format"). */
function isConflicted(entry: StatusEntry): boolean {
  const xy = entry.index + entry.workTree;
  return entry.index === 'U' || entry.workTree === 'U' || xy === 'AA' || xy === 'DD';
}

export interface CommitFile extends RequestFile {
  /** repository-relative, with `/`: what Git is given and lists */
  repoPath: string;
}

/**
 * Places a request's files in its repository: `folderRoot` (the workspace
 * folder) and `repositoryRoot` are URI paths. A file outside the repository
 * (a folder that holds several repositories) is another repository's to commit.
 */
export function locateFiles(files: readonly RequestFile[], folderRoot: string, repositoryRoot: string): { inside: CommitFile[]; outside: RequestFile[] } {
  const located: { inside: CommitFile[]; outside: RequestFile[] } = { inside: [], outside: [] };
  for (const file of files) {
    const absolute = joinPath(folderRoot, file.path);
    if (isInside(repositoryRoot, absolute)) located.inside.push({ ...file, repoPath: relativePath(repositoryRoot, absolute) });
    else located.outside.push(file);
  }
  return located;
}

export interface CommitPlan {
  /** files with changes, to stage and commit */
  commit: CommitFile[];
  /** files without changes (committed already, or absent) or deleted: left alone */
  unchanged: CommitFile[];
  /** files in a merge conflict: the commit waits until they are resolved */
  conflicted: CommitFile[];
}

/**
 * Sorts a request's files by what Git says of them (`status` for their paths).
 * A deleted file is left out: removing a quote from history is the user's own
 * commit, not a side effect of committing the request.
 */
export function planCommit(files: readonly CommitFile[], status: readonly StatusEntry[]): CommitPlan {
  const plan: CommitPlan = { commit: [], unchanged: [], conflicted: [] };
  const byPath = new Map(status.map((entry) => [entry.path, entry]));
  for (const file of files) {
    const entry = byPath.get(file.repoPath);
    if (!entry) plan.unchanged.push(file);
    else if (isConflicted(entry)) plan.conflicted.push(file);
    else if (entry.workTree === 'D' || (entry.index === 'D' && entry.workTree === ' ')) plan.unchanged.push(file);
    else plan.commit.push(file);
  }
  return plan;
}

/** `Q-2026-003 R1`: the base number and the revision, as a commit subject names a quote. */
function quoteLabel(quote: QuoteRecord): string {
  const parsed = parseQuoteNumber(quote.number);
  return `${parsed ? baseQuoteNumber(parsed) : quote.number} R${quote.revision}`;
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The commit message offered for editing, conventional-commit style and in
 * English whatever the document language (commit logs are read by tools):
 * `docs(custom-request): ACME reverse push, quote Q-2026-003 R1`.
 */
export function proposedMessage(frontMatter: Pick<AssessmentFrontMatter, 'customer' | 'title'>, committed: readonly RequestFile[]): string {
  const quotes = committed.flatMap((file) => (file.quote ? [quoteLabel(file.quote)] : []));
  const subject = `docs(custom-request): ${oneLine(frontMatter.customer)} ${oneLine(frontMatter.title)}`;
  if (quotes.length === 0) return subject;
  return `${subject}, ${quotes.length === 1 ? 'quote' : 'quotes'} ${quotes.join(', ')}`;
}

/**
 * The hook that refused a commit, read from Git's trace2 event stream
 * (GIT_TRACE2_EVENT: one JSON object a line): a `child_start` of class `hook`
 * whose `child_exit` has a non-zero code. Undefined when no hook failed, so
 * the failure was Git's own (no identity, a lock, a merge in progress).
 */
export function refusingHook(trace: string): string | undefined {
  const hooks = new Map<string, string>();
  for (const line of trace.split('\n')) {
    let event: { event?: unknown; sid?: unknown; child_id?: unknown; child_class?: unknown; hook_name?: unknown; code?: unknown } | null;
    try {
      event = JSON.parse(line) as typeof event;
    } catch {
      continue;
    }
    // Hooks inherit GIT_TRACE2_EVENT, so git commands they run write here too: only the top-level
    // process counts (a child's session id is "<parent sid>/<own sid>"), and child ids are per process.
    if (typeof event !== 'object' || event === null || typeof event.sid !== 'string' || event.sid.includes('/')) continue;
    const child = `${event.child_id}`;
    if (event.event === 'child_start' && event.child_class === 'hook') hooks.set(child, typeof event.hook_name === 'string' ? event.hook_name : 'hook');
    if (event.event === 'child_exit' && hooks.has(child) && event.code !== 0) return hooks.get(child);
  }
  return undefined;
}

/**
 * A few lines of a program's output for a message: colour codes and blank
 * lines dropped, at most `maxLines` lines of at most 300 characters, `…` when cut.
 */
export function outputExcerpt(output: string, maxLines = 8): string {
  // eslint-disable-next-line no-control-regex
  const lines = output.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').split(/\r?\n/).map((line) => line.trimEnd()).filter((line) => line.trim() !== '');
  const shown = lines.slice(0, maxLines).map((line) => (line.length > 300 ? `${line.slice(0, 300)}…` : line));
  if (lines.length > maxLines) shown.push('…');
  return shown.join('\n');
}
