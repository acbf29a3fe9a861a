/**
 * What the extension posts to the estimate form, checked before it goes. The
 * load message is built from the front matter as written (not yet checked)
 * with the front matter's own limits (src/core/fieldLimits.ts): a field over
 * its limit is left out and named in the form's banner, so the form still
 * shows the request it was asked for. Every message is then parsed with the
 * very schema the webview parses it with (src/webview/protocol.ts); one that
 * still does not fit becomes a `failed` message, which the form shows.
 * Pure (no vscode): unit-tested in Node.
 */
import { normaliseTag, uniqueTags } from '../core/capabilities';
import { describeIssues } from '../core/fieldMessages';
import { FIELD_LIMITS } from '../core/fieldLimits';
import type { Bilingual, Lang } from '../core/lang';
import { requestName } from '../core/status';
import type { ExtensionToWebview, FormDefaults } from '../webview/protocol';
import { extensionToWebviewSchema, MESSAGE_MAX, parseMessage } from '../webview/protocol';

export type LoadMessage = Extract<ExtensionToWebview, { type: 'load' }>;

export interface LoadInput {
  /** the document URI as a string */
  key: string;
  /** the assessment's workspace-relative path: the form's name for it when its own name cannot be shown */
  file: string;
  defaults: FormDefaults;
  /** the front matter as YAML gave it, not yet checked by the schema */
  frontMatter: Record<string, unknown>;
  lang: Lang;
}

/** A text shortened for a message: its first 40 characters, on one line. */
function shown(text: string): string {
  const chars = Array.from(text.trim().replace(/\s+/g, ' '));
  return chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : chars.join('');
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const FIELD_NAMES = {
  customer: { en: 'customer', 'zh-cn': '客户名称' },
  title: { en: 'request title', 'zh-cn': '需求标题' },
} as const;

/** The customer or title over its limit, named as in the front matter. */
function nameTooLong(field: 'customer' | 'title', length: number, file: string): Bilingual {
  const max = FIELD_LIMITS[field];
  return {
    en: `The ${FIELD_NAMES[field].en} in ${file} is longer than ${max} characters (it has ${length}); shorten "${field}" in its front matter. Until then the form names the request by its file.`,
    'zh-cn': `${file} 中的${FIELD_NAMES[field]['zh-cn']}超过 ${max} 个字符（现有 ${length} 个），请在其 front matter 中缩短 “${field}”。在此之前，表单以文件路径称呼该需求。`,
  };
}

function tagsWrong(first: string, others: number, multiLine: boolean, file: string): Bilingual {
  const max = FIELD_LIMITS.capabilityTag;
  const more = { en: others > 0 ? ` (and ${others} more)` : '', 'zh-cn': others > 0 ? `（另有 ${others} 个）` : '' };
  return multiLine
    ? {
        en: `The capability tag "${shown(first)}"${more.en} in ${file} is not on one line; put it on one line in the front matter's "capabilities". Until then the form leaves it out.`,
        'zh-cn': `${file} 中的能力标签“${shown(first)}”${more['zh-cn']}没有写在一行内，请在 front matter 的 “capabilities” 中改为一行。在此之前，表单不显示该标签。`,
      }
    : {
        en: `The capability tag "${shown(first)}"${more.en} in ${file} is longer than ${max} characters; shorten it in the front matter's "capabilities". Until then the form leaves it out.`,
        'zh-cn': `${file} 中的能力标签“${shown(first)}”${more['zh-cn']}超过 ${max} 个字符，请在 front matter 的 “capabilities” 中缩短。在此之前，表单不显示该标签。`,
      };
}

function tooManyTags(count: number, file: string): Bilingual {
  const max = FIELD_LIMITS.capabilities;
  return {
    en: `${file} has ${count} capability tags; at most ${max} are allowed. Remove some from the front matter's "capabilities"; until then the form shows the first ${max}.`,
    'zh-cn': `${file} 有 ${count} 个能力标签，最多允许 ${max} 个。请从 front matter 的 “capabilities” 中删去一些；在此之前，表单只显示前 ${max} 个。`,
  };
}

/** The request's name when both its parts fit their limits; otherwise what is wrong with them. */
function nameOf(fm: Record<string, unknown>, input: LoadInput, notes: Bilingual[]): string {
  if (typeof fm.customer !== 'string' || typeof fm.title !== 'string') return input.file;
  const customer = fm.customer.trim();
  const title = fm.title.trim();
  let fits = customer.length > 0 && title.length > 0;
  for (const [field, value] of [['customer', customer], ['title', title]] as const) {
    if (value.length > FIELD_LIMITS[field]) {
      notes.push(nameTooLong(field, value.length, input.file));
      fits = false;
    }
  }
  return fits ? requestName({ customer, title }, input.lang) : input.file;
}

/** The tags the front matter's schema takes (one line, within the limit, also once normalised), at most as many as it takes. */
function tagsOf(fm: Record<string, unknown>, input: LoadInput, notes: Bilingual[]): string[] {
  if (!Array.isArray(fm.capabilities)) return [];
  const written = fm.capabilities.filter((tag): tag is string => typeof tag === 'string');
  const max = FIELD_LIMITS.capabilityTag;
  const multiLine = written.filter((tag) => /[\r\n]/.test(tag.trim()));
  const tooLong = written.filter((tag) => !multiLine.includes(tag) && Math.max(tag.trim().length, normaliseTag(tag).length) > max);
  if (multiLine.length > 0) notes.push(tagsWrong(multiLine[0], multiLine.length - 1, true, input.file));
  if (tooLong.length > 0) notes.push(tagsWrong(tooLong[0], tooLong.length - 1, false, input.file));
  if (fm.capabilities.length > FIELD_LIMITS.capabilities) notes.push(tooManyTags(fm.capabilities.length, input.file));
  const fitting = written.filter((tag) => !multiLine.includes(tag) && !tooLong.includes(tag));
  return uniqueTags(fitting, FIELD_LIMITS.capabilities);
}

/**
 * The form's load message for an assessment whose front matter is an
 * assessment's: its name, tags and estimate as written, less any field over
 * its limit, which `notice` names. The key is always the one asked for, so
 * the form's picker, fields and save target move to it together.
 */
export function loadFor(input: LoadInput): LoadMessage {
  const notes: Bilingual[] = [];
  const fm = input.frontMatter;
  const label = nameOf(fm, input, notes);
  const capabilities = tagsOf(fm, input, notes);
  const notice = notes.map((note) => note[input.lang]).join(input.lang === 'zh-cn' ? '' : ' ');
  return {
    type: 'load',
    key: input.key,
    label,
    defaults: input.defaults,
    capabilities,
    ...(fm.estimate !== undefined && fm.estimate !== null ? { estimate: fm.estimate } : {}),
    ...(notice ? { notice: clip(notice, MESSAGE_MAX) } : {}),
  };
}

/**
 * The message to post: `message` itself when the webview's schema takes it;
 * otherwise a `failed` message saying, by field, what could not be sent
 * (`dropped` is the reason, for the log). Whatever this returns, the webview accepts.
 */
export function sendable(message: ExtensionToWebview, lang: Lang): { message: ExtensionToWebview; dropped?: string } {
  const parsed = extensionToWebviewSchema.safeParse(message, { reportInput: true });
  if (parsed.success) return { message };
  const problem = describeIssues(parsed.error, lang)[0]?.message ?? '';
  const text =
    lang === 'zh-cn'
      ? `扩展无法把这条“${message.type}”消息发送到表单：${problem}。未做任何改动，详情请查看日志。`
      : `The extension could not send its "${message.type}" message to the form: ${problem}. Nothing was changed; the log has the details.`;
  const fallback: ExtensionToWebview = { type: 'failed', message: clip(text, MESSAGE_MAX) };
  const reason = parseMessage(extensionToWebviewSchema, message);
  return { message: fallback, dropped: reason.ok ? 'unknown' : reason.reason };
}
