/**
 * ADR folder discovery (split from adrFolders.ts, which re-exports it): where
 * a workspace folder keeps its ADRs, following adr-tools' `.adr-dir` and
 * `doc/adr`, log4brains' `.log4brains.yml`, MADR's `docs/decisions` and other
 * common names. See adrFolders.ts for the tools' rules, read from their sources.
 */
import type { AdrTool } from './adrFolders';
import { tryReadText, type DirEntry, type ReadFs } from './fsPort';
import { dirname, isInside, joinPath, relativePath } from './paths';
import { FILE_CONCURRENCY, mapPool } from './pool';
import { parseFrontMatterYaml } from './yamlLimits';

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
  /**
   * Absolute folders never searched, with everything below them: the
   * assessment folder, whose thousands of request folders hold no ADR folder.
   */
  skip?: readonly string[];
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

  const skip = new Set((options.skip ?? []).map((path) => joinPath(path)));
  await scanDown(fs, root, found, options.maxDepth ?? 4, options.maxDirectories ?? 2000, skip);
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

async function scanDown(fs: ReadFs, root: string, found: FolderSet, maxDepth: number, maxDirectories: number, skip: ReadonlySet<string>): Promise<void> {
  let level = [root];
  let listed = 0;
  for (let depth = 0; depth <= maxDepth && level.length > 0 && listed < maxDirectories; depth++) {
    // Breadth first, so the listing cap leaves out the deepest folders; within a level, many folders at once.
    const batch = level.slice(0, maxDirectories - listed);
    listed += batch.length;
    const children = await mapPool(batch, FILE_CONCURRENCY, (dir) => scanFolder(fs, root, dir, found));
    level = depth < maxDepth ? children.flat().filter((dir) => !skip.has(dir)) : [];
  }
}

/** Looks for markers in one folder; returns its subfolders worth searching. Its checks run at once and are added in a fixed order. */
async function scanFolder(fs: ReadFs, root: string, dir: string, found: FolderSet): Promise<string[]> {
  let entries: DirEntry[];
  try {
    entries = await fs.readDirectory(dir);
  } catch {
    return [];
  }
  const files = new Set(entries.filter((e) => e.type === 'file').map((e) => e.name));
  const folders = new Set(entries.filter((e) => e.type === 'directory').map((e) => e.name));

  const adrTools = async (): Promise<AdrFolder | undefined> => {
    if (files.has('.adr-dir')) {
      const target = await readAdrDirFile(fs, dir);
      if (!target) return undefined;
      return { path: target, kind: 'adr-tools', source: relativePath(root, joinPath(dir, '.adr-dir')), readBy: ['adr-tools'], exists: (await safeStat(fs, target)) === 'directory' };
    }
    const path = joinPath(dir, 'doc/adr');
    if (folders.has('doc') && (await safeStat(fs, path)) === 'directory') {
      return { path, kind: 'adr-tools', source: relativePath(root, path), readBy: ['adr-tools'], exists: true };
    }
    return undefined;
  };
  const log4brains = async (): Promise<AdrFolder[]> => {
    if (!files.has('.log4brains.yml')) return [];
    return (await log4brainsFolders(fs, dir)).map((folder) => ({ ...folder, source: relativePath(root, joinPath(dir, '.log4brains.yml')) }));
  };
  const conventions = async (): Promise<(AdrFolder | undefined)[]> => {
    if (!folders.has('docs')) return [];
    return Promise.all(
      CONVENTIONS.map(async (convention): Promise<AdrFolder | undefined> => {
        const path = joinPath(dir, convention.path);
        return (await safeStat(fs, path)) === 'directory' ? { path, kind: convention.kind, source: relativePath(root, path), readBy: [], exists: true } : undefined;
      }),
    );
  };
  const [byAdrTools, byLog4brains, byConvention] = await Promise.all([adrTools(), log4brains(), conventions()]);
  for (const folder of [byAdrTools, ...byLog4brains, ...byConvention]) if (folder) found.add(folder);

  return [...folders]
    .filter((name) => !name.startsWith('.') && !SKIPPED_FOLDERS.has(name))
    .sort()
    .map((name) => joinPath(dir, name));
}

/** The ADR folders a `.log4brains.yml` in `dir` configures (schema: packages/core/src/infrastructure/config/schema.ts). */
async function log4brainsFolders(fs: ReadFs, dir: string): Promise<Omit<AdrFolder, 'source'>[]> {
  const text = await tryReadText(fs, joinPath(dir, '.log4brains.yml'));
  if (text === undefined) return [];
  // Refused (too long, too deep, not valid YAML, a key twice): no folders from it, as for any unreadable config.
  const { document } = parseFrontMatterYaml(text);
  if (!document) return [];
  let config: unknown;
  try {
    config = document.toJS();
  } catch {
    return []; // aliases that would expand too far (yaml's maxAliasCount)
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

/** Discovery is best effort: a folder we may not read (outside a remote's root, permissions) is treated as absent. */
async function safeStat(fs: ReadFs, path: string): Promise<'file' | 'directory' | undefined> {
  try {
    return await fs.stat(path);
  } catch {
    return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
