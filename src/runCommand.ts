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
        const message = error.messageIn(uiLang());
        log().info(`${id}: shown: ${message}`);
        void vscode.window.showErrorMessage(message);
        return undefined;
      }
      log().error(`${id} failed`, error instanceof Error ? error : String(error));
      const show = vscode.l10n.t('Show Log');
      // The error's own text may hold a stack, internal names or temporary paths: it goes to the log only.
      const message = vscode.l10n.t('Custom Request Desk could not finish "{0}". See the log for details.', id);
      log().info(`${id}: shown: ${message}`);
      void vscode.window
        .showErrorMessage(message, show)
        .then((choice) => {
          if (choice === show) log().show();
        });
      return undefined;
    }
  };
}
