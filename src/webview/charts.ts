/**
 * The estimate form's two charts, as SVG strings (no DOM, so they run and are tested in Node).
 * This module is their public face: the label types, the two default label sets and the charts,
 * re-exported from the modules that draw them.
 *
 * - sCurveChart (effortChart.ts): the cumulative distribution of effort with the P50/P80/P90
 *   markers and the priced percentile highlighted.
 * - costOverTermChart (costChart.ts): cumulative cost over the support term, standard path
 *   against custom path.
 * - svg.ts: the shared SVG, text and number helpers both charts draw with.
 *
 * Both return `{ svg, text }`: `text` is a plain-language text alternative (also the svg's
 * aria-label). No colour is hard-coded: elements carry CSS classes (chart-axis, chart-grid,
 * chart-tick, chart-curve, chart-mark, chart-mark-priced, chart-standard, chart-custom,
 * chart-label, chart-legend …) and default to `currentColor`, so the webview's stylesheet can
 * theme them with --vscode-* variables. Every string put into the SVG is XML-escaped. All UI
 * text comes from the caller's ChartLabels; the two exported label sets are the defaults.
 */
export { sCurveChart } from './effortChart';
export { costOverTerm, costOverTermChart } from './costChart';
export { escapeXml, fillTemplate } from './svg';

/**
 * The strings the charts show, in the UI language; templates fill `{0}`, `{1}` … in order.
 * Numbers inside them are formatted by the charts for the `lang` argument.
 */
export interface ChartLabels {
  /** effort chart title (the svg's <title>) */
  sCurveTitle: string;
  /** effort chart x-axis: person-days */
  daysAxis: string;
  /** effort chart y-axis: probability of finishing within */
  probabilityAxis: string;
  /** label of the priced marker; {0} = "P80" */
  pricedMark: string;
  /** effort text alternative; {0} P50, {1} P80, {2} P90 in person-days (one decimal), {3} the priced percentile ("P80") */
  sCurveText: string;
  /** cost chart title (the svg's <title>) */
  costTitle: string;
  /** cost chart x-axis: years */
  yearsAxis: string;
  /** legend name of the standard path */
  standardLegend: string;
  /** legend name of the custom path */
  customLegend: string;
  /** cost text alternative; {0} support years, {1} standard path total, {2} custom path total, {3} NRE fee, {4} yearly fee */
  costText: string;
  /** the same for exactly one year (singular wording); costText when absent */
  costTextOneYear?: string;
  /** the same without a support term (0 years; {3}, {4} optional); costText when absent */
  costTextNoTerm?: string;
}

export const CHART_LABELS_EN: ChartLabels = {
  sCurveTitle: 'Effort: chance of finishing within a number of person-days',
  daysAxis: 'Person-days',
  probabilityAxis: 'Chance of finishing within',
  pricedMark: '{0} priced',
  sCurveText: 'Effort: 50 % chance within {0} person-days, 80 % within {1}, 90 % within {2}; priced at {3}.',
  costTitle: 'Cumulative cost over the support term',
  yearsAxis: 'Years',
  standardLegend: 'Standard path',
  customLegend: 'Custom path',
  costText: 'Over {0} years: standard path {1}; custom path {2} (NRE {3} then {4} a year).',
  costTextOneYear: 'Over 1 year: standard path {1}; custom path {2} (NRE {3} then {4} a year).',
  costTextNoTerm: 'Without a support term: standard path {1}; custom path {2} (NRE only).',
};

export const CHART_LABELS_ZH: ChartLabels = {
  sCurveTitle: '工作量：在给定人天内完成的概率',
  daysAxis: '人天',
  probabilityAxis: '在此人天内完成的概率',
  pricedMark: '{0}（报价）',
  sCurveText: '工作量：有 50% 的把握在 {0} 人天内完成，80% 的把握在 {1} 人天内，90% 的把握在 {2} 人天内；按 {3} 报价。',
  costTitle: '支持期内的累计费用',
  yearsAxis: '年',
  standardLegend: '标准方案',
  customLegend: '定制方案',
  costText: '{0} 年合计：标准方案 {1}；定制方案 {2}（定制开发费 {3}，此后每年年度兼容性服务费 {4}）。',
  costTextNoTerm: '无支持期：标准方案 {1}；定制方案 {2}（仅定制开发费）。',
};

export interface Chart {
  /** a standalone <svg> element, width 100 %, scaled by its viewBox */
  svg: string;
  /** plain-text alternative in the labels' language (not escaped: set it as text, not HTML) */
  text: string;
}
