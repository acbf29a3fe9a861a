import assert from 'node:assert/strict';
import { computeEstimate, pertMean, pertSigma, roundUpToHalf, type EstimateInput } from '../../src/core/estimate';
import { WORKED_EXAMPLE } from './workedExample';

describe('estimate', () => {
  it('prices the method\'s worked example exactly as computed by hand', () => {
    // Effort: O = M = P = 30 → mean (30 + 4·30 + 30)/6 = 30, σ = 0, so P50 = P80 = P90 = 30 person-days.
    // Effort cost: 30 pd × CNY 3,000.00 = 90,000.00
    // Contingency 10%: 9,000.00 → 99,000.00
    // Margin 20% of 99,000.00: 19,800.00 → subtotal 118,800.00
    // NRE fee rounded up to a step of 1,000: 119,000.00
    // Calendar: 30 pd / (2 people × 1.0 focus × 5 days) = 3 weeks
    // Recurring: 4 releases × 5 days = 20 pd/year × 3,000.00 = 60,000.00; margin 20% = 12,000.00 → 72,000.00/year
    // Term: 72,000.00 × 2 years = 144,000.00; total over term 119,000.00 + 144,000.00 = 263,000.00
    // Tax 6%: NRE 7,140.00 → 126,140.00; yearly 4,320.00 → 76,320.00; term 15,780.00 → 278,780.00
    const r = computeEstimate(WORKED_EXAMPLE);
    assert.equal(r.effort.meanDays, 30);
    assert.equal(r.effort.sigmaDays, 0);
    assert.equal(r.effort.p80Days, 30);
    assert.equal(r.pricedDays, 30);
    assert.equal(r.calendar.weeks, 3);
    assert.equal(r.nre.effortCostMinor, 9_000_000);
    assert.equal(r.nre.contingencyMinor, 900_000);
    assert.equal(r.nre.marginMinor, 1_980_000);
    assert.equal(r.nre.subtotalMinor, 11_880_000);
    assert.equal(r.nre.feeMinor, 11_900_000);
    assert.equal(r.recurring.daysPerYear, 20);
    assert.equal(r.recurring.costPerYearMinor, 6_000_000);
    assert.equal(r.recurring.marginMinor, 1_200_000);
    assert.equal(r.recurring.feePerYearMinor, 7_200_000);
    assert.equal(r.recurring.termFeeMinor, 14_400_000);
    assert.equal(r.termTotalMinor, 26_300_000);
    assert.deepEqual(r.tax?.nre, { exclusiveMinor: 11_900_000, taxMinor: 714_000, inclusiveMinor: 12_614_000 });
    assert.deepEqual(r.tax?.yearly, { exclusiveMinor: 7_200_000, taxMinor: 432_000, inclusiveMinor: 7_632_000 });
    assert.deepEqual(r.tax?.term, { exclusiveMinor: 26_300_000, taxMinor: 1_578_000, inclusiveMinor: 27_878_000 });
    assert.deepEqual(r.standard, { days: 3, feeMinor: 0 });
  });

  it('computes PERT mean and sigma per item', () => {
    assert.equal(pertMean({ optimistic: 2, mostLikely: 4, pessimistic: 8 }), 26 / 6);
    assert.equal(pertSigma({ optimistic: 2, pessimistic: 8 }), 1);
  });

  describe('with spread and two roles', () => {
    // A: O2 M4 P8 → mean 26/6, σ 1; B: O1 M2 P5 → mean 14/6, σ 4/6.
    // Total mean 40/6 = 6.667; σ = √(1 + 16/36) = √(52/36) = 1.2019 (the PERT σ, shown beside the mean).
    // Percentiles of the sum of the two PERT betas: A = 2 + 6·β(7/3, 11/3), B = 1 + 4·β(2, 4), whose
    // distribution function is 1 − (1 − x)⁵ − 5x(1 − x)⁴. P(A + B ≤ t) = E[F_B(t − A)], integrated over A's
    // density with the midpoint rule (2·10⁵ points) and inverted by bisection: P50 6.6010, P80 7.8051,
    // P90 8.4338 (a seeded Monte Carlo of 4·10⁶ samples: 6.6002, 7.8032, 8.4316). The normal approximation
    // would give P50 6.667, P80 7.678, P90 8.207. Priced at P80: 7.805 → 8.0.
    // Blended rate = (26 × 1,000.00 + 14 × 800.00) / 40 = 930.00; effort cost = 8 × 930.00 = 7,440.00.
    const input: EstimateInput = {
      ...WORKED_EXAMPLE,
      currency: 'USD',
      workItems: [
        { name: 'A', role: 'engineer', optimistic: 2, mostLikely: 4, pessimistic: 8 },
        { name: 'B', role: 'qa', optimistic: 1, mostLikely: 2, pessimistic: 5 },
      ],
      dayRates: { engineer: 1000, qa: 800 },
      roundFeesTo: 0,
      taxRatePercent: 0,
    };
    const r = computeEstimate(input);

    it('adds means and combines sigmas as the root of the sum of squares', () => {
      assert.ok(Math.abs(r.effort.meanDays - 40 / 6) < 1e-12);
      assert.ok(Math.abs(r.effort.sigmaDays - Math.sqrt(52 / 36)) < 1e-12);
    });

    it('takes P50, P80 and P90 from the sum of the items\' PERT distributions, not a normal approximation', () => {
      assert.ok(Math.abs(r.effort.p50Days - 6.601) < 0.001, `P50 ${r.effort.p50Days}`);
      assert.ok(Math.abs(r.effort.p80Days - 7.8051) < 0.001, `P80 ${r.effort.p80Days}`);
      assert.ok(Math.abs(r.effort.p90Days - 8.4338) < 0.001, `P90 ${r.effort.p90Days}`);
      // right-skewed: the median is below the mean
      assert.ok(r.effort.p50Days < r.effort.meanDays);
    });

    it('never sums the pessimistic values', () => {
      assert.notEqual(r.pricedDays, 13);
      assert.equal(r.pricedDays, 8);
    });

    it('prices with the blended role rate', () => {
      assert.equal(r.blendedDayRateMinor, 93_000);
      assert.equal(r.nre.effortCostMinor, 744_000);
      // contingency 10% = 744.00; margin 20% of 8,184.00 = 1,636.80; fee 9,820.80
      assert.equal(r.nre.contingencyMinor, 74_400);
      assert.equal(r.nre.marginMinor, 163_680);
      assert.equal(r.nre.feeMinor, 982_080);
      assert.equal(r.tax, undefined);
    });

    it('uses focus factor and team size for the calendar', () => {
      // 8 pd / (2 × 1.0 × 5) = 0.8 weeks → rounded up to 1 week
      assert.equal(r.calendar.weeks, 1);
      const slower = computeEstimate({ ...input, focusFactor: 0.8, teamSize: 1 });
      // 8 / (1 × 0.8 × 5) = 2 weeks
      assert.equal(slower.calendar.weeks, 2);
    });
  });

  it('prices at the chosen percentile', () => {
    const base: EstimateInput = { ...WORKED_EXAMPLE, workItems: [{ name: 'x', role: 'engineer', optimistic: 4, mostLikely: 10, pessimistic: 28 }] };
    // α = 1 + 4·6/24 = 2, β = 1 + 4·18/24 = 4: effort = 4 + 24x with x ~ β(2, 4), F(x) = 1 − (1 − x)⁵ − 5x(1 − x)⁴.
    // F(0.31381) = 0.5, F(0.49019) = 0.8, F(0.58389) = 0.9 (bisection), so
    // P50 = 11.531 → 12, P80 = 15.765 → 16, P90 = 18.013 → 18.5 (the normal approximation gave 12, 15.5, 17.5).
    assert.equal(computeEstimate({ ...base, priceAt: 'p50' }).pricedDays, 12);
    assert.equal(computeEstimate({ ...base, priceAt: 'p80' }).pricedDays, 16);
    assert.equal(computeEstimate({ ...base, priceAt: 'p90' }).pricedDays, 18.5);
  });

  it('has no recurring fee without releases, and zero effort without items', () => {
    const r = computeEstimate({ ...WORKED_EXAMPLE, workItems: [], releasesPerYear: 0 });
    assert.equal(r.pricedDays, 0);
    assert.equal(r.nre.feeMinor, 0);
    assert.equal(r.recurring.feePerYearMinor, 0);
    assert.equal(r.termTotalMinor, 0);
  });

  it("the term's tax is the NRE tax plus each year's tax, so the total including tax is the sum of its lines", () => {
    // Worked by hand. 10 person-days at USD 999.99, no contingency, margin or rounding step; 1 release × 1 day a year; 13 % tax.
    // NRE 9,999.90, tax 1,299.987 → 1,299.99 (rounded once, on its line); yearly 999.99, tax 129.9987 → 130.00.
    // Term: 9,999.90 + 2 × 999.99 = 11,999.88; tax 1,299.99 + 2 × 130.00 = 1,559.99; including tax 13,559.87
    // = 11,299.89 + 2 × 1,129.99. The rate applied to the term again would give 1,559.9844 → 1,559.98: one cent off.
    const r = computeEstimate({
      ...WORKED_EXAMPLE,
      currency: 'USD',
      workItems: [{ name: 'x', role: 'engineer', optimistic: 10, mostLikely: 10, pessimistic: 10 }],
      dayRates: { engineer: 999.99 },
      releasesPerYear: 1,
      testingDaysPerRelease: 1,
      supportYears: 2,
      contingencyPercent: 0,
      marginPercent: 0,
      roundFeesTo: 0,
      taxRatePercent: 13,
    });
    assert.deepEqual(r.tax?.nre, { exclusiveMinor: 999_990, taxMinor: 129_999, inclusiveMinor: 1_129_989 });
    assert.deepEqual(r.tax?.yearly, { exclusiveMinor: 99_999, taxMinor: 13_000, inclusiveMinor: 112_999 });
    assert.deepEqual(r.tax?.term, { exclusiveMinor: 1_199_988, taxMinor: 155_999, inclusiveMinor: 1_355_987 });
  });

  it('prices the effort at the blended day rate it shows, so effort cost = priced days × that rate', () => {
    // Weights (O + 4M + P): engineer 7 days → 42, qa 4 days → 24. Blended (42 × 1,000.00 + 24 × 800.01) / 66 = 927.2764 → 927.28.
    // Priced effort 11 person-days; the line reads 11 × 927.28 = 10,200.08 (the unrounded rate would give 10,200.04).
    const r = computeEstimate({
      ...WORKED_EXAMPLE,
      currency: 'USD',
      workItems: [
        { name: 'A', role: 'engineer', optimistic: 7, mostLikely: 7, pessimistic: 7 },
        { name: 'B', role: 'qa', optimistic: 4, mostLikely: 4, pessimistic: 4 },
      ],
      dayRates: { engineer: 1000, qa: 800.01 },
    });
    assert.equal(r.pricedDays, 11);
    assert.equal(r.blendedDayRateMinor, 92_728);
    assert.equal(r.nre.effortCostMinor, 1_020_008);
  });

  it('rounds up to a half day without float noise', () => {
    assert.equal(roundUpToHalf(30.000000000004), 30);
    assert.equal(roundUpToHalf(30.01), 30.5);
    assert.equal(roundUpToHalf(0), 0);
  });
});
