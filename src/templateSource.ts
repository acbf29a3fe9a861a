import * as vscode from 'vscode';
import type { Lang } from './core/lang';
import { isInside, joinPath } from './core/paths';
import type { TemplateFile, TemplateSource } from './core/templates';

const decoder = new TextDecoder();

async function readIfExists(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return decoder.decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/**
 * Bundled templates, replaced by name from the workspace folder's override
 * folder (`<folder>/<lang>/<name>`, then `<folder>/<name>`) — only in a
 * trusted workspace: an untrusted repository must not shape what we write.
 */
export function templateSource(extensionUri: vscode.Uri, workspaceFolder: vscode.Uri | undefined, overrideFolder: string): TemplateSource {
  const useOverrides = vscode.workspace.isTrusted && workspaceFolder !== undefined;
  return {
    async load(name: string, lang: Lang): Promise<TemplateFile | undefined> {
      if (useOverrides && workspaceFolder) {
        const base = joinPath(workspaceFolder.path, overrideFolder);
        for (const candidate of [joinPath(base, lang, name), joinPath(base, name)]) {
          if (!isInside(workspaceFolder.path, candidate)) continue;
          const uri = workspaceFolder.with({ path: candidate });
          const text = await readIfExists(uri);
          if (text !== undefined) return { text, file: vscode.workspace.asRelativePath(uri, true), override: true };
        }
      }
      const bundled = vscode.Uri.joinPath(extensionUri, 'templates', lang, name);
      const text = await readIfExists(bundled);
      return text === undefined ? undefined : { text, file: `templates/${lang}/${name}`, override: false };
    },
  };
}
