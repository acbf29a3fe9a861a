/**
 * Quote numbers, revisions, file names and customer-facing terms.
 *
 * Numbers look like `Q-2026-003`; the second and later revisions of the same
 * request's quote add `-R2`, `-R3`… A new request takes the next sequence of
 * the year across every number found in the workspace, so numbers are unique
 * there. Quote files are named `quote-<number>-<customer>.md`: they start with
 * a letter, so adr-tools (which lists `^[0-9]+-…\.md`) never takes one for an ADR.
 */
import { stringify } from 'yaml';
import type { QuoteTermsView } from './documentContext';
import type { EstimateResult } from './estimate';
import type { Lang } from './lang';
import type { AssessmentFrontMatter, QuoteTerms } from './schema';
import { joinSlugs, slugify } from './slug';

export interface QuoteNumber {
  year: number;
  sequence: number;
  revision: number;
}

/** At most 6 digits of sequence and revision: a stray file named `quote-Q-2026-99999999999999999999-x.md` is no quote number. */
const QUOTE_NUMBER = /^Q-(\d{4})-(\d{3,6})(?:-R(\d{1,6}))?$/;

export function parseQuoteNumber(text: string): QuoteNumber | undefined {
  const match = QUOTE_NUMBER.exec(text.trim());
  if (!match) return undefined;
  return { year: Number(match[1]), sequence: Number(match[2]), revision: match[3] ? Number(match[3]) : 1 };
}

/** `Q-2026-003` for revision 1, `Q-2026-003-R2` after. */
export function formatQuoteNumber(number: QuoteNumber): string {
  const base = `Q-${number.year}-${String(number.sequence).padStart(3, '0')}`;
  return number.revision > 1 ? `${base}-R${number.revision}` : base;
}

export function baseQuoteNumber(number: QuoteNumber): string {
  return formatQuoteNumber({ ...number, revision: 1 });
}

/** Finds quote numbers in file names such as `quote-Q-2026-003-R2-acme.md`. */
export function quoteNumberFromFileName(fileName: string): QuoteNumber | undefined {
  const match = /^quote-(Q-\d{4}-\d{3,}(?:-R\d+)?)(?:-|\.md$)/.exec(fileName);
  return match ? parseQuoteNumber(match[1]) : undefined;
}

/**
 * The number for the next quote of a request: a new revision of its own
 * latest quote when it has one, otherwise the next sequence of `year` among
 * all numbers known in the workspace.
 */
export function nextQuoteNumber(requestQuotes: readonly string[], workspaceNumbers: readonly string[], year: number): QuoteNumber {
  const own = requestQuotes.map(parseQuoteNumber).filter((n): n is QuoteNumber => n !== undefined);
  if (own.length > 0) {
    const latest = own.reduce((a, b) => (b.revision > a.revision ? b : a));
    const sameBase = [...own, ...workspaceNumbers.map(parseQuoteNumber).filter((n): n is QuoteNumber => n !== undefined)].filter(
      (n) => n.year === latest.year && n.sequence === latest.sequence,
    );
    return { ...latest, revision: Math.max(...sameBase.map((n) => n.revision)) + 1 };
  }
  const sequences = workspaceNumbers
    .map(parseQuoteNumber)
    .filter((n): n is QuoteNumber => n !== undefined && n.year === year)
    .map((n) => n.sequence);
  return { year, sequence: Math.max(0, ...sequences) + 1, revision: 1 };
}

export function quoteFileName(number: QuoteNumber, customer: string): string {
  const customerSlug = slugify(customer, '');
  return `${joinSlugs(['quote', formatQuoteNumber(number), customerSlug === 'request' ? '' : customerSlug], 80)}.md`;
}

/** Adds `days` calendar days to an ISO date. */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d + days));
  return date.toISOString().slice(0, 10);
}

/** Terms as written in the assessment, with the language's defaults for anything left out. */
export function resolveQuoteTerms(terms: QuoteTerms | undefined, frontMatter: AssessmentFrontMatter, lang: Lang): QuoteTermsView {
  const zh = lang === 'zh-cn';
  return {
    scope:
      terms?.scope ??
      (zh
        ? `为${frontMatter.customer}定制开发并交付：${frontMatter.title}。该功能作为专属服务包，独立于标准平台提供。`
        : `Custom development and delivery of: ${frontMatter.title}, for ${frontMatter.customer}, provided as a dedicated service package separate from the standard platform.`),
    deliverables:
      terms?.deliverables ??
      (zh
        ? ['按约定范围实现的定制功能及其部署', '接口与运维说明文档', '验收测试记录']
        : ['The custom capability as scoped, deployed to the agreed environment', 'Interface and operations documentation', 'Acceptance test record']),
    assumptions:
      terms?.assumptions ??
      (zh
        ? ['客户在开工前提供目标系统的接口说明与测试环境', '范围以本报价单为准；范围变更另行报价', '工期自双方确认立项之日起计算']
        : ['The customer provides the target system\'s interface specification and a test environment before work starts', 'Scope is as written here; changes are quoted separately', 'Duration counts from the day both parties confirm the project']),
    exclusions:
      terms?.exclusions ??
      (zh
        ? ['客户自有系统的改造与运维', '本报价范围以外的新增需求', '标准平台路线图之外的功能承诺']
        : ['Changes to or operation of the customer\'s own systems', 'Requests beyond the scope of this quote', 'Commitments on the standard platform roadmap']),
    paymentTerms:
      terms?.paymentTerms ??
      (zh
        ? '一次性工程费用（NRE）：签约时支付 50%，验收后支付 50%。年度费用：每年年初预付。'
        : 'One-time engineering fee (NRE): 50% on signature, 50% on acceptance. Yearly fee: invoiced annually in advance.'),
  };
}

/** The quote file's front matter: identification and customer-facing totals only. */
export function quoteFrontMatter(args: {
  number: QuoteNumber;
  frontMatter: AssessmentFrontMatter;
  issueDate: string;
  validUntil: string;
  result: EstimateResult;
  assessmentPath: string;
  adrPath?: string;
}): string {
  const { result } = args;
  const data = {
    kind: 'custom-request-quote',
    schemaVersion: 1,
    number: formatQuoteNumber(args.number),
    revision: args.number.revision,
    requestId: args.frontMatter.id,
    customer: args.frontMatter.customer,
    title: args.frontMatter.title,
    issueDate: args.issueDate,
    validUntil: args.validUntil,
    currency: result.currency,
    nreFeeMinor: result.nre.feeMinor,
    yearlyFeeMinor: result.recurring.feePerYearMinor,
    supportYears: result.recurring.supportYears,
    termTotalMinor: result.termTotalMinor,
    ...(result.tax ? { taxRatePercent: result.tax.ratePercent, termTotalInclTaxMinor: result.tax.term.inclusiveMinor } : {}),
    assessment: args.assessmentPath,
    ...(args.adrPath ? { adr: args.adrPath } : {}),
  };
  return `---\n${stringify(data, { lineWidth: 0 })}---\n\n`;
}
