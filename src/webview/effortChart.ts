/**
 * The effort S-curve chart: the cumulative distribution of effort with the P50/P80/P90 markers
 * and the priced percentile highlighted, as an SVG string with a text alternative (see charts.ts).
 */
import type { Percentile } from '../core/estimate';
import type { Lang } from '../core/lang';
import type { Chart, ChartLabels } from './charts';
import { c, decimalsFor, FONT, fillTemplate, formatDays, formatPercent, formatPlain, HEIGHT, line, niceStep, svgOpen, text, ticks, WIDTH } from './svg';

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
