import * as vscode from 'vscode';
import type * as z from 'zod/mini';
import type { Settings } from './core/schema';
import { describeIssues } from './core/fieldMessages';
import { settingsSchema } from './core/schema';
import { log } from './log';
import { uiLang } from './uiLanguage';

const SECTION = 'customRequest';
const warned = new Set<string>();

/**
 * The `customRequest.*` settings for a workspace folder, validated field by
 * field: an invalid value is reported once (naming the setting) and its
 * default is used instead, so one typo never blocks a command.
 */
export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  const shape = settingsSchema.shape;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(shape) as (keyof typeof shape)[]) {
    const value = config.get<unknown>(key);
    const field = shape[key] as unknown as z.ZodMiniType;
    const parsed = field.safeParse(value, { reportInput: true }); // so a wrong value is not "is missing"
    if (parsed.success) {
      out[key] = parsed.data;
      continue;
    }
    out[key] = field.parse(undefined);
    const id = `${SECTION}.${key}`;
    const problem = describeIssues(parsed.error, uiLang(), [id])[0]?.message ?? id;
    if (!warned.has(`${id}=${JSON.stringify(value)}`)) {
      warned.add(`${id}=${JSON.stringify(value)}`);
      log().warn(`${problem} — using the default ${JSON.stringify(out[key])}`);
      void vscode.window.showWarningMessage(vscode.l10n.t('Setting {0} is invalid, so its default is used. {1}', id, problem));
    }
  }
  return out as Settings;
}
