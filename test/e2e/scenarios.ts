/**
 * What a new user enters in each language run. The English run prices an
 * estimate with spread (two roles, three-point ranges, no tax); the Chinese run
 * prices the method's worked example (CNY, 6% tax). Expected figures are always
 * computed by src/core for the same input, never written down here.
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
  },
  {
    lang: 'zh-cn',
    uiName: '简体中文',
    customer: '星河物流',
    title: '把机器人数据推送到客户自有平台',
    broughtBy: '王总(销售总监)',
    dealSize: '3,600,000',
    documentLanguageLabel: '简体中文',
    adr: OPEN_API_ADR,
    estimate: {
      ...WORKED_EXAMPLE,
      workItems: WORKED_EXAMPLE.workItems.map((item) => ({ ...item, name: '把机器人数据推送到客户平台' })),
    },
    headings: { assessment: '# 定制需求评估:', quote: '# 报价单 ' },
  },
];
