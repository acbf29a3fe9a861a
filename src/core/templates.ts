/**
 * Handlebars rendering for the Markdown documents. Output is Markdown, so
 * HTML escaping is off (`noEscape`); table cells and headings use the `cell`
 * and `inline` helpers instead, so a `|` or a newline in a customer's name
 * cannot break a table. A syntax error names the template file and line and
 * nothing is rendered.
 */
import Handlebars from 'handlebars';
import { DeskError } from './errors';
import type { Lang } from './lang';
import { intlLocale } from './lang';
import { formatMoney, formatNumber, formatWan } from './money';
import { isInside, joinPath, markdownLinkTarget } from './paths';

/** Bundled document templates; a workspace override replaces one by the same file name. */
export const TEMPLATE_NAMES = ['assessment.md.hbs', 'quote.md.hbs', 'adr-madr.md.hbs', 'adr-nygard.md.hbs'] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];
/** Partials, registered by their name without `.hbs`. */
export const PARTIAL_NAMES = ['comparison.hbs', 'links.hbs', 'figures.hbs'] as const;

export interface TemplateFile {
  text: string;
  /** where it came from, shown in error messages (a path or URI) */
  file: string;
  /** true when it came from the workspace's override folder */
  override: boolean;
}

/** Where templates come from: the extension implements it with bundled and override folders. */
export interface TemplateSource {
  /** The template for a language, or undefined when neither an override nor a bundled one exists. */
  load(name: string, lang: Lang): Promise<TemplateFile | undefined>;
}

/**
 * Where a workspace may override a template, most specific first:
 * `<override folder>/<lang>/<name>`, then `<override folder>/<name>`. None in
 * an untrusted workspace (a repository must not shape what we write before it
 * is trusted), and none that would lie outside the workspace folder.
 */
export function overrideCandidates(workspaceFolder: string, overrideFolder: string, lang: Lang, name: string, trusted: boolean): string[] {
  if (!trusted) return [];
  const base = joinPath(workspaceFolder, overrideFolder);
  return [joinPath(base, lang, name), joinPath(base, name)].filter((path) => isInside(workspaceFolder, path) && path !== joinPath(workspaceFolder));
}

/** Escapes text for one Markdown table cell: pipes escaped, line breaks as <br>. */
export function tableCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  return String(value)
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\r\n|\r|\n/g, '<br>')
    .trim();
}

/** Text on one line (for headings and list items): line breaks become spaces. */
export function inlineText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return String(value).replace(/\s*(\r\n|\r|\n)\s*/g, ' ').trim();
}

/** A date (YYYY-MM-DD) in the document language's long form. */
export function formatDate(iso: string, lang: Lang): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(intlLocale(lang), { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(date);
}

function createEnvironment(lang: Lang): typeof Handlebars {
  const env = Handlebars.create();
  const num = (value: unknown) => (typeof value === 'number' ? value : Number(value));
  env.registerHelper({
    money: (minor: unknown, currency: unknown) => formatMoney(num(minor), String(currency), lang),
    wan: (minor: unknown, currency: unknown) => formatWan(num(minor), String(currency)),
    num: (value: unknown, digits: unknown) => formatNumber(num(value), lang, typeof digits === 'number' ? digits : 1),
    pct: (value: unknown) => `${formatNumber(num(value), lang, 2)}%`,
    date: (iso: unknown) => formatDate(String(iso ?? ''), lang),
    cell: tableCell,
    inline: inlineText,
    link: (target: unknown) => markdownLinkTarget(String(target ?? '')),
    pad: (value: unknown, width: unknown) => String(value ?? '').padStart(typeof width === 'number' ? width : 4, '0'),
    eq: (a: unknown, b: unknown) => a === b,
    gt: (a: unknown, b: unknown) => num(a) > num(b),
    add: (a: unknown, b: unknown) => num(a) + num(b),
  });
  return env;
}

function syntaxError(template: TemplateFile, error: unknown): DeskError {
  const message = error instanceof Error ? error.message : String(error);
  const line = /on line (\d+)/.exec(message)?.[1];
  const detail = message.split('\n').pop() ?? message;
  const where = line ? `${template.file}:${line}` : template.file;
  return new DeskError(
    'template-syntax',
    {
      en: `Template ${where} has an error${line ? ` on line ${line}` : ''}: ${detail}. Nothing was written; fix the template and try again.`,
      'zh-cn': `模板 ${where}${line ? ` 第 ${line} 行` : ''}有错误:${detail}。未写入任何文件;请修正模板后重试。`,
    },
    { cause: error },
  );
}

/**
 * Renders a named template for a language with its partials. Templates are
 * parsed before anything is rendered, so a broken template (or partial)
 * fails with its file and line.
 */
export async function renderTemplate(source: TemplateSource, name: TemplateName | `partials/${(typeof PARTIAL_NAMES)[number]}`, lang: Lang, context: object): Promise<string> {
  const env = createEnvironment(lang);
  const main = await source.load(name, lang);
  if (!main) {
    throw new DeskError('template-not-found', {
      en: `The template ${lang}/${name} is missing from the extension.`,
      'zh-cn': `扩展中缺少模板 ${lang}/${name}。`,
    });
  }
  const partials = await Promise.all(PARTIAL_NAMES.map((partial) => source.load(`partials/${partial}`, lang)));
  const compileChecked = (template: TemplateFile) => {
    try {
      env.parse(template.text);
    } catch (error) {
      throw syntaxError(template, error);
    }
    return env.compile(template.text, { noEscape: true, strict: false });
  };
  PARTIAL_NAMES.forEach((partial, i) => {
    const file = partials[i];
    if (file) env.registerPartial(partial.replace(/\.hbs$/, ''), compileChecked(file));
  });
  const render = compileChecked(main);
  try {
    return render(context);
  } catch (error) {
    throw syntaxError(main, error);
  }
}
