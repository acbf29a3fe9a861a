// Precompiles the bundled Handlebars templates (templates/<lang>/**/*.hbs) into
// template specs, so the extension renders them with Handlebars' runtime only.
// esbuild.mjs turns them into dist/templates.<lang>.js; the unit tests
// (test/unit/templateFiles.ts) render the golden documents through the same specs.
import { readdirSync, readFileSync } from 'node:fs';
import nodePath from 'node:path';

/**
 * The options the extension compiles workspace overrides with (COMPILE_OPTIONS
 * in src/core/templates.ts; a unit test checks they are the same).
 */
export const PRECOMPILE_OPTIONS = Object.freeze({ noEscape: true, strict: false });

/**
 * Every `.hbs` file under a folder, as paths relative to it with `/` separators.
 * @param {string} dir
 * @param {string} [prefix]
 * @returns {string[]}
 */
function hbsFiles(dir, prefix = '') {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      if (entry.isDirectory()) return hbsFiles(nodePath.join(dir, entry.name), `${prefix}${entry.name}/`);
      return entry.name.endsWith('.hbs') ? [`${prefix}${entry.name}`] : [];
    });
}

/**
 * The template files under `<root>/templates`, by language and name
 * (`quote.md.hbs`, `partials/links.hbs`), as absolute paths.
 * @param {string} root the repository root
 * @returns {Record<string, Record<string, string>>}
 */
export function bundledTemplateFiles(root) {
  const base = nodePath.join(root, 'templates');
  /** @type {Record<string, Record<string, string>>} */
  const files = {};
  for (const lang of readdirSync(base, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()) {
    files[lang] = Object.fromEntries(hbsFiles(nodePath.join(base, lang)).map((name) => [name, nodePath.join(base, lang, name)]));
  }
  return files;
}

/**
 * Precompiles every bundled template with the full Handlebars. A syntax error
 * fails with the template's path.
 * @param {{ precompile(input: string, options?: object): unknown }} handlebars the full Handlebars (with the compiler)
 * @param {string} root the repository root
 * @returns {Record<string, Record<string, string>>} language → name → the template spec, as JavaScript source
 */
export function precompileTemplates(handlebars, root) {
  /** @type {Record<string, Record<string, string>>} */
  const specs = {};
  for (const [lang, files] of Object.entries(bundledTemplateFiles(root))) {
    specs[lang] = {};
    for (const [name, path] of Object.entries(files)) {
      try {
        specs[lang][name] = String(handlebars.precompile(readFileSync(path, 'utf8'), { ...PRECOMPILE_OPTIONS }));
      } catch (error) {
        throw new Error(`templates/${lang}/${name}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
    }
  }
  return specs;
}

/**
 * The source of the module behind dist/templates.<lang>.js: one language's
 * precompiled specs (they need Handlebars' runtime, dist/handlebars-runtime.js,
 * to run). The extension loads a language's file on its first render.
 * @param {Record<string, string>} templates name → spec source, from precompileTemplates
 * @returns {string}
 */
export function bundledTemplatesModule(templates) {
  const entries = Object.entries(templates).map(([name, spec]) => `  ${JSON.stringify(name)}: ${spec},\n`);
  return `export const templates = {\n${entries.join('')}};\n`;
}
