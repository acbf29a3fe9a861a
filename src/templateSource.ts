import * as vscode from 'vscode';
import type { Lang } from './core/lang';
import type { TemplateFile, TemplateSource } from './core/templates';
import { overrideCandidates } from './core/templates';

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
 * folder when the workspace is trusted (see `overrideCandidates`).
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
      const text = await readIfExists(vscode.Uri.joinPath(extensionUri, 'templates', lang, name));
      return text === undefined ? undefined : { text, file: `templates/${lang}/${name}`, override: false };
    },
  };
}
