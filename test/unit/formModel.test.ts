/**
 * The estimate form's model (src/webview/formModel.ts), in Node: drafts from
 * estimates (and from anything a hand-edited file may hold), number parsing,
 * validation messages per field in both languages, and role rates.
 * Expected values are written by hand.
 */
import assert from 'node:assert/strict';
import type { Draft } from '../../src/webview/formModel';
import { addWorkItem, draftFromEstimate, parseNumber, setDraftField, validateDraft, withRoleRates } from '../../src/webview/formModel';
import type { FormDefaults } from '../../src/webview/protocol';
import { WORKED_EXAMPLE } from './workedExample';

const DEFAULTS: FormDefaults = { currency: 'CNY', dayRate: 800, roundFeesTo: 100, taxRatePercent: 6 };
const REQUIRED = 'Required.';

/** The worked example as the form shows it. */
function workedDraft(): Draft {
  return {
    currency: 'CNY',
    workItems: [{ name: 'Push robot data to the customer platform', role: 'engineer', optimistic: '30', mostLikely: '30', pessimistic: '30' }],
    teamSize: '2',
    focusFactor: '1',
    dayRates: [{ role: 'engineer', rate: '3000' }],
    priceAt: 'p80',
    releasesPerYear: '4',
    testingDaysPerRelease: '5',
    recurringRole: 'engineer',
    supportYears: '2',
    contingencyPercent: '10',
    marginPercent: '20',
    roundFeesTo: '1000',
    taxRatePercent: '6',
    standardDays: '3',
    standardFee: '0',
  };
}

describe('form model', () => {
  describe('draftFromEstimate', () => {
    it('shows a full estimate as text', () => {
      assert.deepEqual(draftFromEstimate(WORKED_EXAMPLE, DEFAULTS), workedDraft());
    });

    it('starts from the settings’ defaults and one empty work item when there is no estimate', () => {
      assert.deepEqual(draftFromEstimate(undefined, DEFAULTS), {
        ...workedDraft(),
        workItems: [{ name: '', role: 'engineer', optimistic: '', mostLikely: '', pessimistic: '' }],
        focusFactor: '0.8',
        dayRates: [{ role: 'engineer', rate: '800' }],
        roundFeesTo: '100',
      });
    });

    it('copes with junk from a hand-edited file', () => {
      const junk = {
        currency: 12,
        workItems: [null, 'text', 7, { name: 5, role: ['x'], optimistic: '3', mostLikely: Number.NaN, pessimistic: { a: 1 } }],
        teamSize: '3',
        focusFactor: [1],
        dayRates: [100, 200],
        priceAt: 'p99',
        releasesPerYear: Infinity,
        recurringRole: { role: 'tester' },
        standard: 'none',
        extra: { nested: true },
      };
      assert.deepEqual(draftFromEstimate(junk, DEFAULTS), {
        currency: '12',
        workItems: [
          { name: '', role: '', optimistic: '', mostLikely: '', pessimistic: '' },
          { name: '', role: '', optimistic: '', mostLikely: '', pessimistic: '' },
          { name: '', role: '', optimistic: '', mostLikely: '', pessimistic: '' },
          { name: '5', role: '', optimistic: '3', mostLikely: '', pessimistic: '' },
        ],
        teamSize: '3',
        focusFactor: '0.8',
        // no rates in the file; the recurring role (the default, engineer) gets the default rate
        dayRates: [{ role: 'engineer', rate: '800' }],
        priceAt: 'p80',
        releasesPerYear: '4',
        testingDaysPerRelease: '5',
        recurringRole: 'engineer',
        supportYears: '2',
        contingencyPercent: '10',
        marginPercent: '20',
        // left out of the file: the settings' values, as the quote and the register price it
        roundFeesTo: '100',
        taxRatePercent: '6',
        standardDays: '3',
        standardFee: '0',
      });
    });

    it("takes the settings' rounding step and tax rate only where the estimate leaves them out; a written 0 stays 0", () => {
      const { roundFeesTo, taxRatePercent, ...rest } = WORKED_EXAMPLE;
      assert.deepEqual([roundFeesTo, taxRatePercent], [1000, 6]);
      const absent = draftFromEstimate(rest, DEFAULTS);
      assert.deepEqual([absent.roundFeesTo, absent.taxRatePercent], ['100', '6']);
      const absentTaxed = draftFromEstimate(rest, { ...DEFAULTS, taxRatePercent: 13, roundFeesTo: 1000 });
      assert.deepEqual([absentTaxed.roundFeesTo, absentTaxed.taxRatePercent], ['1000', '13']);
      const zero = draftFromEstimate({ ...rest, roundFeesTo: 0, taxRatePercent: 0 }, { ...DEFAULTS, taxRatePercent: 13, roundFeesTo: 1000 });
      assert.deepEqual([zero.roundFeesTo, zero.taxRatePercent], ['0', '0']);
    });

    it('never throws, whatever the estimate is', () => {
      const values: unknown[] = [null, 0, 1, '', 'estimate', true, [], [1, 2], {}, { workItems: {} }, { workItems: 'x' }, { dayRates: 'x' }, { dayRates: { a: [] } }, { standard: [] }];
      values.push(Object.create(null) as object, JSON.parse('{"__proto__": {"polluted": 1}, "workItems": [{"__proto__": 1}]}') as object);
      for (const value of values) {
        const draft = draftFromEstimate(value, DEFAULTS);
        assert.equal(typeof draft.currency, 'string');
        assert.ok(Array.isArray(draft.workItems) && Array.isArray(draft.dayRates));
      }
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
    });

    it('keeps rates given as text and adds missing roles', () => {
      const draft = draftFromEstimate({ currency: 'USD', workItems: [{ name: 'a', role: 'designer', optimistic: 1, mostLikely: 2, pessimistic: 3 }], dayRates: { engineer: '1,000' } }, DEFAULTS);
      assert.deepEqual(draft.dayRates, [
        { role: 'engineer', rate: '1,000' },
        { role: 'designer', rate: '800' },
      ]);
    });
  });

  describe('parseNumber', () => {
    it('reads numbers as people type them', () => {
      assert.equal(parseNumber('1,200.5'), 1200.5);
      assert.equal(parseNumber('１２'), 12);
      assert.equal(parseNumber('１２．５'), 12.5);
      assert.equal(parseNumber(' 7 '), 7);
      assert.equal(parseNumber('1e3'), 1000);
      assert.equal(parseNumber('-3'), -3);
      assert.equal(parseNumber('.5'), 0.5);
      assert.equal(parseNumber('1_000'), 1000);
    });

    it('leaves text that is no number as it is', () => {
      assert.equal(parseNumber('abc'), 'abc');
      assert.equal(parseNumber(''), '');
      assert.equal(parseNumber('1.2.3'), '1.2.3');
      assert.equal(parseNumber('12abc'), '12abc');
      assert.equal(parseNumber('Infinity'), 'Infinity');
      assert.equal(parseNumber('0x10'), '0x10');
    });
  });

  describe('validateDraft', () => {
    it('puts the three-point order message on the most-likely box, in English and Chinese', () => {
      const draft = workedDraft();
      draft.workItems[0] = { ...draft.workItems[0], optimistic: '12', mostLikely: '11', pessimistic: '10' };
      const en = validateDraft(draft, 'en', REQUIRED);
      assert.equal(en.estimate, undefined);
      assert.deepEqual([...en.errors], [['workItems.0.mostLikely', 'must satisfy optimistic ≤ most likely ≤ pessimistic']]);
      const zh = validateDraft(draft, 'zh-cn', '必填。');
      assert.deepEqual([...zh.errors], [['workItems.0.mostLikely', '应满足：乐观 ≤ 最可能 ≤ 悲观']]);
    });

    it('says "required" for empty boxes', () => {
      const draft = workedDraft();
      draft.workItems[0] = { name: ' ', role: 'engineer', optimistic: '', mostLikely: '2', pessimistic: '' };
      draft.teamSize = '';
      draft.currency = '';
      const { errors, estimate } = validateDraft(draft, 'en', REQUIRED);
      assert.equal(estimate, undefined);
      assert.equal(errors.get('workItems.0.name'), REQUIRED);
      assert.equal(errors.get('workItems.0.optimistic'), REQUIRED);
      assert.equal(errors.get('workItems.0.pessimistic'), REQUIRED);
      assert.equal(errors.get('teamSize'), REQUIRED);
      assert.equal(errors.get('currency'), REQUIRED);
      assert.equal(errors.has('workItems.0.mostLikely'), false);
      assert.equal(errors.has('workItems.0.role'), false);
    });

    it('flags a role without a rate on its rate row, or on the rates when the row is missing', () => {
      const draft = workedDraft();
      draft.dayRates[0].rate = '';
      assert.deepEqual([...validateDraft(draft, 'en', REQUIRED).errors], [['dayRates.0.rate', REQUIRED]]);

      const noRow = workedDraft();
      noRow.workItems.push({ name: 'Screens', role: 'designer', optimistic: '1', mostLikely: '2', pessimistic: '3' });
      assert.deepEqual([...validateDraft(noRow, 'en', REQUIRED).errors], [['dayRates', 'has no day rate for the role "designer"']]);
      assert.deepEqual([...validateDraft(noRow, 'zh-cn', REQUIRED).errors], [['dayRates', '缺少角色“designer”的人天单价']]);
    });

    it('bounds the numbers', () => {
      const draft = workedDraft();
      draft.workItems[0] = { ...draft.workItems[0], optimistic: '-1' };
      draft.teamSize = '0';
      draft.focusFactor = '1.5';
      draft.contingencyPercent = 'ten';
      draft.supportYears = '2.5';
      const en = validateDraft(draft, 'en', REQUIRED).errors;
      assert.equal(en.get('workItems.0.optimistic'), 'must be at least 0');
      assert.equal(en.get('teamSize'), 'must be at least 1');
      assert.equal(en.get('focusFactor'), 'must be at most 1');
      assert.equal(en.get('contingencyPercent'), 'must be a number, found text "ten"');
      assert.equal(en.get('supportYears'), 'must be a whole number, found 2.5');
      const zh = validateDraft(draft, 'zh-cn', REQUIRED).errors;
      assert.equal(zh.get('workItems.0.optimistic'), '应不小于 0');
      assert.equal(zh.get('teamSize'), '应不小于 1');
      assert.equal(zh.get('focusFactor'), '不能大于 1');

      const zero = workedDraft();
      zero.focusFactor = '0';
      assert.deepEqual([...validateDraft(zero, 'en', REQUIRED).errors], [['focusFactor', 'must be at least 0.05']]);
    });

    it('turns a valid draft into the estimate, numbers parsed and text tidied', () => {
      const draft = workedDraft();
      draft.currency = ' cny ';
      draft.dayRates = [
        { role: 'engineer', rate: '3,000' },
        { role: ' designer ', rate: '２５００' },
      ];
      draft.workItems.push({ name: '  Screens  ', role: 'designer', optimistic: '1.5', mostLikely: '2', pessimistic: '4' });
      draft.priceAt = 'p90';
      draft.standardFee = '12,000';
      const { estimate, errors } = validateDraft(draft, 'en', REQUIRED);
      assert.deepEqual([...errors], []);
      assert.deepEqual(estimate, {
        ...WORKED_EXAMPLE,
        workItems: [...WORKED_EXAMPLE.workItems, { name: 'Screens', role: 'designer', optimistic: 1.5, mostLikely: 2, pessimistic: 4 }],
        dayRates: { engineer: 3000, designer: 2500 },
        priceAt: 'p90',
        standard: { days: 3, fee: 12000 },
      });
    });
  });

  describe('withRoleRates', () => {
    it('adds a row at the default rate for each new role and keeps the existing rows', () => {
      const draft = workedDraft();
      draft.dayRates = [{ role: 'engineer', rate: '3,100' }];
      draft.workItems.push(
        { name: 'b', role: 'designer', optimistic: '', mostLikely: '', pessimistic: '' },
        { name: 'c', role: ' designer ', optimistic: '', mostLikely: '', pessimistic: '' },
        { name: 'd', role: 'pm', optimistic: '', mostLikely: '', pessimistic: '' },
      );
      draft.recurringRole = 'tester';
      const next = withRoleRates(draft, 950);
      assert.deepEqual(next.dayRates, [
        { role: 'engineer', rate: '3,100' },
        { role: 'designer', rate: '950' },
        { role: 'pm', rate: '950' },
        { role: 'tester', rate: '950' },
      ]);
      assert.deepEqual(draft.dayRates, [{ role: 'engineer', rate: '3,100' }], 'the original draft is untouched');
    });

    it('leaves the draft as it is when every role has a rate, and skips the recurring role without recurring work', () => {
      const draft = workedDraft();
      assert.equal(withRoleRates(draft, 950), draft);
      draft.recurringRole = 'tester';
      draft.releasesPerYear = '0';
      assert.equal(withRoleRates(draft, 950), draft);
    });
  });

  describe('setDraftField and addWorkItem', () => {
    it('writes each input into the draft and says when the day-rate rows may change', () => {
      const draft = workedDraft();
      assert.equal(setDraftField(draft, 'workItems.0.name', 'Connector'), false);
      assert.equal(setDraftField(draft, 'workItems.0.role', 'tester'), true);
      assert.equal(setDraftField(draft, 'dayRates.0.rate', '3100'), false);
      assert.equal(setDraftField(draft, 'marginPercent', '25'), false);
      assert.equal(setDraftField(draft, 'currency', 'EUR'), true);
      assert.equal(setDraftField(draft, 'recurringRole', 'tester'), true);
      assert.equal(setDraftField(draft, 'priceAt', 'p90'), false);
      assert.deepEqual(draft, {
        ...workedDraft(),
        workItems: [{ name: 'Connector', role: 'tester', optimistic: '30', mostLikely: '30', pessimistic: '30' }],
        dayRates: [{ role: 'engineer', rate: '3100' }],
        marginPercent: '25',
        currency: 'EUR',
        recurringRole: 'tester',
        priceAt: 'p90',
      });
    });

    it('ignores fields it does not know, and takes an unknown percentile as P80', () => {
      const draft = workedDraft();
      for (const field of ['workItems.7.name', 'workItems.0.__proto__', 'dayRates.9.rate', 'constructor', 'workItems', '']) setDraftField(draft, field, 'x');
      setDraftField(draft, 'priceAt', 'p99');
      assert.deepEqual(draft, workedDraft());
    });

    it('adds an empty work item in the role of the last one', () => {
      const draft = workedDraft();
      addWorkItem(draft);
      assert.deepEqual(draft.workItems[1], { name: '', role: 'engineer', optimistic: '', mostLikely: '', pessimistic: '' });
    });
  });
});
