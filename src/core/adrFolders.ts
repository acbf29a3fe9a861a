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
import { DeskError } from './errors';
import type { AdrFolder } from './adrDiscovery';
import { basename, isInside, joinPath, relativePath } from './paths';

export * from './adrDiscovery';

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
