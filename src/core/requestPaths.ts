/**
 * Which paths can be a request's own files, for Commit Request. The quote and
 * ADR paths come from the assessment's front matter, which anyone can edit, so
 * each is held against where and how the extension writes that kind of file
 * before Git is given it: a quote is `quote-<its number>….md` beside the
 * assessment or in the `quotes/` folder of the request's ADR folder, an ADR is
 * a Markdown file the ADR lister can take for one. None of them may leave the
 * workspace folder or reach into `.git`. Pure: the adapter then checks what is
 * on disk (see src/commands/commitChecks.ts).
 */
import { isListedAdrFileName } from './adrFiles';
import type { AdrFolder } from './adrFolders';
import { QUOTE_FOLDER_NAME } from './adrFolders';
import { DeskError } from './errors';
import type { Bilingual } from './lang';
import { basename, dirname, joinPath, relativePath } from './paths';
import { formatQuoteNumber, parseQuoteNumber, quoteNumberFromFileName } from './quote';
import { looksLikeQuote, parseQuoteFile, QUOTE_KIND } from './quoteFile';
import { REGISTER_START } from './register';

/** `.git`, and the names Windows file systems also read as `.git` (trailing dots and spaces, the 8.3 short name); anchored, linear. */
const GIT_FOLDER = /^(?:\.git[. ]*|git~\d+)$/i;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
/** `C:` at the start: a Windows drive, absolute or drive-relative. */
const DRIVE = /^[A-Za-z]:/;

const reason = (en: string, zh: string): Bilingual => ({ en, 'zh-cn': zh });

/** Why a path that goes to Git as it stands leaves the workspace folder or reaches into Git's own files; undefined when it does neither. */
export function escapingPath(path: string): Bilingual | undefined {
  if (path.startsWith('/') || DRIVE.test(path)) return reason('it is an absolute path', '它是绝对路径');
  const segments = path.split('/');
  if (segments.includes('..')) return reason('it climbs out of its folder with ".."', '它用「..」跳出了所在的文件夹');
  if (segments.some((segment) => GIT_FOLDER.test(segment))) return reason("it points into Git's own .git folder", '它指向 Git 自己的 .git 文件夹');
  return undefined;
}

/**
 * Why a workspace-folder-relative path from the front matter is not written as
 * the extension writes one (plain, normalised, `/`-separated, inside the
 * folder, outside `.git`); undefined when it is.
 */
export function unsafePath(path: string): Bilingual | undefined {
  if (path.includes('\\')) return reason('it contains a backslash (paths in the front matter use "/")', '它含有反斜杠（front matter 中的路径使用「/」）');
  if (CONTROL.test(path)) return reason('it contains a control character', '它含有控制字符');
  const escaping = escapingPath(path);
  if (escaping) return escaping;
  if (path.split('/').some((segment) => segment === '' || segment === '.')) return reason('it has an empty or "." segment', '它含有空的或为「.」的路径段');
  return undefined;
}

export type ForeignRole = 'quote' | 'adr';

export interface PathOwner {
  /** the assessment, workspace-folder-relative */
  assessmentPath: string;
  /** the request's ADR (`adr.path`), once it passed its own check */
  adrPath?: string;
  /** the quote's recorded number, for a quote */
  number?: string;
}

/** The folders a quote of this request is written to: beside the assessment, and the `quotes/` folder of its ADR's folder. */
export function quoteFolders(owner: Pick<PathOwner, 'assessmentPath' | 'adrPath'>): string[] {
  const folders = [dirname(owner.assessmentPath)];
  if (owner.adrPath !== undefined) folders.push(joinPath(dirname(owner.adrPath), QUOTE_FOLDER_NAME));
  return folders;
}

/** Whether `fileName` is the name Generate Quote gives a quote numbered `number` (`quote-Q-2026-003-R2-acme.md`). */
export function isQuoteFileNameFor(fileName: string, number: string | undefined): boolean {
  const own = number === undefined ? undefined : parseQuoteNumber(number);
  const named = quoteNumberFromFileName(fileName);
  return fileName.endsWith('.md') && own !== undefined && named !== undefined && formatQuoteNumber(named) === formatQuoteNumber(own);
}

/**
 * Why `path` (a `quotes[].path` or `adr.path` as written in the front matter)
 * cannot be one of the request's files in that role; undefined when it can.
 */
export function foreignPath(path: string, role: ForeignRole, owner: PathOwner): Bilingual | undefined {
  const unsafe = unsafePath(path);
  if (unsafe) return unsafe;
  const name = basename(path);
  if (role === 'adr') {
    return isListedAdrFileName(name, ['log4brains'])
      ? undefined
      : reason('an ADR is a Markdown (.md) file other than README.md, index.md, template.md or backlog.md', 'ADR 应为 Markdown（.md）文件，且不是 README.md、index.md、template.md 或 backlog.md');
  }
  if (!isQuoteFileNameFor(name, owner.number)) {
    const expected = `quote-${owner.number ?? ''}….md`;
    return reason(`the quote's file is named ${expected}, after its number`, `报价单文件按编号命名为 ${expected}`);
  }
  const folders = quoteFolders(owner);
  if (!folders.includes(dirname(path))) {
    const en = folders.map((folder) => `${folder}/`).join(' or ');
    const zh = folders.map((folder) => `${folder}/`).join(' 或 ');
    return reason(`a quote of this request is in ${en}`, `此需求的报价单位于 ${zh}`);
  }
  return undefined;
}

/** The error for a front-matter field that names a file which is not the request's: the field, its value and why. */
export function foreignFileError(assessmentPath: string, field: string, value: string, why: Bilingual): DeskError {
  return new DeskError('invalid-front-matter', {
    en: `${assessmentPath}: ${field} is "${value}", which is not one of this request's files: ${why.en}. Correct it in the front matter; nothing was committed.`,
    'zh-cn': `${assessmentPath}：${field} 为「${value}」，不是此需求的文件：${why['zh-cn']}。请在 front matter 中更正；未提交任何内容。`,
  });
}

/** Generate Quote's refusal of an `adr.path` that would place the quote outside the workspace folder or inside `.git`. */
export function unsafeAdrPathError(assessmentPath: string, value: string, why: Bilingual): DeskError {
  return new DeskError('invalid-front-matter', {
    en: `${assessmentPath}: adr.path is "${value}", which cannot be the request's ADR: ${why.en}. Correct it in the front matter; no quote was written.`,
    'zh-cn': `${assessmentPath}：adr.path 为「${value}」，不能作为此需求的 ADR：${why['zh-cn']}。请在 front matter 中更正；未生成报价单。`,
  });
}

/** The error for a register path (`<customRequest.assessmentFolder>/README.md`) that leaves the workspace folder. */
export function registerPathError(path: string, why: Bilingual): DeskError {
  return new DeskError('outside-workspace', {
    en: `The setting customRequest.assessmentFolder puts the register at "${path}": ${why.en}. Correct the setting; nothing was committed.`,
    'zh-cn': `设置 customRequest.assessmentFolder 使登记表位于 "${path}"：${why['zh-cn']}。请更正该设置；未提交任何内容。`,
  });
}

/** A DeskError's text after its `<file>: ` lead, without its closing full stop: the reason alone, to put in another sentence. */
function reasonOf(text: Bilingual): Bilingual {
  const cut = (message: string, colon: string, stop: string) => {
    const rest = message.slice(message.indexOf(colon) + colon.length);
    return rest.endsWith(stop) ? rest.slice(0, -stop.length) : rest;
  };
  return { en: cut(text.en, ': ', '.'), 'zh-cn': cut(text['zh-cn'], '：', '。') };
}

/**
 * Why the text of a quote about to be committed is not the quote recorded as
 * `number`: not a quote the extension wrote (no `kind: custom-request-quote`
 * front matter, or one Export Quote would refuse), or another quote's. Undefined when it is.
 */
export function quoteTextProblem(text: string, number: string): Bilingual | undefined {
  if (!looksLikeQuote(text)) {
    return reason(`the file is not a quote written by Custom Request Desk (its front matter has no "kind: ${QUOTE_KIND}")`, `该文件不是 Custom Request Desk 生成的报价单（其 front matter 中没有 "kind: ${QUOTE_KIND}"）`);
  }
  let written: string;
  try {
    written = parseQuoteFile(text, 'quote').quote.number;
  } catch (error) {
    if (error instanceof DeskError) return reasonOf(error.text);
    throw error;
  }
  if (written.trim() === number.trim()) return undefined;
  return reason(`the file is quote ${written}, not ${number}`, `该文件是报价单 ${written}，而不是 ${number}`);
}

/**
 * Why the ADR at `adrPath` (absolute, as are the folders' paths) is not one
 * the ADR lister would list: in none of the workspace folder's ADR folders,
 * or named as the tools reading its folder never name an ADR. Undefined when it is listed.
 */
export function adrFolderProblem(adrPath: string, folders: readonly Pick<AdrFolder, 'path' | 'readBy'>[], root: string): Bilingual | undefined {
  const folder = folders.find((candidate) => joinPath(candidate.path) === dirname(adrPath));
  if (folder && isListedAdrFileName(basename(adrPath), folder.readBy)) return undefined;
  if (folder) return reason(`the tools reading ${relativePath(root, folder.path)} do not take ${basename(adrPath)} for an ADR`, `读取 ${relativePath(root, folder.path)} 的工具不会把 ${basename(adrPath)} 当作 ADR`);
  if (folders.length === 0) return reason('it is not in an ADR folder, and this workspace folder has none', '它不在 ADR 文件夹中，而此工作区文件夹没有 ADR 文件夹');
  const names = folders.map((candidate) => relativePath(root, candidate.path));
  return reason(`it is in none of the ADR folders (${names.join(', ')})`, `它不在任何 ADR 文件夹（${names.join('、')}）中`);
}

/** Whether a register file about to be committed holds the block Update Register writes (a README.md without it is the user's own). */
export function isRegisterText(text: string): boolean {
  // The start marker may carry a note after its name (`<!-- custom-request:register … -->`).
  return text.includes(REGISTER_START.replace(/ -->$/, ''));
}
