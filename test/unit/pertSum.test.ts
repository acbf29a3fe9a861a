/**
 * The total effort's distribution (src/core/pertSum.ts) checked against a
 * reference that shares no code with it: a slow, seeded Monte Carlo that lives
 * only in this file. Uniforms come from mulberry32, normals from Marsaglia's
 * polar method, gamma variates from Marsaglia–Tsang (PERT shapes are ≥ 1, so
 * no boost is needed), and a PERT beta is X / (X + Y) of two gamma variates.
 *
 * P50, P80 and P90 must be within 1 % of the Monte Carlo (the issue's bar).
 * Samples: 10⁶ for the issue's table and for estimates of up to 3 items, where
 * the total is most skewed; for n > 3 items max(2·10⁴, 10⁶/n). The sum of
 * many items is smooth and its spread shrinks relative to its size, so the
 * Monte Carlo's own error relative to the figures stays about 0.1 % even with
 * 2·10⁴ samples at 200 items, while the whole file stays at a few seconds.
 * Closed forms (one item with O = M, M = P, or integer α and β) check the
 * method more tightly than any Monte Carlo could.
 */
import assert from 'node:assert/strict';
import { cdfTable, pertSum, type ThreePoint } from '../../src/core/pertSum';
import { mulberry32 } from '../support/random';
import { inMutationRun, scaled } from '../support/mutationRun';

type Triple = [optimistic: number, mostLikely: number, pessimistic: number];

const items = (...triples: Triple[]): ThreePoint[] => triples.map(([optimistic, mostLikely, pessimistic]) => ({ optimistic, mostLikely, pessimistic }));
const LEVELS = [0.5, 0.8, 0.9] as const;

/** The sorted totals of `samples` seeded draws of the items' sum. */
function monteCarlo(triples: readonly Triple[], samples: number, seed: number): Float64Array {
  const uniform = mulberry32(seed);
  let spare = Number.NaN;
  const normal = (): number => {
    if (!Number.isNaN(spare)) {
      const value = spare;
      spare = Number.NaN;
      return value;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * uniform() - 1;
      v = 2 * uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const factor = Math.sqrt((-2 * Math.log(s)) / s);
    spare = v * factor;
    return u * factor;
  };
  // Marsaglia & Tsang (2000), "A simple method for generating gamma variables", shape ≥ 1.
  const gamma = (shape: number): number => {
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = uniform();
      if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
    }
  };
  const totals = new Float64Array(samples);
  for (const [o, m, p] of triples) {
    const width = p - o;
    if (width === 0) {
      for (let s = 0; s < samples; s++) totals[s] += o;
      continue;
    }
    const alpha = 1 + (4 * (m - o)) / width;
    const beta = 1 + (4 * (p - m)) / width;
    for (let s = 0; s < samples; s++) {
      const x = gamma(alpha);
      totals[s] += o + (width * x) / (x + gamma(beta));
    }
  }
  return totals.sort();
}

/** The empirical percentile, interpolated between order statistics. */
function percentileOf(sorted: Float64Array, probability: number): number {
  const rank = probability * (sorted.length - 1);
  const i = Math.floor(rank);
  return sorted[i] + (sorted[Math.min(i + 1, sorted.length - 1)] - sorted[i]) * (rank - i);
}

function assertWithinOnePercent(triples: Triple[], samples: number, seed: number, what: string): void {
  const reference = monteCarlo(triples, samples, seed);
  const total = pertSum(items(...triples));
  for (const level of LEVELS) {
    const expected = percentileOf(reference, level);
    const actual = total.quantile(level);
    assert.ok(Math.abs(actual - expected) <= 0.01 * Math.abs(expected) + 1e-12, `${what}: P${level * 100} ${actual} vs Monte Carlo ${expected} (${samples} samples)`);
  }
}

function near(actual: number, expected: number, relative: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= relative * Math.abs(expected), `${what}: ${actual} is not within ${relative * 100} % of ${expected}`);
}

describe('pertSum: the sum of the items’ PERT distributions', () => {
  describe('against a seeded Monte Carlo (10⁶ samples), the issue’s table', () => {
    // The issue's own Monte Carlo figures (10⁵ samples) for the levels it names, which the normal approximation missed.
    const table: [string, Triple[], Partial<Record<(typeof LEVELS)[number], number>>][] = [
      ['one item 20/30/45', [[20, 30, 45]], { 0.9: 37.22 }],
      ['one item 10/12/40', [[10, 12, 40]], { 0.5: 15.35, 0.8: 20.1 }],
      ['two items 10/15/25 and 5/6/12', [[10, 15, 25], [5, 6, 12]], { 0.9: 26.75 }],
      ['ten items 2/3/10', Array.from({ length: 10 }, (): Triple => [2, 3, 10]), { 0.8: 43.44 }],
    ];
    table.forEach(([name, triples, issue], i) => {
      it(`${name}: P50, P80 and P90`, function () {
        this.timeout(60_000);
        assertWithinOnePercent(triples, scaled(1_000_000, 50_000), 20261111 + i, name);
        for (const level of LEVELS) {
          const figure = issue[level];
          if (figure !== undefined) near(pertSum(items(...triples)).quantile(level), figure, 0.01, `${name} against the issue's P${level * 100}`);
        }
      });
    });
  });

  it('a seeded random battery: 1 to 200 items, O = M, M = P, points and mixtures', function () {
    this.timeout(120_000);
    const random = mulberry32(20261112);
    const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
    const half = (max: number) => Math.round(random() * max * 2) / 2;
    const counts = [1, 1, 1, 2, 2, 3, 3, 200, ...Array.from({ length: 16 }, () => Math.min(200, Math.max(1, Math.round(Math.exp(random() * Math.log(200))))))];
    counts.forEach((count, estimate) => {
      const scale = pick([1, 5, 20, 100, 1000]);
      const triples: Triple[] = Array.from({ length: count }, (): Triple => {
        const o = pick([0, half(scale)]);
        const kind = random();
        if (kind < 0.15) return [o, o, o]; // a point
        const spread = half(scale) + 0.5;
        if (kind < 0.35) return [o, o, o + spread]; // O = M
        if (kind < 0.5) return [o, o + spread, o + spread]; // M = P
        const m = o + half(spread);
        return [o, m, m + half(3 * scale) + 0.5];
      });
      const samples = scaled(count <= 3 ? 1_000_000 : Math.max(20_000, Math.round(1_000_000 / count)), 20_000);
      assertWithinOnePercent(triples, samples, 7000 + estimate, `estimate ${estimate} (${count} items, scale ${scale})`);
    });
  });

  it('matches closed forms for one item: O = M (β(1, 5)), M = P (β(5, 1)) and 4/10/28 (β(2, 4))', () => {
    // β(1, 5): F(u) = 1 − (1 − u)⁵, so the p-quantile is O + (P − O)(1 − (1 − p)^⅕); β(5, 1): F(u) = u⁵.
    for (const level of LEVELS) {
      near(pertSum(items([0, 0, 12])).quantile(level), 12 * (1 - (1 - level) ** 0.2), 1e-4, `0/0/12 P${level * 100}`);
      near(pertSum(items([3, 9, 9])).quantile(level), 3 + 6 * level ** 0.2, 1e-4, `3/9/9 P${level * 100}`);
    }
    // 4/10/28: α = 1 + 4·6/24 = 2, β = 1 + 4·18/24 = 4; F(x) = 1 − (1 − x)⁵ − 5x(1 − x)⁴, inverted by bisection.
    const betaTwoFour = (x: number) => 1 - (1 - x) ** 5 - 5 * x * (1 - x) ** 4;
    for (const level of LEVELS) {
      let lo = 0;
      let hi = 1;
      for (let i = 0; i < 60; i++) [lo, hi] = betaTwoFour((lo + hi) / 2) < level ? [(lo + hi) / 2, hi] : [lo, (lo + hi) / 2];
      near(pertSum(items([4, 10, 28])).quantile(level), 4 + 24 * lo, 1e-4, `4/10/28 P${level * 100}`);
    }
  });

  it('gives exact points for items with O = M = P, and shifts the rest exactly by them', () => {
    const certain = pertSum(items([30, 30, 30], [12.5, 12.5, 12.5], [0.25, 0.25, 0.25]));
    assert.equal(certain.spread, false);
    for (const level of LEVELS) assert.equal(certain.quantile(level), 42.75);
    assert.equal(certain.cdf(42.7), 0);
    assert.equal(certain.cdf(42.75), 1);
    assert.equal(pertSum([]).quantile(0.8), 0);

    const skewed: Triple[] = [[10, 12, 40], [5, 6, 12]];
    const alone = pertSum(items(...skewed));
    const shifted = pertSum(items(...skewed, [100, 100, 100]));
    for (const level of LEVELS) near(shifted.quantile(level), alone.quantile(level) + 100, 1e-9, `P${level * 100} shifted by a 100-day point`);
  });

  it('never lowers P50, P80 or P90 when a pessimistic value goes up, by any amount', () => {
    // Only from the median up: below it the PERT beta is not monotone in P (its α falls as P
    // rises), e.g. the 1 % point of 0/0.1/0.11 is above that of 0/0.1/0.12.
    const estimates: Triple[][] = [[[0, 6.5, 23.5]], [[0, 0, 1], [0, 0, 0]], [[10, 12, 40], [5, 6, 12], [2, 2, 2]], Array.from({ length: 30 }, (_, i): Triple => [i % 4, (i % 4) + (i % 3), (i % 4) + (i % 3) + 1 + (i % 5)])];
    for (const triples of estimates) {
      for (let at = 0; at < triples.length; at += Math.max(1, Math.floor(triples.length / 4))) {
        let before = LEVELS.map((level) => pertSum(items(...triples)).quantile(level));
        // A mutation run (test/support/mutationRun.ts) raises by a tiny, a middling and a large amount.
        for (const raise of inMutationRun ? [1e-9, 0.5, 100] : [1e-15, 1e-13, 1e-11, 1e-9, 1e-6, 1e-3, 0.01, 0.1, 0.5, 1, 3, 10, 100, 1000]) {
          const raised = triples.map(([o, m, p], j): Triple => (j === at ? [o, m, p + raise] : [o, m, p]));
          const after = LEVELS.map((level) => pertSum(items(...raised)).quantile(level));
          LEVELS.forEach((level, i) => assert.ok(after[i] >= before[i], `P${level * 100} of ${JSON.stringify(raised)}: ${before[i]} → ${after[i]}`));
          before = after;
        }
      }
    }
  });

  it('is deterministic, and the order of the items does not matter', () => {
    const triples: Triple[] = [[10, 12, 40], [5, 6, 12], [0, 0, 3], [7, 7, 7], [1, 4, 4]];
    const first = pertSum(items(...triples));
    const again = pertSum(items(...triples));
    const reversed = pertSum(items(...[...triples].reverse()));
    for (const level of [0.001, 0.1, 0.5, 0.8, 0.9, 0.999]) {
      assert.equal(again.quantile(level), first.quantile(level));
      near(reversed.quantile(level), first.quantile(level), 1e-9, `reversed, level ${level}`);
    }
  });

  it('has a distribution function that agrees with its percentiles, and a monotone table', () => {
    for (const triples of [[[0, 0, 12]], [[20, 30, 45]], [[10, 15, 25], [5, 6, 12]], Array.from({ length: 50 }, (): Triple => [2, 3, 10])] as Triple[][]) {
      const total = pertSum(items(...triples));
      for (const level of [0.05, 0.25, 0.5, 0.8, 0.9, 0.95]) {
        assert.ok(Math.abs(total.cdf(total.quantile(level)) - level) < 1e-3, `${JSON.stringify(triples)} F(q(${level}))`);
      }
      const table = cdfTable(total, 129);
      assert.equal(table.days.length, 129);
      assert.equal(table.days[0], total.quantile(0.001));
      assert.equal(table.days[128], total.quantile(0.999));
      for (let i = 1; i < 129; i++) {
        assert.ok(table.days[i] > table.days[i - 1] && table.probability[i] >= table.probability[i - 1]);
        assert.ok(table.probability[i] >= 0 && table.probability[i] <= 1);
      }
    }
  });

  it('stays finite and ordered for extreme widths', () => {
    const cases: Triple[][] = [
      [[0, 0, 1e-300]],
      [[0, 0, 5e-324], [1, 2, 3]],
      [[0, 50_000, 100_000], [0, 0, 1e-9]],
      Array.from({ length: 200 }, (): Triple => [0, 0, 100_000]),
      Array.from({ length: 200 }, (_, i): Triple => (i === 0 ? [0, 10, 1000] : [0, 1, 3])),
    ];
    for (const triples of cases) {
      const total = pertSum(items(...triples));
      const [p50, p80, p90] = LEVELS.map((level) => total.quantile(level));
      const low = triples.reduce((s, t) => s + t[0], 0);
      const high = triples.reduce((s, t) => s + t[2], 0);
      assert.ok(Number.isFinite(p50) && low <= p50 && p50 <= p80 && p80 <= p90 && p90 <= high, `${triples.length} items: ${p50} ${p80} ${p90}`);
    }
  });
});
