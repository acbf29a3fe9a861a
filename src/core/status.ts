/**
 * A request's life: its status, which changes are allowed, the quote that
 * counts, and whether a quote is still valid. Pure: the adapters apply the
 * planned edits through the document, so undo works.
 *
 * Rules:
 * - "estimated" needs an estimate; "quoted", "accepted" and "declined" need a quote.
 * - Accepting records which quote (number with its revision) and the date. The
 *   accepted quote's file is never rewritten: Generate Quote always writes a new
 *   revision, and after acceptance it says so.
 * - Leaving "accepted" for an earlier stage (draft, estimated, quoted,
 *   declined) is a correction: the acceptance record goes. Moving on to
 *   "productised" or "withdrawn" keeps it, as history.
 * - A quote is expired the day after its valid-until date (issue date plus the
 *   assessment's quote validity, as the documents print it).
 */
import { DeskError } from './errors';
import { planFrontMatterChange, type FrontMatterChangePlan } from './frontMatterEdit';
import type { Bilingual, Lang } from './lang';
import { addDays, parseQuoteNumber } from './quote';
import type { AssessmentFrontMatter, QuoteRecord, RequestStatus } from './schema';
import { REQUEST_STATUSES } from './schema';

const LABELS: Record<RequestStatus, Bilingual> = {
  draft: { en: 'Draft', 'zh-cn': '草稿' },
  estimated: { en: 'Estimated', 'zh-cn': '已估算' },
  quoted: { en: 'Quoted', 'zh-cn': '已报价' },
  accepted: { en: 'Accepted', 'zh-cn': '已接受' },
  declined: { en: 'Declined', 'zh-cn': '已拒绝' },
  productised: { en: 'Productised', 'zh-cn': '已产品化' },
  withdrawn: { en: 'Withdrawn', 'zh-cn': '已撤回' },
};

export function statusLabel(status: RequestStatus, lang: Lang): string {
  return LABELS[status][lang];
}

/** `Customer: Title`, with the full-width colon between Chinese words. */
export function requestName(fm: { customer: string; title: string }, lang: Lang): string {
  return `${fm.customer}${lang === 'zh-cn' ? '：' : ': '}${fm.title}`;
}

export function isRequestStatus(value: unknown): value is RequestStatus {
  return (REQUEST_STATUSES as readonly unknown[]).includes(value);
}

/** The request's latest quote: highest revision of the newest number (records are appended in issue order). */
export function latestQuote(fm: Pick<AssessmentFrontMatter, 'quotes'>): QuoteRecord | undefined {
  let latest: QuoteRecord | undefined;
  for (const quote of fm.quotes) {
    if (!latest || quote.date > latest.date || (quote.date === latest.date && quote.revision >= latest.revision)) latest = quote;
  }
  return latest;
}

/** Quotes latest first, as latestQuote picks: newest date, then on one day the higher revision, then the later record. */
export function quotesLatestFirst(fm: Pick<AssessmentFrontMatter, 'quotes'>): QuoteRecord[] {
  return fm.quotes
    .map((quote, index) => ({ quote, index }))
    .sort((a, b) => (a.quote.date === b.quote.date ? b.quote.revision - a.quote.revision || b.index - a.index : a.quote.date < b.quote.date ? 1 : -1))
    .map((entry) => entry.quote);
}

export interface QuoteStanding {
  validUntil: string;
  expired: boolean;
}

/** Valid until the issue date plus `validDays`, inclusive; expired from the next day. */
export function quoteStanding(quote: Pick<QuoteRecord, 'date'>, validDays: number, today: string): QuoteStanding {
  const validUntil = addDays(quote.date, validDays);
  return { validUntil, expired: today > validUntil };
}

/** Why `target` cannot be set now, or undefined when it can. */
export function statusChangeProblem(fm: AssessmentFrontMatter, target: RequestStatus, acceptedQuote?: string): Bilingual | undefined {
  const name = requestName(fm, 'en');
  const zhName = requestName(fm, 'zh-cn');
  if (target === 'estimated' && !fm.estimate) {
    return { en: `${name} has no estimate yet: fill in the estimate form first.`, 'zh-cn': `“${zhName}”还没有估算，请先在估算表单中填写。` };
  }
  if ((target === 'quoted' || target === 'accepted' || target === 'declined') && fm.quotes.length === 0) {
    return {
      en: `${name} has no quote yet: generate one first, then mark it ${LABELS[target].en.toLowerCase()}.`,
      'zh-cn': `“${zhName}”还没有报价单，请先生成报价单，再标记为“${LABELS[target]['zh-cn']}”。`,
    };
  }
  if (target === 'accepted' && acceptedQuote !== undefined && !fm.quotes.some((q) => q.number === acceptedQuote)) {
    return { en: `${name} has no quote ${acceptedQuote}.`, 'zh-cn': `“${zhName}”没有编号为 ${acceptedQuote} 的报价单。` };
  }
  return undefined;
}

export type StatusChangePlan = FrontMatterChangePlan;

/**
 * Sets the status in the assessment's front matter as the smallest edits;
 * accepting also records the accepted quote (default: the latest) and the date.
 */
export function planStatusChange(text: string, file: string, target: RequestStatus, options: { today: string; acceptedQuote?: string }): StatusChangePlan {
  return planFrontMatterChange(text, file, (doc, before) => {
    const problem = statusChangeProblem(before, target, options.acceptedQuote);
    if (problem) throw new DeskError('invalid-input', problem);
    doc.set('status', target);
    if (target === 'accepted') {
      const quote = options.acceptedQuote ?? latestQuote(before)!.number;
      doc.set('accepted', doc.createNode({ quote, date: options.today }));
    } else if (target !== 'productised' && target !== 'withdrawn' && doc.has('accepted')) {
      doc.delete('accepted');
    }
  });
}

/** The quote number without its revision suffix, and the revision: `Q-2026-003-R2` → `Q-2026-003`, 2. */
export function quoteRevision(number: string): { base: string; revision: number } {
  const parsed = parseQuoteNumber(number);
  if (!parsed) return { base: number, revision: 1 };
  // The number as parseQuoteNumber read it: without the spaces around it.
  return { base: number.trim().replace(/-R\d+$/, ''), revision: parsed.revision };
}
