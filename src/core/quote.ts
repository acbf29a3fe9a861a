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
import type { QuoteTermsView, SupplierView } from './documentContext';
import type { EstimateResult } from './estimate';
import type { Lang } from './lang';
import type { AssessmentFrontMatter, QuoteTerms, Settings } from './schema';
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

/**
 * Terms as written in the assessment, with the language's defaults for anything
 * left out. The defaults call the parties the Customer and the Supplier (甲方,
 * 乙方): they are the contractual part of the quote. Work starts when the
 * contract or its annex is signed; acceptance is defined with a deadline; the
 * tax invoice sentence appears only when the quote adds tax (`taxed`: the settled estimate's rate, see settleEstimate).
 */
export function resolveQuoteTerms(terms: QuoteTerms | undefined, frontMatter: AssessmentFrontMatter, lang: Lang, taxed: boolean): QuoteTermsView {
  const zh = lang === 'zh-cn';
  return {
    scope:
      terms?.scope ??
      (zh
        ? `我司为贵司定制开发并交付“${frontMatter.title}”，作为专属服务包提供，与标准平台分开交付和维护。`
        : `We develop and deliver "${frontMatter.title}" for you as a dedicated service package, delivered and maintained separately from the standard platform.`),
    deliverables:
      terms?.deliverables ??
      (zh
        ? ['按本报价范围实现的定制功能，部署到双方约定的环境', '接口说明与运维文档', '验收测试记录']
        : ['The custom capability as scoped in this quote, deployed to the agreed environment', 'Interface and operations documentation', 'Acceptance test record']),
    assumptions:
      terms?.assumptions ??
      (zh
        ? ['甲方在合同或合同附件签订后 5 个工作日内提供目标系统的接口说明和测试环境', '范围以本报价单为准；范围变更由乙方另行报价']
        : ["The Customer provides the target system's interface specification and a test environment within 5 working days of signing the contract or its annex", 'The scope is as written in this quote; the Supplier quotes any change of scope separately']),
    exclusions:
      terms?.exclusions ??
      (zh
        ? ['甲方自有系统的改造与运维', '因甲方自有系统变更而需要的适配，由乙方另行报价', '本报价范围以外的新增需求', '对标准平台路线图内容或时间的任何承诺']
        : [
            "Changes to, or the operation of, the Customer's own systems",
            "Adaptations made necessary by changes to the Customer's own systems, which the Supplier quotes separately",
            'Requests beyond the scope of this quote',
            'Any commitment on the content or timing of the standard platform roadmap',
          ]),
    paymentTerms:
      terms?.paymentTerms ??
      (zh
        ? `定制开发费（一次性）分两期支付：合同或合同附件签订后 10 个工作日内，甲方支付 50%；验收通过后 10 个工作日内，甲方支付其余 50%。交付物通过双方约定的验收测试并经甲方书面确认，即为验收通过；乙方交付后 10 个工作日内甲方未提出书面异议的，视为验收通过。年度兼容性服务费按服务年度支付，首个服务年度自验收通过之日起算，甲方在每个服务年度开始后 10 个工作日内支付当年费用。${taxed ? '以上各期款项均在乙方开具增值税专用发票后支付。' : ''}`
        : `The custom development fee (one-time) is paid in two parts: 50% within 10 working days of signing the contract or its annex, and 50% within 10 working days of acceptance. Acceptance means the deliverables pass the agreed acceptance tests and the Customer confirms this in writing; without a written objection within 10 working days of delivery, the deliverables count as accepted. The yearly compatibility service fee is paid per service year: the first service year starts on the date of acceptance, and each year's fee is due within 10 working days of that year's start.${taxed ? ' Each payment is due after the Supplier has issued a valid tax invoice.' : ''}`),
  };
}

/** The supplier as the quote shows it: blank fields left out, a logo only inside the workspace folder. */
export function supplierView(supplier: Settings['supplier'] | undefined, isInsideWorkspace: (relativePath: string) => boolean): SupplierView | undefined {
  if (!supplier) return undefined;
  const view: SupplierView = {};
  for (const key of ['name', 'address', 'contact', 'footer'] as const) {
    const value = supplier[key]?.trim();
    if (value) view[key] = value;
  }
  const logo = supplier.logo?.trim();
  if (logo && isInsideWorkspace(logo)) view.logo = logo;
  return Object.keys(view).length > 0 ? view : undefined;
}

/**
 * The quote file's front matter: identification, customer-facing totals, and
 * for the tools (never in the body the customer reads) the paths of the
 * assessment and the ADR, and the supplier's logo (`supplier.logo`, relative
 * to the workspace folder), which Export Quote inlines.
 */
export function quoteFrontMatter(args: {
  number: QuoteNumber;
  frontMatter: AssessmentFrontMatter;
  issueDate: string;
  validUntil: string;
  result: EstimateResult;
  assessmentPath: string;
  adrPath?: string;
  lang: Lang;
  supplier?: SupplierView;
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
    language: args.lang,
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
    ...(args.supplier?.name || args.supplier?.logo ? { supplier: { ...(args.supplier.name ? { name: args.supplier.name } : {}), ...(args.supplier.logo ? { logo: args.supplier.logo } : {}) } } : {}),
  };
  return `---\n${stringify(data, { lineWidth: 0 })}---\n\n`;
}
