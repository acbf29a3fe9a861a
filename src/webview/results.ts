/**
 * The live figures under the form: effort percentiles, calendar time, the
 * fees, tax lines and the standard-vs-custom comparison, computed by the same
 * src/core functions the documents use, formatted for the UI language.
 */
import { effortCurve } from '../core/effortCurve';
import type { EstimateResult } from '../core/estimate';
import type { Lang } from '../core/lang';
import { formatMoney, formatNumber, formatWan } from '../core/money';
import type { ChartLabels } from './charts';
import { costOverTermChart, sCurveChart } from './charts';
import { escapeHtml, format, type Strings } from './form';

/** Money for the UI: the amount, and in the Chinese UI the 万 figure beside it as in the documents. */
export function money(minor: number, currency: string, lang: Lang): string {
  const amount = formatMoney(minor, currency, lang);
  return lang === 'zh-cn' && Math.abs(minor) > 0 ? `${amount}（${formatWan(minor, currency)}）` : amount;
}

const days = (value: number, lang: Lang) => formatNumber(value, lang, 1);

function row(label: string, value: string, id?: string): string {
  return `<dt>${escapeHtml(label)}</dt><dd${id ? ` id="${id}"` : ''}>${escapeHtml(value)}</dd>`;
}

/** Chart wording from the UI strings, so it changes with the rest of the form's text. */
export function chartLabels(s: Strings): ChartLabels {
  return {
    sCurveTitle: s.chartEffortTitle,
    daysAxis: s.chartDaysAxis,
    probabilityAxis: s.chartProbabilityAxis,
    sCurveText: s.chartEffortText,
    costTitle: s.chartCostTitle,
    yearsAxis: s.chartYearsAxis,
    standardLegend: s.standardPath,
    customLegend: s.customPath,
    costText: s.chartCostText,
    costTextOneYear: s.chartCostTextOneYear,
    costTextNoTerm: s.chartCostTextNoTerm,
    pricedMark: s.chartPriced,
  };
}

/** The results section for a computed estimate. */
export function resultsMarkup(r: EstimateResult, lang: Lang, s: Strings): string {
  const m = (minor: number) => money(minor, r.currency, lang);
  const years = r.recurring.supportYears;
  const effort = format(s.effortValue, days(r.effort.p50Days, lang), days(r.effort.p80Days, lang), days(r.effort.p90Days, lang));
  const figures = [
    row(s.effort, effort, 'r-effort'),
    row(format(s.pricedEffort, r.priceAt.toUpperCase()), format(s.personDays, days(r.pricedDays, lang)), 'r-priced'),
    row(s.calendar, format(s.calendarValue, days(r.calendar.weeks, lang), r.calendar.teamSize, formatNumber(r.calendar.focusFactor, lang, 2)), 'r-calendar'),
    row(s.nre, m(r.nre.feeMinor), 'r-nre'),
    row(s.yearlyFee, m(r.recurring.feePerYearMinor), 'r-yearly'),
    row(format(s.termTotal, years), m(r.termTotalMinor), 'r-term'),
  ];
  if (r.tax) {
    const rate = formatNumber(r.tax.ratePercent, lang, 2);
    figures.push(
      row(format(s.nreInclTax, rate), m(r.tax.nre.inclusiveMinor), 'r-nre-tax'),
      row(format(s.yearlyInclTax, rate), m(r.tax.yearly.inclusiveMinor), 'r-yearly-tax'),
      row(format(s.termInclTax, rate, years), m(r.tax.term.inclusiveMinor), 'r-term-tax'),
    );
  }
  const standardTotal = r.standard.feeMinor;
  const comparison = `<table class="comparison" aria-labelledby="h-compare">
<thead><tr><th scope="col"></th><th scope="col">${escapeHtml(s.standardPath)}</th><th scope="col">${escapeHtml(s.customPath)}</th></tr></thead>
<tbody>
<tr><th scope="row">${escapeHtml(s.timeToLive)}</th><td>${escapeHtml(format(s.daysValue, days(r.standard.days, lang)))}</td><td>${escapeHtml(format(s.weeksValue, days(r.calendar.weeks, lang)))}</td></tr>
<tr><th scope="row">${escapeHtml(s.oneTime)}</th><td>${escapeHtml(standardTotal ? m(standardTotal) : s.noFee)}</td><td>${escapeHtml(m(r.nre.feeMinor))}</td></tr>
<tr><th scope="row">${escapeHtml(s.perYear)}</th><td>${escapeHtml(s.noFee)}</td><td>${escapeHtml(m(r.recurring.feePerYearMinor))}</td></tr>
<tr><th scope="row">${escapeHtml(format(s.overYears, years))}</th><td>${escapeHtml(standardTotal ? m(standardTotal) : s.noFee)}</td><td id="r-compare-custom">${escapeHtml(m(r.termTotalMinor))}</td></tr>
</tbody></table>`;
  const labels = chartLabels(s);
  const curve = sCurveChart(effortCurve(r), { p50: r.effort.p50Days, p80: r.effort.p80Days, p90: r.effort.p90Days }, r.priceAt, labels, lang);
  const cost = costOverTermChart(r, labels, (minor) => formatMoney(minor, r.currency, lang), lang);
  return `<dl class="figures">${figures.join('')}</dl>
<h3 id="h-compare">${escapeHtml(s.comparison)}</h3>
${comparison}
<figure class="chart" id="chart-effort">${curve.svg}<figcaption id="chart-effort-text">${escapeHtml(curve.text)}</figcaption></figure>
<figure class="chart" id="chart-cost">${cost.svg}<figcaption id="chart-cost-text">${escapeHtml(cost.text)}</figcaption></figure>`;
}
