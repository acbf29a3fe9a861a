/**
 * The custom path's effort and price.
 *
 * Effort per work item is a three-point (PERT) estimate in person-days:
 * mean = (O + 4M + P) / 6 and σ = (P − O) / 6. Items are treated as
 * independent, so the total mean is Σ means and the total σ is √(Σ σ²) —
 * never the sum of the pessimistic values. P50, P80 and P90 are percentiles
 * of the total's own distribution, the sum of the items' PERT beta
 * distributions, computed by numerical convolution (pertSum.ts); not a normal
 * approximation, which is off by several percent for a few skewed items.
 * When every item has O = M = P they are all the mean.
 *
 * Pricing (all amounts in integer minor units, see money.ts):
 * - priced effort = the chosen percentile (default P80), rounded up to the next half person-day;
 * - effort cost = priced effort × the blended day rate (each item's role rate weighted by its mean,
 *   rounded to a minor unit: the rate the figures show);
 * - contingency = effort cost × contingency %; margin = (cost + contingency) × margin %;
 * - NRE fee = cost + contingency + margin, rounded up to the fee step when one is set;
 * - recurring days per year = platform releases per year × compatibility-testing days per release;
 *   yearly fee = days × the recurring role's day rate, plus margin (no contingency: the work is
 *   known and repeated), rounded up to the fee step; term fee = yearly fee × support years;
 * - total over the term = NRE fee + term fee; tax, when a rate is set, is computed on the NRE
 *   fee and on the yearly fee and rounded once per line; the term's tax is NRE tax + each year's
 *   tax, so every total the quote shows is the sum of the lines it shows.
 * Calendar duration = priced effort ÷ (team size × focus factor × 5 working days a week),
 * rounded up to the next half week.
 */
import { percentOf, roundUpToStep, toMinor } from './money';
import { cdfTable, pertMean, pertSigma, pertSum, type ThreePoint } from './pertSum';

export { pertMean, pertSigma } from './pertSum';

export type Percentile = 'p50' | 'p80' | 'p90';

/** The probability each reported percentile stands for. */
export const PERCENTILE_PROBABILITY: Record<Percentile, number> = { p50: 0.5, p80: 0.8, p90: 0.9 };

/** Days at which computeEstimate tabulates the total's distribution function for the S-curve. */
export const CDF_TABLE_POINTS = 129;

export interface WorkItem {
  name: string;
  role: string;
  /** person-days */
  optimistic: number;
  /** person-days */
  mostLikely: number;
  /** person-days */
  pessimistic: number;
}

/** The estimate as a user enters it; amounts are in major units (as typed), converted at computation. */
export interface EstimateInput {
  currency: string;
  workItems: WorkItem[];
  teamSize: number;
  focusFactor: number;
  /** day rate per role, major units per person-day */
  dayRates: Record<string, number>;
  priceAt: Percentile;
  releasesPerYear: number;
  testingDaysPerRelease: number;
  /** role whose day rate prices the compatibility testing */
  recurringRole: string;
  supportYears: number;
  contingencyPercent: number;
  marginPercent: number;
  /** round quoted fees up to a multiple of this many major units; 0 = no rounding */
  roundFeesTo: number;
  /** 0 = no tax lines */
  taxRatePercent: number;
  /** the standard-platform alternative */
  standard: { days: number; fee: number };
}

export const DEFAULT_ESTIMATE: Omit<EstimateInput, 'currency' | 'workItems' | 'dayRates'> = {
  teamSize: 2,
  focusFactor: 0.8,
  priceAt: 'p80',
  releasesPerYear: 4,
  testingDaysPerRelease: 5,
  recurringRole: 'engineer',
  supportYears: 2,
  contingencyPercent: 10,
  marginPercent: 20,
  roundFeesTo: 0,
  taxRatePercent: 0,
  standard: { days: 3, fee: 0 },
};

export interface ItemResult {
  name: string;
  role: string;
  meanDays: number;
  sigmaDays: number;
}

export interface TaxLine {
  exclusiveMinor: number;
  taxMinor: number;
  inclusiveMinor: number;
}

export interface EstimateResult {
  currency: string;
  items: ItemResult[];
  effort: {
    meanDays: number;
    sigmaDays: number;
    p50Days: number;
    p80Days: number;
    p90Days: number;
    /**
     * The total's distribution function at CDF_TABLE_POINTS evenly spaced days from its 0.1 % to
     * its 99.9 % point (pertSum.ts), which effortCurve draws. Absent when every item has
     * O = M = P (the total is then certain) and in results built by hand.
     */
    cdf?: { days: number[]; probability: number[] };
  };
  priceAt: Percentile;
  /** the chosen percentile, rounded up to a half person-day */
  pricedDays: number;
  calendar: { weeks: number; teamSize: number; focusFactor: number };
  /** blended day rate, minor units per person-day, rounded once: the effort cost is priced days × this */
  blendedDayRateMinor: number;
  nre: {
    effortCostMinor: number;
    contingencyPercent: number;
    contingencyMinor: number;
    marginPercent: number;
    marginMinor: number;
    /** before rounding up to the fee step */
    subtotalMinor: number;
    feeMinor: number;
  };
  recurring: {
    releasesPerYear: number;
    testingDaysPerRelease: number;
    daysPerYear: number;
    dayRateMinor: number;
    costPerYearMinor: number;
    marginMinor: number;
    feePerYearMinor: number;
    supportYears: number;
    termFeeMinor: number;
  };
  termTotalMinor: number;
  /** present when a tax rate is set */
  tax?: { ratePercent: number; nre: TaxLine; yearly: TaxLine; term: TaxLine };
  standard: { days: number; feeMinor: number };
  roundFeesToMinor: number;
}

/** Rounds person-days or weeks up to the next half, ignoring float noise below 1e-9. */
export function roundUpToHalf(value: number): number {
  return Math.max(0, Math.ceil(value * 2 - 1e-9) / 2);
}

type TotalEffort = Pick<EstimateResult['effort'], 'p50Days' | 'p80Days' | 'p90Days' | 'cdf'>;

/**
 * The total's percentiles and distribution table by the items' three points,
 * most recently used kept: the convolution is the costly part of an estimate
 * (about 0.15 ms for three items), and the same estimate is computed again and
 * again (validating a front matter, the tree's tooltip, the register's row, the
 * form). Names and roles do not change it, so they are not part of the key.
 */
const totalEffortCache = new Map<string, TotalEffort>();
const TOTAL_EFFORT_CACHE_SIZE = 4096;

function totalEffort(workItems: readonly ThreePoint[], meanDays: number): TotalEffort {
  const key = workItems.map((item) => `${item.optimistic},${item.mostLikely},${item.pessimistic}`).join(';');
  const cached = totalEffortCache.get(key);
  // Stryker disable next-line BlockStatement: moving a hit to the back only decides which entry the full cache drops first: speed, never a figure
  if (cached) {
    totalEffortCache.delete(key);
    totalEffortCache.set(key, cached);
    return cached;
  }
  const total = pertSum(workItems);
  // Certain items (O = M = P) give the mean itself, exactly.
  const at = (p: Percentile) => (total.spread ? total.quantile(PERCENTILE_PROBABILITY[p]) : meanDays);
  const computed: TotalEffort = { p50Days: at('p50'), p80Days: at('p80'), p90Days: at('p90'), ...(total.spread ? { cdf: cdfTable(total, CDF_TABLE_POINTS) } : {}) };
  totalEffortCache.set(key, computed);
  if (totalEffortCache.size > TOTAL_EFFORT_CACHE_SIZE) totalEffortCache.delete(totalEffortCache.keys().next().value!);
  return computed;
}

/** Computes effort, duration and price; the input must already be validated (see schema.ts). */
export function computeEstimate(input: EstimateInput): EstimateResult {
  return estimateFrom(input);
}

/**
 * The estimate with the effort at its ceiling, every percentile at the sum of
 * the pessimistic days (no percentile of the total can exceed it), without the
 * convolution. Every amount grows with the effort (the day rates are weighted
 * by the items' three points either way), so these amounts bound the real
 * ones from above: validation checks them first and computes the real
 * estimate only when one is too large.
 */
export function estimateCeiling(input: EstimateInput): EstimateResult {
  const high = input.workItems.reduce((sum, item) => sum + item.pessimistic, 0);
  return estimateFrom(input, { p50Days: high, p80Days: high, p90Days: high });
}

function estimateFrom(input: EstimateInput, given?: TotalEffort): EstimateResult {
  const { currency } = input;
  const items = input.workItems.map((item) => ({
    name: item.name,
    role: item.role,
    meanDays: pertMean(item),
    sigmaDays: pertSigma(item),
  }));
  const meanDays = items.reduce((sum, item) => sum + item.meanDays, 0);
  const sigmaDays = Math.sqrt(items.reduce((sum, item) => sum + item.sigmaDays ** 2, 0));
  const total = given ?? totalEffort(input.workItems, meanDays);
  const effort: EstimateResult['effort'] = {
    meanDays,
    sigmaDays,
    p50Days: total.p50Days,
    p80Days: total.p80Days,
    p90Days: total.p90Days,
    ...(total.cdf ? { cdf: { days: total.cdf.days.slice(), probability: total.cdf.probability.slice() } } : {}),
  };
  const pricedDays = roundUpToHalf(effort[`${input.priceAt}Days`]);

  // Object.hasOwn: a role named `constructor` must not find Object.prototype's
  const rateMinor = (role: string) => toMinor(Object.hasOwn(input.dayRates, role) ? input.dayRates[role] : 0, currency);
  // Weight each role's rate by its share of the mean effort; (O+4M+P) is 6× the mean and exact in floats.
  const weights = input.workItems.map((item) => item.optimistic + 4 * item.mostLikely + item.pessimistic);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const weightedRates = input.workItems.reduce((sum, item, i) => sum + weights[i] * rateMinor(item.role), 0);
  const blendedDayRateMinor = weightSum > 0 ? Math.round(weightedRates / weightSum) : 0;
  // The rate the figures show, times the priced days (a half-integer, so the product is exact): the line adds up.
  const effortCostMinor = Math.round(pricedDays * blendedDayRateMinor);

  const stepMinor = toMinor(input.roundFeesTo, currency);
  const contingencyMinor = percentOf(effortCostMinor, input.contingencyPercent);
  const marginMinor = percentOf(effortCostMinor + contingencyMinor, input.marginPercent);
  const subtotalMinor = effortCostMinor + contingencyMinor + marginMinor;
  const nreFeeMinor = roundUpToStep(subtotalMinor, stepMinor);

  const daysPerYear = input.releasesPerYear * input.testingDaysPerRelease;
  const recurringRateMinor = rateMinor(input.recurringRole);
  const costPerYearMinor = Math.round(daysPerYear * recurringRateMinor);
  const recurringMarginMinor = percentOf(costPerYearMinor, input.marginPercent);
  const feePerYearMinor = roundUpToStep(costPerYearMinor + recurringMarginMinor, stepMinor);
  const termFeeMinor = feePerYearMinor * input.supportYears;
  const termTotalMinor = nreFeeMinor + termFeeMinor;

  const taxLine = (exclusiveMinor: number, taxMinor = percentOf(exclusiveMinor, input.taxRatePercent)): TaxLine => ({
    exclusiveMinor,
    taxMinor,
    inclusiveMinor: exclusiveMinor + taxMinor,
  });
  const nreTax = taxLine(nreFeeMinor);
  const yearlyTax = taxLine(feePerYearMinor);

  return {
    currency,
    items,
    effort,
    priceAt: input.priceAt,
    pricedDays,
    calendar: {
      weeks: roundUpToHalf(pricedDays / (input.teamSize * input.focusFactor * 5)),
      teamSize: input.teamSize,
      focusFactor: input.focusFactor,
    },
    blendedDayRateMinor,
    nre: {
      effortCostMinor,
      contingencyPercent: input.contingencyPercent,
      contingencyMinor,
      marginPercent: input.marginPercent,
      marginMinor,
      subtotalMinor,
      feeMinor: nreFeeMinor,
    },
    recurring: {
      releasesPerYear: input.releasesPerYear,
      testingDaysPerRelease: input.testingDaysPerRelease,
      daysPerYear,
      dayRateMinor: recurringRateMinor,
      costPerYearMinor,
      marginMinor: recurringMarginMinor,
      feePerYearMinor,
      supportYears: input.supportYears,
      termFeeMinor,
    },
    termTotalMinor,
    tax:
      input.taxRatePercent > 0
        ? {
            ratePercent: input.taxRatePercent,
            nre: nreTax,
            yearly: yearlyTax,
            // the sum of the lines above, not the rate applied to the term again: no second rounding
            term: taxLine(termTotalMinor, nreTax.taxMinor + yearlyTax.taxMinor * input.supportYears),
          }
        : undefined,
    standard: { days: input.standard.days, feeMinor: toMinor(input.standard.fee, currency) },
    roundFeesToMinor: stepMinor,
  };
}
