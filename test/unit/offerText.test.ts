import assert from 'node:assert/strict';
import { offerText, spokenWan } from '../../src/core/offerText';
import type { QuoteFile } from '../../src/core/quoteFile';

/** The golden quote's figures (the method's worked example, test/unit/workedExample.ts): CNY, 2 years, 6 % tax. */
const WORKED: QuoteFile = {
  kind: 'custom-request-quote',
  number: 'Q-2026-003',
  customer: '星河物流',
  title: '把机器人数据推送到客户自有平台',
  issueDate: '2026-11-25',
  validUntil: '2026-12-25',
  currency: 'CNY',
  // NRE ¥119,000.00 = 11.9 万; yearly ¥72,000.00 = 7.2 万; 2 years: ¥119,000 + ¥144,000 = ¥263,000.00 = 26.3 万;
  // with 6 % tax ¥278,780.00 = 27.878 万 → 27.88 万 (two decimals).
  nreFeeMinor: 11_900_000,
  yearlyFeeMinor: 7_200_000,
  supportYears: 2,
  termTotalMinor: 26_300_000,
  taxRatePercent: 6,
  termTotalInclTaxMinor: 27_878_000,
};

/** The English e2e quote (test/e2e/scenarios.ts): USD, 3 years, no tax. NRE $31,500.00; $15,000.00 a year; total $76,500.00. */
const NORTHWIND: QuoteFile = {
  kind: 'custom-request-quote',
  number: 'Q-2026-001',
  customer: 'Northwind Logistics',
  title: 'Push robot telemetry to their own data platform',
  issueDate: '2026-11-25',
  validUntil: '2026-12-25',
  currency: 'USD',
  nreFeeMinor: 3_150_000,
  yearlyFeeMinor: 1_500_000,
  supportYears: 3,
  termTotalMinor: 7_650_000,
};

describe('offer text', () => {
  it('writes the English offer with the exact amounts, the quote number and its validity', () => {
    assert.equal(
      offerText(NORTHWIND, 'en', { standardDays: 3, standardFeeMinor: 0 }),
      'Through our standard open platform you can be connected in about 3 days, at no separate charge, and the connection keeps working with every platform release. ' +
        'If you need the custom solution instead, we deliver it as a dedicated service package: a one-time custom development fee of $31,500.00, plus a yearly compatibility service fee of $15,000.00, which covers adapting and retesting it for each platform release. ' +
        'Over the 3-year term that is $76,500.00 in total; the details are in quote Q-2026-001, valid until December 25, 2026.',
    );
  });

  it('writes the Chinese offer in 万 amounts with full-width punctuation and the tax-inclusive total', () => {
    assert.equal(
      offerText(WORKED, 'zh-cn', { standardDays: 3, standardFeeMinor: 0 }),
      '通过我司标准开放平台对接，约 3 天即可接通，不另收费，并随每次平台升级保持兼容。' +
        '如贵司需要定制方案，我司以专属服务包的形式交付：定制开发费（一次性）11.9 万元；年度兼容性服务费每年 7.2 万元，负责每个平台版本的适配与复测。' +
        '按 2 年服务期计，合计 26.3 万元（不含税；按 6% 税率，价税合计 27.88 万元），详见报价单 Q-2026-003，有效期至 2026年12月25日。',
    );
  });

  it('names the tax in English when the quote has it', () => {
    // $31,500.00 × 1.0825… is not needed: the quote records the tax-inclusive total, here $82,741.39 (commands.spec.ts).
    const text = offerText({ ...NORTHWIND, taxRatePercent: 8.25, termTotalInclTaxMinor: 8_274_139 }, 'en', { standardDays: 3 });
    assert.ok(text.includes('that is $76,500.00 in total, excluding tax ($82,741.39 with 8.25% tax); the details'), text);
  });

  it('leaves out the yearly fee and the term when there is no recurring service, and states a standard fee', () => {
    const text = offerText({ ...WORKED, yearlyFeeMinor: 0, supportYears: 0, termTotalMinor: 11_900_000, taxRatePercent: undefined, termTotalInclTaxMinor: undefined }, 'zh-cn', {
      standardDays: 0.5,
      standardFeeMinor: 500_000,
    });
    assert.equal(
      text,
      '通过我司标准开放平台对接，约 0.5 天即可接通，一次性费用 0.5 万元，并随每次平台升级保持兼容。' +
        '如贵司需要定制方案，我司以专属服务包的形式交付：定制开发费（一次性）11.9 万元。' +
        '合计 11.9 万元，详见报价单 Q-2026-003，有效期至 2026年12月25日。',
    );
  });

  it('has no ASCII punctuation next to a Chinese character in the Chinese offer', () => {
    const text = offerText(WORKED, 'zh-cn', { standardDays: 3 });
    const han = /\p{Script=Han}/u;
    const chars = [...text];
    chars.forEach((c, i) => {
      if (!',:;()?!'.includes(c)) return;
      assert.ok(!han.test(chars[i - 1] ?? '') && !han.test(chars[i + 1] ?? ''), `ASCII "${c}" next to Chinese at ${i}: ${text}`);
    });
  });

  it('says 万 amounts as spoken, with the currency after 万', () => {
    assert.equal(spokenWan(11_900_000, 'CNY'), '11.9 万元');
    assert.equal(spokenWan(27_878_000, 'CNY'), '27.88 万元');
    assert.equal(spokenWan(3_150_000, 'USD'), '3.15 万美元');
    // ¥1,372,800 (JPY has no minor unit) = 137.28 万
    assert.equal(spokenWan(1_372_800, 'JPY'), '137.28 万日元');
    assert.equal(spokenWan(1_000_000, 'CHF'), '1 万 CHF');
  });
});
