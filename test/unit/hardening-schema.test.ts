/**
 * Hardening of the schemas and their messages (issue 8, items 9, 10 and 12):
 * object-prototype names, wrong types said as such, and nonsense refused
 * before it reaches a customer. Expected values by hand.
 */
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { parseCommandArgs } from '../../src/commandArgs';
import { DeskError } from '../../src/core/errors';
import type { EstimateInput } from '../../src/core/estimate';
import { nextQuoteNumber, formatQuoteNumber, parseQuoteNumber, quoteNumberFromFileName } from '../../src/core/quote';
import { describeIssues, issueText } from '../../src/core/fieldMessages';
import { estimateSchema, generateQuoteArgsSchema, newAssessmentArgsSchema } from '../../src/core/schema';
import { validateDraft } from '../../src/webview/formModel';
import type { Draft } from '../../src/webview/formModel';
import { WORKED_EXAMPLE } from './workedExample';

function estimate(changes: Partial<Record<keyof EstimateInput, unknown>>): Record<string, unknown> {
  return { ...WORKED_EXAMPLE, ...changes };
}

function messages(input: unknown, lang: 'en' | 'zh-cn' = 'en'): string[] {
  const result = estimateSchema.safeParse(input, { reportInput: true });
  return result.success ? [] : describeIssues(result.error, lang, ['estimate']).map((p) => p.message);
}

describe('hardening: schemas', () => {
  describe('object-prototype names (item 9)', () => {
    for (const role of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      it(`reports the role "${role}" without a day rate as missing its rate`, () => {
        const input = estimate({ workItems: [{ name: 'x', role, optimistic: 1, mostLikely: 2, pessimistic: 3 }], releasesPerYear: 0 });
        assert.deepEqual(messages(input), [`Field "estimate.dayRates.${role}" (day rates) has no day rate for the role "${role}"`]);
        assert.deepEqual(messages(estimate({ recurringRole: role })), [`Field "estimate.dayRates.${role}" (day rates) has no day rate for the role "${role}"`]);
      });
    }

    it('reads a rate given for such a role', () => {
      const input = estimate({ workItems: [{ name: 'x', role: 'constructor', optimistic: 1, mostLikely: 2, pessimistic: 3 }], dayRates: { engineer: 800, constructor: 500 } });
      assert.deepEqual(messages(input), []);
    });

    it('flags the rate in the form too', () => {
      const draft: Draft = {
        currency: 'CNY',
        workItems: [{ name: 'x', role: 'toString', optimistic: '1', mostLikely: '2', pessimistic: '3' }],
        teamSize: '2', focusFactor: '1', dayRates: [{ role: 'engineer', rate: '3000' }], priceAt: 'p80',
        releasesPerYear: '0', testingDaysPerRelease: '5', recurringRole: 'engineer', supportYears: '2',
        contingencyPercent: '10', marginPercent: '20', roundFeesTo: '0', taxRatePercent: '0', standardDays: '3', standardFee: '0',
      };
      assert.deepEqual([...validateDraft(draft, 'en', 'Required.').errors], [['dayRates', 'has no day rate for the role "toString"']]);
    });
  });

  describe('wrong type reported as such (item 10)', () => {
    const yaml = parse('optimistic: "1"\nteamSize: 1.5\nnan: .nan\nunderscore: 1_000\n');
    it('says what was expected and what was found, in both languages', () => {
      const input = estimate({
        workItems: [{ name: 'x', role: 'engineer', optimistic: yaml.optimistic, mostLikely: 2, pessimistic: yaml.nan }],
        teamSize: yaml.teamSize,
        supportYears: yaml.underscore,
        focusFactor: true,
      });
      assert.deepEqual(messages(input), [
        'Field "estimate.workItems[0].optimistic" (optimistic person-days) must be a number, found text "1"',
        'Field "estimate.workItems[0].pessimistic" (pessimistic person-days) must be a number, found NaN (not a number)',
        'Field "estimate.teamSize" (team size) must be a whole number, found 1.5',
        'Field "estimate.focusFactor" (focus factor) must be a number, found true',
        'Field "estimate.supportYears" (support term in years) must be a number, found text "1_000"',
      ]);
      assert.deepEqual(messages(input, 'zh-cn'), [
        '字段“estimate.workItems[0].optimistic”（乐观人天）应为数字，实为文本“1”',
        '字段“estimate.workItems[0].pessimistic”（悲观人天）应为数字，实为 NaN（非数字）',
        '字段“estimate.teamSize”（团队人数）应为整数，实为 1.5',
        '字段“estimate.focusFactor”（专注系数）应为数字，实为 true',
        '字段“estimate.supportYears”（支持年限）应为数字，实为文本“1_000”',
      ]);
    });

    it('still says "is missing" for a missing field, and shortens long text', () => {
      const result = estimateSchema.safeParse({ currency: 'USD', workItems: [{ name: 'x', role: 'engineer', mostLikely: 'a'.repeat(500), pessimistic: null }], dayRates: {} }, { reportInput: true });
      assert.ok(!result.success);
      const texts = result.error.issues.map((issue) => issueText(issue, 'en'));
      assert.ok(texts.includes('is missing'), texts.join('\n'));
      assert.ok(texts.includes(`must be a number, found text "${'a'.repeat(40)}…"`), texts.join('\n'));
      assert.ok(texts.includes('must be a number, found an empty value (null)'), texts.join('\n'));
    });

    it('reports wrong types in command arguments', () => {
      assert.throws(
        () => parseCommandArgs(generateQuoteArgsSchema, { open: 'yes' }, 'customRequest.generateQuote'),
        (error: unknown) => error instanceof DeskError && /Field "open" \(open in an editor\) must be true or false, found text "yes"/.test(error.text.en),
      );
    });
  });

  describe('nonsense refused (item 12)', () => {
    it('bounds the focus factor so the duration stays finite', () => {
      assert.deepEqual(messages(estimate({ focusFactor: 5e-324 })), ['Field "estimate.focusFactor" (focus factor) must be at least 0.05']);
      assert.deepEqual(messages(estimate({ focusFactor: 0.05 })), []);
    });

    it('accepts only real calendar dates from 1900 to 2999', () => {
      for (const today of ['2026-02-30', '0000-01-01', '2026-13-01', '2026-00-10', '1899-12-31', '3000-01-01', '2025-02-29', '2026-1-01']) {
        const result = newAssessmentArgsSchema.safeParse({ today });
        assert.ok(!result.success, today);
        assert.deepEqual(describeIssues(result.error, 'en').map((p) => p.message), ['Field "today" (date) must be a real date from 1900 to 2999, written YYYY-MM-DD'], today);
      }
      for (const today of ['2024-02-29', '1900-01-01', '2999-12-31', '2026-04-30']) assert.ok(newAssessmentArgsSchema.safeParse({ today }).success, today);
    });

    it('ignores quote numbers with absurd sequences', () => {
      assert.equal(quoteNumberFromFileName('quote-Q-2026-99999999999999999999-x.md'), undefined);
      assert.equal(parseQuoteNumber('Q-2026-1234567'), undefined);
      assert.equal(parseQuoteNumber('Q-2026-001-R99999999999999'), undefined);
      assert.deepEqual(parseQuoteNumber('Q-2026-999999'), { year: 2026, sequence: 999_999, revision: 1 });
      assert.equal(formatQuoteNumber(nextQuoteNumber([], ['Q-2026-004', 'Q-2026-99999999999999999999'], 2026)), 'Q-2026-005');
    });
  });
});
