/**
 * The cumulative distribution (S-curve) of the custom path's total effort.
 *
 * Contract (independent of how the distribution is computed): each point says
 * "the total effort is at most `days` person-days with this probability".
 * Points are sorted by days, neither days nor probability ever decreases, days
 * are ≥ 0 and probabilities lie in [0, 1]. The range runs from below the bulk
 * of the distribution to beyond P90, so P50, P80 and P90 all fall inside it.
 *
 * Method: the distribution computeEstimate's percentiles come from, the sum of
 * the items' PERT beta distributions (pertSum.ts), which the result carries as
 * `effort.cdf`, a table from the total's 0.1 % point to its 99.9 % point. The
 * curve samples it at evenly spaced days over that range, interpolating
 * linearly. When every item is certain (σ = 0) the curve is a vertical step at
 * the mean. A result built by hand without the table, but with σ > 0, is drawn
 * with the normal approximation Φ((days − mean) / σ) over mean ± 3.5σ (the
 * lower end clamped at 0).
 */
import type { EstimateResult } from './estimate';

/** Half-width of the range drawn for a hand-built result without a table, in standard deviations. */
const SPREAD_SIGMAS = 3.5;

/**
 * Standard normal cumulative distribution Φ(z).
 *
 * Abramowitz & Stegun 26.2.17 (Zelen & Severo): for z ≥ 0,
 * Φ(z) = 1 − φ(z)(b₁t + b₂t² + b₃t³ + b₄t⁴ + b₅t⁵) with t = 1/(1 + 0.2316419z);
 * absolute error below 7.5e-8 for every z. Negative z use Φ(−z) = 1 − Φ(z).
 */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  const x = Math.abs(z);
  if (x > 40) return z > 0 ? 1 : 0;
  const t = 1 / (1 + 0.2316419 * x);
  const poly = t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  const density = Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI);
  const upper = density * poly; // 1 − Φ(|z|)
  return z >= 0 ? 1 - upper : upper;
}

/** Cumulative probability that total effort ≤ `days` person-days, at `points` evenly spaced days (a 3- or 4-point vertical step when the total is certain). */
export function effortCurve(result: EstimateResult, points = 49): { days: number; probability: number }[] {
  if (!Number.isInteger(points) || points < 2) throw new RangeError(`points must be an integer ≥ 2, got ${points}`);
  const table = result.effort.cdf;
  if (table && table.days.length >= 2 && table.days[table.days.length - 1] > table.days[0]) return fromTable(table, points);
  if (!table && result.effort.sigmaDays > 0) return normalCurve(Math.max(0, result.effort.meanDays), result.effort.sigmaDays, points);
  // Certain (or spread over less than float precision): all effort is one value.
  return step(Math.max(0, table ? result.effort.p50Days : result.effort.meanDays));
}

/** The table resampled at `points` evenly spaced days over its range. */
function fromTable(table: { days: number[]; probability: number[] }, points: number): { days: number; probability: number }[] {
  const { days, probability } = table;
  const lo = days[0];
  const hi = days[days.length - 1];
  const curve: { days: number; probability: number }[] = new Array(points);
  let k = 0;
  for (let i = 0; i < points; i++) {
    const at = i === points - 1 ? hi : lo + ((hi - lo) * i) / (points - 1);
    while (k < days.length - 2 && days[k + 1] <= at) k++;
    const width = days[k + 1] - days[k];
    const t = width > 0 ? Math.min(1, Math.max(0, (at - days[k]) / width)) : 1;
    curve[i] = { days: at, probability: probability[k] + (probability[k + 1] - probability[k]) * t };
  }
  return curve;
}

/** Flat 0, a vertical step at `at`, flat 1. */
function step(at: number): { days: number; probability: number }[] {
  const halfWidth = Math.max(1, at * 0.1);
  const rise = [
    { days: at, probability: 0 },
    { days: at, probability: 1 },
    { days: at + halfWidth, probability: 1 },
  ];
  const lo = Math.max(0, at - halfWidth);
  return lo < at ? [{ days: lo, probability: 0 }, ...rise] : rise;
}

/** Φ((days − mean)/σ) over mean ± 3.5σ, for a hand-built result that carries no table. */
function normalCurve(mean: number, sigma: number, points: number): { days: number; probability: number }[] {
  const lo = Math.max(0, mean - SPREAD_SIGMAS * sigma);
  const hi = mean + SPREAD_SIGMAS * sigma;
  const curve: { days: number; probability: number }[] = new Array(points);
  for (let i = 0; i < points; i++) {
    const days = i === points - 1 ? hi : lo + ((hi - lo) * i) / (points - 1);
    curve[i] = { days, probability: normalCdf((days - mean) / sigma) };
  }
  return curve;
}
