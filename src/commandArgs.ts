import type * as z from 'zod/mini';
import { DeskError } from './core/errors';
import { problemsMessage } from './core/fieldMessages';

/**
 * Validates a command's arguments object (from a script, a test or a keybinding):
 * a wrong field gets a message naming it, before anything is asked or written.
 */
export function parseCommandArgs<S extends z.ZodMiniType>(schema: S, args: unknown, command: string): z.output<S> {
  // reportInput: a wrong value is "must be true or false, found …", not "is missing".
  const result = schema.safeParse(args ?? {}, { reportInput: true });
  if (result.success) return result.data;
  throw new DeskError(
    'invalid-input',
    problemsMessage(result.error, { en: `The arguments of ${command} have a problem`, 'zh-cn': `${command} 的参数有问题` }),
  );
}
