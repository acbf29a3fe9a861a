/**
 * The longest texts an assessment's front matter takes: one set of limits for
 * the schema that reads it (schema.ts), the prompts and commands that write it
 * (New Assessment, Set Capability Tags) and the estimate form's messages
 * (src/webview/protocol.ts), so nothing writes or sends what its reader refuses.
 * Lengths are counted in UTF-16 code units after trimming, as zod's maxLength does.
 */
export const FIELD_LIMITS = {
  customer: 200,
  title: 300,
  broughtBy: 200,
  /** one capability tag */
  capabilityTag: 60,
  /** how many capability tags a request has */
  capabilities: 30,
  /** the related ADR's title and status, as copied from the ADR file into `adr:` */
  adrTitle: 300,
  adrStatus: 100,
} as const;

/** `text` cut to `max` characters (never inside a surrogate pair), for a copy of a text kept elsewhere (an ADR's title, say). */
export function clipText(text: string, max: number): string {
  const trimmed = text.trim();
  if (trimmed.length <= max) return trimmed;
  const cut = trimmed.slice(0, max - 1);
  return `${/[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
}

/** A document URI or workspace path, in the form's messages and the commands' arguments. */
export const PATH_MAX = 4000;
