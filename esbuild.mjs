// Bundles the extension (Node, CommonJS), the bundles it loads lazily, and,
// when present, the form's browser entry. Prints each bundle's size and its ten
// largest contributors.
// Usage: node esbuild.mjs [--production] [--watch] [--outdir=<dir>]
//
// dist/extension.js is the thin entry activation loads (commands, views, a
// loader); dist/desk.js holds the commands' code and zod, loaded on first
// use or in idle time after activation; dist/yaml.js is loaded by desk.js when
// yaml is first needed. Neither carries Handlebars; rendering loads, by path,
// from the same folder:
// - handlebars-runtime.js: Handlebars' runtime (13 KB);
// - templates.<lang>.js: one language's bundled templates (templates/<lang>/**.hbs)
//   precompiled to template specs at build time (~90 KB each), loaded for the
//   language of the document being written;
// - handlebars-compiler.js: the full Handlebars, only when a workspace overrides
//   a template (its text has to be compiled).
// Precompiled specs are ~3× the size of their .hbs source (~180 KB minified for
// both languages), so they are not inlined in dist/extension.js.
import * as esbuild from 'esbuild';
import Handlebars from 'handlebars';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import nodePath from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledTemplateFiles, bundledTemplatesModule, precompileTemplates } from './scripts/precompile-templates.mjs';

const ROOT = nodePath.dirname(fileURLToPath(import.meta.url));
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
// --outdir=<dir> builds elsewhere (the bundle-size test builds into test-output/).
const outdir = process.argv.find((arg) => arg.startsWith('--outdir='))?.slice('--outdir='.length) ?? 'dist';

const TEMPLATE_LANGS = Object.keys(bundledTemplateFiles(ROOT));

/**
 * Resolves `virtual:bundled-templates/<lang>` to a module generated from templates/<lang>
 * (see scripts/precompile-templates.mjs), rebuilt in --watch when a template changes.
 * @type {import('esbuild').Plugin}
 */
const bundledTemplatesPlugin = {
  name: 'bundled-templates',
  setup(build) {
    build.onResolve({ filter: /^virtual:bundled-templates\/[\w-]+$/ }, (args) => ({ path: args.path, namespace: 'bundled-templates' }));
    build.onLoad({ filter: /.*/, namespace: 'bundled-templates' }, (args) => {
      const lang = args.path.slice(args.path.lastIndexOf('/') + 1);
      const files = bundledTemplateFiles(ROOT)[lang];
      return {
        contents: bundledTemplatesModule(precompileTemplates(Handlebars, ROOT)[lang]),
        loader: 'js',
        resolveDir: ROOT,
        watchFiles: Object.values(files),
        watchDirs: [nodePath.join(ROOT, 'templates', lang), nodePath.join(ROOT, 'templates', lang, 'partials')],
      };
    });
  },
};

/** @param {number} bytes */
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * The package an input belongs to (`yaml`, `@scope/name`), or `src` for our own code.
 * @param {string} input
 */
function packageOf(input) {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  return match ? match[1] : input.startsWith('src/') ? 'src' : input;
}

/**
 * Prints a bundle's size, its ten largest inputs and its weight by package.
 * @param {string} name
 * @param {import('esbuild').Metafile} metafile
 */
function report(name, metafile) {
  const [file, output] = Object.entries(metafile.outputs).find(([path]) => path.endsWith('.js')) ?? [];
  if (!file || !output) return;
  const inputs = Object.entries(output.inputs).sort(([, a], [, b]) => b.bytesInOutput - a.bytesInOutput);
  /** @type {Map<string, number>} */
  const packages = new Map();
  for (const [input, { bytesInOutput }] of inputs) packages.set(packageOf(input), (packages.get(packageOf(input)) ?? 0) + bytesInOutput);
  const lines = [`[size] ${name}: ${file} ${kb(output.bytes)}; largest contributors:`];
  for (const [input, { bytesInOutput }] of inputs.slice(0, 10)) lines.push(`[size]   ${kb(bytesInOutput).padStart(9)}  ${input}`);
  const byPackage = [...packages].sort(([, a], [, b]) => b - a).map(([pkg, bytes]) => `${pkg} ${kb(bytes)}`);
  lines.push(`[size]   by package: ${byPackage.join(', ')}`);
  console.log(lines.join('\n'));
}

/**
 * The extension must not pull in Handlebars' compiler (it lives in handlebars-compiler.js).
 * @param {import('esbuild').Metafile} metafile
 * @returns {string[]} the offending inputs
 */
function compilerInputs(metafile) {
  return Object.keys(metafile.inputs).filter((input) => /handlebars\/(lib\/handlebars\/compiler|dist\/cjs\/handlebars\/compiler|lib\/handlebars\.js$|lib\/index\.js$)/.test(input));
}

// The full Handlebars: the ES module build tree-shakes, and handlebars' package
// main also pulls in a require.extensions hook we never use.
const handlebarsAlias = { handlebars: './node_modules/handlebars/lib/handlebars.js' };

/**
 * In dist/desk.js, `yaml` is src/yamlOnDemand.ts, which loads dist/yaml.js the
 * first time it is used: the tree's first load does not need it.
 * @type {import('esbuild').Plugin}
 */
const yamlOnDemandPlugin = {
  name: 'yaml-on-demand',
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, () => ({ path: `${ROOT}/src/yamlOnDemand.ts` }));
  },
};

/** @type {{ name: string, options: import('esbuild').BuildOptions }[]} */
const builds = [
  {
    // The thin entry activation loads: commands, views, and the loader of desk.js.
    name: 'extension',
    options: {
      entryPoints: ['src/extension.ts'],
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      external: ['vscode'],
    },
  },
  {
    // Everything else the commands and views need, loaded on first use (see src/extension.ts).
    name: 'desk',
    options: {
      entryPoints: ['src/desk.ts'],
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      external: ['vscode'],
      // yaml is dist/yaml.js, loaded on first use through src/yamlOnDemand.ts. (No Handlebars here: see the top of this file.)
      plugins: [yamlOnDemandPlugin],
    },
  },
  {
    name: 'yaml',
    options: {
      // What src/yamlOnDemand.ts hands out, from yaml's ES module build, which tree-shakes.
      stdin: { contents: "export { parse, parseDocument, stringify, isMap, isScalar, isSeq, Composer, LineCounter, Parser } from 'yaml';", resolveDir: ROOT, sourcefile: 'yaml.js', loader: 'js' },
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      alias: { yaml: './node_modules/yaml/browser/index.js' },
    },
  },
  {
    name: 'handlebars-runtime',
    options: {
      // the ES module build of handlebars/runtime, which tree-shakes
      stdin: { contents: "export { default as Handlebars } from 'handlebars/lib/handlebars.runtime.js';", resolveDir: ROOT, sourcefile: 'handlebars-runtime.js', loader: 'js' },
      format: 'cjs',
      platform: 'node',
      target: 'node20',
    },
  },
  ...TEMPLATE_LANGS.map((lang) => ({
    name: `templates.${lang}`,
    options: { entryPoints: [`virtual:bundled-templates/${lang}`], format: /** @type {const} */ ('cjs'), platform: /** @type {const} */ ('node'), target: 'node20', plugins: [bundledTemplatesPlugin] },
  })),
  {
    name: 'handlebars-compiler',
    options: {
      stdin: { contents: "export { default as Handlebars } from 'handlebars';", resolveDir: ROOT, sourcefile: 'handlebars-compiler.js', loader: 'js' },
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      // Handlebars only requires source-map for source maps of compiled templates, inside a
      // try/catch with a fallback; leaving it out saves 26 KB.
      external: ['source-map'],
      alias: handlebarsAlias,
    },
  },
];
// The estimate form (a later issue) is a browser bundle next to the extension's.
if (existsSync('src/webview/main.ts')) {
  builds.push({ name: 'webview', options: { entryPoints: ['src/webview/main.ts'], format: 'iife', platform: 'browser', target: 'es2022' } });
}

mkdirSync(outdir, { recursive: true });
for (const { name, options } of builds) {
  /** @type {import('esbuild').Plugin} */
  const reportPlugin = {
    name: 'report',
    setup(build) {
      build.onEnd((result) => {
        if (!result.metafile) return;
        writeFileSync(`${outdir}/${name}.meta.json`, JSON.stringify(result.metafile));
        report(name, result.metafile);
        const offenders = name === 'extension' || name === 'desk' ? compilerInputs(result.metafile) : [];
        if (offenders.length > 0) {
          console.error(`[size] ${name} must not bundle Handlebars' compiler (load it from handlebars-compiler.js), but has:\n  ${offenders.join('\n  ')}`);
          if (!watch) process.exitCode = 1;
        }
      });
    },
  };
  /** @type {import('esbuild').BuildOptions} */
  const config = {
    ...options,
    plugins: [...(options.plugins ?? []), reportPlugin],
    bundle: true,
    outfile: `${outdir}/${name}.js`,
    minify: production,
    sourcemap: production ? false : 'linked',
    sourcesContent: false,
    metafile: true,
    logLevel: 'info',
    legalComments: 'none',
    // Chinese messages as UTF-8, not \uXXXX escapes: half the bytes.
    charset: 'utf8',
  };
  if (watch) {
    const ctx = await esbuild.context(config);
    await ctx.watch();
  } else {
    await esbuild.build(config);
  }
}
