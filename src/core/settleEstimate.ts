/**
 * The estimate as stored may leave out the fee rounding step and the tax
 * rate: the settings `customRequest.roundFeesTo` and `customRequest.taxRatePercent`
 * then supply them, as the form does. Every path that turns a front matter's
 * estimate into numbers (the quote, the figures block, the ADR, the register,
 * the tree's tooltip, saving the form) settles it first, so they all show the
 * same figures. A value written in the front matter, 0 included, always wins.
 */
import type { EstimateInput } from './estimate';
import { DeskError } from './errors';
import { problemsMessage } from './fieldMessages';
import type { EstimateData, Settings } from './schema';
import { estimateSchema } from './schema';

/** What the settings supply for an estimate that leaves them out. */
export type EstimateDefaults = Pick<Settings, 'roundFeesTo' | 'taxRatePercent'>;

/** An estimate with every value set: what computeEstimate takes. */
export type SettledEstimate = EstimateData & EstimateInput;

/**
 * The estimate with the settings' rounding step and tax rate where it has
 * none. Throws when those settings make an amount too large to compute
 * exactly (the schema checked the estimate without them).
 */
export function settleEstimate(estimate: EstimateData, defaults: EstimateDefaults): SettledEstimate {
  const settled = { ...estimate, roundFeesTo: estimate.roundFeesTo ?? defaults.roundFeesTo, taxRatePercent: estimate.taxRatePercent ?? defaults.taxRatePercent };
  const filled = (estimate.roundFeesTo === undefined && settled.roundFeesTo > 0) || (estimate.taxRatePercent === undefined && settled.taxRatePercent > 0);
  if (filled) {
    const checked = estimateSchema.safeParse(settled);
    if (!checked.success) {
      throw new DeskError(
        'invalid-input',
        problemsMessage(
          checked.error,
          {
            en: 'With the settings customRequest.roundFeesTo and customRequest.taxRatePercent, the estimate has a problem',
            'zh-cn': '按设置 customRequest.roundFeesTo 和 customRequest.taxRatePercent 计算，估算有问题',
          },
          ['estimate'],
        ),
      );
    }
  }
  return settled;
}
