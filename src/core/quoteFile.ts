/**
 * Reading a quote file back: its front matter (written by quoteFrontMatter in
 * quote.ts) and its body, for Export Quote and Copy Offer Text.
 */
import * as z from 'zod/mini';
import { splitFrontMatter } from './assessment';
import { DeskError } from './errors';
import { LANGS, type Lang } from './lang';
import { parseFrontMatterYaml } from './yamlLimits';

export const QUOTE_KIND = 'custom-request-quote';

const minor = z.number().check(z.int(), z.gte(0), z.lte(Number.MAX_SAFE_INTEGER));
const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

/** The fields the export and the offer text use; the file may hold more. */
export const quoteFileSchema = z.looseObject({
  kind: z.literal(QUOTE_KIND),
  number: z.string().check(z.minLength(1), z.maxLength(60)),
  customer: z.string().check(z.maxLength(200)),
  title: z.string().check(z.maxLength(300)),
  issueDate: isoDate,
  validUntil: isoDate,
  currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
  nreFeeMinor: minor,
  yearlyFeeMinor: minor,
  supportYears: z.number().check(z.int(), z.gte(0), z.lte(50)),
  termTotalMinor: minor,
  taxRatePercent: z.optional(z.number().check(z.gte(0), z.lte(100))),
  termTotalInclTaxMinor: z.optional(minor),
  /** workspace-folder-relative path of the assessment */
  assessment: z.optional(z.string()),
  /** the document language, when the quote records it */
  language: z.optional(z.enum(LANGS)),
  /** the supplier when the quote was issued: its name, and its logo as a workspace-folder-relative path */
  supplier: z.optional(z.looseObject({ name: z.optional(z.string().check(z.maxLength(200))), logo: z.optional(z.string().check(z.maxLength(1000))) })),
});
export type QuoteFile = z.output<typeof quoteFileSchema>;

/** True when the text starts with a quote's front matter (a cheap check for menus and pickers). */
export function looksLikeQuote(text: string): boolean {
  return splitFrontMatter(text)?.yaml.includes(QUOTE_KIND) ?? false;
}

/** The quote's front matter and the Markdown the customer reads; a clear error naming the file otherwise. */
export function parseQuoteFile(text: string, file: string): { quote: QuoteFile; body: string } {
  const split = splitFrontMatter(text);
  const notAQuote = (why: { en: string; 'zh-cn': string }, where = file) =>
    new DeskError('invalid-front-matter', {
      en: `${where} is not a quote written by Custom Request Desk: ${why.en}`,
      'zh-cn': `${where} 不是 Custom Request Desk 生成的报价单：${why['zh-cn']}`,
    });
  if (!split) throw notAQuote({ en: 'it has no front matter.', 'zh-cn': '文件没有前置元数据（front matter）。' });
  // Too long, too deep, not valid YAML or a key twice: refused, at its line (+1: the opening `---`).
  const { document, refusal } = parseFrontMatterYaml(split.yaml);
  if (refusal) {
    const { problem, line } = refusal;
    throw notAQuote({ en: `its front matter ${problem.en}.`, 'zh-cn': `前置元数据${problem['zh-cn']}。` }, line ? `${file}:${line + 1}` : file);
  }
  const parsed = quoteFileSchema.safeParse(document.toJS());
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || 'kind';
    throw notAQuote({ en: `field "${field}" is missing or invalid.`, 'zh-cn': `字段 "${field}" 缺失或无效。` });
  }
  return { quote: parsed.data, body: split.body };
}

/**
 * The quote's language: recorded in the quote, else its assessment's, else
 * guessed from the body (Chinese when Han characters make up at least a third
 * of its letters; an English quote may name a Chinese customer).
 */
export function quoteLanguage(quote: QuoteFile, body: string, assessmentLanguage?: Lang): Lang {
  if (quote.language) return quote.language;
  if (assessmentLanguage) return assessmentLanguage;
  let han = 0;
  let letters = 0;
  for (const c of body) {
    if (/\p{Script=Han}/u.test(c)) han++;
    if (/\p{L}/u.test(c)) letters++;
  }
  return letters > 0 && han * 3 >= letters ? 'zh-cn' : 'en';
}

/** The arguments objects scripts and tests may pass to Export Quote and Copy Offer Text (a URI is resolved by the adapter). */
export const exportQuoteArgsSchema = z.object({
  quote: z.optional(z.unknown()),
  replace: z.optional(z.boolean()),
});
export const copyOfferTextArgsSchema = z.object({
  assessment: z.optional(z.unknown()),
});
