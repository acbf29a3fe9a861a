import assert from 'node:assert/strict';
import { effortCurve, normalCdf } from '../../src/core/effortCurve';
import { computeEstimate, type EstimateInput, type EstimateResult } from '../../src/core/estimate';
import { WORKED_EXAMPLE } from './workedExample';

/** An estimate with the given items (O, M, P person-days); the rest of the inputs do not matter for effort. */
function estimateWith(...items: [number, number, number][]) {
  const input: EstimateInput = {
    ...WORKED_EXAMPLE,
    workItems: items.map(([optimistic, mostLikely, pessimistic], i) => ({ name: `item ${i}`, role: 'engineer', optimistic, mostLikely, pessimistic })),
  };
  return computeEstimate(input);
}

function near(actual: number, expected: number, tolerance: number, what = '') {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what} ${actual} is not within ${tolerance} of ${expected}`);
}

describe('normalCdf', () => {
  // Reference values from standard normal tables (10 decimals), not from the code.
  const TABLE: [number, number][] = [
    [0, 0.5],
    [1, 0.8413447461],
    [-1, 0.1586552539],
    [1.75, 0.9599408431],
    [1.96, 0.9750021049],
    [-1.96, 0.0249978951],
    [2, 0.9772498681],
    [-2, 0.0227501319],
    [3, 0.998650102],
    [-3.5, 0.0002326291],
    [3.5, 0.9997673709],
  ];

  it('matches table values to better than 1e-7', () => {
    for (const [z, p] of TABLE) near(normalCdf(z), p, 1e-7, `Φ(${z})`);
  });

  it('gives 0.8 and 0.9 at the z-values of P80 and P90', () => {
    // The z-values rounded to 4 decimals: Φ(0.8416) = 0.79999546…, Φ(1.2816) = 0.90000711…
    near(normalCdf(0.8416), 0.8, 1e-5, 'Φ(0.8416)');
    near(normalCdf(1.2816), 0.9, 1e-5, 'Φ(1.2816)');
  });

  it('is symmetric, monotone and bounded, including far tails', () => {
    let previous = -Infinity;
    for (let z = -10; z <= 10; z += 0.01) {
      const p = normalCdf(z);
      assert.ok(p >= 0 && p <= 1, `Φ(${z}) = ${p}`);
      assert.ok(p >= previous, `Φ not monotone at ${z}`);
      near(p + normalCdf(-z), 1, 1e-15, `Φ(${z}) + Φ(${-z})`);
      previous = p;
    }
    assert.equal(normalCdf(100), 1);
    assert.equal(normalCdf(-100), 0);
  });
});

/** The same result as built by hand, without the distribution table: effortCurve falls back on the normal approximation. */
function withoutTable(result: EstimateResult): EstimateResult {
  const { cdf: _table, ...effort } = result.effort;
  return { ...result, effort };
}

/** Linear interpolation of the curve's probability at `days`. */
function probabilityAt(curve: { days: number; probability: number }[], days: number): number {
  const k = curve.findIndex((p) => p.days >= days);
  if (k <= 0) return k === 0 ? curve[0].probability : 1;
  const [a, b] = [curve[k - 1], curve[k]];
  return a.probability + ((b.probability - a.probability) * (days - a.days)) / (b.days - a.days);
}

describe('effortCurve', () => {
  describe('from the sum of the items\' PERT distributions', () => {
    // One item O0 M0 P12: α = 1, β = 5, so F(d) = 1 − (1 − d/12)⁵ exactly (PERT mean 2, P50 = 12(1 − 0.5^⅕) = 1.5534).
    // The table runs from the 0.1 % point 12(1 − 0.999^⅕) = 0.0024 (the grid blurs the density's jump at O
    // over half a cell, which puts it at O = 0) to the 99.9 % point 12(1 − 0.001^⅕) = 8.9857.
    const r = estimateWith([0, 0, 12]);
    const exact = (days: number) => 1 - (1 - days / 12) ** 5;

    it('samples the 0.1 %–99.9 % range at 49 evenly spaced days by default', () => {
      const curve = effortCurve(r);
      assert.equal(curve.length, 49);
      near(curve[0].days, 0.0024, 0.0025, 'first day');
      near(curve[48].days, 8.9857, 0.001, 'last day');
      const step = (curve[48].days - curve[0].days) / 48;
      for (let k = 1; k < curve.length; k++) near(curve[k].days - curve[k - 1].days, step, 1e-9, `step ${k}`);
    });

    it('follows the exact distribution function', () => {
      const curve = effortCurve(r);
      // Within 0.001 everywhere but at the very first point, where that blur leaves 0.006 (invisible on the chart).
      near(curve[0].probability, 0, 0.01, 'at the start');
      for (const p of curve.slice(1)) near(p.probability, exact(p.days), 1e-3, `F(${p.days})`);
    });

    it('covers P50, P80 and P90, passes through them and never decreases', () => {
      for (const result of [r, estimateWith([10, 12, 40], [5, 6, 12]), estimateWith([20, 30, 45])]) {
        const curve = effortCurve(result);
        assert.ok(curve[0].days < result.effort.p50Days && curve.at(-1)!.days > result.effort.p90Days);
        for (let k = 1; k < curve.length; k++) {
          assert.ok(curve[k].days > curve[k - 1].days);
          assert.ok(curve[k].probability >= curve[k - 1].probability);
          assert.ok(curve[k].probability >= 0 && curve[k].probability <= 1);
        }
        near(probabilityAt(curve, result.effort.p50Days), 0.5, 0.003, 'at P50');
        near(probabilityAt(curve, result.effort.p80Days), 0.8, 0.003, 'at P80');
        near(probabilityAt(curve, result.effort.p90Days), 0.9, 0.003, 'at P90');
      }
    });

    it('honours the number of points', () => {
      const two = effortCurve(r, 2);
      assert.deepEqual(two.map((p) => p.days), [effortCurve(r)[0].days, effortCurve(r).at(-1)!.days]);
      assert.equal(effortCurve(r, 101).length, 101);
      assert.throws(() => effortCurve(r, 1), RangeError);
      assert.throws(() => effortCurve(r, 10.5), RangeError);
    });

    it('is symmetric for symmetric items, around their mean', () => {
      // Two items O14 M20 P26: α = β = 3 each, so the total is symmetric about 40 and the middle point is 40 at 0.5.
      const curve = effortCurve(estimateWith([14, 20, 26], [14, 20, 26]));
      near(curve[24].days, 40, 0.01, 'middle day');
      near(curve[24].probability, 0.5, 0.001, 'middle');
      near(curve[0].days + curve[48].days, 80, 0.02, 'ends around 40');
    });

    it('shifts by the certain items', () => {
      const alone = effortCurve(estimateWith([0, 0, 12]));
      const shifted = effortCurve(estimateWith([0, 0, 12], [30, 30, 30]));
      alone.forEach((p, k) => {
        near(shifted[k].days, p.days + 30, 1e-6, `day ${k}`);
        near(shifted[k].probability, p.probability, 1e-6, `probability ${k}`);
      });
    });
  });

  describe('for a hand-built result without the table: the normal approximation', () => {
    // One item O14 M20 P26: mean (14 + 80 + 26)/6 = 20 pd, σ = (26 − 14)/6 = 2 pd.
    // Range 20 ± 3.5·2 = 13 … 27; 49 points → step 14/48 pd; point k is at z = −3.5 + 7k/48.
    const r = withoutTable(estimateWith([14, 20, 26]));

    it('samples mean ± 3.5σ at 49 evenly spaced days by default', () => {
      const curve = effortCurve(r);
      assert.equal(curve.length, 49);
      near(curve[0].days, 13, 1e-12, 'first day');
      near(curve[48].days, 27, 1e-12, 'last day');
      for (let k = 1; k < curve.length; k++) near(curve[k].days - curve[k - 1].days, 14 / 48, 1e-12, `step ${k}`);
      assert.deepEqual(effortCurve(r, 2).map((p) => p.days), [13, 27]);
    });

    it('gives the normal probabilities at hand-picked points', () => {
      const curve = effortCurve(r);
      near(curve[0].probability, 0.0002326291, 1e-7, 'z = −3.5');
      near(curve[12].probability, 0.0400591569, 1e-7, 'z = −1.75'); // 16.5 pd
      near(curve[24].probability, 0.5, 1e-7, 'z = 0'); // 20 pd, the mean
      near(curve[36].probability, 0.9599408431, 1e-7, 'z = 1.75'); // 23.5 pd
      near(curve[48].probability, 0.9997673709, 1e-7, 'z = 3.5');
    });

    it('clamps the range at 0 person-days', () => {
      // O0 M1.5 P6: mean (0 + 6 + 6)/6 = 2, σ = 1 → 2 − 3.5 < 0, so 0 … 5.5.
      const curve = effortCurve(withoutTable(estimateWith([0, 1.5, 6])));
      assert.equal(curve[0].days, 0);
      near(curve[0].probability, 0.0227501319, 1e-7, 'Φ(−2) at 0 pd');
      near(curve[48].days, 5.5, 1e-12, 'last day');
      near(curve[48].probability, 0.9997673709, 1e-7, 'Φ(3.5)');
    });
  });

  it('is a vertical step at the mean when σ = 0', () => {
    // The worked example: O = M = P = 30 → mean 30, σ 0; half-width max(1, 10 % of 30) = 3.
    const certain = estimateWith([30, 30, 30]);
    assert.equal(certain.effort.cdf, undefined);
    assert.deepEqual(effortCurve(certain), [
      { days: 27, probability: 0 },
      { days: 30, probability: 0 },
      { days: 30, probability: 1 },
      { days: 33, probability: 1 },
    ]);
    // No items: a step at 0 pd, drawn to 1 pd.
    assert.deepEqual(effortCurve(estimateWith()), [
      { days: 0, probability: 0 },
      { days: 0, probability: 1 },
      { days: 1, probability: 1 },
    ]);
  });
});
