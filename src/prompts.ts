import * as vscode from 'vscode';
import { CancelledError } from './core/errors';

/** An InputBox that throws CancelledError on Escape; `validate` returns a message or undefined. */
export async function askText(options: {
  title: string;
  prompt: string;
  value?: string;
  placeHolder?: string;
  step?: number;
  totalSteps?: number;
  validate?: (value: string) => string | undefined;
}): Promise<string> {
  const step = options.step && options.totalSteps ? ` (${options.step}/${options.totalSteps})` : '';
  const value = await vscode.window.showInputBox({
    title: options.title + step,
    prompt: options.prompt,
    value: options.value,
    placeHolder: options.placeHolder,
    ignoreFocusOut: true,
    validateInput: options.validate,
  });
  if (value === undefined) throw new CancelledError();
  return value.trim();
}

/** A QuickPick that throws CancelledError on Escape. */
export async function pickOne<T extends vscode.QuickPickItem>(items: T[], options: { title: string; placeHolder: string; step?: number; totalSteps?: number }): Promise<T> {
  const step = options.step && options.totalSteps ? ` (${options.step}/${options.totalSteps})` : '';
  const picked = await vscode.window.showQuickPick(items, {
    title: options.title + step,
    placeHolder: options.placeHolder,
    ignoreFocusOut: true,
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!picked) throw new CancelledError();
  return picked;
}

/**
 * Single-line text of bounded length (a limit of src/core/fieldLimits.ts), counted as
 * the front matter's schema counts it: trimmed, as askText returns it.
 */
export function limitedText(max: number): (value: string) => string | undefined {
  return (value) => (value.trim().length > max ? vscode.l10n.t('At most {0} characters.', max) : undefined);
}

/** Required, single-line text of bounded length. */
export function requiredText(max: number): (value: string) => string | undefined {
  return (value) => {
    if (!value.trim()) return vscode.l10n.t('This field is required.');
    return limitedText(max)(value);
  };
}
