/**
 * Pins pricing rules that no other test pinned, found by changing the code by hand:
 * - percentages through basis points, halves away from zero (money.ts), checked against a
 *   BigInt reference written here, not against percentOf itself, also inside a computed estimate;
 * - the calendar duration's rounding up to half weeks, and the blended day rate of several roles;
 * - the recurring role's day rate as the price of the yearly testing;
 * - Chinese capital figures (大写金额) at and beyond 万亿, up to the largest amount accepted.
 * Expected values are worked out by hand in the comments, or come from the reference below.
 */
import assert from 'node:assert/strict';
import { capitalFigures, rmbInCapitals } from '../../src/core/capitalAmount';
import { computeEstimate, roundUpToHalf, type EstimateInput, type WorkItem } from '../../src/core/estimate';
import { percentOf, percentToBasisPoints } from '../../src/core/money';
import { WORKED_EXAMPLE } from './workedExample';

/** Basis points from a percentage written as decimal text ("12.5" → 1250), by string, no floats. */
function basisPoints(percent: string): bigint {
  const [whole, fraction = ''] = percent.split('.');
  return BigInt(whole) * 100n + BigInt(`${fraction}00`.slice(0, 2));
}

/** Reference: amount × basis points / 10 000, a remainder of half or more rounding away from zero. */
function referencePercentOf(minor: bigint, percent: string): bigint {
  const product = minor * basisPoints(percent);
  const magnitude = product < 0n ? -product : product;
  const rounded = magnitude / 10_000n + (magnitude % 10_000n >= 5_000n ? 1n : 0n);
  return product < 0n ? -rounded : rounded;
}

/** An item with O = M = P: its effort is certain, so every percentile is exactly its days. */
const certain = (days: number, role = 'engineer', name = `${role} ${days}`): WorkItem => ({ name, role, optimistic: days, mostLikely: days, pessimistic: days });

/** The worked example without rounding step or tax, changed as given. */
const estimate = (changes: Partial<EstimateInput>): EstimateInput => ({ ...WORKED_EXAMPLE, currency: 'USD', roundFeesTo: 0, taxRatePercent: 0, ...changes });

describe('pinned pricing: percentages in basis points', () => {
  it('turns percentages into whole basis points, also where the float product is a hair off', () => {
    // 0.29 × 100 = 28.999999999999996 and 1.1 × 100 = 110.00000000000001 in floats: rounded, not cut or raised.
    // A third decimal (which the schema refuses) still gives a whole basis point: 6.125 % → 612.5 → 613.
    const cases: [number, number][] = [[0, 0], [0.01, 1], [6, 600], [7.25, 725], [12.5, 1250], [13.75, 1375], [0.29, 29], [0.07, 7], [1.1, 110], [33.33, 3333], [100, 10_000], [1000, 100_000], [6.125, 613]];
    for (const [percent, bp] of cases) assert.equal(percentToBasisPoints(percent), bp, `${percent} %`);
  });

  it('rounds exact halves away from zero, never to even and never down', () => {
    const cases: [number, number, number][] = [
      [50, 1, 1], // 0.5 → 1
      [49, 1, 0], // 0.49 → 0
      [51, 1, 1], // 0.51 → 1
      [150, 1, 2], // 1.5 → 2
      [250, 1, 3], // 2.5 → 3 (to even would give 2)
      [-50, 1, -1], // −0.5 → −1
      [-49, 1, 0], // −0.49 → 0
      [-250, 1, -3], // −2.5 → −3
      [-51, 1, -1], // −0.51 → −1
      [0, 12.5, 0],
      [12_345, 0, 0],
      [4, 12.5, 1], // 0.5 → 1
      [12, 12.5, 2], // 1.5 → 2
      [3, 12.5, 0], // 0.375 → 0
      [-4, 12.5, -1], // −0.5 → −1
      [5_000, 0.01, 1], // 0.5 → 1
      [4_999, 0.01, 0], // 0.4999 → 0
      [15_000, 0.01, 2], // 1.5 → 2
      [123_456_789, 0.01, 12_346], // 12,345.6789 → 12,346
      [200, 7.25, 15], // 14.5 → 15
      [999, 7.25, 72], // 72.4275 → 72
      [-200, 7.25, -15], // −14.5 → −15
      [10_000, 0.29, 29],
      [10_000, 1.1, 110],
      [10_000, 0.07, 7],
      [9_007_199_254_740_991, 50, 4_503_599_627_370_496], // (2^53 − 1) / 2 = …495.5 → …496, exact beyond float products
      [9_007_199_254_740_991, 100, 9_007_199_254_740_991],
    ];
    for (const [minor, percent, expected] of cases) assert.equal(percentOf(minor, percent), expected, `${percent} % of ${minor}`);
  });

  it('refuses a result beyond 2^53 rather than returning an inexact number', () => {
    assert.throws(() => percentOf(9_007_199_254_740_991, 100.01), { name: 'RangeError', message: 'amount too large' });
    assert.throws(() => percentOf(-9_007_199_254_740_991, 1000), { name: 'RangeError', message: 'amount too large' });
  });

  it('agrees with the BigInt reference over amounts and percentages around every rounding edge', () => {
    const amounts = [0n, 1n, 3n, 49n, 50n, 51n, 99n, 150n, 4_999n, 5_000n, 5_001n, 12_345n, 99_995n, 10_000_000_000_000n, 900_719_925_474_099n];
    const percents = ['0', '0.01', '0.29', '0.5', '1', '1.1', '6', '7.25', '12.5', '13', '33.33', '99.99', '100', '250', '999.99'];
    for (const amount of [...amounts, ...amounts.map((a) => -a)]) {
      for (const percent of percents) assert.equal(BigInt(percentOf(Number(amount), Number(percent))), referencePercentOf(amount, percent), `${percent} % of ${amount}`);
    }
  });
});

describe('pinned pricing: contingency, margin and tax of a computed estimate', () => {
  it('rounds each line once, halves away from zero, worked by hand', () => {
    // 10 person-days × USD 1,001.00 = 10,010.00, 1,001,000 cents; contingency 12.5 % = 125,125 cents exactly.
    // Margin 50 % of 1,126,125 = 563,062.5 → 563,063. Subtotal 1,001,000 + 125,125 + 563,063 = 1,689,188.
    // Tax 13.75 % of 1,689,188 = 232,263.35 → 232,263.
    // Yearly: 3 releases × 2.5 days = 7.5 days × USD 60.30 (6,030) = 45,225; margin 50 % = 22,612.5 → 22,613;
    // fee 67,838; tax 13.75 % = 9,327.725 → 9,328. Term (2 years): 135,676; total 1,689,188 + 135,676 = 1,824,864;
    // term tax 232,263 + 2 × 9,328 = 250,919.
    const r = computeEstimate(
      estimate({
        workItems: [certain(10)],
        dayRates: { engineer: 1001, qa: 60.3 },
        releasesPerYear: 3,
        testingDaysPerRelease: 2.5,
        recurringRole: 'qa',
        contingencyPercent: 12.5,
        marginPercent: 50,
        taxRatePercent: 13.75,
      }),
    );
    assert.deepEqual(r.nre, { effortCostMinor: 1_001_000, contingencyPercent: 12.5, contingencyMinor: 125_125, marginPercent: 50, marginMinor: 563_063, subtotalMinor: 1_689_188, feeMinor: 1_689_188 });
    assert.deepEqual(r.recurring, { releasesPerYear: 3, testingDaysPerRelease: 2.5, daysPerYear: 7.5, dayRateMinor: 6_030, costPerYearMinor: 45_225, marginMinor: 22_613, feePerYearMinor: 67_838, supportYears: 2, termFeeMinor: 135_676 });
    assert.equal(r.termTotalMinor, 1_824_864);
    assert.deepEqual(r.tax, {
      ratePercent: 13.75,
      nre: { exclusiveMinor: 1_689_188, taxMinor: 232_263, inclusiveMinor: 1_921_451 },
      yearly: { exclusiveMinor: 67_838, taxMinor: 9_328, inclusiveMinor: 77_166 },
      term: { exclusiveMinor: 1_824_864, taxMinor: 250_919, inclusiveMinor: 2_075_783 },
    });
  });

  it('hits exact halves in contingency, margin and tax and rounds them all up', () => {
    // 1 person-day × USD 1,001.00 = 100,100. Contingency 12.5 % = 12,512.5 → 12,513; margin 50 % of 112,613 =
    // 56,306.5 → 56,307; subtotal 168,920; tax 13.75 % = 23,226.5 → 23,227 (halves down or to even: 12,512 already).
    const r = computeEstimate(estimate({ workItems: [certain(1)], dayRates: { engineer: 1001 }, releasesPerYear: 0, contingencyPercent: 12.5, marginPercent: 50, taxRatePercent: 13.75 }));
    assert.deepEqual([r.nre.contingencyMinor, r.nre.marginMinor, r.nre.feeMinor, r.tax?.nre.taxMinor], [12_513, 56_307, 168_920, 23_227]);
  });

  it('agrees with the BigInt reference for many rates and percentages', () => {
    const percents = ['0', '0.01', '7.25', '12.5', '33.33', '99.99'];
    for (const [currency, exponent] of [['USD', 2], ['JPY', 0], ['KWD', 3]] as const) {
      for (const rateMinor of [1n, 49n, 50n, 101n, 12_345n, 1_000_003n]) {
        for (const [i, contingency] of percents.entries()) {
          const margin = percents[(i + 2) % percents.length];
          const tax = percents[(i + 4) % percents.length];
          // 7 person-days of work; 2 releases × 3 days of testing at twice the rate; 3 support years.
          const rate = Number(rateMinor) / 10 ** exponent;
          const r = computeEstimate(estimate({ currency, workItems: [certain(7)], dayRates: { engineer: rate, qa: rate * 2 }, releasesPerYear: 2, testingDaysPerRelease: 3, recurringRole: 'qa', supportYears: 3, contingencyPercent: Number(contingency), marginPercent: Number(margin), taxRatePercent: Number(tax) }));
          const effort = 7n * rateMinor;
          const contingencyMinor = referencePercentOf(effort, contingency);
          const marginMinor = referencePercentOf(effort + contingencyMinor, margin);
          const fee = effort + contingencyMinor + marginMinor;
          const yearlyCost = 6n * 2n * rateMinor;
          const yearly = yearlyCost + referencePercentOf(yearlyCost, margin);
          const what = `${currency} ${rateMinor} at ${contingency} / ${margin} / ${tax} %`;
          assert.deepEqual([r.nre.contingencyMinor, r.nre.marginMinor, r.nre.feeMinor, r.recurring.feePerYearMinor].map(BigInt), [contingencyMinor, marginMinor, fee, yearly], what);
          if (tax === '0') {
            assert.equal(r.tax, undefined, what);
            continue;
          }
          const nreTax = referencePercentOf(fee, tax);
          const yearlyTax = referencePercentOf(yearly, tax);
          assert.deepEqual([r.tax?.nre.taxMinor, r.tax?.yearly.taxMinor, r.tax?.term.taxMinor].map((v) => BigInt(v ?? -1)), [nreTax, yearlyTax, nreTax + 3n * yearlyTax], what);
        }
      }
    }
  });
});

describe('pinned pricing: calendar weeks and the blended rate', () => {
  it('rounds up to a half, allowing only float noise below 1e-9 of a half', () => {
    const cases: [number, number][] = [[0.1, 0.5], [0.5, 0.5], [0.50001, 1], [2.5 + 4e-10, 2.5], [2.5 + 6e-10, 3], [2.9999, 3], [-1, 0], [-0.2, 0]];
    for (const [value, expected] of cases) assert.equal(roundUpToHalf(value), expected, String(value));
  });

  it('rounds the calendar up to the next half week at and around the boundaries', () => {
    // weeks = priced days ÷ (team × focus × 5), rounded up to a half week.
    const cases: [number, number, number, number][] = [
      // team, focus, priced days, weeks
      [1, 1, 0, 0],
      [1, 1, 10, 2], // 10 / 5 = 2 exactly
      [1, 1, 10.5, 2.5], // 2.1 → 2.5
      [1, 1, 12, 2.5], // 2.4 → 2.5
      [1, 1, 12.5, 2.5], // 2.5 exactly
      [1, 1, 13, 3], // 2.6 → 3
      [2, 0.5, 2.5, 0.5], // 2.5 / 5 = 0.5 exactly
      [2, 0.5, 3, 1], // 0.6 → 1
      [3, 0.7, 10.5, 1], // 10.5 / 10.5 = 1, though 3 × 0.7 × 5 is 10.499999999999998 in floats
      [3, 0.7, 15.5, 1.5], // 1.476 → 1.5
      [3, 0.7, 16, 2], // 1.524 → 2
      [4, 0.8, 8, 0.5], // 8 / 16 = 0.5
      [4, 0.8, 8.5, 1], // 0.53 → 1
      [4, 0.8, 24, 1.5],
      [4, 0.8, 24.5, 2], // 1.53 → 2
    ];
    for (const [teamSize, focusFactor, days, weeks] of cases) {
      const r = computeEstimate(estimate({ workItems: days > 0 ? [certain(days)] : [], teamSize, focusFactor }));
      assert.equal(r.pricedDays, days);
      assert.deepEqual(r.calendar, { weeks, teamSize, focusFactor }, `${days} days, ${teamSize} × ${focusFactor}`);
    }
  });

  it('blends three roles by their effort and prices the days at the rounded blended rate', () => {
    // Weights (O + 4M + P) = 6 × days: engineer 4 days → 24, qa 1 day → 6, designer 2 days → 12; sum 42.
    // (24 × 120,000 + 6 × 70,000 + 12 × 95,050) / 42 = (2,880,000 + 420,000 + 1,140,600) / 42 = 4,440,600 / 42
    // = 105,728.57 → 105,729 cents (USD 1,057.29). Effort cost 7 × 105,729 = 740,103 (the plain mean of the three
    // rates would be 95,016.67; the unrounded blend would give 740,100).
    const r = computeEstimate(estimate({ workItems: [certain(4), certain(1, 'qa'), certain(2, 'designer')], dayRates: { engineer: 1200, qa: 700, designer: 950.5 }, contingencyPercent: 0, marginPercent: 0 }));
    assert.equal(r.pricedDays, 7);
    assert.equal(r.blendedDayRateMinor, 105_729);
    assert.equal(r.nre.effortCostMinor, 740_103);
    assert.equal(r.nre.feeMinor, 740_103);
  });

  it('rounds a blended rate and an effort cost that end in half a cent up', () => {
    // 1 day at USD 100.00 and 1 day at 100.01: (10,000 + 10,001) / 2 = 10,000.5 → 10,001; 2 days → 20,002.
    const blend = computeEstimate(estimate({ workItems: [certain(1), certain(1, 'qa')], dayRates: { engineer: 100, qa: 100.01 } }));
    assert.deepEqual([blend.blendedDayRateMinor, blend.nre.effortCostMinor], [10_001, 20_002]);
    // Half a day at USD 1.01: 0.5 × 101 = 50.5 → 51 cents.
    const half = computeEstimate(estimate({ workItems: [certain(0.5)], dayRates: { engineer: 1.01 }, contingencyPercent: 0, marginPercent: 0 }));
    assert.deepEqual([half.pricedDays, half.blendedDayRateMinor, half.nre.effortCostMinor, half.nre.feeMinor], [0.5, 101, 51, 51]);
  });

  it('prices items of zero days at a zero rate, not at NaN', () => {
    const r = computeEstimate(estimate({ workItems: [certain(0)], dayRates: { engineer: 1000 } }));
    assert.deepEqual([r.blendedDayRateMinor, r.nre.effortCostMinor, r.nre.feeMinor], [0, 0, 0]);
  });
});

describe('pinned pricing: the recurring role prices the yearly fee', () => {
  // The work is all engineering at USD 1,000.00; the testing is 4 releases × 5 days = 20 days a year, margin 20 %.
  const base = estimate({ workItems: [certain(10)], dayRates: { engineer: 1000, qa: 600, lead: 1500 }, releasesPerYear: 4, testingDaysPerRelease: 5, supportYears: 2, contingencyPercent: 10, marginPercent: 20 });

  it('takes the recurring role\'s own rate, not the blended rate of the work', () => {
    // qa: 20 × 600.00 = 12,000.00; margin 2,400.00; yearly 14,400.00; 2 years 28,800.00.
    const qa = computeEstimate({ ...base, recurringRole: 'qa' });
    assert.deepEqual([qa.recurring.dayRateMinor, qa.recurring.costPerYearMinor, qa.recurring.marginMinor, qa.recurring.feePerYearMinor, qa.recurring.termFeeMinor], [60_000, 1_200_000, 240_000, 1_440_000, 2_880_000]);
    // lead: 20 × 1,500.00 = 30,000.00; margin 6,000.00; yearly 36,000.00; 2 years 72,000.00.
    const lead = computeEstimate({ ...base, recurringRole: 'lead' });
    assert.deepEqual([lead.recurring.dayRateMinor, lead.recurring.costPerYearMinor, lead.recurring.marginMinor, lead.recurring.feePerYearMinor, lead.recurring.termFeeMinor], [150_000, 3_000_000, 600_000, 3_600_000, 7_200_000]);
    // The work's price does not move: 10 × 1,000.00 + 10 % + 20 % = 13,200.00; total over the term differs by the term fee only.
    assert.equal(qa.nre.feeMinor, 1_320_000);
    assert.equal(lead.nre.feeMinor, 1_320_000);
    assert.equal(qa.termTotalMinor, 4_200_000);
    assert.equal(lead.termTotalMinor, 8_520_000);
  });

  it('moves the yearly fee with the recurring role\'s rate and rounds it up to the fee step', () => {
    // qa at 650.00: 20 × 650.00 = 13,000.00 + 20 % = 15,600.00 a year.
    const dearer = computeEstimate({ ...base, recurringRole: 'qa', dayRates: { ...base.dayRates, qa: 650 } });
    assert.equal(dearer.recurring.feePerYearMinor, 1_560_000);
    // With a step of 1,000.00: 14,400.00 → 15,000.00 a year, 30,000.00 for 2 years; NRE 13,200.00 → 14,000.00.
    const stepped = computeEstimate({ ...base, recurringRole: 'qa', roundFeesTo: 1000 });
    assert.deepEqual([stepped.recurring.feePerYearMinor, stepped.recurring.termFeeMinor, stepped.nre.feeMinor, stepped.termTotalMinor], [1_500_000, 3_000_000, 1_400_000, 4_400_000]);
  });

  it('rounds a yearly cost that ends in half a cent up', () => {
    // 3 releases × 0.5 days = 1.5 days × USD 100.01 = 15,001.5 → 15,002 cents; margin 0.
    const r = computeEstimate({ ...base, releasesPerYear: 3, testingDaysPerRelease: 0.5, recurringRole: 'qa', dayRates: { engineer: 1000, qa: 100.01 }, marginPercent: 0 });
    assert.deepEqual([r.recurring.daysPerYear, r.recurring.costPerYearMinor, r.recurring.feePerYearMinor], [1.5, 15_002, 15_002]);
  });

  it('prices no testing at zero even when the recurring role has no rate, whatever its name', () => {
    for (const role of ['tester', 'constructor', 'toString', '__proto__']) {
      const r = computeEstimate({ ...base, releasesPerYear: 0, recurringRole: role });
      assert.deepEqual([r.recurring.dayRateMinor, r.recurring.feePerYearMinor, r.termTotalMinor], [0, 0, 1_320_000], role);
    }
  });
});

describe('pinned pricing: capital figures at and beyond 万亿', () => {
  /** Amounts as decimal yuan text, turned into fen by string so no float touches them. */
  const CASES: [string, string][] = [
    ['1000000000000', '壹万亿元整'],
    ['1000000000001', '壹万亿零壹元整'],
    ['1000000010000.05', '壹万亿零壹万元零伍分'],
    ['1000000000100', '壹万亿零壹佰元整'],
    ['1000100000000', '壹万亿零壹亿元整'],
    // A zero group before a group of 1,000 or more: the 零 comes from the zero group alone.
    ['1000010000000', '壹万亿零壹仟万元整'],
    ['1000000001000', '壹万亿零壹仟元整'],
    ['1100000000000', '壹万亿壹仟亿元整'],
    ['1001001001000', '壹万亿零壹拾亿零壹佰万壹仟元整'],
    ['1000000000000.1', '壹万亿元壹角整'],
    ['10000000000000', '壹拾万亿元整'],
    ['12345678901234.56', '壹拾贰万亿叁仟肆佰伍拾陆亿柒仟捌佰玖拾万壹仟贰佰叁拾肆元伍角陆分'],
    ['9999999999999.99', '玖万亿玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分'],
    // The largest amount accepted, 2^53 − 1 fen: 90,0719,9254,7409.91 yuan.
    ['90071992547409.91', '玖拾万亿零柒佰壹拾玖亿玖仟贰佰伍拾肆万柒仟肆佰零玖元玖角壹分'],
  ];
  const fen = (yuan: string): number => {
    const [whole, fraction = ''] = yuan.split('.');
    return Number(BigInt(whole) * 100n + BigInt(`${fraction}00`.slice(0, 2)));
  };

  for (const [yuan, expected] of CASES) {
    it(`${yuan} yuan → ${expected}`, () => {
      assert.equal(capitalFigures(fen(yuan)), expected);
    });
  }

  it('writes the largest amount with 人民币 too', () => {
    assert.equal(rmbInCapitals(Number.MAX_SAFE_INTEGER), '人民币玖拾万亿零柒佰壹拾玖亿玖仟贰佰伍拾肆万柒仟肆佰零玖元玖角壹分');
  });

  it('refuses one fen more than the largest amount, saying why', () => {
    assert.throws(() => capitalFigures(2 ** 53), { name: 'RangeError', message: 'capital figures need a whole, non-negative number of fen, got 9007199254740992' });
    assert.throws(() => capitalFigures(1e16), { name: 'RangeError', message: 'capital figures need a whole, non-negative number of fen, got 10000000000000000' });
    assert.throws(() => capitalFigures(-1), { name: 'RangeError', message: 'capital figures need a whole, non-negative number of fen, got -1' });
  });
});
