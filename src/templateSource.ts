import * as vscode from 'vscode';
import type { Lang } from './core/lang';
import type { Handlebars, TemplateFile, TemplateSource, TemplateSpec } from './core/templates';
import { overrideCandidates } from './core/templates';

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
  return {
    async load(name: string, lang: Lang): Promise<TemplateFile | undefined> {
      if (workspaceFolder) {
        for (const path of overrideCandidates(workspaceFolder.path, overrideFolder, lang, name, vscode.workspace.isTrusted)) {
          const uri = workspaceFolder.with({ path });
          const text = await readIfExists(uri);
          if (text !== undefined) return { text, file: vscode.workspace.asRelativePath(uri, true), override: true };
        }
      }
      const specs = loadBundle<BundledTemplates>(extensionUri, `templates.${lang}.js`).templates;
      return Object.hasOwn(specs, name) ? { spec: specs[name], file: `templates/${lang}/${name}`, override: false } : undefined;
    },
    runtime: async () => loadBundle<{ Handlebars: Handlebars }>(extensionUri, 'handlebars-runtime.js').Handlebars,
    compiler: async () => loadBundle<{ Handlebars: Handlebars }>(extensionUri, 'handlebars-compiler.js').Handlebars,
  };
}
