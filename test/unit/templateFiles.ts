import { promises as fsp } from 'node:fs';
import nodePath from 'node:path';
import Handlebars from 'handlebars';
import HandlebarsRuntime from 'handlebars/runtime';
import type { Lang } from '../../src/core/lang';
import type { Handlebars as HandlebarsModule, TemplateFile, TemplateSource, TemplateSpec } from '../../src/core/templates';

export const REPO_ROOT = nodePath.resolve(__dirname, '../..');

async function read(path: string): Promise<string | undefined> {
  try {
    return await fsp.readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Handlebars as the extension gets it: the runtime for precompiled templates, the full build to compile text. */
const handlebars = {
  runtime: async (): Promise<HandlebarsModule> => HandlebarsRuntime as HandlebarsModule,
  compiler: async (): Promise<HandlebarsModule> => Handlebars,
};

/** The generator esbuild.mjs uses (an ES module, so imported, not required). */
export const precompileScript = () => import('../../scripts/precompile-templates.mjs');

let specs: Promise<Record<string, Record<string, TemplateSpec>>> | undefined;
/**
 * The bundled templates precompiled as esbuild.mjs does for dist/templates.<lang>.js
 * (same generator, same full Handlebars), each spec evaluated from its source.
 */
export function precompiledTemplates(): Promise<Record<string, Record<string, TemplateSpec>>> {
  specs ??= precompileScript().then(({ precompileTemplates }) =>
    Object.fromEntries(
      Object.entries(precompileTemplates(Handlebars, REPO_ROOT)).map(([lang, byName]) => [
        lang,
        Object.fromEntries(Object.entries(byName).map(([name, source]) => [name, new Function(`return ${source};`)() as TemplateSpec])),
      ]),
    ),
  );
  return specs;
}

/** Overrides from a folder, as text, most specific first: `<dir>/<lang>/<name>`, then `<dir>/<name>`. */
async function loadOverride(overrideDir: string | undefined, name: string, lang: Lang): Promise<TemplateFile | undefined> {
  if (!overrideDir) return undefined;
  for (const candidate of [nodePath.join(overrideDir, lang, name), nodePath.join(overrideDir, name)]) {
    const text = await read(candidate);
    if (text !== undefined) return { text, file: candidate, override: true };
  }
  return undefined;
}

/**
 * The bundled templates precompiled, as the extension loads them, optionally
 * overridden (as text) from a folder.
 */
export function fileTemplates(overrideDir?: string): TemplateSource {
  return {
    ...handlebars,
    async load(name: string, lang: Lang): Promise<TemplateFile | undefined> {
      const override = await loadOverride(overrideDir, name, lang);
      if (override) return override;
      const byName = (await precompiledTemplates())[lang];
      return byName && Object.hasOwn(byName, name) ? { spec: byName[name], file: `templates/${lang}/${name}`, override: false } : undefined;
    },
  };
}

/**
 * The bundled templates read as text from templates/ and compiled when
 * rendered, as a workspace override would be: the compiler's path.
 */
export function textTemplates(): TemplateSource {
  return {
    ...handlebars,
    async load(name: string, lang: Lang): Promise<TemplateFile | undefined> {
      const text = await read(nodePath.join(REPO_ROOT, 'templates', lang, name));
      return text === undefined ? undefined : { text, file: `templates/${lang}/${name}`, override: true };
    },
  };
}

/** Templates held in memory, for error-path tests. */
export function memoryTemplates(files: Record<string, string>): TemplateSource {
  return {
    ...handlebars,
    async load(name: string, lang: Lang) {
      const key = `${lang}/${name}`;
      return files[key] === undefined ? undefined : { text: files[key], file: key, override: true };
    },
  };
}
