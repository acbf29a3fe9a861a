import assert from 'node:assert/strict';
import { describeIssues } from '../../src/core/fieldMessages';
import { assessmentFrontMatterSchema, estimateSchema, generateQuoteArgsSchema, isIsoDate, newAssessmentArgsSchema, settingsSchema } from '../../src/core/schema';
import { WORKED_EXAMPLE } from './workedExample';

describe('schemas', () => {
  it('accepts the worked example and fills defaults for a minimal estimate', () => {
    assert.ok(estimateSchema.safeParse(WORKED_EXAMPLE).success);
    const minimal = estimateSchema.parse({
      currency: 'USD',
      workItems: [{ name: 'Adapter', role: 'engineer', optimistic: 5, mostLikely: 8, pessimistic: 13 }],
      dayRates: { engineer: 800 },
    });
    assert.equal(minimal.teamSize, 2);
    assert.equal(minimal.focusFactor, 0.8);
    assert.equal(minimal.priceAt, 'p80');
    assert.deepEqual(minimal.standard, { days: 3, fee: 0 });
  });

  it('names the field and says what is wrong, in English and Chinese', () => {
    const result = estimateSchema.safeParse({
      currency: 'usd',
      workItems: [{ name: 'Adapter', role: 'engineer', optimistic: 9, mostLikely: 8, pessimistic: 13 }],
      dayRates: {},
      teamSize: 0,
    });
    assert.ok(!result.success);
    const en = describeIssues(result.error, 'en', ['estimate']).map((p) => p.message);
    const zh = describeIssues(result.error, 'zh-cn', ['estimate']).map((p) => p.message);
    assert.ok(en.includes('Field "estimate.currency" (currency) must be a three-letter ISO 4217 code such as CNY, USD or EUR'), en.join('\n'));
    assert.ok(en.includes('Field "estimate.workItems[0].mostLikely" (most likely person-days) must satisfy optimistic ≤ most likely ≤ pessimistic'), en.join('\n'));
    assert.ok(en.includes('Field "estimate.teamSize" (team size) must be at least 1'), en.join('\n'));
    assert.ok(zh.includes('字段“estimate.teamSize”（团队人数）应不小于 1'), zh.join('\n'));
  });

  it('requires a day rate for every role in use', () => {
    const result = estimateSchema.safeParse({ ...WORKED_EXAMPLE, dayRates: { qa: 500 } });
    assert.ok(!result.success);
    const messages = describeIssues(result.error, 'en').map((p) => p.message);
    assert.deepEqual(messages, ['Field "dayRates.engineer" (day rates) has no day rate for the role "engineer"']);
  });

  it('says when a required field is missing', () => {
    const result = assessmentFrontMatterSchema.safeParse({ kind: 'custom-request-assessment', schemaVersion: 1, id: 'x', title: 't', language: 'en', created: '2026-11-25' });
    assert.ok(!result.success);
    assert.deepEqual(describeIssues(result.error, 'en').map((p) => p.message), ['Field "customer" (customer) is missing']);
    assert.deepEqual(describeIssues(result.error, 'zh-cn').map((p) => p.message), ['字段“customer”（客户）缺少此项']);
  });

  it('checks dates and enums', () => {
    const result = assessmentFrontMatterSchema.safeParse({
      kind: 'custom-request-assessment', schemaVersion: 1, id: 'x', customer: 'c', title: 't', language: 'fr', created: '25/11/2026', status: 'maybe',
    });
    assert.ok(!result.success);
    const messages = describeIssues(result.error, 'en').map((p) => p.message);
    assert.ok(messages.includes('Field "language" (document language) must be one of: en, zh-cn'), messages.join('\n'));
    assert.ok(messages.includes('Field "created" (created date) must be a real date from 1900 to 2999, written YYYY-MM-DD'), messages.join('\n'));
    assert.ok(messages.some((m) => m.startsWith('Field "status" (status) must be one of: draft, estimated')), messages.join('\n'));
  });

  it('defaults every setting and rejects bad ones', () => {
    const defaults = settingsSchema.parse({});
    assert.equal(defaults.assessmentFolder, 'docs/custom-requests');
    assert.equal(defaults.templatesFolder, '.vscode/custom-request/templates');
    assert.equal(defaults.currency, 'USD');
    assert.ok(!settingsSchema.shape.currency.safeParse('dollars').success);
    assert.ok(!settingsSchema.shape.quoteValidityDays.safeParse(0).success);
  });

  it('validates command arguments objects', () => {
    assert.ok(newAssessmentArgsSchema.safeParse({ customer: 'Acme', dealSize: { amount: 5, currency: 'EUR' }, language: 'zh-cn', today: '2026-11-25' }).success);
    assert.ok(newAssessmentArgsSchema.safeParse({}).success);
    const bad = newAssessmentArgsSchema.safeParse({ today: 'tomorrow', open: 'yes' });
    assert.ok(!bad.success);
    assert.deepEqual(describeIssues(bad.error, 'en').map((p) => p.field).sort(), ['open', 'today']);
    assert.ok(generateQuoteArgsSchema.safeParse({ assessment: { scheme: 'file', path: '/x' } }).success, 'a Uri passes through');
  });
});

describe('isIsoDate', () => {
  it('takes real Gregorian dates from 1900 to 2999 written YYYY-MM-DD, and nothing else', () => {
    for (const date of ['2000-02-29', '2024-02-29', '2026-12-31', '2026-04-30', '1900-01-01', '2999-12-31', '2026-01-31', '2026-11-30']) assert.equal(isIsoDate(date), true, date);
    for (const date of ['1900-02-29', '2100-02-29', '2023-02-29', '2026-02-30', '2026-04-31', '2026-06-31', '2026-09-31', '2026-11-31', '2026-13-01', '2026-00-10', '2026-01-00', '2026-01-32', '1899-12-31', '3000-01-01', '2026-1-05', '2026-01-05T00:00', ' 2026-01-05']) {
      assert.equal(isIsoDate(date), false, date);
    }
  });
});
