// Bundles the extension (Node, CommonJS) and, when present, the form's browser entry.
// Usage: node esbuild.mjs [--production] [--watch] [--outdir=<dir>]
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
// --outdir=<dir> builds elsewhere (the bundle-size test builds into test-output/).
const outdir = process.argv.find((arg) => arg.startsWith('--outdir='))?.slice('--outdir='.length) ?? 'dist';

/** @type {{ name: string, options: import('esbuild').BuildOptions }[]} */
const builds = [
  {
    name: 'extension',
    options: {
      entryPoints: ['src/extension.ts'],
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      // Handlebars only requires source-map for source maps of compiled templates, inside a
      // try/catch with a fallback; leaving it out saves 26 KB.
      external: ['vscode', 'source-map'],
      // The ES module builds tree-shake; handlebars' package main also pulls in a
      // require.extensions hook we never use.
      alias: { handlebars: './node_modules/handlebars/lib/handlebars.js', yaml: './node_modules/yaml/browser/index.js' },
    },
  },
];
// The estimate form (a later issue) is a browser bundle next to the extension's.
if (existsSync('src/webview/main.ts')) {
  builds.push({ name: 'webview', options: { entryPoints: ['src/webview/main.ts'], format: 'iife', platform: 'browser', target: 'es2022' } });
}

mkdirSync(outdir, { recursive: true });
for (const { name, options } of builds) {
  /** @type {import('esbuild').BuildOptions} */
  const config = {
    ...options,
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
    const result = await esbuild.build(config);
    writeFileSync(`${outdir}/${name}.meta.json`, JSON.stringify(result.metafile));
  }
}
