/**
 * zod schemas for everything that crosses a trust boundary: the assessment's
 * front matter (hand-editable), the estimate inside it, the settings and
 * the commands' arguments (the form's messages are in src/webview/protocol.ts).
 * Parse failures become plain-words messages naming the field, in English
 * and Simplified Chinese: see fieldMessages.ts.
 * Written with `zod/mini`, whose functions tree-shake: the bundle stays small.
 */
import * as z from 'zod/mini';
import { isCurrencyCode } from './currencies';
import { FIELD_LIMITS } from './fieldLimits';
import type { EstimateResult } from './estimate';
import { DEFAULT_ESTIMATE, computeEstimate, estimateCeiling } from './estimate';
import { LANGS } from './lang';
import { MAX_AMOUNT_MINOR } from './money';

const range = (min: number, max: number) => z.number().check(z.minimum(min), z.maximum(max));
const days = range(0, 100_000);
/** Percentages keep whole basis points (see money.ts), so more than 2 decimals would be silently rounded: refused. */
const hasTwoDecimals = (value: number) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6;
const percentRange = (max: number) => range(0, max).check(z.refine(hasTwoDecimals, { params: { key: 'percentPrecision' } }));
const percent = percentRange(1000);
/** Major units; 1e11 keeps every input exact in minor units even with 4 decimals (CLF). */
const amount = range(0, 1e11);
const intRange = (min: number, max: number) => z.int().check(z.minimum(min), z.maximum(max));
const currency = z.string().check(z.refine(isCurrencyCode, { params: { key: 'currency' } }));
/** Trimmed text of at most `max` characters; `min` 1 makes it required. */
const text = (max = 500, min = 0) => z.string().check(z.trim(), z.maxLength(max), ...(min > 0 ? [z.minLength(min)] : []));
/** A real calendar date (no 2026-02-30) from 1900 to 2999, written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return false;
  // Gregorian days in the month, without making a Date: every front matter has several dates to check.
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 ? (leap ? 29 : 28) : DAYS_IN_MONTH[month - 1]);
}
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isoDate = z.string().check(z.refine(isIsoDate, { params: { key: 'isoDate' } }));

export const workItemSchema = z
  .object({
    name: text(200, 1),
    role: text(60, 1),
    optimistic: days,
    mostLikely: days,
    pessimistic: days,
  })
  .check(
    z.superRefine((item, ctx) => {
      if (!(item.optimistic <= item.mostLikely && item.mostLikely <= item.pessimistic)) {
        ctx.issues.push({ code: 'custom', path: ['mostLikely'], params: { key: 'threePointOrder' }, input: item, message: '' });
      }
    }),
  );

export const estimateSchema = z
  .object({
    currency,
    workItems: z.array(workItemSchema).check(z.maxLength(200)),
    teamSize: z._default(intRange(1, 1000), DEFAULT_ESTIMATE.teamSize),
    // at least 0.05: a smaller factor only makes an absurd (or infinite) duration
    focusFactor: z._default(range(0.05, 1), DEFAULT_ESTIMATE.focusFactor),
    dayRates: z.record(text(60, 1), amount),
    priceAt: z._default(z.enum(['p50', 'p80', 'p90']), DEFAULT_ESTIMATE.priceAt),
    releasesPerYear: z._default(range(0, 365), DEFAULT_ESTIMATE.releasesPerYear),
    testingDaysPerRelease: z._default(days, DEFAULT_ESTIMATE.testingDaysPerRelease),
    recurringRole: z._default(text(60, 1), DEFAULT_ESTIMATE.recurringRole),
    supportYears: z._default(intRange(0, 50), DEFAULT_ESTIMATE.supportYears),
    contingencyPercent: z._default(percent, DEFAULT_ESTIMATE.contingencyPercent),
    marginPercent: z._default(percent, DEFAULT_ESTIMATE.marginPercent),
    // No default here: left out, they come from the settings (customRequest.roundFeesTo / taxRatePercent), see settleEstimate.
    roundFeesTo: z.optional(amount),
    taxRatePercent: z.optional(percentRange(100)),
    standard: z._default(
      z.object({ days: z._default(days, DEFAULT_ESTIMATE.standard.days), fee: z._default(amount, DEFAULT_ESTIMATE.standard.fee) }),
      DEFAULT_ESTIMATE.standard,
    ),
  })
  .check(
    z.superRefine((estimate, ctx) => {
      const roles = new Set(estimate.workItems.map((item) => item.role));
      if (estimate.releasesPerYear * estimate.testingDaysPerRelease > 0) roles.add(estimate.recurringRole);
      for (const role of roles) {
        // Object.hasOwn: a role named `constructor` or `toString` must not find Object.prototype's
        if (!Object.hasOwn(estimate.dayRates, role)) {
          ctx.issues.push({ code: 'custom', path: ['dayRates', role], params: { key: 'missingRate', role }, input: estimate.dayRates, message: '' });
        }
      }
      if (ctx.issues.length === 0) {
        const tooLarge = amountTooLarge(estimate);
        if (tooLarge) ctx.issues.push({ code: 'custom', path: [tooLarge.field], params: { key: 'tooLarge', what: tooLarge.what, currency: estimate.currency }, input: estimate, message: '' });
      }
    }),
  );

/** Which computed amount outgrew the exact range (named in the message, see fieldMessages.ts). */
export type AmountName = 'nre' | 'yearly' | 'term' | 'tax' | 'standard';

/**
 * The first computed amount above MAX_AMOUNT_MINOR, with the input to name for it;
 * under that bound every amount and sum stays an exact integer (far below 2^53).
 */
function amountTooLarge(estimate: EstimateData): { field: string; what: AmountName } | undefined {
  const over = (...amounts: number[]) => amounts.some((a) => !Number.isSafeInteger(a) || Math.abs(a) > MAX_AMOUNT_MINOR);
  let result: EstimateResult;
  try {
    // The ceiling (no convolution) bounds every amount from above: when it fits, the real ones do.
    // Left-out rounding and tax count as none here; with the settings' (at most 100 % tax, a step of at most
    // 1e11) every amount still stays a safe integer, far below 2^53.
    const input = { ...estimate, roundFeesTo: estimate.roundFeesTo ?? 0, taxRatePercent: estimate.taxRatePercent ?? 0 };
    const ceiling = estimateCeiling(input);
    const amounts = [ceiling.nre.effortCostMinor, ceiling.nre.contingencyMinor, ceiling.nre.marginMinor, ceiling.nre.subtotalMinor, ceiling.nre.feeMinor];
    const tax = ceiling.tax ? [ceiling.tax.nre.inclusiveMinor, ceiling.tax.yearly.inclusiveMinor, ceiling.tax.term.inclusiveMinor] : [];
    const others = [ceiling.recurring.costPerYearMinor, ceiling.recurring.marginMinor, ceiling.recurring.feePerYearMinor, ceiling.recurring.termFeeMinor, ceiling.termTotalMinor, ceiling.standard.feeMinor, ceiling.roundFeesToMinor];
    if (!over(...amounts, ...tax, ...others)) return undefined;
    result = computeEstimate(input);
  } catch {
    return { field: 'dayRates', what: 'nre' };
  }
  const { nre, recurring } = result;
  if (over(nre.effortCostMinor, nre.contingencyMinor, nre.marginMinor, nre.subtotalMinor)) return { field: 'dayRates', what: 'nre' };
  if (over(nre.feeMinor)) return { field: 'roundFeesTo', what: 'nre' };
  if (over(recurring.costPerYearMinor, recurring.marginMinor)) return { field: 'testingDaysPerRelease', what: 'yearly' };
  if (over(recurring.feePerYearMinor)) return { field: 'roundFeesTo', what: 'yearly' };
  if (over(recurring.termFeeMinor, result.termTotalMinor)) return { field: 'supportYears', what: 'term' };
  const tax = result.tax;
  if (tax && over(tax.nre.inclusiveMinor, tax.yearly.inclusiveMinor, tax.term.inclusiveMinor)) return { field: 'taxRatePercent', what: 'tax' };
  if (over(result.standard.feeMinor, result.roundFeesToMinor)) return { field: 'standard', what: 'standard' };
  return undefined;
}

/** The customer-facing terms of a quote; each has a language default when absent. */
export const quoteTermsSchema = z.object({
  scope: z.optional(text(4000)),
  deliverables: z.optional(z.array(text(500)).check(z.maxLength(50))),
  assumptions: z.optional(z.array(text(500)).check(z.maxLength(50))),
  exclusions: z.optional(z.array(text(500)).check(z.maxLength(50))),
  paymentTerms: z.optional(text(1000)),
  validDays: z.optional(intRange(1, 365)),
});

export const REQUEST_STATUSES = ['draft', 'estimated', 'quoted', 'accepted', 'declined', 'productised', 'withdrawn'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const adrLinkSchema = z.object({
  /** workspace-folder-relative path of the ADR file */
  path: text(1000, 1),
  number: z.optional(intRange(0, 1e9)),
  title: z.optional(text(FIELD_LIMITS.adrTitle)),
  status: z.optional(text(FIELD_LIMITS.adrStatus)),
});

export const quoteRecordSchema = z.object({
  number: text(60, 1),
  revision: intRange(1, 1e6),
  /** workspace-folder-relative path of the quote file */
  path: text(1000, 1),
  date: isoDate,
  nreMinor: z.optional(intRange(0, Number.MAX_SAFE_INTEGER)),
  currency: z.optional(currency),
});

/** Capability tags of a request: short single-line texts, at most 30 (see capabilities.ts for how they are compared). */
const capabilityTag = text(FIELD_LIMITS.capabilityTag, 1).check(z.refine((tag) => !/[\r\n]/.test(tag), { params: { key: 'singleLine' } }));
const capabilityTags = z.array(capabilityTag).check(z.maxLength(FIELD_LIMITS.capabilities));
/** The tags alone, as Set Capability Tags checks them (the field named as in the front matter). */
export const capabilitiesSchema = z.object({ capabilities: capabilityTags });

/** Marker that says a Markdown file is one of our assessments. */
export const ASSESSMENT_KIND = 'custom-request-assessment';

export const assessmentFrontMatterSchema = z.object({
  kind: z.literal(ASSESSMENT_KIND),
  schemaVersion: z.literal(1),
  id: text(80, 1),
  customer: text(FIELD_LIMITS.customer, 1),
  title: text(FIELD_LIMITS.title, 1),
  /** capability tags (`[data-push, sso]`): the same tag on requests of several customers marks a productisation candidate */
  capabilities: z._default(capabilityTags, []),
  broughtBy: z._default(text(FIELD_LIMITS.broughtBy), ''),
  dealSize: z.optional(z.object({ amount, currency })),
  language: z.enum(LANGS),
  created: isoDate,
  status: z._default(z.enum(REQUEST_STATUSES), 'draft'),
  adr: z._default(z.nullable(adrLinkSchema), null),
  estimate: z.optional(estimateSchema),
  quoteTerms: z.optional(quoteTermsSchema),
  quotes: z._default(z.array(quoteRecordSchema), []),
  /** which quote the customer accepted, and when; kept when a later revision is issued */
  accepted: z.optional(z.object({ quote: text(60, 1), date: isoDate })),
});

/**
 * The front matter with its estimate left unchecked: what the Custom
 * Requests tree shows first (status, names, quotes), checked in half the
 * time; the estimate is checked a moment later (see RequestIndex).
 */
export const assessmentOutlineSchema = z.omit(assessmentFrontMatterSchema, { estimate: true });

export type EstimateData = z.output<typeof estimateSchema>;
export type QuoteTerms = z.output<typeof quoteTermsSchema>;
export type AdrLink = z.output<typeof adrLinkSchema>;
export type QuoteRecord = z.output<typeof quoteRecordSchema>;
export type AssessmentFrontMatter = z.output<typeof assessmentFrontMatterSchema>;

/** The `customRequest.*` settings; anything invalid falls back to its default field by field. */
export const settingsSchema = z.object({
  assessmentFolder: z._default(text(500, 1), 'docs/custom-requests'),
  adrDirectory: z._default(z.array(text(500, 1)), []),
  templatesFolder: z._default(text(500, 1), '.vscode/custom-request/templates'),
  defaultLanguage: z._default(z.enum(['auto', ...LANGS]), 'auto'),
  currency: z._default(currency, 'USD'),
  dayRate: z._default(amount, 800),
  quoteValidityDays: z._default(intRange(1, 365), 30),
  taxRatePercent: z._default(percentRange(100), 0),
  roundFeesTo: z._default(amount, 0),
  newAdrFormat: z._default(z.enum(['auto', 'madr', 'nygard']), 'auto'),
  /** who issues the quotes: every field optional, a missing one is left out of the quote */
  supplier: z._default(
    z.object({
      name: z.optional(text(200)),
      address: z.optional(text(500)),
      contact: z.optional(text(300)),
      /** workspace-folder-relative path of a logo image */
      logo: z.optional(text(500)),
      footer: z.optional(text(1000)),
    }),
    {},
  ),
});
export type Settings = z.output<typeof settingsSchema>;

/** The arguments objects that scripts and tests may pass to the commands (prompts fill in what is missing). */
const optionalText = (max: number) => z.optional(z.string().check(z.maxLength(max)));
const assessmentRef = z.optional(z.unknown()); // a vscode.Uri or a path; resolved by the adapter
export const newAssessmentArgsSchema = z.object({
  workspaceFolder: optionalText(1000),
  customer: optionalText(FIELD_LIMITS.customer),
  title: optionalText(FIELD_LIMITS.title),
  broughtBy: optionalText(FIELD_LIMITS.broughtBy),
  dealSize: z.optional(z.nullable(z.union([amount, z.object({ amount, currency })]))),
  language: z.optional(z.enum(LANGS)),
  adr: optionalText(1000),
  adrTitle: optionalText(200),
  adrFolder: optionalText(1000),
  capabilities: z.optional(capabilityTags),
  open: z.optional(z.boolean()),
  today: z.optional(isoDate),
});
export const createAdrArgsSchema = z.object({
  assessment: assessmentRef,
  title: optionalText(200),
  adrFolder: optionalText(1000),
  format: z.optional(z.enum(['madr', 'nygard'])),
  open: z.optional(z.boolean()),
  today: z.optional(isoDate),
});
export const updateRegisterArgsSchema = z.object({
  workspaceFolder: optionalText(1000),
  open: z.optional(z.boolean()),
  today: z.optional(isoDate),
});
export const openEstimateFormArgsSchema = z.object({ assessment: assessmentRef });
export const generateQuoteArgsSchema = z.object({
  assessment: assessmentRef,
  open: z.optional(z.boolean()),
  today: z.optional(isoDate),
});
export const setStatusArgsSchema = z.object({
  assessment: assessmentRef,
  status: z.optional(z.enum(REQUEST_STATUSES)),
  /** the accepted quote's number, e.g. Q-2026-003-R2; default the latest */
  acceptedQuote: optionalText(60),
  today: z.optional(isoDate),
});
export const setCapabilitiesArgsSchema = z.object({
  assessment: assessmentRef,
  /** the request's tags from now on (none removes them); default: asked */
  capabilities: z.optional(z.array(z.string().check(z.maxLength(1000))).check(z.maxLength(1000))),
});
