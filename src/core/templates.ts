/**
 * Handlebars rendering for the Markdown documents. Output is Markdown, so
 * HTML escaping is off (`noEscape`); user text goes through the `inline`,
 * `cell` and `label` helpers instead (markdownText.ts), which escape it for
 * Markdown: a `|` or a newline in a customer's name cannot break a table,
 * and `Acme <Europe> GmbH` shows as typed rather than as an HTML tag. A
 * syntax error names the template file and line and nothing is rendered.
 *
 * Bundled templates come precompiled (template specs made at build time, see
 * scripts/precompile-templates.mjs) and need only Handlebars' runtime; a
 * workspace override comes as text and needs the full Handlebars with its
 * compiler. The template source supplies both, so the extension loads the
 * compiler only when an override exists.
 */
import type HandlebarsModule from 'handlebars';
import { DeskError } from './errors';
import type { Lang } from './lang';
import { intlLocale } from './lang';
import { rmbInCapitals } from './capitalAmount';
import { formatMoney, formatNumber, formatWan } from './money';
import { isInside, joinPath, markdownLinkTarget } from './paths';
import { dateFormat, displayNames } from './intlCache';
import { inlineText, linkLabel, tableCell } from './markdownText';

// The escaping helpers live in markdownText.ts; tests and older callers import them from here.
export { inlineText, linkLabel, markdownText, tableCell } from './markdownText';

/** Bundled document templates; a workspace override replaces one by the same file name. */
export const TEMPLATE_NAMES = ['assessment.md.hbs', 'quote.md.hbs', 'adr-madr.md.hbs', 'adr-nygard.md.hbs', 'register.md.hbs'] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];
/** Partials, registered by their name without `.hbs`. */
export const PARTIAL_NAMES = ['comparison.hbs', 'links.hbs', 'figures.hbs'] as const;

/**
 * How templates are compiled, from text (overrides) and at build time
 * (scripts/precompile-templates.mjs has the same, checked by a unit test).
 */
export const COMPILE_OPTIONS = Object.freeze({ noEscape: true, strict: false });

/** Handlebars: its runtime (`handlebars/runtime`), or the full build with the compiler. */
export type Handlebars = typeof HandlebarsModule;
/** A precompiled template: `Handlebars.precompile`'s output, evaluated. */
export type TemplateSpec = Parameters<Handlebars['template']>[0];

interface TemplateOrigin {
  /** where it came from, shown in error messages (a path or URI) */
  file: string;
  /** true when it came from the workspace's override folder */
  override: boolean;
}
/** A template as text, compiled when rendered (a workspace override). */
export interface TemplateText extends TemplateOrigin {
  text: string;
}
/** A template precompiled at build time (a bundled one). */
export interface PrecompiledTemplate extends TemplateOrigin {
  spec: TemplateSpec;
}
export type TemplateFile = TemplateText | PrecompiledTemplate;

/** Where templates come from: the extension implements it with bundled and override folders. */
export interface TemplateSource {
  /** The template for a language, or undefined when neither an override nor a bundled one exists. */
  load(name: string, lang: Lang): Promise<TemplateFile | undefined>;
  /** Handlebars' runtime, enough when every template is precompiled. */
  runtime(): Promise<Handlebars>;
  /** The full Handlebars, with the compiler, for templates given as text. */
  compiler(): Promise<Handlebars>;
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

/** A date (YYYY-MM-DD) in the document language's long form. */
export function formatDate(iso: string, lang: Lang): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return dateFormat(intlLocale(lang), { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(date);
}

/** The currency's name and code in the document language: 人民币（CNY）, Chinese Yuan (CNY). */
export function currencyName(code: string, lang: Lang): string {
  let name: string | undefined;
  try {
    name = displayNames(intlLocale(lang), { type: 'currency' }).of(code);
  } catch {
    name = undefined;
  }
  if (!name || name === code) return code;
  return lang === 'zh-cn' ? `${name}（${code}）` : `${name} (${code})`;
}

const ADR_STATUS_ZH: Record<string, string> = {
  proposed: '提议中',
  accepted: '已接受',
  rejected: '已拒绝',
  deprecated: '已弃用',
  superseded: '已被取代',
  draft: '草稿',
};

/** An ADR's status as the reader's language says it; a word we do not know is shown as written. */
export function adrStatusLabel(status: string, lang: Lang): string {
  if (lang !== 'zh-cn') return status;
  return ADR_STATUS_ZH[status.trim().toLowerCase()] ?? status;
}

function createEnvironment(handlebars: Handlebars, lang: Lang): Handlebars {
  const env = handlebars.create();
  const num = (value: unknown) => (typeof value === 'number' ? value : Number(value));
  env.registerHelper({
    money: (minor: unknown, currency: unknown) => formatMoney(num(minor), String(currency), lang),
    wan: (minor: unknown, currency: unknown) => formatWan(num(minor), String(currency)),
    // Capital figures exist for renminbi only; for another currency the helper writes nothing.
    capitals: (minor: unknown, currency: unknown) => (String(currency) === 'CNY' ? rmbInCapitals(num(minor)) : ''),
    currencyName: (code: unknown) => currencyName(String(code ?? ''), lang),
    adrStatus: (status: unknown) => inlineText(adrStatusLabel(String(status ?? ''), lang)),
    num: (value: unknown, digits: unknown) => formatNumber(num(value), lang, typeof digits === 'number' ? digits : 1),
    pct: (value: unknown) => `${formatNumber(num(value), lang, 2)}%`,
    date: (iso: unknown) => formatDate(String(iso ?? ''), lang),
    cell: tableCell,
    label: linkLabel,
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
      'zh-cn': `模板 ${where}${line ? ` 第 ${line} 行` : ''}有错误：${detail}。未写入任何文件；请修正模板后重试。`,
    },
    { cause: error },
  );
}

/**
 * Renders a named template for a language with its partials. Templates given
 * as text are parsed before anything is rendered, so a broken
 * template (or partial) fails with its file and line.
 */
export async function renderTemplate(source: TemplateSource, name: TemplateName | `partials/${(typeof PARTIAL_NAMES)[number]}`, lang: Lang, context: object): Promise<string> {
  const main = await source.load(name, lang);
  if (!main) {
    throw new DeskError('template-not-found', {
      en: `The template ${lang}/${name} is missing from the extension.`,
      'zh-cn': `扩展中缺少模板 ${lang}/${name}。`,
    });
  }
  const partials = await Promise.all(PARTIAL_NAMES.map((partial) => source.load(`partials/${partial}`, lang)));
  // The full Handlebars runs precompiled templates too, so one override among them is enough to need it.
  const needsCompiler = [main, ...partials].some((template) => template !== undefined && 'text' in template);
  if (!needsCompiler && 'spec' in main) return renderBundled(await source.runtime(), lang, main, partials as (PrecompiledTemplate | undefined)[], context);
  const env = createEnvironment(await (needsCompiler ? source.compiler() : source.runtime()), lang);
  const prepare = (template: TemplateFile) => {
    if (!('text' in template)) return env.template(template.spec);
    try {
      env.parse(template.text);
    } catch (error) {
      throw syntaxError(template, error);
    }
    return env.compile(template.text, { ...COMPILE_OPTIONS });
  };
  PARTIAL_NAMES.forEach((partial, i) => {
    const file = partials[i];
    if (file) env.registerPartial(partial.replace(/\.hbs$/, ''), prepare(file));
  });
  const render = prepare(main);
  try {
    return render(context);
  } catch (error) {
    throw syntaxError(main, error);
  }
}

type Render = (context: object) => string;

interface BundledEnvironment {
  env: Handlebars;
  /** the partials' specs it was made with */
  partials: (TemplateSpec | undefined)[];
  /** each template, prepared once */
  prepared: Map<TemplateSpec, Render>;
}

/** Bundled templates only: one environment per runtime and language (the bundle's specs never change while it is loaded). */
const bundledEnvironments = new WeakMap<Handlebars, Map<Lang, BundledEnvironment>>();

function renderBundled(runtime: Handlebars, lang: Lang, main: PrecompiledTemplate, partials: (PrecompiledTemplate | undefined)[], context: object): string {
  let byLang = bundledEnvironments.get(runtime);
  if (!byLang) bundledEnvironments.set(runtime, (byLang = new Map()));
  const specs = partials.map((partial) => partial?.spec);
  let cached = byLang.get(lang);
  if (!cached || cached.partials.some((spec, i) => spec !== specs[i])) {
    const env = createEnvironment(runtime, lang);
    PARTIAL_NAMES.forEach((partial, i) => {
      const spec = specs[i];
      if (spec) env.registerPartial(partial.replace(/\.hbs$/, ''), env.template(spec));
    });
    byLang.set(lang, (cached = { env, partials: specs, prepared: new Map() }));
  }
  let render = cached.prepared.get(main.spec);
  if (!render) cached.prepared.set(main.spec, (render = cached.env.template(main.spec)));
  try {
    return render(context);
  } catch (error) {
    throw syntaxError(main, error);
  }
}
