import assert from 'node:assert/strict';
import { effortCurve, normalCdf } from '../../src/core/effortCurve';
import { computeEstimate, type EstimateInput } from '../../src/core/estimate';
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

  it('gives 0.8 and 0.9 at the z-values computeEstimate uses for P80 and P90', () => {
    // The z-values are rounded to 4 decimals: Φ(0.8416) = 0.79999546…, Φ(1.2816) = 0.90000711…
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

describe('effortCurve', () => {
  // One item O14 M20 P26: mean (14 + 80 + 26)/6 = 20 pd, σ = (26 − 14)/6 = 2 pd.
  // Range 20 ± 3.5·2 = 13 … 27; 49 points → step 14/48 pd; point k is at z = −3.5 + 7k/48.
  const r = estimateWith([14, 20, 26]);

  it('samples mean ± 3.5σ at 49 evenly spaced days by default', () => {
    const curve = effortCurve(r);
    assert.equal(curve.length, 49);
    near(curve[0].days, 13, 1e-12, 'first day');
    near(curve[48].days, 27, 1e-12, 'last day');
    for (let k = 1; k < curve.length; k++) near(curve[k].days - curve[k - 1].days, 14 / 48, 1e-12, `step ${k}`);
  });

  it('gives the normal probabilities at hand-picked points', () => {
    const curve = effortCurve(r);
    near(curve[0].probability, 0.0002326291, 1e-7, 'z = −3.5');
    near(curve[12].probability, 0.0400591569, 1e-7, 'z = −1.75'); // 16.5 pd
    near(curve[24].probability, 0.5, 1e-7, 'z = 0'); // 20 pd, the mean = P50
    near(curve[36].probability, 0.9599408431, 1e-7, 'z = 1.75'); // 23.5 pd
    near(curve[48].probability, 0.9997673709, 1e-7, 'z = 3.5');
  });

  it('covers P50, P80 and P90 and never decreases', () => {
    const curve = effortCurve(r);
    // P80 = 20 + 0.8416·2 = 21.6832, P90 = 20 + 1.2816·2 = 22.5632
    assert.ok(curve[0].days < 20 && curve[curve.length - 1].days > 22.5632);
    for (let k = 1; k < curve.length; k++) {
      assert.ok(curve[k].days > curve[k - 1].days);
      assert.ok(curve[k].probability >= curve[k - 1].probability);
    }
    // Between the grid points around P80 (21.5 and 21.79…) the probability crosses 0.8.
    const before = curve.filter((p) => p.days <= 21.6832).at(-1)!;
    const after = curve.find((p) => p.days >= 21.6832)!;
    assert.ok(before.probability < 0.8 && after.probability > 0.8);
  });

  it('honours the number of points', () => {
    const two = effortCurve(r, 2);
    assert.deepEqual(two.map((p) => p.days), [13, 27]);
    assert.equal(effortCurve(r, 101).length, 101);
    assert.throws(() => effortCurve(r, 1), RangeError);
    assert.throws(() => effortCurve(r, 10.5), RangeError);
  });

  it('clamps the range at 0 person-days', () => {
    // O0 M1.5 P6: mean (0 + 6 + 6)/6 = 2, σ = 1 → 2 − 3.5 < 0, so 0 … 5.5.
    const curve = effortCurve(estimateWith([0, 1.5, 6]));
    assert.equal(curve[0].days, 0);
    near(curve[0].probability, 0.0227501319, 1e-7, 'Φ(−2) at 0 pd');
    near(curve[48].days, 5.5, 1e-12, 'last day');
    near(curve[48].probability, 0.9997673709, 1e-7, 'Φ(3.5)');
  });

  it('combines items as the root of the sum of squares', () => {
    // Two items O14 M20 P26 → mean 40, σ = √(2² + 2²) = 2√2; range 40 ± 7√2, midpoint at 40 → 0.5.
    const curve = effortCurve(estimateWith([14, 20, 26], [14, 20, 26]));
    near(curve[0].days, 40 - 7 * Math.SQRT2, 1e-12, 'first day');
    near(curve[24].days, 40, 1e-12, 'middle day');
    near(curve[24].probability, 0.5, 1e-7, 'middle');
  });

  it('is a vertical step at the mean when σ = 0', () => {
    // The worked example: O = M = P = 30 → mean 30, σ 0; half-width max(1, 10 % of 30) = 3.
    assert.deepEqual(effortCurve(estimateWith([30, 30, 30])), [
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
