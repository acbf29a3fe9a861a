import * as vscode from 'vscode';
import type { Lang } from './core/lang';
import type { Handlebars, TemplateFile, TemplateSource, TemplateSpec } from './core/templates';
import { overrideCandidates } from './core/templates';
import { joinPath } from './core/paths';
import { statOf } from './localRead';

const decoder = new TextDecoder();

async function readIfExists(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return decoder.decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/** dist/templates.<lang>.js, made by esbuild.mjs from templates/<lang> (see scripts/precompile-templates.mjs). */
interface BundledTemplates {
  /** template name (`quote.md.hbs`, `partials/links.hbs`) → precompiled spec */
  templates: Record<string, TemplateSpec>;
}

/**
 * Loads one of the bundles esbuild.mjs builds next to dist/extension.js. They
 * stay out of the extension's bundle (Node caches them once loaded): the
 * precompiled templates are needed only to render, Handlebars' compiler only
 * for a workspace override.
 */
function loadBundle<T>(extensionUri: vscode.Uri, file: `templates.${Lang}.js` | 'handlebars-runtime.js' | 'handlebars-compiler.js'): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a path known only at run time, deliberately not bundled
  return require(vscode.Uri.joinPath(extensionUri, 'dist', file).fsPath) as T;
}

/**
 * Bundled templates, precompiled, replaced by name from the workspace folder's
 * override folder when the workspace is trusted (see `overrideCandidates`).
 */
export function templateSource(extensionUri: vscode.Uri, workspaceFolder: vscode.Uri | undefined, overrideFolder: string): TemplateSource {
  // Most workspaces override nothing: one stat of the override folder (asked now, once per source) saves
  // a round trip to the file system per template and partial. Candidates are then read all at once.
  let hasOverrides: Promise<boolean> | undefined;
  if (workspaceFolder && vscode.workspace.isTrusted) {
    const folder = workspaceFolder.with({ path: joinPath(workspaceFolder.path, overrideFolder) });
    // One system call where the extension host sees the disk: through vscode.workspace.fs it is a round trip to
    // the window, which a command's first render would wait for.
    hasOverrides = statOf(folder).then(
      (stat) => (stat.type & vscode.FileType.Directory) !== 0,
      () => false,
    );
  }
  return {
    async load(name: string, lang: Lang): Promise<TemplateFile | undefined> {
      if (workspaceFolder && hasOverrides && (await hasOverrides)) {
        const uris = overrideCandidates(workspaceFolder.path, overrideFolder, lang, name, vscode.workspace.isTrusted).map((path) => workspaceFolder.with({ path }));
        const texts = await Promise.all(uris.map(readIfExists));
        const found = texts.findIndex((text) => text !== undefined);
        if (found >= 0) return { text: texts[found]!, file: vscode.workspace.asRelativePath(uris[found], true), override: true };
      }
      const specs = loadBundle<BundledTemplates>(extensionUri, `templates.${lang}.js`).templates;
      return Object.hasOwn(specs, name) ? { spec: specs[name], file: `templates/${lang}/${name}`, override: false } : undefined;
    },
    runtime: async () => loadBundle<{ Handlebars: Handlebars }>(extensionUri, 'handlebars-runtime.js').Handlebars,
    compiler: async () => loadBundle<{ Handlebars: Handlebars }>(extensionUri, 'handlebars-compiler.js').Handlebars,
  };
}
