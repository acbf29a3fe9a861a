/**
 * The distribution of the total effort: the sum of the work items' PERT
 * distributions, by numerical convolution on a grid.
 *
 * An item with O ≤ M ≤ P person-days follows the PERT beta distribution on
 * [O, P] with α = 1 + 4(M − O)/(P − O), β = 1 + 4(P − M)/(P − O) (α + β = 6,
 * mean (O + 4M + P)/6); an item with O = P is a point. Items are independent
 * and the total is their sum.
 *
 * Method:
 * 1. Points only shift the total. The other items share one grid whose step is
 *    σ/24, σ the exact standard deviation of the total (the beta's, not the
 *    PERT (P − O)/6), so the bulk of the total spans a few hundred cells
 *    however many items there are.
 * 2. Each item is put on the grid from its exact distribution function (the
 *    regularised incomplete beta function): each cell's probability is shared
 *    between the cell's two nodes so that the item's mass and mean are kept
 *    ("cloud in cell"). This is continuous in O, M and P.
 * 3. The items are convolved one after another (direct convolution; tails
 *    below 1e-16 dropped) and the result read as a histogram, each node's mass
 *    spread over its cell, whose distribution function is piecewise linear.
 * 4. Sharing a value between two nodes adds zero-mean noise to the total; its
 *    variance V is known exactly (the grid total's variance, plus 1/12 cell² for
 *    the histogram, minus the exact variance). Its first-order effect is
 *    removed: F(x) = F̃(x) − (V/2)·F̃″(x), and a percentile
 *    x = x̃ + (V/2)·F̃″(x̃)/F̃′(x̃), the derivatives by central differences.
 *    The mean is then exact.
 * 5. Percentiles are rounded to 10 significant digits (see `significant`).
 *
 * Why this method, measured against seeded Monte Carlo runs of 10⁶ samples
 * on the issue's table and a random battery of 1 to 200 items (figures in
 * the README's "Estimation and money" section): the normal approximation is
 * off by up to 29 % for a single skewed item and Cornish–Fisher with the beta
 * cumulants by up to 7.5 %; both are good only from about 30 items on. A
 * seeded Monte Carlo here would be off by up to 0.8 % with 10⁴ samples and
 * take 425 ms for 200 items. This convolution agrees with the Monte Carlo
 * within its noise (at most 0.16 %) for every estimate, with closed forms and
 * a 40 times finer grid within 1e-4, and takes about 2.3 ms for 200 items.
 * There is no randomness: the same items always give the same figures.
 */

/**
 * Grid cells per standard deviation of the total. Measured on 258 estimates, the worst
 * difference from a 1024-cell grid and the time for 200 items: 12 → 1.3e-3, 1.0 ms;
 * 16 → 4e-4, 1.8 ms; 24 → 7e-5, 2.4 ms; 32 → 3e-5, 4.1 ms.
 */
const GRID_PER_SIGMA = 24;
/** Half-width, in cells, of the central differences for F̃′ and F̃″. */
const DIFFERENCE_CELLS = 3;
/** Probability below which the tails of the running sum are dropped. */
const TAIL = 1e-16;
/** Significant digits kept in a percentile. */
const SIGNIFICANT = 10;

export interface ThreePoint {
  /** person-days */
  optimistic: number;
  /** person-days */
  mostLikely: number;
  /** person-days */
  pessimistic: number;
}

/** PERT mean of one item, person-days. */
export function pertMean(item: ThreePoint): number {
  return (item.optimistic + 4 * item.mostLikely + item.pessimistic) / 6;
}

/** PERT standard deviation of one item, person-days: (P − O)/6, the figure shown beside the mean. */
export function pertSigma(item: Pick<ThreePoint, 'optimistic' | 'pessimistic'>): number {
  return (item.pessimistic - item.optimistic) / 6;
}

/** The total of independent PERT items. */
export interface PertSum {
  /** false when every item is a point (O = P): the total is then exactly `mean` */
  readonly spread: boolean;
  /** the mean of the total, person-days */
  readonly mean: number;
  /** the person-days the total stays within with this probability (0 < probability < 1) */
  quantile(probability: number): number;
  /** the probability that the total is at most `days` person-days */
  cdf(days: number): number;
}

/** The distribution of the sum of the items' PERT distributions. */
export function pertSum(items: readonly ThreePoint[]): PertSum {
  const mean = items.reduce((sum, item) => sum + pertMean(item), 0);
  let low = 0;
  let high = 0;
  let widest = 0;
  const betas: { width: number; alpha: number; beta: number }[] = [];
  for (const item of items) {
    low += item.optimistic;
    high += item.pessimistic;
    const width = item.pessimistic - item.optimistic;
    if (width > 0) {
      betas.push({ width, alpha: 1 + (4 * (item.mostLikely - item.optimistic)) / width, beta: 1 + (4 * (item.pessimistic - item.mostLikely)) / width });
      widest = Math.max(widest, width);
    }
  }
  if (betas.length === 0) return { spread: false, mean, quantile: () => mean, cdf: (days) => (days >= mean ? 1 : 0) };

  // The grid step in units of the widest item's width, so that tiny widths neither underflow nor divide by zero.
  let variance = 0;
  for (const b of betas) variance += betaVariance(b.alpha, b.beta) * (b.width / widest) ** 2;
  const step = Math.sqrt(variance) / GRID_PER_SIGMA;

  let sum = new Float64Array([1]);
  let first = 0; // grid node of sum[0]
  let exactMean = 0; // cells
  let exactVariance = 0; // cells²
  for (const b of betas) {
    const cells = b.width / widest / step;
    exactMean += (b.alpha / (b.alpha + b.beta)) * cells;
    exactVariance += betaVariance(b.alpha, b.beta) * cells * cells;
    const next = convolve(sum, itemOnGrid(cells, b.alpha, b.beta));
    let from = 0;
    let to = next.length;
    while (from < to - 1 && next[from] < TAIL) from++;
    while (to - 1 > from && next[to - 1] < TAIL) to--;
    sum = next.slice(from, to);
    first += from;
  }
  const toDays = (cell: number) => Math.min(high, Math.max(low, low + cell * step * widest));
  const toCell = (days: number) => (days - low) / widest / step;
  return histogram(sum, first, exactMean, exactVariance, { mean, low, high, toDays, toCell });
}

/**
 * `value` to SIGNIFICANT digits. The method is accurate to about 1e-4; its float noise is about
 * 1e-15 of the value, so an input raised by a few ulps could otherwise lower a percentile.
 * Rounding is monotone and absorbs that noise.
 */
function significant(value: number): number {
  return value === 0 ? 0 : Number(value.toPrecision(SIGNIFICANT));
}

/** Variance of a beta(α, β) variable on [0, 1]. */
function betaVariance(alpha: number, beta: number): number {
  const s = alpha + beta;
  return (alpha * beta) / (s * s * (s + 1));
}

/**
 * One item on the grid: masses at nodes 0 … ⌊cells⌋ + 1 for a PERT beta spanning `cells` cells
 * from node 0, each cell's probability shared between its two nodes so that the mean is kept.
 */
function itemOnGrid(cells: number, alpha: number, beta: number): Float64Array {
  const mass = new Float64Array(Math.floor(cells) + 2);
  const logB = logGamma(alpha) + logGamma(beta) - logGamma(alpha + beta);
  const itemMean = (alpha / (alpha + beta)) * cells;
  let lastF = 0; // P(Y ≤ k), Y the item's distance from O in cells
  let lastG = 0; // E[Y; Y ≤ k]
  for (let k = 0; k < mass.length - 1; k++) {
    let f = 1;
    let g = itemMean;
    if (k + 1 < cells) {
      const x = (k + 1) / cells;
      // E[Y; Y ≤ y] = cells · α/(α+β) · I_x(α+1, β), and I_x(α+1, β) = I_x(α, β) − x^α(1−x)^β / (α B(α, β))
      const front = Math.exp(alpha * Math.log(x) + beta * Math.log1p(-x) - logB);
      f = incompleteBeta(x, alpha, beta, front);
      g = itemMean * Math.max(0, f - front / alpha);
    }
    const cellMass = Math.max(0, f - lastF);
    const upper = Math.min(cellMass, Math.max(0, g - lastG - k * cellMass));
    mass[k] += cellMass - upper;
    mass[k + 1] += upper;
    lastF = f;
    lastG = g;
  }
  return mass;
}

/** The regularised incomplete beta function I_x(a, b), given front = x^a (1 − x)^b / B(a, b). */
function incompleteBeta(x: number, a: number, b: number, front: number): number {
  return x < (a + 1) / (a + b + 2) ? (front * betaFraction(x, a, b)) / a : 1 - (front * betaFraction(1 - x, b, a)) / b;
}

/** `v`, kept away from 0 for the continued fraction's divisions. */
function guard(v: number): number {
  return Math.abs(v) < 1e-300 ? 1e-300 : v;
}

/** The continued fraction of I_x(a, b), by the modified Lentz method (Numerical Recipes, betacf). */
function betaFraction(x: number, a: number, b: number): number {
  let c = 1;
  let d = 1 / guard(1 - ((a + b) * x) / (a + 1));
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let coefficient = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 / guard(1 + coefficient * d);
    c = guard(1 + coefficient / c);
    h *= d * c;
    coefficient = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 / guard(1 + coefficient * d);
    c = guard(1 + coefficient / c);
    h *= d * c;
    if (Math.abs(d * c - 1) < 1e-16) break;
  }
  return h;
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
  9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(z) for z ≥ 1 (Lanczos, g = 7, nine terms; relative error about 1e-15). */
function logGamma(z: number): number {
  const x = z - 1;
  let series = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) series += LANCZOS[i] / (x + i);
  const t = x + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(series);
}

/** Direct convolution of two mass vectors, the longer one in the inner loop. */
function convolve(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length - 1);
  const [long, short] = a.length >= b.length ? [a, b] : [b, a];
  for (let j = 0; j < short.length; j++) {
    const s = short[j];
    if (s === 0) continue;
    for (let i = 0; i < long.length; i++) out[i + j] += long[i] * s;
  }
  return out;
}

/** The convolved masses read as a histogram and corrected for the grid's noise and mean (steps 3 to 5). */
function histogram(
  masses: Float64Array,
  first: number,
  exactMean: number,
  exactVariance: number,
  total: { mean: number; low: number; high: number; toDays: (cell: number) => number; toCell: (days: number) => number },
): PertSum {
  let mass = 0;
  let moment = 0;
  for (let k = 0; k < masses.length; k++) {
    mass += masses[k];
    moment += masses[k] * (first + k);
  }
  const gridMean = moment / mass;
  let gridVariance = 1 / 12;
  for (let k = 0; k < masses.length; k++) gridVariance += (masses[k] / mass) * (first + k - gridMean) ** 2;
  const halfNoise = (gridVariance - exactVariance) / 2;
  const shift = exactMean - gridMean;
  // upper[k] = F̃ at the upper edge of node k's cell
  const upper = new Float64Array(masses.length);
  let running = 0;
  for (let k = 0; k < masses.length; k++) {
    running += masses[k] / mass;
    upper[k] = running;
  }
  upper[masses.length - 1] = 1;
  const gridCdf = (cell: number): number => {
    const r = cell - first + 0.5;
    if (r <= 0) return 0;
    if (r >= masses.length) return 1;
    const k = Math.floor(r);
    const below = k > 0 ? upper[k - 1] : 0;
    return below + (upper[k] - below) * (r - k);
  };
  const d = DIFFERENCE_CELLS;
  const slope = (cell: number) => (gridCdf(cell + d) - gridCdf(cell - d)) / (2 * d);
  const curvature = (cell: number) => (gridCdf(cell + d) - 2 * gridCdf(cell) + gridCdf(cell - d)) / (d * d);

  return {
    spread: true,
    mean: total.mean,
    quantile(probability: number): number {
      // the first node whose cell's upper edge reaches the probability
      let lo = 0;
      let hi = masses.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (upper[mid] < probability) lo = mid + 1;
        else hi = mid;
      }
      const below = lo > 0 ? upper[lo - 1] : 0;
      const within = upper[lo] > below ? Math.min(1, Math.max(0, (probability - below) / (upper[lo] - below))) : 0.5;
      const cell = first + lo - 0.5 + within;
      const f = slope(cell);
      return significant(total.toDays(cell + (f > 0 ? (halfNoise * curvature(cell)) / f : 0) + shift));
    },
    cdf(days: number): number {
      if (days < total.low) return 0;
      if (days >= total.high) return 1;
      const cell = total.toCell(days) - shift;
      return Math.min(1, Math.max(0, gridCdf(cell) - halfNoise * curvature(cell)));
    },
  };
}

/**
 * The total's distribution function at `points` evenly spaced days from its 0.1 % point to its
 * 99.9 % point: non-decreasing, in [0, 1]. When every item is a point, both ends are the mean.
 */
export function cdfTable(sum: PertSum, points: number): { days: number[]; probability: number[] } {
  const lo = sum.quantile(0.001);
  const hi = sum.quantile(0.999);
  const days: number[] = [];
  const probability: number[] = [];
  let previous = 0;
  for (let i = 0; i < points; i++) {
    const at = i === points - 1 ? hi : lo + ((hi - lo) * i) / (points - 1);
    previous = Math.max(previous, sum.cdf(at));
    days.push(at);
    probability.push(previous);
  }
  return { days, probability };
}
