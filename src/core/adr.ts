/**
 * Architecture decision records: where a workspace folder keeps them, what
 * each one says (number, title, status, date), and where a quote can sit
 * beside them without any ADR tool taking it for an ADR.
 *
 * The rules follow the tools people use, read from their sources:
 *
 * - adr-tools 3.0.0 (Debian package `adr-tools`, scripts in /usr/libexec/adr-tools):
 *   `_adr_dir` walks up from the current folder and at each level takes
 *   `.adr-dir` (the file's text is the ADR folder, relative to that level),
 *   else `doc/adr` if it is a folder; with neither anywhere it uses `doc/adr`.
 *   `adr-list` prints `find "$adr_dir" | grep -E "^$adr_dir/[0-9]+-[^/]*\.md"`,
 *   and `adr-new` numbers a new ADR as one more than the largest leading
 *   number of any entry `ls` shows in the folder (`grep -Eo '^[0-9]+'`).
 * - log4brains (thomvaill/log4brains): `.log4brains.yml` in the folder it runs
 *   in, `project.adrFolder` plus `project.packages[].adrFolder`
 *   (packages/core/src/infrastructure/config/schema.ts). Each ADR folder is
 *   read with a plain, non-recursive `readdir`, and every entry whose
 *   extension is `.md` (any case) is an ADR unless its lower-cased name is
 *   `template.md`, `readme.md`, `index.md` or `backlog.md`
 *   (packages/core/src/adr/infrastructure/repositories/AdrRepository.ts,
 *   `findAllInPath`; packages/core/src/adr/domain/AdrFile.ts).
 */
import { parse as parseYaml } from 'yaml';
import { DeskError } from './errors';
import { readText, type DirEntry, type ReadFs } from './fsPort';
import { basename, dirname, isInside, joinPath, relativePath } from './paths';

// ---------------------------------------------------------------------------
// Which names each tool takes for an ADR

/** The ADR tools whose file selection we reproduce exactly. */
export type AdrTool = 'adr-tools' | 'log4brains';

const ADR_TOOLS_LIST = /^[0-9]+-[^/]*\.md/;
const LOG4BRAINS_RESERVED = ['template.md', 'readme.md', 'index.md', 'backlog.md'];

/**
 * Whether `tool` lists the file at `relativeName` (a `/`-separated path
 * relative to one of its ADR folders) as an ADR.
 *
 * adr-tools applies its unanchored regex to every path `find` prints, so
 * `0001-x.md.orig` counts and so would anything under a folder named like
 * `0001-x.md/`; a subfolder such as `quotes/` never does. log4brains reads
 * only the folder's own entries, so nothing in a subfolder counts.
 */
export function isAdrFileName(tool: AdrTool, relativeName: string): boolean {
  const name = relativeName.replace(/^(\.\/)+/, '');
  if (tool === 'adr-tools') return ADR_TOOLS_LIST.test(name);
  if (name.includes('/')) return false;
  const lower = name.toLowerCase();
  // Node's path.extname('.md') is '' (a dot file), so the bare name is not an ADR.
  return lower.length > '.md'.length && lower.endsWith('.md') && !LOG4BRAINS_RESERVED.includes(lower);
}

/** Whether adr-tools' `adr new` counts this folder entry (file or folder) when it picks the next number. */
export function affectsAdrToolsNumbering(entryName: string): boolean {
  return /^[0-9]/.test(entryName);
}

// ---------------------------------------------------------------------------
// Quote placement

/** The subfolder of an ADR folder that holds the quotes for its ADRs. */
export const QUOTE_FOLDER_NAME = 'quotes';

export interface QuotePlacement {
  /** Absolute folder to write the quote in: `<ADR folder>/quotes`. */
  folder: string;
  /** The ADR as a relative path from `folder`, for the quote's Markdown link. */
  adrLink: string;
}

/**
 * Where the quote for the ADR at `adrPath` goes.
 *
 * Quotes go in a `quotes/` subfolder of the ADR's folder (for example
 * `doc/adr/quotes/quote-Q-2026-001-acme.md`), with a name that starts with a
 * letter. That one place is safe for every tool, whichever of them reads the
 * folder today or later:
 * - `adr list` (adr-tools) only lists paths whose first segment below the ADR
 *   folder is `<digits>-….md`; `quotes` is not, and `adr new` numbering only
 *   looks at entries starting with a digit, which `quotes` does not.
 * - log4brains takes *every* `.md` file directly in its ADR folder, whatever
 *   its name, so a quote right beside the ADRs would show up in its knowledge
 *   base as a decision; it never reads subfolders, so `quotes/` is invisible.
 * - A folder that only adr-tools reads now may be adopted by log4brains later:
 *   `log4brains init` picks up an existing `./docs/adr`, `./docs/decisions`,
 *   `./doc/adr` … folder as its ADR folder
 *   (packages/init/src/commands/InitCommand.ts, `guessMainAdrFolderPath`), so
 *   quotes written right beside adr-tools ADRs would become "decisions" then.
 * This mirrors adr-tools' own `templates/` subfolder for non-ADR files.
 * Other tools that read ADR folders recursively (adr-log, static site
 * generators) may still show the quote as a page; it is never numbered as an ADR.
 */
export function quotePlacement(folder: AdrFolder | string, adrPath: string): QuotePlacement {
  const folderPath = joinPath(typeof folder === 'string' ? folder : folder.path);
  if (!isInside(folderPath, adrPath) || joinPath(adrPath) === folderPath) {
    throw new DeskError('adr-not-found', {
      en: `The ADR ${adrPath} is not in the ADR folder ${folderPath}. Pick the ADR again.`,
      'zh-cn': `ADR ${adrPath} 不在 ADR 文件夹 ${folderPath} 中。请重新选择 ADR。`,
    });
  }
  const quoteFolder = joinPath(folderPath, QUOTE_FOLDER_NAME);
  return { folder: quoteFolder, adrLink: relativePath(quoteFolder, adrPath) };
}

/**
 * Whether a quote at `quotePath` stays invisible to adr-tools and log4brains
 * reading `adrFolderPath`: a last check before writing. Also false when the
 * name starts with a digit (it would move adr-tools' numbering if the file
 * were ever moved beside the ADRs) or the path leaves the folder.
 */
export function isSafeQuotePath(adrFolderPath: string, quotePath: string): boolean {
  if (!isInside(adrFolderPath, quotePath) || joinPath(quotePath) === joinPath(adrFolderPath)) return false;
  const relative = relativePath(adrFolderPath, quotePath);
  const firstSegment = relative.split('/')[0];
  return (
    !isAdrFileName('adr-tools', relative) &&
    !isAdrFileName('log4brains', relative) &&
    !affectsAdrToolsNumbering(firstSegment) &&
    !affectsAdrToolsNumbering(basename(quotePath))
  );
}

// ---------------------------------------------------------------------------
// ADR folder discovery

/**
 * What made a folder an ADR folder: adr-tools (`.adr-dir` or its `doc/adr`
 * default), log4brains (`.log4brains.yml`), MADR's `docs/decisions`, another
 * common name (`docs/adr`, `docs/architecture/decisions`), or the setting.
 */
export type AdrFolderKind = 'adr-tools' | 'log4brains' | 'madr' | 'generic' | 'setting';

export interface AdrFolder {
  /** Absolute path; always inside the workspace folder it was found for. */
  path: string;
  /** The most specific reason it was found (when several found it: adr-tools, log4brains, madr, generic, setting). */
  kind: AdrFolderKind;
  /**
   * What found it, relative to the workspace folder: the marker file
   * (`.adr-dir`, `packages/web/.adr-dir`, `../.adr-dir`, `.log4brains.yml`),
   * the convention folder itself (`doc/adr`, `packages/api/doc/adr`,
   * `docs/decisions`), or `customRequest.adrDirectory`.
   */
  source: string;
  /** The log4brains package name for a `project.packages[]` folder. */
  packageName?: string;
  /** The tools that read this folder as configured now, so their file rules apply to it. */
  readBy: AdrTool[];
  /** False for a folder named by `.adr-dir`, `.log4brains.yml` or the setting that is not created yet. */
  exists: boolean;
}

export interface FindAdrFoldersOptions {
  /**
   * The `customRequest.adrDirectory` setting: folders relative to the
   * workspace folder. They are added to what discovery finds and listed
   * first, in the given order; they do not switch discovery off, because in a
   * monorepo the setting usually names one extra folder. Entries outside the
   * workspace folder are ignored.
   */
  configured?: readonly string[];
  /** How deep below the workspace folder to look for markers (default 4: `packages/@scope/name/sub`). */
  maxDepth?: number;
  /** How many folders to list at most while looking (default 2000); the setting covers what lies beyond. */
  maxDirectories?: number;
}

/** The `source` of folders that come from the setting. */
export const ADR_SETTING_SOURCE = 'customRequest.adrDirectory';

/** Folders never searched: dependencies, build output, virtual envs, and every dot folder (`.git`, `.github`, `.venv`…). */
const SKIPPED_FOLDERS = new Set([
  'node_modules',
  'bower_components',
  'jspm_packages',
  'vendor',
  'dist',
  'build',
  'out',
  'target',
  'coverage',
  '__pycache__',
  'venv',
]);

const KIND_RANK: Record<AdrFolderKind, number> = { 'adr-tools': 0, log4brains: 1, madr: 2, generic: 3, setting: 4 };

/** Folder conventions looked for inside every searched folder, besides adr-tools' `doc/adr`. */
const CONVENTIONS: ReadonlyArray<{ path: string; kind: AdrFolderKind }> = [
  { path: 'docs/decisions', kind: 'madr' },
  { path: 'docs/adr', kind: 'generic' },
  { path: 'docs/architecture/decisions', kind: 'generic' },
];

const SCAN_CONCURRENCY = 16;

/**
 * Finds the ADR folders of one workspace folder (call it once per folder of
 * a multi-root workspace). Every result lies inside `workspaceFolder`;
 * results are unique by path, setting folders first, then by path.
 *
 * - adr-tools, upward: the folder `adr` would use when run in the workspace
 *   folder ({@link adrToolsDir}: `.adr-dir` or `doc/adr`, searched upward to
 *   `/`). It counts only when it lies inside the workspace folder — for a
 *   workspace opened on `repo/docs` with `repo/.adr-dir` saying `docs/adr`,
 *   that is `repo/docs/adr`; a folder outside (say `repo/doc/adr` for a
 *   workspace on `repo/services/billing`) is left out, because the extension
 *   writes quotes beside ADRs and never writes outside the workspace folder.
 *   Open the repository root, or add it as another workspace folder, to use it.
 * - Downward, up to `maxDepth` levels and `maxDirectories` listings, skipping
 *   dependency, build and dot folders: every folder's `.adr-dir` (else its
 *   `doc/adr`) as adr-tools would see it when run there — monorepo packages
 *   with their own ADRs —, every `.log4brains.yml` (main folder and packages,
 *   relative to the file), and `docs/decisions`, `docs/adr`,
 *   `docs/architecture/decisions`.
 * - The setting's folders ({@link FindAdrFoldersOptions.configured}).
 *
 * A folder found several ways is returned once, with every tool that reads it
 * in `readBy`. Unreadable folders and broken config files are skipped.
 */
export async function findAdrFolders(fs: ReadFs, workspaceFolder: string, options: FindAdrFoldersOptions = {}): Promise<AdrFolder[]> {
  const root = joinPath(workspaceFolder);
  const found = new FolderSet(root);

  for (const entry of options.configured ?? []) {
    const path = resolveConfiguredAdrFolder(root, entry);
    if (path) found.add({ path, kind: 'setting', source: ADR_SETTING_SOURCE, readBy: [], exists: (await safeStat(fs, path)) === 'directory' }, true);
  }

  const above = await adrToolsDir(fs, root);
  if (above.marker) {
    found.add({ path: above.path, kind: 'adr-tools', source: relativePath(root, above.marker), readBy: ['adr-tools'], exists: (await safeStat(fs, above.path)) === 'directory' });
  }

  await scanDown(fs, root, found, options.maxDepth ?? 4, options.maxDirectories ?? 2000);
  return found.list();
}

/**
 * Resolves one `customRequest.adrDirectory` entry against the workspace
 * folder; undefined for an empty entry or one outside the folder.
 */
export function resolveConfiguredAdrFolder(workspaceFolder: string, entry: string): string | undefined {
  const cleaned = entry.trim().replace(/\\/g, '/');
  if (cleaned === '' || /^[A-Za-z]:/.test(cleaned)) return undefined;
  const path = cleaned.startsWith('/') ? joinPath(cleaned) : joinPath(workspaceFolder, cleaned);
  return isInside(workspaceFolder, path) ? path : undefined;
}

/**
 * The ADR folder adr-tools' `adr` uses when run in `cwd`, as its `_adr_dir`
 * script finds it: from `cwd` up to `/`, the first level with a `.adr-dir`
 * file (its first line, relative to that level) or else a `doc/adr` folder.
 * `marker` is that `.adr-dir` file or `doc/adr` folder; without one, adr-tools
 * falls back to `cwd/doc/adr` and `marker` is undefined.
 */
export async function adrToolsDir(fs: ReadFs, cwd: string): Promise<{ path: string; marker?: string }> {
  let level = joinPath(cwd);
  for (;;) {
    const marker = joinPath(level, '.adr-dir');
    if ((await safeStat(fs, marker)) === 'file') {
      const target = await readAdrDirFile(fs, level);
      // An empty .adr-dir stops adr-tools too (with a broken folder); report nothing usable.
      return target ? { path: target, marker } : { path: joinPath(cwd, 'doc/adr') };
    }
    const docAdr = joinPath(level, 'doc/adr');
    if ((await safeStat(fs, docAdr)) === 'directory') return { path: docAdr, marker: docAdr };
    if (level === '/') return { path: joinPath(cwd, 'doc/adr') };
    level = dirname(level);
  }
}

async function readAdrDirFile(fs: ReadFs, level: string): Promise<string | undefined> {
  const text = await safeReadText(fs, joinPath(level, '.adr-dir'));
  // adr-tools uses `$(cat .adr-dir)`: the text without trailing newlines; we take the first line.
  const line = text?.replace(/^\uFEFF/, '').split(/\r?\n/)[0].trim().replace(/\\/g, '/');
  if (!line) return undefined;
  return line.startsWith('/') ? joinPath(line) : joinPath(level, line);
}

async function scanDown(fs: ReadFs, root: string, found: FolderSet, maxDepth: number, maxDirectories: number): Promise<void> {
  let level = [root];
  let listed = 0;
  for (let depth = 0; depth <= maxDepth && level.length > 0; depth++) {
    const next: string[] = [];
    for (let start = 0; start < level.length && listed < maxDirectories; start += SCAN_CONCURRENCY) {
      const batch = level.slice(start, Math.min(start + SCAN_CONCURRENCY, start + maxDirectories - listed));
      listed += batch.length;
      const children = await Promise.all(batch.map((dir) => scanFolder(fs, root, dir, found)));
      if (depth < maxDepth) for (const list of children) next.push(...list);
    }
    level = next;
  }
}

/** Looks for markers in one folder; returns its subfolders worth searching. */
async function scanFolder(fs: ReadFs, root: string, dir: string, found: FolderSet): Promise<string[]> {
  let entries: DirEntry[];
  try {
    entries = await fs.readDirectory(dir);
  } catch {
    return [];
  }
  const files = new Set(entries.filter((e) => e.type === 'file').map((e) => e.name));
  const folders = new Set(entries.filter((e) => e.type === 'directory').map((e) => e.name));

  if (files.has('.adr-dir')) {
    const target = await readAdrDirFile(fs, dir);
    if (target) {
      found.add({ path: target, kind: 'adr-tools', source: relativePath(root, joinPath(dir, '.adr-dir')), readBy: ['adr-tools'], exists: (await safeStat(fs, target)) === 'directory' });
    }
  } else if (folders.has('doc') && (await safeStat(fs, joinPath(dir, 'doc/adr'))) === 'directory') {
    const path = joinPath(dir, 'doc/adr');
    found.add({ path, kind: 'adr-tools', source: relativePath(root, path), readBy: ['adr-tools'], exists: true });
  }

  if (files.has('.log4brains.yml')) {
    for (const folder of await log4brainsFolders(fs, dir)) {
      found.add({ ...folder, source: relativePath(root, joinPath(dir, '.log4brains.yml')) });
    }
  }

  if (folders.has('docs')) {
    for (const convention of CONVENTIONS) {
      const path = joinPath(dir, convention.path);
      if ((await safeStat(fs, path)) === 'directory') {
        found.add({ path, kind: convention.kind, source: relativePath(root, path), readBy: [], exists: true });
      }
    }
  }

  return [...folders]
    .filter((name) => !name.startsWith('.') && !SKIPPED_FOLDERS.has(name))
    .sort()
    .map((name) => joinPath(dir, name));
}

/** The ADR folders a `.log4brains.yml` in `dir` configures (schema: packages/core/src/infrastructure/config/schema.ts). */
async function log4brainsFolders(fs: ReadFs, dir: string): Promise<Omit<AdrFolder, 'source'>[]> {
  const text = await safeReadText(fs, joinPath(dir, '.log4brains.yml'));
  if (text === undefined) return [];
  let config: unknown;
  try {
    config = parseYaml(text);
  } catch {
    return [];
  }
  const project = isRecord(config) && isRecord(config.project) ? config.project : undefined;
  if (!project) return [];
  const wanted: { folder: string; packageName?: string }[] = [];
  if (typeof project.adrFolder === 'string' && project.adrFolder.trim()) wanted.push({ folder: project.adrFolder });
  if (Array.isArray(project.packages)) {
    for (const pkg of project.packages) {
      if (isRecord(pkg) && typeof pkg.adrFolder === 'string' && pkg.adrFolder.trim()) {
        wanted.push({ folder: pkg.adrFolder, ...(typeof pkg.name === 'string' ? { packageName: pkg.name } : {}) });
      }
    }
  }
  return Promise.all(
    wanted.map(async ({ folder, packageName }) => {
      const cleaned = folder.trim().replace(/\\/g, '/');
      const path = cleaned.startsWith('/') ? joinPath(cleaned) : joinPath(dir, cleaned);
      return { path, kind: 'log4brains' as const, readBy: ['log4brains' as const], exists: (await safeStat(fs, path)) === 'directory', ...(packageName ? { packageName } : {}) };
    }),
  );
}

/** Results unique by path, inside the workspace folder, merged when found several ways. */
class FolderSet {
  private readonly byPath = new Map<string, AdrFolder>();
  private readonly configuredOrder: string[] = [];

  constructor(private readonly root: string) {}

  add(folder: AdrFolder, configured = false): void {
    const path = joinPath(folder.path);
    if (!isInside(this.root, path)) return;
    if (configured && !this.configuredOrder.includes(path)) this.configuredOrder.push(path);
    const existing = this.byPath.get(path);
    if (!existing) {
      this.byPath.set(path, { ...folder, path, readBy: [...folder.readBy] });
      return;
    }
    for (const tool of folder.readBy) if (!existing.readBy.includes(tool)) existing.readBy.push(tool);
    existing.exists ||= folder.exists;
    if (KIND_RANK[folder.kind] < KIND_RANK[existing.kind]) {
      existing.kind = folder.kind;
      existing.source = folder.source;
    }
    if (folder.packageName && !existing.packageName) existing.packageName = folder.packageName;
  }

  list(): AdrFolder[] {
    const configured = this.configuredOrder.map((path) => this.byPath.get(path)!);
    const rest = [...this.byPath.values()].filter((f) => !this.configuredOrder.includes(f.path)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return [...configured, ...rest].map((f) => ({ ...f, readBy: [...f.readBy].sort() }));
  }
}

// ---------------------------------------------------------------------------
// ADR files

/** The style an ADR is written in. */
export type AdrFormat = 'madr' | 'nygard' | 'log4brains';

export interface AdrInfo {
  /** Absolute path (or the name given to {@link parseAdr}). */
  path: string;
  fileName: string;
  /** From a `NNNN-` file name (or a `# N. Title` heading); absent for log4brains' `YYYYMMDD-` names. */
  number?: number;
  title: string;
  /** As written, as plain text: `Accepted`, `Superseded by 4. Use PostgreSQL`. */
  status?: string;
  /** `YYYY-MM-DD`, from the file (front matter, `Date:` line or bullet, `## Date`) or a `YYYYMMDD-` name. */
  date?: string;
  format: AdrFormat;
}

const NUMBERED_NAME = /^(\d+)-(.+)$/;

/**
 * Whether we list `fileName` (a file directly in the folder) as an ADR. In a
 * folder a tool reads, that tool's rule applies (see {@link isAdrFileName})
 * but only for names ending in `.md`; elsewhere `NNNN-slug.md` and log4brains'
 * `YYYYMMDD-slug.md`, never README.md, index.md, template.md or backlog.md.
 */
export function isListedAdrFileName(fileName: string, readBy: readonly AdrTool[] = []): boolean {
  const lower = fileName.toLowerCase();
  if (!lower.endsWith('.md') || fileName.includes('/') || LOG4BRAINS_RESERVED.includes(lower)) return false;
  if (readBy.length > 0) return readBy.some((tool) => isAdrFileName(tool, fileName));
  return NUMBERED_NAME.test(fileName);
}

/**
 * Reads number, title, status and date from an ADR's text, in any of the
 * formats: MADR 3+ front matter, MADR 2 and log4brains `* Status:` /
 * `- Date:` bullets, Nygard/adr-tools `# 1. Title`, `Date:` line and
 * `## Status` section. Undefined when the file name is not an ADR name
 * ({@link isListedAdrFileName} with the folder's `readBy`).
 */
export function parseAdr(path: string, text: string, readBy: readonly AdrTool[] = []): AdrInfo | undefined {
  const fileName = basename(path);
  if (!isListedAdrFileName(fileName, readBy)) return undefined;

  const fromName = numberOrDateFromName(fileName);
  const { frontMatter, body } = splitFrontMatter(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  const scanned = scanBody(body);

  let number = fromName.number;
  let title = scanned.title;
  const headingNumber = title !== undefined ? /^(\d+)\.\s+(.+)$/.exec(title) : null;
  if (headingNumber) {
    title = headingNumber[2];
    number ??= Number(headingNumber[1]);
  }
  title ??= stringValue(frontMatter?.title) ?? titleFromSlug(fromName.slug);

  const status = cleanStatus(stringValue(frontMatter?.status)) ?? cleanStatus(scanned.headerStatus) ?? cleanStatus(scanned.sectionStatus);
  const date = normaliseDate(frontMatter?.date) ?? normaliseDate(scanned.headerDate) ?? normaliseDate(scanned.sectionDate) ?? fromName.date;

  let format: AdrFormat;
  if (frontMatter && Object.keys(frontMatter).length > 0) format = 'madr';
  else if (headingNumber || scanned.plainDateLine) format = 'nygard';
  else if (fromName.date || (readBy.includes('log4brains') && !readBy.includes('adr-tools'))) format = 'log4brains';
  else format = 'madr';

  return {
    path,
    fileName,
    ...(number !== undefined ? { number } : {}),
    title,
    ...(status ? { status } : {}),
    ...(date ? { date } : {}),
    format,
  };
}

/** At most this many ADR files are read from one folder. */
const MAX_ADRS_PER_FOLDER = 5000;

/**
 * The ADRs directly in `folder` (neither tool reads subfolders), sorted by
 * number, then (for unnumbered log4brains ADRs) by date and file name.
 */
export async function listAdrs(fs: ReadFs, folder: AdrFolder | string): Promise<AdrInfo[]> {
  const folderPath = typeof folder === 'string' ? joinPath(folder) : folder.path;
  const readBy = typeof folder === 'string' ? [] : folder.readBy;
  let entries: DirEntry[];
  try {
    entries = await fs.readDirectory(folderPath);
  } catch {
    return [];
  }
  const names = entries
    .filter((e) => e.type === 'file' && isListedAdrFileName(e.name, readBy))
    .map((e) => e.name)
    .slice(0, MAX_ADRS_PER_FOLDER);
  const adrs: AdrInfo[] = [];
  for (let start = 0; start < names.length; start += SCAN_CONCURRENCY) {
    const batch = await Promise.all(
      names.slice(start, start + SCAN_CONCURRENCY).map(async (name) => {
        const path = joinPath(folderPath, name);
        const text = await safeReadText(fs, path);
        return text === undefined ? undefined : parseAdr(path, text, readBy);
      }),
    );
    for (const adr of batch) if (adr) adrs.push(adr);
  }
  return adrs.sort(compareAdrs);
}

/** Numbered ADRs by number, then unnumbered ones by date (undated last), then by file name. */
export function compareAdrs(a: AdrInfo, b: AdrInfo): number {
  if (a.number !== undefined || b.number !== undefined) {
    if (a.number === undefined) return 1;
    if (b.number === undefined) return -1;
    if (a.number !== b.number) return a.number - b.number;
  }
  if (a.date !== b.date) {
    if (a.date === undefined) return 1;
    if (b.date === undefined) return -1;
    return a.date < b.date ? -1 : 1;
  }
  return a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0;
}

/**
 * The number for a new numbered ADR: one more than the largest number, 1
 * when there is none. Log4brains' date-named ADRs have no number and do not
 * count (adr-tools' `adr new` would read `20240115-…` as number 20240115).
 */
export function nextAdrNumber(adrs: readonly Pick<AdrInfo, 'number'>[]): number {
  let max = 0;
  for (const adr of adrs) if (adr.number !== undefined && adr.number > max) max = adr.number;
  return max + 1;
}

function numberOrDateFromName(fileName: string): { number?: number; date?: string; slug: string } {
  const stem = fileName.replace(/\.md$/i, '');
  const match = NUMBERED_NAME.exec(stem);
  if (!match) return { slug: stem };
  const digits = match[1];
  if (digits.length === 8) {
    const date = normaliseDate(digits);
    if (date) return { date, slug: match[2] };
  }
  const number = Number(digits);
  return Number.isSafeInteger(number) ? { number, slug: match[2] } : { slug: match[2] };
}

function splitFrontMatter(text: string): { frontMatter?: Record<string, unknown>; body: string } {
  const match = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text);
  if (!match) return { body: text };
  const body = text.slice(match[0].length);
  try {
    const data: unknown = parseYaml(match[1]);
    return isRecord(data) ? { frontMatter: data, body } : { body };
  } catch {
    return { body };
  }
}

interface ScannedBody {
  title?: string;
  headerStatus?: string;
  headerDate?: string;
  sectionStatus?: string;
  sectionDate?: string;
  /** A `Date: …` line that is not a list item: adr-tools/Nygard. */
  plainDateLine: boolean;
}

const FIELD_LINE = /^(?:[*+-]\s+)?(?:\*\*|__)?(status|date)(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(.*?)\s*$/i;

/**
 * One pass over the Markdown outside code fences and HTML comments: the first
 * H1, `Status:`/`Date:` fields before the first `##` heading, and the first
 * line of `## Status` / `## Date` sections.
 */
function scanBody(body: string): ScannedBody {
  const lines = body.replace(/<!--[\s\S]*?-->/g, '').split('\n');
  const out: ScannedBody = { plainDateLine: false };
  let fence: string | undefined;
  let inHeader = true;
  let section: 'status' | 'date' | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length) fence = undefined;
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1];
      continue;
    }
    const trimmed = line.trim();
    const heading = /^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
    if (heading) {
      if (heading[1].length === 1) {
        out.title ??= cleanInline(heading[2]) || undefined;
        section = undefined;
        continue;
      }
      inHeader = false;
      const name = heading[2].trim().toLowerCase();
      section = name === 'status' ? 'status' : name === 'date' ? 'date' : undefined;
      continue;
    }
    if (out.title === undefined && trimmed !== '' && /^\s{0,3}=+\s*$/.test(lines[i + 1] ?? '') && !/^[*+-]\s/.test(trimmed)) {
      out.title = cleanInline(trimmed);
      i++;
      continue;
    }
    if (trimmed === '') continue;
    if (section) {
      const value = trimmed.replace(/^[*+-]\s+/, '');
      if (section === 'status') out.sectionStatus ??= value;
      else out.sectionDate ??= value;
      section = undefined;
      continue;
    }
    if (!inHeader) continue;
    const field = FIELD_LINE.exec(trimmed);
    if (!field) continue;
    if (field[1].toLowerCase() === 'status') out.headerStatus ??= field[2];
    else {
      out.headerDate ??= field[2];
      if (!/^[*+-]\s/.test(trimmed)) out.plainDateLine = true;
    }
  }
  return out;
}

/** Markdown links to their text, emphasis markers and code ticks dropped. */
function cleanInline(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|`)/g, '')
    .trim();
}

function cleanStatus(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const text = cleanInline(value);
  // Unfilled template placeholders: MADR 2 `[proposed | accepted | …]`, MADR 3+ `{proposed | …}`.
  if (text === '' || /^[[{].*\|.*[\]}]$/.test(text)) return undefined;
  return text;
}

function stringValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** `YYYY-MM-DD` from `2024-01-05`, `2024/01/05`, `20240105`, a Date or such a number; undefined unless a real calendar date. */
export function normaliseDate(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  const text = stringValue(value);
  if (!text) return undefined;
  const match = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?!\d)/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${match[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function titleFromSlug(slug: string): string {
  const words = slug.replace(/[-_]+/g, ' ').trim();
  return words ? words[0].toUpperCase() + words.slice(1) : slug;
}

// ---------------------------------------------------------------------------
// Small helpers

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Discovery is best effort: a folder we may not read (outside a remote's root, permissions) is treated as absent. */
async function safeStat(fs: ReadFs, path: string): Promise<'file' | 'directory' | undefined> {
  try {
    return await fs.stat(path);
  } catch {
    return undefined;
  }
}

async function safeReadText(fs: ReadFs, path: string): Promise<string | undefined> {
  try {
    return await readText(fs, path);
  } catch {
    return undefined;
  }
}
