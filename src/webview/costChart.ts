/**
 * The cost-over-term chart: cumulative cost over the support term, standard path against custom
 * path, as an SVG string with a text alternative (see charts.ts); and costOverTerm, its series.
 */
import type { EstimateResult } from '../core/estimate';
import type { Lang } from '../core/lang';
import { currencyExponent, toMajor } from '../core/money';
import type { Chart, ChartLabels } from './charts';
import { approxWidth, c, FONT, fillTemplate, formatMoneyCompact, formatPlain, HEIGHT, line, niceStep, svgOpen, text, ticks, WIDTH } from './svg';

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
