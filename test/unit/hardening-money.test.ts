/**
 * Hardening of money (issue 8, items 6, 11 and 15): amounts stay exact and
 * within the project's own schemas, currencies follow the ISO 4217 table,
 * and percentages keep every digit they are given. Expected values by hand.
 */
import assert from 'node:assert/strict';
import { currencyExponent, isCurrencyCode } from '../../src/core/currencies';
import type { EstimateInput } from '../../src/core/estimate';
import { computeEstimate } from '../../src/core/estimate';
import { toMinor } from '../../src/core/money';
import { describeIssues } from '../../src/core/fieldMessages';
import { estimateSchema, quoteRecordSchema, settingsSchema } from '../../src/core/schema';
import { settleEstimate } from '../../src/core/settleEstimate';
import { WORKED_EXAMPLE } from './workedExample';

function estimate(changes: Partial<EstimateInput>): Record<string, unknown> {
  return { ...WORKED_EXAMPLE, ...changes };
}

function messages(input: unknown): string[] {
  const result = estimateSchema.safeParse(input, { reportInput: true });
  return result.success ? [] : describeIssues(result.error, 'en', ['estimate']).map((p) => p.message);
}

describe('hardening: money', () => {
  describe('amounts beyond 2^53 (item 6)', () => {
    const huge = [
      // rate 1e9 × 100,000 days: an NRE fee far beyond 2^53 minor units
      estimate({ dayRates: { engineer: 1e9 }, workItems: [{ name: 'x', role: 'engineer', optimistic: 100_000, mostLikely: 100_000, pessimistic: 100_000 }] }),
      // the yearly testing alone beyond 2^53
      estimate({ dayRates: { engineer: 1e11 }, releasesPerYear: 365, testingDaysPerRelease: 100_000 }),
      // a yearly fee that fits, times 50 support years, does not
      estimate({ dayRates: { engineer: 1e9 }, releasesPerYear: 365, testingDaysPerRelease: 1000, supportYears: 50, marginPercent: 1000 }),
      // many items, each within bounds
      estimate({
        dayRates: { engineer: 1e8 },
        workItems: Array.from({ length: 200 }, (_, i) => ({ name: `item ${i}`, role: 'engineer', optimistic: 90_000, mostLikely: 95_000, pessimistic: 100_000 })),
      }),
    ];

    it('refuses inputs whose amounts cannot be kept exactly, naming a field and never throwing', () => {
      for (const input of huge) {
        let found: string[] = [];
        assert.doesNotThrow(() => (found = messages(input)));
        assert.ok(found.length > 0, `accepted: ${JSON.stringify(input).slice(0, 200)}`);
        assert.ok(found.every((m) => /^Field "estimate\.[a-zA-Z]/.test(m)), found.join('\n'));
        assert.ok(!found.some((m) => /RangeError|amount too large/.test(m)), found.join('\n'));
      }
    });

    it('computes every accepted estimate exactly: parts sum to totals and results pass the schemas', () => {
      const accepted = [
        WORKED_EXAMPLE,
        { ...WORKED_EXAMPLE, dayRates: { engineer: 1e6 }, taxRatePercent: 13, supportYears: 50, releasesPerYear: 52, testingDaysPerRelease: 20 },
        { ...WORKED_EXAMPLE, currency: 'KWD', dayRates: { engineer: 123_456.789 }, roundFeesTo: 0 },
        { ...WORKED_EXAMPLE, currency: 'JPY', dayRates: { engineer: 99_999_999 } },
      ];
      for (const input of accepted) {
        const parsed = estimateSchema.safeParse(input);
        assert.ok(parsed.success, JSON.stringify(input));
        const r = computeEstimate(settleEstimate(parsed.data, settingsSchema.parse({})));
        const amounts = [r.nre.feeMinor, r.nre.subtotalMinor, r.recurring.feePerYearMinor, r.recurring.termFeeMinor, r.termTotalMinor, r.tax?.term.inclusiveMinor ?? 0];
        for (const amount of amounts) assert.ok(Number.isSafeInteger(amount), String(amount));
        assert.equal(BigInt(r.termTotalMinor), BigInt(r.nre.feeMinor) + BigInt(r.recurring.feePerYearMinor) * BigInt(r.recurring.supportYears));
        const record = quoteRecordSchema.safeParse({ number: 'Q-2026-001', revision: 1, path: 'q.md', date: '2026-01-02', nreMinor: r.nre.feeMinor, currency: r.currency });
        assert.ok(record.success);
      }
    });
  });

  describe('ISO 4217 (item 11)', () => {
    it('knows the minor units of real currencies, written by hand from the standard', () => {
      const expected: Record<string, number> = { LYD: 3, IQD: 3, KWD: 3, BHD: 3, XOF: 0, XAF: 0, PYG: 0, UGX: 0, JPY: 0, KRW: 0, CLF: 4, UYW: 4, CNY: 2, USD: 2, EUR: 2, GBP: 2, CHF: 2 };
      for (const [code, exponent] of Object.entries(expected)) assert.equal(currencyExponent(code), exponent, code);
      assert.equal(toMinor('1.234', 'LYD'), 1234);
      assert.equal(toMinor('1500', 'PYG'), 1500);
      assert.equal(toMinor('1.5', 'CLF'), 15_000);
    });

    it('refuses codes that are not active currencies, naming the field or the setting', () => {
      for (const code of ['XYZ', 'ABC', 'XXX', 'XTS', 'HRK', 'constructor', 'usd']) assert.equal(isCurrencyCode(code), false, code);
      for (const code of ['CNY', 'USD', 'EUR', 'JPY', 'CLF', 'XOF']) assert.equal(isCurrencyCode(code), true, code);
      assert.deepEqual(messages(estimate({ currency: 'XYZ' })), ['Field "estimate.currency" (currency) must be a three-letter ISO 4217 code such as CNY, USD or EUR']);
      const setting = settingsSchema.shape.currency.safeParse('XYZ');
      assert.ok(!setting.success);
      assert.match(describeIssues(setting.error, 'en', ['customRequest.currency'])[0].message, /^Field "customRequest\.currency" must be a three-letter ISO 4217 code/);
    });
  });

  describe('percentages (item 15)', () => {
    it('refuses more precision than the two decimals kept, naming the field', () => {
      assert.deepEqual(messages(estimate({ taxRatePercent: 0.005 })), ['Field "estimate.taxRatePercent" (tax rate %) must have at most 2 decimals']);
      assert.deepEqual(messages(estimate({ marginPercent: 12.345 })), ['Field "estimate.marginPercent" (margin %) must have at most 2 decimals']);
      assert.deepEqual(messages(estimate({ contingencyPercent: 1e-7 })), ['Field "estimate.contingencyPercent" (contingency %) must have at most 2 decimals']);
      const zh = estimateSchema.safeParse(estimate({ taxRatePercent: 0.005 }));
      assert.ok(!zh.success);
      assert.deepEqual(describeIssues(zh.error, 'zh-cn').map((p) => p.message), ['字段“taxRatePercent”（税率 %）最多保留 2 位小数']);
      assert.ok(!settingsSchema.shape.taxRatePercent.safeParse(6.125).success);
      for (const ok of [0, 6, 12.5, 13.07, 0.01, 99.99, 0.07, 1.1, 33.33]) assert.deepEqual(messages(estimate({ taxRatePercent: ok, marginPercent: ok })), [], String(ok));
    });
  });
});
