/**
 * What a new user enters in each language run. The English run prices an
 * estimate with spread (two roles, three-point ranges, no tax); the Chinese run
 * prices the method's worked example (CNY, 6% tax). Expected figures, names and
 * formatted amounts are written here by hand, next to their inputs, with the
 * arithmetic in comments (method: src/core/estimate.ts), never computed by src/core.
 */
import type { EstimateInput } from '../../src/core/estimate';
import type { Lang } from '../../src/core/lang';
import { WORKED_EXAMPLE } from '../unit/workedExample';

export interface Scenario {
  lang: Lang;
  /** the display language label VS Code is started with */
  uiName: string;
  customer: string;
  title: string;
  broughtBy: string;
  /** typed as a user would, with grouping */
  dealSize: string;
  /** the item chosen in the document-language QuickPick */
  documentLanguageLabel: string;
  /** the related ADR picked from the discovered ones */
  adr: { path: string; number: number; title: string; filter: string };
  /** put into the assessment's front matter */
  estimate: EstimateInput;
  /** how the generated documents' first heading starts in this language */
  headings: { assessment: string; quote: string };
  /** what the run must find, worked out by hand from the inputs above */
  expected: Expected;
  /** user settings the run starts with (besides the session's own) */
  settings: Record<string, unknown>;
}

export interface Expected {
  /** the assessment's folder name for the day it is created (YYYY-MM-DD) */
  assessmentFolder(created: string): string;
  /** the first quote's number and file name in the year it is issued */
  quoteNumber(year: number): string;
  quoteFile(year: number): string;
  /** the NRE as the UI shows it (the Custom Requests tree), in the UI's language */
  nreShown: string;
  /** front-matter figures of the quote, minor units */
  nreFeeMinor: number;
  yearlyFeeMinor: number;
  termTotalMinor: number;
  /** absent when the estimate has no tax */
  termTotalInclTaxMinor?: number;
  /** whole lines of the quote as the customer reads them */
  quoteLines: string[];
  /** what the quote must never show: the internal day rates as they would be formatted (and, without tax, any tax wording) */
  neverInQuote: string[];
  /** whole lines of the assessment's internal cost section after quoting */
  assessmentLines: string[];
  /** the estimate form's live figures as the UI shows them (by result id, see src/webview/results.ts) */
  form: Record<'r-effort' | 'r-priced' | 'r-calendar' | 'r-nre' | 'r-yearly' | 'r-term', string> & { 'r-term-tax'?: string };
}

/** The sample workspace's adr-tools ADR 2 (test/fixtures/sample-workspace/doc/architecture/decisions). */
const OPEN_API_ADR = {
  path: 'doc/architecture/decisions/0002-expose-robot-data-through-the-versioned-open-api.md',
  number: 2,
  title: 'Expose robot data through the versioned open API',
  filter: 'versioned open API',
};

export const SCENARIOS: Scenario[] = [
  {
    lang: 'en',
    uiName: 'English',
    customer: 'Northwind Logistics',
    title: 'Push robot telemetry to their own data platform',
    broughtBy: 'Wang, Sales Director',
    dealSize: '1,200,000',
    documentLanguageLabel: 'English',
    adr: OPEN_API_ADR,
    // The logo is in the sample workspace (test/fixtures/sample-workspace/docs/brand).
    settings: { 'customRequest.supplier': { name: 'RoboFleet Systems Ltd.', address: '88 Harbour Road, Shenzhen', contact: 'Li Wei, sales@robofleet.example', logo: 'docs/brand/robofleet-logo.svg' } },
    estimate: {
      currency: 'USD',
      workItems: [
        { name: 'Connector that pushes telemetry to the customer platform', role: 'engineer', optimistic: 12, mostLikely: 18, pessimistic: 30 },
        { name: 'Compatibility test suite for the connector', role: 'tester', optimistic: 3, mostLikely: 5, pessimistic: 9 },
      ],
      teamSize: 2,
      focusFactor: 0.8,
      dayRates: { engineer: 850, tester: 600 },
      priceAt: 'p80',
      releasesPerYear: 4,
      testingDaysPerRelease: 5,
      recurringRole: 'tester',
      supportYears: 3,
      contingencyPercent: 15,
      marginPercent: 25,
      roundFeesTo: 500,
      taxRatePercent: 0,
      standard: { days: 3, fee: 0 },
    },
    headings: { assessment: '# Custom request: ', quote: '# Quote ' },
    // Connector (engineer): O12 M18 P30 → mean (12 + 4·18 + 30)/6 = 114/6 = 19, σ = (30 − 12)/6 = 3
    // Tests (tester):       O3  M5  P9  → mean (3 + 4·5 + 9)/6 = 32/6 = 5.333, σ = (9 − 3)/6 = 1
    // Total mean 146/6 = 24.333 (shown 24.3); σ = √(3² + 1²) = √10 = 3.1623 (shown 3.2)
    // P50 / P80 / P90 of the sum of the two PERT betas: 24.118 / 27.428 / 29.119 (a 2·10⁶-sample Monte Carlo:
    //   24.118 / 27.430 / 29.122; shown 24.1 / 27.4 / 29.1) → priced at P80, up to a half day: 27.5 person-days
    // Calendar: 27.5 / (2 people × 0.8 focus × 5 days) = 27.5/8 = 3.44 → 3.5 weeks
    // Blended rate, weights O+4M+P: (114 × 850.00 + 32 × 600.00) / 146 = 116,100 / 146 = 795.2055 → $795.21 shown
    // Effort cost at the rate shown: 27.5 × $795.21 = 21,868.275 → $21,868.28 (2,186,828 cents)
    // Contingency 15%: 2,186,828 × 0.15 = 328,024.2 → $3,280.24; cost + contingency 2,514,852
    // Margin 25%: 2,514,852 × 0.25 = 628,713 → $6,287.13
    // Subtotal 2,186,828 + 328,024 + 628,713 = 3,143,565 → $31,435.65; up to a multiple of $500: 63 × 500 = $31,500.00
    // Recurring: 4 releases × 5 days = 20 days × $600.00 (tester) = $12,000.00; margin 25% $3,000.00
    //   → $15,000.00 a year (already a multiple of 500); 3 years → $45,000.00
    // Total over the term: $31,500.00 + $45,000.00 = $76,500.00; no tax lines
    // Names: slugs of "Northwind Logistics" and the title, lower-cased, spaces → "-".
    expected: {
      assessmentFolder: (created) => `${created}-northwind-logistics-push-robot-telemetry-to-their-own-data-platform`,
      quoteNumber: (year) => `Q-${year}-001`,
      quoteFile: (year) => `quote-Q-${year}-001-northwind-logistics.md`,
      nreShown: '$31,500.00',
      nreFeeMinor: 3_150_000,
      yearlyFeeMinor: 1_500_000,
      termTotalMinor: 7_650_000,
      quoteLines: [
        '- Team: 2 engineers',
        '- Development: about 3.5 weeks from the signing of the contract or its annex, up to delivery for acceptance',
        '| Custom path | Custom development fee (one-time): development, testing and delivery | $31,500.00 |',
        '| Custom path | Yearly compatibility service fee: adaptation and testing for each platform release | $15,000.00 a year |',
        '| Custom path | Yearly compatibility service fee for 3 years | $45,000.00 |',
        '| **Custom path** | **Total over the term** (one-time fee and 3 years of service) | **$76,500.00** |',
      ],
      // Never the cost basis, the effort in person-days, nor internal links.
      neverInQuote: ['$850.00', '$600.00', '$795.21', 'exclude tax', 'person-day', 'assessment.md'],
      assessmentLines: [
        '| Effort, mean ± σ | Sum of the work items below | 24.3 ± 3.2 person-days |',
        '| Effort percentiles | P50 / P80 / P90 | 24.1 / 27.4 / 29.1 person-days |',
        '| Effort cost | 27.5 person-days × $795.21 blended day rate | $21,868.28 |',
        '| Contingency | 15% of the effort cost | $3,280.24 |',
        '| Margin | 25% of cost plus contingency | $6,287.13 |',
        '| **Custom development fee (one-time)** | Subtotal $31,435.65, rounded up to a multiple of $500.00 | **$31,500.00** |',
        '| **Yearly compatibility service fee** | $12,000.00 at $600.00 a day, plus 25% margin $3,000.00 | **$15,000.00** |',
        '| **Total over the term** | One-time fee plus the service fees over the term | **$76,500.00** |',
      ],
      // The same figures in the English UI's form (numbers with at most one decimal).
      form: {
        'r-effort': '24.1 / 27.4 / 29.1 person-days',
        'r-priced': '27.5 person-days',
        'r-calendar': '3.5 weeks (2 people, focus 0.8)',
        'r-nre': '$31,500.00',
        'r-yearly': '$15,000.00',
        'r-term': '$76,500.00',
      },
    },
  },
  {
    lang: 'zh-cn',
    uiName: '简体中文',
    customer: '星河物流',
    title: '把机器人数据推送到客户自有平台',
    broughtBy: '王总（销售总监）',
    dealSize: '3,600,000',
    documentLanguageLabel: '简体中文',
    adr: OPEN_API_ADR,
    settings: { 'customRequest.supplier': { name: '罗博舰队科技有限公司', address: '深圳市南山区海港路 88 号', contact: '李伟，sales@robofleet.example', logo: 'docs/brand/robofleet-logo.svg' } },
    estimate: {
      ...WORKED_EXAMPLE,
      workItems: WORKED_EXAMPLE.workItems.map((item) => ({ ...item, name: '把机器人数据推送到客户平台' })),
    },
    headings: { assessment: '# 定制需求评估：', quote: '# 报价单 ' },
    // The worked example (test/unit/estimate.test.ts): O = M = P = 30 → mean 30, σ 0, P80 30 → priced 30 person-days
    // Calendar: 30 / (2 people × 1.0 focus × 5 days) = 3 weeks
    // Effort cost 30 × ¥3,000.00 = ¥90,000.00; contingency 10% ¥9,000.00; margin 20% of ¥99,000.00 = ¥19,800.00
    // Subtotal ¥118,800.00 → up to a multiple of ¥1,000: ¥119,000.00 = 11.9 万元
    // Recurring: 4 × 5 = 20 days × ¥3,000.00 = ¥60,000.00 + 20% ¥12,000.00 = ¥72,000.00 a year; 2 years ¥144,000.00
    // Total ¥119,000.00 + ¥144,000.00 = ¥263,000.00 = 26.3 万元
    // Tax 6%: NRE ¥7,140.00 → ¥126,140.00; yearly ¥4,320.00 → ¥76,320.00; term ¥15,780.00 → ¥278,780.00 = 27.88 万元
    // In capital figures: 27 万 8 仟 7 佰 8 拾元 → 人民币贰拾柒万捌仟柒佰捌拾元整 (the quote shows no 万 amounts)
    // Names: Chinese letters are kept as they are in slugs.
    expected: {
      assessmentFolder: (created) => `${created}-星河物流-把机器人数据推送到客户自有平台`,
      quoteNumber: (year) => `Q-${year}-001`,
      quoteFile: (year) => `quote-Q-${year}-001-星河物流.md`,
      nreShown: '¥119,000.00',
      nreFeeMinor: 11_900_000,
      yearlyFeeMinor: 7_200_000,
      termTotalMinor: 26_300_000,
      termTotalInclTaxMinor: 27_878_000,
      quoteLines: [
        '- 团队：2 名工程师',
        '- 开发周期：自合同或合同附件签订之日起约 3 周，交付验收',
        '| 定制方案 | 定制开发费（一次性）：开发、测试与交付 | ¥119,000.00 |',
        '| 定制方案 | 年度兼容性服务费：每个平台版本的适配与测试 | 每年 ¥72,000.00 |',
        '| 定制方案 | 年度兼容性服务费，共 2 年 | ¥144,000.00 |',
        '| **定制方案** | **服务期合计**（定制开发费与 2 年年度兼容性服务费） | **¥263,000.00** |',
        '以上金额均不含税。按 6% 税率计算：',
        '| 定制开发费（一次性） | ¥119,000.00 | ¥7,140.00 | ¥126,140.00 |',
        '| 年度兼容性服务费（每年） | ¥72,000.00 | ¥4,320.00 | ¥76,320.00 |',
        '| **服务期合计** | ¥263,000.00 | ¥15,780.00 | **¥278,780.00** |',
        '服务期价税合计（大写）：人民币贰拾柒万捌仟柒佰捌拾元整',
      ],
      // Never the cost basis, person-days, 万 amounts nor internal links.
      neverInQuote: ['¥3,000.00', '人天', '万元', 'assessment.md'],
      assessmentLines: [
        '| 工作量（均值 ± σ） | 下方各工作项之和 | 30 ± 0 人天 |',
        '| 人力成本 | 30 人天 × 综合人天单价 ¥3,000.00 | ¥90,000.00 |',
        '| 风险预留 | 人力成本的 10% | ¥9,000.00 |',
        '| 利润 | （成本 + 风险预留）的 20% | ¥19,800.00 |',
        '| **年度兼容性服务费** | 成本 ¥60,000.00（人天单价 ¥3,000.00），加 20% 利润 ¥12,000.00 | **¥72,000.00** |',
      ],
      // The Chinese UI's form shows the 万 amount beside each fee, as the documents do.
      form: {
        'r-effort': '30 / 30 / 30 人天',
        'r-priced': '30 人天',
        'r-calendar': '3 周（2 人，专注系数 1）',
        'r-nre': '¥119,000.00（11.9万元）',
        'r-yearly': '¥72,000.00（7.2万元）',
        'r-term': '¥263,000.00（26.3万元）',
        'r-term-tax': '¥278,780.00（27.88万元）',
      },
    },
  },
];
