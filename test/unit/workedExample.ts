import type { EstimateInput } from '../../src/core/estimate';

/**
 * The method's own example: "2 engineers, 3 weeks, plus 1 week of compatibility
 * testing for every future platform upgrade", priced at CNY 3,000.00 a person-day.
 * Shared by the estimate test and the template golden files.
 */
export const WORKED_EXAMPLE: EstimateInput = {
  currency: 'CNY',
  workItems: [
    // 2 engineers × 3 weeks × 5 days = 30 person-days; the method gives one figure, so O = M = P.
    { name: 'Push robot data to the customer platform', role: 'engineer', optimistic: 30, mostLikely: 30, pessimistic: 30 },
  ],
  teamSize: 2,
  focusFactor: 1,
  dayRates: { engineer: 3000 },
  priceAt: 'p80',
  releasesPerYear: 4,
  testingDaysPerRelease: 5,
  recurringRole: 'engineer',
  supportYears: 2,
  contingencyPercent: 10,
  marginPercent: 20,
  roundFeesTo: 1000,
  taxRatePercent: 6,
  standard: { days: 3, fee: 0 },
};
