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
import { tryReadText, type DirEntry, type ReadFs } from './fsPort';
import { basename, dirname, isInside, joinPath, relativePath } from './paths';

// ---------------------------------------------------------------------------
// Which names each tool takes for an ADR

/** The ADR tools whose file selection we reproduce exactly. */
export type AdrTool = 'adr-tools' | 'log4brains';

const ADR_TOOLS_LIST = /^[0-9]+-[^/]*\.md/;
/** Names log4brains never takes for an ADR (lower-cased). */
export const LOG4BRAINS_RESERVED = ['template.md', 'readme.md', 'index.md', 'backlog.md'];

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

/** How many folders or files are read at once. */
export const SCAN_CONCURRENCY = 16;

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
  const text = await tryReadText(fs, joinPath(level, '.adr-dir'));
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
  const text = await tryReadText(fs, joinPath(dir, '.log4brains.yml'));
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
// Small helpers

export function isRecord(value: unknown): value is Record<string, unknown> {
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
