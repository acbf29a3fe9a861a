/**
 * The estimate form's two charts, as SVG strings (no DOM, so they run and are tested in Node).
 *
 * - sCurveChart: the cumulative distribution of effort with the P50/P80/P90 markers and the
 *   priced percentile highlighted.
 * - costOverTermChart: cumulative cost over the support term, standard path against custom path.
 *
 * Both return `{ svg, text }`: `text` is a plain-language text alternative (also the svg's
 * aria-label). No colour is hard-coded: elements carry CSS classes (chart-axis, chart-grid,
 * chart-tick, chart-curve, chart-mark, chart-mark-priced, chart-standard, chart-custom,
 * chart-label, chart-legend …) and default to `currentColor`, so the webview's stylesheet can
 * theme them with --vscode-* variables. Every string put into the SVG is XML-escaped. All UI
 * text comes from the caller's ChartLabels; the two exported label sets are the defaults.
 */
import type { EstimateResult, Percentile } from '../core/estimate';
import { intlLocale, type Lang } from '../core/lang';
import { currencyExponent, toMajor } from '../core/money';

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
  costText: '{0} 年合计：标准方案 {1}；定制方案 {2}（一次性开发费 (NRE) {3}，此后每年年度服务费 {4}）。',
  costTextNoTerm: '无支持期：标准方案 {1}；定制方案 {2}（仅一次性开发费 (NRE)）。',
};

export interface Chart {
  /** a standalone <svg> element, width 100 %, scaled by its viewBox */
  svg: string;
  /** plain-text alternative in the labels' language (not escaped: set it as text, not HTML) */
  text: string;
}

/** Escapes text for XML element content and double- or single-quoted attributes. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => XML_ENTITIES[ch]);
}
const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Fills `{0}`, `{1}` … with the arguments; unknown placeholders stay as they are. */
export function fillTemplate(template: string, ...args: string[]): string {
  return template.replace(/\{(\d+)\}/g, (match, index: string) => args[Number(index)] ?? match);
}

// ---- formatting (Intl formatters are slow to build, so they are cached) ----

const formatters = new Map<string, Intl.NumberFormat>();
function formatter(lang: Lang, key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = `${lang}|${key}`;
  let f = formatters.get(id);
  if (!f) {
    f = new Intl.NumberFormat(intlLocale(lang), options);
    formatters.set(id, f);
  }
  return f;
}

/** Person-days with exactly one decimal: 27.0, 24.3. */
function formatDays(value: number, lang: Lang): string {
  return formatter(lang, 'days1', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

function formatPlain(value: number, lang: Lang, digits: number): string {
  return formatter(lang, `plain${digits}`, { maximumFractionDigits: digits }).format(value);
}

function formatPercent(fraction: number, lang: Lang): string {
  return formatter(lang, 'percent', { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}

/** Short money for axis ticks, e.g. "$97K", "¥9.65万". */
function formatMoneyCompact(minor: number, currency: string, lang: Lang): string {
  try {
    return formatter(lang, `compact|${currency}`, { style: 'currency', currency, notation: 'compact', maximumSignificantDigits: 3 }).format(
      toMajor(minor, currency),
    );
  } catch {
    return formatter(lang, 'compact', { notation: 'compact', maximumSignificantDigits: 3 }).format(toMajor(minor, currency));
  }
}

// ---- geometry helpers ----

const WIDTH = 300;
const HEIGHT = 140;
const FONT = 8;

/** An SVG coordinate with one decimal. */
function c(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** A "nice" step (1, 2 or 5 × 10^k) giving about `count` intervals over `span`. */
function niceStep(span: number, count: number): number {
  if (!(span > 0)) return 1;
  const raw = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const residual = raw / magnitude;
  return (residual > 5 ? 10 : residual > 2 ? 5 : residual > 1 ? 2 : 1) * magnitude;
}

/** Ticks that are multiples of `step` within [lo, hi]. */
function ticks(lo: number, hi: number, step: number): number[] {
  const out: number[] = [];
  for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step) {
    out.push(Math.round(v / step) * step + 0); // + 0 turns −0 into 0
  }
  return out;
}

/** Decimals needed to show multiples of `step` exactly (up to 3). */
function decimalsFor(step: number): number {
  for (let d = 0; d < 3; d++) if (Math.abs(Math.round(step * 10 ** d) - step * 10 ** d) < 1e-9) return d;
  return 3;
}

/** Rough text width for placing legends: CJK characters are square, others about 0.6 em. */
function approxWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/.test(ch) ? 1 : 0.6;
  return em * fontSize;
}

function text(x: number, y: number, content: string, anchor: 'start' | 'middle' | 'end', cls = 'chart-label', extra = ''): string {
  return `<text class="${cls}" x="${c(x)}" y="${c(y)}" text-anchor="${anchor}" font-size="${FONT}" fill="currentColor" stroke="none"${extra}>${escapeXml(content)}</text>`;
}

function line(x1: number, y1: number, x2: number, y2: number, cls: string, extra = ''): string {
  return `<line class="${cls}" x1="${c(x1)}" y1="${c(y1)}" x2="${c(x2)}" y2="${c(y2)}" stroke="currentColor"${extra}/>`;
}

function svgOpen(kind: string, title: string, alt: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-${kind}" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="100%" ` +
    `role="img" aria-label="${escapeXml(alt)}" font-family="inherit">` +
    `<title>${escapeXml(title)}</title><desc>${escapeXml(alt)}</desc>`
  );
}

// ---- the effort S-curve ----

const MARK_PROBABILITY: Record<Percentile, number> = { p50: 0.5, p80: 0.8, p90: 0.9 };
const MARK_NAME: Record<Percentile, string> = { p50: 'P50', p80: 'P80', p90: 'P90' };

/**
 * The effort S-curve: `curve` from effortCurve (person-days, probability), `marks` the P50/P80/P90
 * person-days from the estimate, `priced` the percentile the price uses, `lang` the language of the numbers.
 */
export function sCurveChart(
  curve: readonly { days: number; probability: number }[],
  marks: { p50: number; p80: number; p90: number },
  priced: Percentile,
  labels: ChartLabels,
  lang: Lang,
): Chart {
  const alt = fillTemplate(labels.sCurveText, formatDays(marks.p50, lang), formatDays(marks.p80, lang), formatDays(marks.p90, lang), MARK_NAME[priced]);

  const left = 34;
  const right = WIDTH - 8;
  const top = 18;
  const bottom = HEIGHT - 28;
  let lo = Math.min(marks.p50, marks.p80, marks.p90);
  let hi = Math.max(marks.p50, marks.p80, marks.p90);
  for (const p of curve) {
    if (p.days < lo) lo = p.days;
    if (p.days > hi) hi = p.days;
  }
  if (!(hi > lo)) {
    lo = Math.max(0, lo - 1);
    hi = lo + 2;
  }
  const x = (days: number) => left + ((days - lo) / (hi - lo)) * (right - left);
  const y = (probability: number) => bottom - Math.min(1, Math.max(0, probability)) * (bottom - top);

  const parts: string[] = [svgOpen('effort', labels.sCurveTitle, alt)];

  // Grid and axes.
  parts.push('<g class="chart-grid" fill="none" stroke-width="0.5" stroke-opacity="0.25">');
  for (const p of [0.25, 0.5, 0.75, 1]) parts.push(line(left, y(p), right, y(p), 'chart-grid'));
  parts.push('</g>');
  parts.push(`<g class="chart-axis" fill="none" stroke-width="0.75">${line(left, bottom, right, bottom, 'chart-axis')}${line(left, top, left, bottom, 'chart-axis')}</g>`);
  parts.push('<g class="chart-tick">');
  for (const p of [0, 0.25, 0.5, 0.75, 1]) parts.push(text(left - 3, y(p) + FONT * 0.35, formatPercent(p, lang), 'end', 'chart-label chart-tick-label'));
  const step = niceStep(hi - lo, 5);
  const digits = decimalsFor(step);
  for (const d of ticks(lo, hi, step)) {
    parts.push(line(x(d), bottom, x(d), bottom + 3, 'chart-axis', ' stroke-width="0.75"'));
    parts.push(text(x(d), bottom + 3 + FONT, formatPlain(d, lang, digits), 'middle', 'chart-label chart-tick-label'));
  }
  parts.push('</g>');
  parts.push(text(left, top - 8, labels.probabilityAxis, 'start', 'chart-label chart-axis-label'));
  parts.push(text((left + right) / 2, HEIGHT - 3, labels.daysAxis, 'middle', 'chart-label chart-axis-label'));

  // The curve.
  let points = '';
  for (const p of curve) points += `${c(x(p.days))},${c(y(p.probability))} `;
  parts.push(`<polyline class="chart-curve" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round" points="${points.trimEnd()}"/>`);

  // Markers: a dashed drop line to the axis, a dot on the curve and a label to its left
  // (the region left of an increasing curve at the same height is empty).
  for (const key of ['p50', 'p80', 'p90'] as const) {
    const isPriced = key === priced;
    const mx = x(marks[key]);
    const my = y(MARK_PROBABILITY[key]);
    const label = isPriced ? fillTemplate(labels.pricedMark, MARK_NAME[key]) : MARK_NAME[key];
    parts.push(`<g class="chart-mark${isPriced ? ' chart-mark-priced' : ''}" data-mark="${key}" data-days="${marks[key]}">`);
    parts.push(line(mx, bottom, mx, my, 'chart-mark-line', ` fill="none" stroke-width="${isPriced ? 1.25 : 0.75}" stroke-dasharray="${isPriced ? '3 2' : '2 2'}"`));
    if (isPriced) parts.push(line(left, my, mx, my, 'chart-mark-line', ' fill="none" stroke-width="1.25" stroke-dasharray="3 2"'));
    parts.push(`<circle class="chart-mark-dot" cx="${c(mx)}" cy="${c(my)}" r="${isPriced ? 3 : 2}" fill="currentColor" stroke="none"/>`);
    parts.push(text(mx - 4, my - 2, label, 'end', `chart-label chart-mark-label${isPriced ? ' chart-mark-priced' : ''}`, isPriced ? ' font-weight="bold"' : ''));
    parts.push('</g>');
  }
  parts.push('</svg>');
  return { svg: parts.join(''), text: alt };
}

// ---- cumulative cost over the support term ----

/** Cumulative cost (minor units, tax-exclusive) at the end of each year 0 … supportYears, per path. */
export function costOverTerm(result: EstimateResult): { years: number[]; standardMinor: number[]; customMinor: number[] } {
  const n = Math.max(0, Math.floor(result.recurring.supportYears));
  const years: number[] = [];
  const standardMinor: number[] = [];
  const customMinor: number[] = [];
  for (let year = 0; year <= n; year++) {
    years.push(year);
    standardMinor.push(result.standard.feeMinor);
    customMinor.push(result.nre.feeMinor + year * result.recurring.feePerYearMinor);
  }
  return { years, standardMinor, customMinor };
}

/**
 * Cumulative cost over the support term: the standard path flat at its fee, the custom path a step
 * up to the NRE fee at year 0 and one yearly fee more at each year's end. `formatMoney` formats
 * minor units for the text alternative and the end labels; `lang` formats the other numbers.
 */
export function costOverTermChart(result: EstimateResult, labels: ChartLabels, formatMoney: (minor: number) => string, lang: Lang): Chart {
  // The caller's formatter may build an Intl.NumberFormat per call; format each amount once.
  const moneyCache = new Map<number, string>();
  const money = (minor: number) => {
    let formatted = moneyCache.get(minor);
    if (formatted === undefined) moneyCache.set(minor, (formatted = formatMoney(minor)));
    return formatted;
  };
  const series = costOverTerm(result);
  const n = series.years.length - 1;
  const standardTotal = series.standardMinor[n];
  const customTotal = series.customMinor[n];
  const template = (n === 0 ? labels.costTextNoTerm : n === 1 ? labels.costTextOneYear : undefined) ?? labels.costText;
  const alt = fillTemplate(
    template,
    formatPlain(n, lang, 0),
    money(standardTotal),
    money(customTotal),
    money(result.nre.feeMinor),
    money(result.recurring.feePerYearMinor),
  );

  const left = 50; // room for compact money labels such as "CN¥300K"
  const right = WIDTH - 10;
  const top = 22;
  const bottom = HEIGHT - 28;
  const xMax = Math.max(1, n);
  const x = (year: number) => left + (year / xMax) * (right - left);
  const maxMinor = Math.max(standardTotal, customTotal, 0);
  const maxMajor = toMajor(maxMinor, result.currency);
  const step = niceStep(maxMajor, 4);
  const yTop = maxMajor > 0 ? Math.ceil(maxMajor / step - 1e-9) * step : step;
  const unit = 10 ** currencyExponent(result.currency); // minor units per major unit
  const y = (minor: number) => bottom - (minor / (yTop * unit)) * (bottom - top);

  const parts: string[] = [svgOpen('cost', labels.costTitle, alt)];

  // Grid, axes and ticks.
  const moneyTicks = ticks(0, yTop, step);
  parts.push('<g class="chart-grid" fill="none" stroke-width="0.5" stroke-opacity="0.25">');
  for (const v of moneyTicks) if (v > 0) parts.push(line(left, y(v * unit), right, y(v * unit), 'chart-grid'));
  parts.push('</g>');
  parts.push(`<g class="chart-axis" fill="none" stroke-width="0.75">${line(left, bottom, right, bottom, 'chart-axis')}${line(left, top, left, bottom, 'chart-axis')}</g>`);
  parts.push('<g class="chart-tick">');
  for (const v of moneyTicks) {
    parts.push(text(left - 3, y(v * unit) + FONT * 0.35, formatMoneyCompact(Math.round(v * unit), result.currency, lang), 'end', 'chart-label chart-tick-label'));
  }
  const yearStep = n <= 10 ? 1 : niceStep(n, 5);
  for (const year of ticks(0, xMax, yearStep)) {
    parts.push(line(x(year), bottom, x(year), bottom + 3, 'chart-axis', ' stroke-width="0.75"'));
    parts.push(text(x(year), bottom + 3 + FONT, formatPlain(year, lang, 0), 'middle', 'chart-label chart-tick-label'));
  }
  parts.push('</g>');
  parts.push(text((left + right) / 2, HEIGHT - 3, labels.yearsAxis, 'middle', 'chart-label chart-axis-label'));

  // Legend.
  const legendY = 9;
  const standardX = left;
  const customX = standardX + 14 + approxWidth(labels.standardLegend, FONT) + 12;
  parts.push('<g class="chart-legend">');
  parts.push(line(standardX, legendY - 2.5, standardX + 10, legendY - 2.5, 'chart-standard', ' fill="none" stroke-width="2"'));
  parts.push(text(standardX + 14, legendY, labels.standardLegend, 'start', 'chart-label chart-legend-label'));
  parts.push(line(customX, legendY - 2.5, customX + 10, legendY - 2.5, 'chart-custom', ' fill="none" stroke-width="2"'));
  parts.push(text(customX + 14, legendY, labels.customLegend, 'start', 'chart-label chart-legend-label'));
  parts.push('</g>');

  // Paths: vertical step at year 0, then (custom) one step up at each year's end.
  const path = (values: number[]) => {
    let d = `M${c(x(0))} ${c(y(0))}V${c(y(values[0]))}`;
    for (let year = 1; year <= n; year++) d += `H${c(x(year))}V${c(y(values[year]))}`;
    return d;
  };
  const dots = (values: number[], cls: string) =>
    values
      .map((minor, year) => `<circle class="${cls}" data-year="${year}" data-minor="${minor}" cx="${c(x(year))}" cy="${c(y(minor))}" r="2" fill="currentColor" stroke="none"/>`)
      .join('');
  parts.push(`<g class="chart-standard"><path class="chart-standard-line" d="${path(series.standardMinor)}" fill="none" stroke="currentColor" stroke-width="2" stroke-dasharray="5 2"/>${dots(series.standardMinor, 'chart-standard-point')}</g>`);
  parts.push(`<g class="chart-custom"><path class="chart-custom-line" d="${path(series.customMinor)}" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/>${dots(series.customMinor, 'chart-custom-point')}</g>`);

  // End labels with the totals; the standard one moves below its line when the two would collide.
  // With no term the path ends at the y-axis, so the labels go to its right.
  const endX = n === 0 ? x(0) + 4 : x(n) - 4;
  const endAnchor = n === 0 ? 'start' : 'end';
  const customY = y(customTotal) - 5;
  const standardAbove = y(standardTotal) - 5;
  const standardY = Math.abs(standardAbove - customY) < FONT + 2 ? Math.min(bottom - 2, y(standardTotal) + FONT + 3) : standardAbove;
  parts.push(text(endX, customY, money(customTotal), endAnchor, 'chart-label chart-custom-label'));
  parts.push(text(endX, standardY, money(standardTotal), endAnchor, 'chart-label chart-standard-label'));
  parts.push('</svg>');
  return { svg: parts.join(''), text: alt };
}
