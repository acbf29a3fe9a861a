/**
 * Plain-words messages for schema failures (schema.ts): each problem names the
 * field by its path as written in the file and, where known, its plain name,
 * says what was expected and what was found, in English and Simplified Chinese.
 */
import type * as z from 'zod/mini';
import type { Bilingual, Lang } from './lang';
import { MAX_AMOUNT_MINOR, formatMoney } from './money';
import type { AmountName } from './schema';

/** Labels for field names a user may meet in front matter or settings. */
const FIELD_LABELS: Record<string, Bilingual> = {
  customer: { en: 'customer', 'zh-cn': '客户' },
  title: { en: 'request title', 'zh-cn': '需求标题' },
  capabilities: { en: 'capability tags', 'zh-cn': '能力标签' },
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
  roundFeesTo: { en: 'fee rounding step', 'zh-cn': '报价取整单位' },
  taxRatePercent: { en: 'tax rate %', 'zh-cn': '税率 %' },
  standard: { en: 'standard path', 'zh-cn': '标准方案' },
  days: { en: 'days', 'zh-cn': '天数' },
  fee: { en: 'fee', 'zh-cn': '费用' },
  adr: { en: 'related ADR', 'zh-cn': '关联 ADR' },
  path: { en: 'path', 'zh-cn': '路径' },
  quotes: { en: 'quotes', 'zh-cn': '报价单' },
  quoteTerms: { en: 'quote terms', 'zh-cn': '报价条款' },
  validDays: { en: 'validity in days', 'zh-cn': '有效天数' },
  assessmentFolder: { en: 'assessment folder', 'zh-cn': '评估文件夹' },
  adrDirectory: { en: 'ADR folders', 'zh-cn': 'ADR 文件夹' },
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
  nre: { en: 'custom development fee (one-time)', 'zh-cn': '定制开发费（一次性）' },
  yearly: { en: 'yearly compatibility service fee', 'zh-cn': '年度兼容性服务费' },
  term: { en: 'total over the term', 'zh-cn': '服务期合计' },
  tax: { en: 'total including tax', 'zh-cn': '价税合计' },
  standard: { en: 'standard path', 'zh-cn': '标准方案' },
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
      return zh ? '应满足：乐观 ≤ 最可能 ≤ 悲观' : 'must satisfy optimistic ≤ most likely ≤ pessimistic';
    case 'missingRate':
      return zh ? `缺少角色“${String(params.role)}”的人天单价` : `has no day rate for the role "${String(params.role)}"`;
    case 'currency':
      return zh ? '应为三个大写字母的 ISO 4217 币种代码，如 CNY、USD、EUR' : 'must be a three-letter ISO 4217 code such as CNY, USD or EUR';
    case 'singleLine':
      return zh ? '应写在一行内，不能换行' : 'must be on one line';
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
