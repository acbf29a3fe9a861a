/**
 * zod schemas for everything that crosses a trust boundary: the assessment's
 * front matter (hand-editable), the estimate inside it, the settings and
 * the commands' arguments (the form's messages are in src/webview/protocol.ts).
 * Parse failures become plain-words messages naming the field, in English and Simplified Chinese (see `describeIssues`).
 * Written with `zod/mini`, whose functions tree-shake: the bundle stays small.
 */
import * as z from 'zod/mini';
import { isCurrencyCode } from './currencies';
import type { EstimateResult } from './estimate';
import { DEFAULT_ESTIMATE, computeEstimate } from './estimate';
import type { Bilingual, Lang } from './lang';
import { LANGS } from './lang';
import { MAX_AMOUNT_MINOR, formatMoney } from './money';

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
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}
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
    roundFeesTo: z._default(amount, DEFAULT_ESTIMATE.roundFeesTo),
    taxRatePercent: z._default(percentRange(100), DEFAULT_ESTIMATE.taxRatePercent),
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

type AmountName = 'nre' | 'yearly' | 'term' | 'tax' | 'standard';

/**
 * The first computed amount above MAX_AMOUNT_MINOR, with the input to name for it;
 * under that bound every amount and sum stays an exact integer (far below 2^53).
 */
function amountTooLarge(estimate: EstimateData): { field: string; what: AmountName } | undefined {
  let result: EstimateResult;
  try {
    result = computeEstimate(estimate);
  } catch {
    return { field: 'dayRates', what: 'nre' };
  }
  const over = (...amounts: number[]) => amounts.some((a) => !Number.isSafeInteger(a) || Math.abs(a) > MAX_AMOUNT_MINOR);
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
  title: z.optional(text(300)),
  status: z.optional(text(100)),
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

/** Marker that says a Markdown file is one of our assessments. */
export const ASSESSMENT_KIND = 'custom-request-assessment';

export const assessmentFrontMatterSchema = z.object({
  kind: z.literal(ASSESSMENT_KIND),
  schemaVersion: z.literal(1),
  id: text(80, 1),
  customer: text(200, 1),
  title: text(300, 1),
  broughtBy: z._default(text(200), ''),
  dealSize: z.optional(z.object({ amount, currency })),
  language: z.enum(LANGS),
  created: isoDate,
  status: z._default(z.enum(REQUEST_STATUSES), 'draft'),
  adr: z._default(z.nullable(adrLinkSchema), null),
  estimate: z.optional(estimateSchema),
  quoteTerms: z.optional(quoteTermsSchema),
  quotes: z._default(z.array(quoteRecordSchema), []),
});

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
});
export type Settings = z.output<typeof settingsSchema>;

/** The arguments objects that scripts and tests may pass to the commands (prompts fill in what is missing). */
const optionalText = (max: number) => z.optional(z.string().check(z.maxLength(max)));
const assessmentRef = z.optional(z.unknown()); // a vscode.Uri or a path; resolved by the adapter
export const newAssessmentArgsSchema = z.object({
  workspaceFolder: optionalText(1000),
  customer: optionalText(200),
  title: optionalText(300),
  broughtBy: optionalText(200),
  dealSize: z.optional(z.nullable(z.union([amount, z.object({ amount, currency })]))),
  language: z.optional(z.enum(LANGS)),
  adr: optionalText(1000),
  adrTitle: optionalText(200),
  adrFolder: optionalText(1000),
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
export const openEstimateFormArgsSchema = z.object({ assessment: assessmentRef });
export const generateQuoteArgsSchema = z.object({
  assessment: assessmentRef,
  open: z.optional(z.boolean()),
  today: z.optional(isoDate),
});

// ---------------------------------------------------------------------------
// Plain-words error messages

/** Labels for field names a user may meet in front matter or settings. */
const FIELD_LABELS: Record<string, Bilingual> = {
  customer: { en: 'customer', 'zh-cn': '客户' },
  title: { en: 'request title', 'zh-cn': '需求标题' },
  broughtBy: { en: 'brought by', 'zh-cn': '提出人' },
  dealSize: { en: 'deal size', 'zh-cn': '合同金额' },
  amount: { en: 'amount', 'zh-cn': '金额' },
  currency: { en: 'currency', 'zh-cn': '币种' },
  language: { en: 'document language', 'zh-cn': '文档语言' },
  created: { en: 'created date', 'zh-cn': '创建日期' },
  status: { en: 'status', 'zh-cn': '状态' },
  estimate: { en: 'estimate', 'zh-cn': '估算' },
  workItems: { en: 'work items', 'zh-cn': '工作项' },
  name: { en: 'name', 'zh-cn': '名称' },
  role: { en: 'role', 'zh-cn': '角色' },
  optimistic: { en: 'optimistic person-days', 'zh-cn': '乐观人天' },
  mostLikely: { en: 'most likely person-days', 'zh-cn': '最可能人天' },
  pessimistic: { en: 'pessimistic person-days', 'zh-cn': '悲观人天' },
  teamSize: { en: 'team size', 'zh-cn': '团队人数' },
  focusFactor: { en: 'focus factor', 'zh-cn': '专注系数' },
  dayRates: { en: 'day rates', 'zh-cn': '人天单价' },
  priceAt: { en: 'pricing percentile', 'zh-cn': '报价分位' },
  releasesPerYear: { en: 'platform releases per year', 'zh-cn': '每年平台版本数' },
  testingDaysPerRelease: { en: 'compatibility-testing days per release', 'zh-cn': '每个版本的兼容性测试天数' },
  recurringRole: { en: 'role for compatibility testing', 'zh-cn': '兼容性测试角色' },
  supportYears: { en: 'support term in years', 'zh-cn': '支持年限' },
  contingencyPercent: { en: 'contingency %', 'zh-cn': '风险预留 %' },
  marginPercent: { en: 'margin %', 'zh-cn': '利润率 %' },
  roundFeesTo: { en: 'fee rounding step', 'zh-cn': '报价取整步长' },
  taxRatePercent: { en: 'tax rate %', 'zh-cn': '税率 %' },
  standard: { en: 'standard alternative', 'zh-cn': '标准方案' },
  days: { en: 'days', 'zh-cn': '天数' },
  fee: { en: 'fee', 'zh-cn': '费用' },
  adr: { en: 'related ADR', 'zh-cn': '关联 ADR' },
  path: { en: 'path', 'zh-cn': '路径' },
  quotes: { en: 'quotes', 'zh-cn': '报价单' },
  quoteTerms: { en: 'quote terms', 'zh-cn': '报价条款' },
  validDays: { en: 'validity in days', 'zh-cn': '有效天数' },
  assessmentFolder: { en: 'assessment folder', 'zh-cn': '评估文件夹' },
  adrDirectory: { en: 'ADR directory', 'zh-cn': 'ADR 目录' },
  templatesFolder: { en: 'templates folder', 'zh-cn': '模板文件夹' },
  defaultLanguage: { en: 'default language', 'zh-cn': '默认语言' },
  dayRate: { en: 'default day rate', 'zh-cn': '默认人天单价' },
  quoteValidityDays: { en: 'quote validity days', 'zh-cn': '报价有效天数' },
  newAdrFormat: { en: 'new ADR format', 'zh-cn': '新建 ADR 格式' },
  workspaceFolder: { en: 'workspace folder', 'zh-cn': '工作区文件夹' },
  adrTitle: { en: 'ADR title', 'zh-cn': 'ADR 标题' },
  adrFolder: { en: 'ADR folder', 'zh-cn': 'ADR 文件夹' },
  format: { en: 'ADR format', 'zh-cn': 'ADR 格式' },
  open: { en: 'open in an editor', 'zh-cn': '在编辑器中打开' },
  today: { en: 'date', 'zh-cn': '日期' },
};

export interface FieldProblem {
  /** dotted path as written in the file, e.g. `estimate.workItems[1].pessimistic` */
  field: string;
  message: string;
}

function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

function label(path: readonly PropertyKey[], lang: Lang): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) {
    const key = path[i];
    if (typeof key === 'string' && Object.hasOwn(FIELD_LABELS, key)) return FIELD_LABELS[key][lang];
  }
  return undefined;
}

/** What is wrong with one field, without naming it (for a message shown next to the field). */
export function issueText(issue: z.core.$ZodIssue, lang: Lang): string {
  const zh = lang === 'zh-cn';
  switch (issue.code) {
    case 'invalid_type': {
      // zod leaves `input` out unless parsing with { reportInput: true }; `received` names NaN and ±Infinity.
      const received = (issue as { received?: unknown }).received;
      if (issue.input === undefined && received === undefined) return zh ? '缺少此项' : 'is missing';
      // a finite number failing z.int() is a fraction (or beyond the safe range)
      const expected = issue.expected === 'number' && Number.isFinite(issue.input) ? 'int' : issue.expected;
      const found = foundText(issue.input, received, lang);
      return zh ? `应为${typeName(expected, lang)}${found ? `，实为${found}` : ''}` : `must be ${typeName(expected, lang)}${found ? `, found ${found}` : ''}`;
    }
    case 'too_small':
      if (issue.origin === 'string') return zh ? '不能为空' : 'must not be empty';
      if (issue.origin === 'array') return zh ? `至少需要 ${issue.minimum} 项` : `needs at least ${issue.minimum} entries`;
      return zh
        ? `应${issue.inclusive === false ? '大于' : '不小于'} ${issue.minimum}`
        : `must be ${issue.inclusive === false ? 'more than' : 'at least'} ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return zh ? `不能超过 ${issue.maximum} 个字符` : `must be at most ${issue.maximum} characters`;
      if (issue.origin === 'array') return zh ? `最多 ${issue.maximum} 项` : `allows at most ${issue.maximum} entries`;
      return zh ? `不能大于 ${issue.maximum}` : `must be at most ${issue.maximum}`;
    case 'invalid_value':
      return zh
        ? `应为以下之一：${issue.values.map(String).join('、')}`
        : `must be one of: ${issue.values.map(String).join(', ')}`;
    case 'invalid_format':
      return zh ? '格式应为 YYYY-MM-DD' : 'must be a date written YYYY-MM-DD';
    case 'unrecognized_keys':
      return zh ? `有未知的项：${issue.keys.join('、')}` : `has unknown entries: ${issue.keys.join(', ')}`;
    case 'custom':
      return customText(issue.params ?? {}, lang);
    default:
      return zh ? '无效' : 'is not valid';
  }
}

/** What a wrong value was, in a few words: `1.5`, `text "1"`, `NaN (not a number)`, `a list`. */
function foundText(input: unknown, received: unknown, lang: Lang): string {
  const zh = lang === 'zh-cn';
  if (received === 'NaN' || (typeof input === 'number' && Number.isNaN(input))) return zh ? ' NaN（非数字）' : 'NaN (not a number)';
  if (typeof received === 'string' && received.endsWith('Infinity')) return zh ? ` ${received}（无穷大）` : `${received} (infinite)`;
  if (typeof input === 'number' || typeof input === 'boolean' || typeof input === 'bigint') return zh ? ` ${String(input)}` : String(input);
  if (typeof input === 'string') {
    const shown = input.length > 40 ? `${input.slice(0, 40)}…` : input;
    return zh ? `文本“${shown}”` : `text "${shown}"`;
  }
  if (input === null) return zh ? '空值（null）' : 'an empty value (null)';
  if (Array.isArray(input)) return zh ? '列表' : 'a list';
  if (typeof input === 'object') return zh ? '字段组' : 'a group of fields';
  return '';
}

const AMOUNT_NAMES: Record<AmountName, Bilingual> = {
  nre: { en: 'one-time fee (NRE)', 'zh-cn': '一次性工程费用（NRE）' },
  yearly: { en: 'yearly fee', 'zh-cn': '年度费用' },
  term: { en: 'total over the support term', 'zh-cn': '支持期总额' },
  tax: { en: 'total including tax', 'zh-cn': '含税总额' },
  standard: { en: 'standard alternative', 'zh-cn': '标准方案' },
};

function customText(params: Record<string, unknown>, lang: Lang): string {
  const zh = lang === 'zh-cn';
  switch (params.key) {
    case 'tooLarge': {
      const what = AMOUNT_NAMES[params.what as AmountName]?.[lang] ?? '';
      const limit = formatMoney(MAX_AMOUNT_MINOR, String(params.currency), lang);
      return zh ? `使${what}超出可精确计算的上限（${limit}）` : `makes the ${what} larger than the largest amount computed exactly (${limit})`;
    }
    case 'percentPrecision':
      return zh ? '最多保留 2 位小数' : 'must have at most 2 decimals';
    case 'threePointOrder':
      return zh ? '应满足 乐观 ≤ 最可能 ≤ 悲观' : 'must satisfy optimistic ≤ most likely ≤ pessimistic';
    case 'missingRate':
      return zh ? `缺少角色“${String(params.role)}”的人天单价` : `has no day rate for the role "${String(params.role)}"`;
    case 'currency':
      return zh ? '应为三个大写字母的 ISO 4217 币种代码，如 CNY、USD、EUR' : 'must be a three-letter ISO 4217 code such as CNY, USD or EUR';
    case 'isoDate':
      return zh ? '应为 1900 至 2999 年间的真实日期，格式为 YYYY-MM-DD' : 'must be a real date from 1900 to 2999, written YYYY-MM-DD';
    default:
      return zh ? '无效' : 'is not valid';
  }
}

function typeName(expected: string, lang: Lang): string {
  const names: Record<string, Bilingual> = {
    string: { en: 'text', 'zh-cn': '文本' },
    number: { en: 'a number', 'zh-cn': '数字' },
    int: { en: 'a whole number', 'zh-cn': '整数' },
    boolean: { en: 'true or false', 'zh-cn': 'true 或 false' },
    array: { en: 'a list', 'zh-cn': '列表' },
    object: { en: 'a group of fields', 'zh-cn': '字段组' },
    record: { en: 'a group of fields', 'zh-cn': '字段组' },
  };
  return names[expected]?.[lang] ?? expected;
}

/** One message per problem, naming the field by its path and, where known, its plain name. */
export function describeIssues(error: z.core.$ZodError, lang: Lang, prefix: readonly PropertyKey[] = []): FieldProblem[] {
  return error.issues.map((issue) => {
    const path = [...prefix, ...issue.path];
    const field = fieldPath(path) || (lang === 'zh-cn' ? '（整体）' : '(whole)');
    const name = label(path, lang);
    const subject = name ? (lang === 'zh-cn' ? `“${field}”（${name}）` : `"${field}" (${name})`) : lang === 'zh-cn' ? `“${field}”` : `"${field}"`;
    const message = lang === 'zh-cn' ? `字段${subject}${issueText(issue, lang)}` : `Field ${subject} ${issueText(issue, lang)}`;
    return { field: fieldPath(path), message };
  });
}

/** All problems as one message in both languages, prefixed by where they were found (a file, the settings). */
export function problemsMessage(error: z.core.$ZodError, where: Bilingual, prefix: readonly PropertyKey[] = []): Bilingual {
  const build = (lang: Lang) =>
    `${where[lang]}${lang === 'zh-cn' ? '：' : ': '}${describeIssues(error, lang, prefix)
      .slice(0, 5)
      .map((p) => p.message)
      .join(lang === 'zh-cn' ? '；' : '; ')}`;
  return { en: build('en'), 'zh-cn': build('zh-cn') };
}
