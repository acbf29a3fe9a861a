import * as vscode from 'vscode';
import type { Lang } from './core/lang';
import { langFromLocale } from './core/lang';

/** The language of the VS Code UI, narrowed to the ones we ship. */
export function uiLang(): Lang {
  return langFromLocale(vscode.env.language);
}
