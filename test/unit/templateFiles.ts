import { promises as fsp } from 'node:fs';
import nodePath from 'node:path';
import type { Lang } from '../../src/core/lang';
import type { TemplateFile, TemplateSource } from '../../src/core/templates';

export const REPO_ROOT = nodePath.resolve(__dirname, '../..');

async function read(path: string): Promise<string | undefined> {
  try {
    return await fsp.readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The bundled templates from the repository, optionally overridden from a folder, as the extension loads them. */
export function fileTemplates(overrideDir?: string): TemplateSource {
  return {
    async load(name: string, lang: Lang): Promise<TemplateFile | undefined> {
      if (overrideDir) {
        for (const candidate of [nodePath.join(overrideDir, lang, name), nodePath.join(overrideDir, name)]) {
          const text = await read(candidate);
          if (text !== undefined) return { text, file: candidate, override: true };
        }
      }
      const text = await read(nodePath.join(REPO_ROOT, 'templates', lang, name));
      return text === undefined ? undefined : { text, file: `templates/${lang}/${name}`, override: false };
    },
  };
}

/** Templates held in memory, for error-path tests. */
export function memoryTemplates(files: Record<string, string>): TemplateSource {
  return {
    async load(name: string, lang: Lang) {
      const key = `${lang}/${name}`;
      return files[key] === undefined ? undefined : { text: files[key], file: key, override: true };
    },
  };
}
