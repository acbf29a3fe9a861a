// Bundles the extension (Node, CommonJS) and, when present, the form's browser entry.
// Usage: node esbuild.mjs [--production] [--watch]
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions[]} */
const builds = [
  {
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['vscode'],
    // handlebars' package main pulls in a require.extensions hook we never use.
    alias: { handlebars: 'handlebars/dist/cjs/handlebars.js' },
  },
];
// The estimate form (a later issue) is a browser bundle next to the extension's.
if (existsSync('src/webview/main.ts')) {
  builds.push({
    entryPoints: ['src/webview/main.ts'],
    outfile: 'dist/webview.js',
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
  });
}

mkdirSync('dist', { recursive: true });
for (const options of builds) {
  const name = options.outfile.replace(/^dist\//, '').replace(/\.js$/, '');
  const config = {
    ...options,
    minify: production,
    sourcemap: production ? false : 'linked',
    sourcesContent: false,
    metafile: true,
    logLevel: 'info',
    legalComments: 'none',
  };
  if (watch) {
    const ctx = await esbuild.context(config);
    await ctx.watch();
  } else {
    const result = await esbuild.build(config);
    writeFileSync(`dist/${name}.meta.json`, JSON.stringify(result.metafile));
  }
}
