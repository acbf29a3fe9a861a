import * as vscode from 'vscode';
import { DeskError, isCancelled } from './core/errors';
import { log } from './log';
import { uiLang } from './uiLanguage';

/**
 * The one top-level handler every command goes through: Escape is silent, a
 * DeskError shows its message in the UI language, anything else is logged
 * and shown with a pointer to the log. The extension host never sees a throw.
 */
export function runCommand<A extends unknown[], R>(id: string, handler: (...args: A) => Promise<R>): (...args: A) => Promise<R | undefined> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (isCancelled(error)) return undefined;
      if (error instanceof DeskError) {
        log().warn(`${id}: ${error.code}: ${error.text.en}`);
        void vscode.window.showErrorMessage(error.messageIn(uiLang()));
        return undefined;
      }
      log().error(`${id} failed`, error instanceof Error ? error : String(error));
      const show = vscode.l10n.t('Show Log');
      void vscode.window
        .showErrorMessage(vscode.l10n.t('Custom Request Desk could not finish "{0}": {1}. See the log for details.', id, error instanceof Error ? error.message : String(error)), show)
        .then((choice) => {
          if (choice === show) log().show();
        });
      return undefined;
    }
  };
}
