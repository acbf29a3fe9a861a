/**
 * Reading the supplier's logo for an export: its size is asked first and a
 * file over the limit is refused without reading a byte of it (a logo path
 * may point at anything in the workspace: a video, a disk image, a sparse
 * file of gigabytes). A logo that cannot be inlined never stops an export;
 * the reason comes back in both languages, naming the file and the limit.
 */
import { LOGO_MAX_BYTES, logoMimeType } from './exportHtml';
import type { Bilingual } from './lang';

/** What reading a bounded file needs: its size without reading it, then its bytes. */
export interface SizedReadFs {
  /** The size in bytes of the regular file at `path`; undefined when there is none (a folder, a pipe or nothing). */
  fileSize(path: string): Promise<number | undefined>;
  /** The file's bytes, or undefined when there is no file at that path. */
  readFile(path: string): Promise<Uint8Array | undefined>;
}

/** The logo's bytes and image type, or why there is none. */
export type LogoRead = { mimeType: string; bytes: Uint8Array } | { skipped: Bilingual };

/** `bytes` as whole kilobytes, rounded up (a file one byte over the limit never reads as equal to it). */
function kilobytes(bytes: number): string {
  return `${Math.ceil(bytes / 1024)} KB`;
}

function tooLarge(name: string, size: number, maxBytes: number): Bilingual {
  return {
    en: `The logo ${name} (customRequest.supplier.logo) is ${kilobytes(size)}, more than the ${kilobytes(maxBytes)} an export inlines, so it was not read and the export has no logo. Use a smaller image.`,
    'zh-cn': `徽标 ${name}（customRequest.supplier.logo）大小为 ${kilobytes(size)}，超过导出可内嵌的上限 ${kilobytes(maxBytes)}，因此未读取，导出的页面不含徽标。请换用更小的图片。`,
  };
}

/** Why a logo outside the workspace folder is left out. */
export function logoOutside(name: string, folder: string): Bilingual {
  return {
    en: `The logo ${name} (customRequest.supplier.logo) is outside the workspace folder ${folder}, so the export has no logo.`,
    'zh-cn': `徽标 ${name}（customRequest.supplier.logo）不在工作区文件夹 ${folder} 中，导出的页面不含徽标。`,
  };
}

/** Why a logo reached through a symbolic link that leads outside the workspace folder is left out. */
export function logoLinkedOutside(name: string): Bilingual {
  return {
    en: `The logo ${name} (customRequest.supplier.logo) leads outside the workspace folder through a symbolic link, so the export has no logo.`,
    'zh-cn': `徽标 ${name}（customRequest.supplier.logo）通过符号链接指向工作区文件夹之外，导出的页面不含徽标。`,
  };
}

/**
 * The logo at `path` (shown to the user as `name`), when it is an image type
 * the page inlines, a regular file, and at most
 * `maxBytes`. The size is checked before the file is read, and once more
 * after (it may have grown in between).
 */
export async function readLogoFile(fs: SizedReadFs, path: string, name: string, maxBytes = LOGO_MAX_BYTES): Promise<LogoRead> {
  const mimeType = logoMimeType(path);
  if (!mimeType) {
    return {
      skipped: {
        en: `The logo ${name} (customRequest.supplier.logo) is not a PNG, JPEG, GIF, WebP or SVG image, so the export has no logo.`,
        'zh-cn': `徽标 ${name}（customRequest.supplier.logo）不是 PNG、JPEG、GIF、WebP 或 SVG 图片，导出的页面不含徽标。`,
      },
    };
  }
  const missing: LogoRead = {
    skipped: {
      en: `There is no logo file ${name} (customRequest.supplier.logo), so the export has no logo.`,
      'zh-cn': `找不到徽标文件 ${name}（customRequest.supplier.logo），导出的页面不含徽标。`,
    },
  };
  const size = await fs.fileSize(path);
  if (size === undefined) return missing;
  if (size > maxBytes) return { skipped: tooLarge(name, size, maxBytes) };
  const bytes = await fs.readFile(path);
  if (!bytes) return missing;
  if (bytes.byteLength > maxBytes) return { skipped: tooLarge(name, bytes.byteLength, maxBytes) };
  return { mimeType, bytes };
}
