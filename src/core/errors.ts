import type { Bilingual, Lang } from './lang';

/**
 * A failure the user can act on: a stable code for logs and tests, and a message
 * in both languages that says what went wrong and, where it can, what to do.
 */
export class DeskError extends Error {
  constructor(
    readonly code: DeskErrorCode,
    readonly text: Bilingual,
    options?: { cause?: unknown },
  ) {
    super(text.en, options);
    this.name = 'DeskError';
  }

  messageIn(lang: Lang): string {
    return this.text[lang];
  }
}

/** The user pressed Escape or dismissed a prompt: dropped silently. */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

export type DeskErrorCode =
  | 'invalid-input'
  | 'invalid-front-matter'
  | 'missing-estimate'
  | 'template-syntax'
  | 'template-not-found'
  | 'file-exists'
  | 'outside-workspace'
  | 'unsaved-document'
  | 'no-workspace'
  | 'not-an-assessment'
  | 'adr-not-found'
  | 'write-failed'
  | 'git-unavailable'
  | 'not-a-repository'
  | 'git-failed'
  | 'hook-refused'
  | 'merge-conflict';

export function isCancelled(error: unknown): error is CancelledError {
  return error instanceof CancelledError;
}
