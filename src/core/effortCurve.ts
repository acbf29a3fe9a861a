/**
 * The cumulative distribution (S-curve) of the custom path's total effort.
 *
 * Contract (independent of how the distribution is computed): each point says
 * "the total effort is at most `days` person-days with this probability".
 * Points are sorted by days, neither days nor probability ever decreases, days
 * are ≥ 0 and probabilities lie in [0, 1]. The range runs from below the bulk
 * of the distribution to beyond P90, so P50, P80 and P90 all fall inside it.
 *
 * Method today: the same normal approximation as computeEstimate — total mean
 * and σ, Φ((days − mean) / σ) — sampled at evenly spaced days over
 * mean ± 3.5σ (the lower end clamped at 0, where the normal approximation
 * may already give a probability above 0). A later change may replace it by
 * the exact sum of the items' PERT betas without changing this contract.
 */
import type { EstimateResult } from './estimate';

/** Half-width of the sampled range, in standard deviations. */
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

/** Cumulative probability that total effort ≤ `days` person-days, at `points` evenly spaced days (a 3- or 4-point vertical step when σ = 0). */
export function effortCurve(result: EstimateResult, points = 49): { days: number; probability: number }[] {
  if (!Number.isInteger(points) || points < 2) throw new RangeError(`points must be an integer ≥ 2, got ${points}`);
  const mean = Math.max(0, result.effort.meanDays);
  const sigma = result.effort.sigmaDays;

  if (!(sigma > 0)) {
    // Degenerate: all effort is exactly `mean`. Draw flat-0, a vertical step at the mean, flat-1.
    const halfWidth = Math.max(1, mean * 0.1);
    const step = [
      { days: mean, probability: 0 },
      { days: mean, probability: 1 },
      { days: mean + halfWidth, probability: 1 },
    ];
    const lo = Math.max(0, mean - halfWidth);
    return lo < mean ? [{ days: lo, probability: 0 }, ...step] : step;
  }

  const lo = Math.max(0, mean - SPREAD_SIGMAS * sigma);
  const hi = mean + SPREAD_SIGMAS * sigma;
  const width = hi - lo;
  const curve: { days: number; probability: number }[] = new Array(points);
  for (let i = 0; i < points; i++) {
    const days = i === points - 1 ? hi : lo + (width * i) / (points - 1);
    curve[i] = { days, probability: normalCdf((days - mean) / sigma) };
  }
  return curve;
}
