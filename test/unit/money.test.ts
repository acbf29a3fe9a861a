import assert from 'node:assert/strict';
import { currencyExponent, formatMoney, formatWan, isCurrencyCode, percentOf, roundUpToStep, toMajor, toMinor } from '../../src/core/money';

describe('money', () => {
  it('knows ISO 4217 exponents', () => {
    assert.equal(currencyExponent('CNY'), 2);
    assert.equal(currencyExponent('usd'), 2);
    assert.equal(currencyExponent('EUR'), 2);
    assert.equal(currencyExponent('JPY'), 0);
    assert.equal(currencyExponent('KWD'), 3);
  });

  it('parses major units exactly into minor units', () => {
    assert.equal(toMinor(3000, 'CNY'), 300_000);
    assert.equal(toMinor('2499.99', 'USD'), 249_999);
    assert.equal(toMinor(0.1 + 0.2, 'USD'), 30); // 0.30000000000000004 rounds to 30 cents
    assert.equal(toMinor(1000, 'JPY'), 1000);
    assert.equal(toMinor('1000.5', 'JPY'), 1001); // half away from zero
    assert.equal(toMinor('-0.005', 'EUR'), -1);
    assert.equal(toMajor(249_999, 'USD'), 2499.99);
    assert.throws(() => toMinor('12abc', 'USD'), RangeError);
  });

  it('applies percentages once, rounding halves away from zero', () => {
    assert.equal(percentOf(12345, 10), 1235); // 1234.5 → 1235
    assert.equal(percentOf(100, 12.5), 13); // 12.5 → 13
    assert.equal(percentOf(26_300_000, 6), 1_578_000);
    assert.equal(percentOf(-12345, 10), -1235);
  });

  it('rounds fees up to a step', () => {
    assert.equal(roundUpToStep(11_880_000, 100_000), 11_900_000);
    assert.equal(roundUpToStep(11_900_000, 100_000), 11_900_000);
    assert.equal(roundUpToStep(123, 0), 123);
  });

  it('formats for locale and currency', () => {
    assert.equal(formatMoney(11_900_000, 'CNY', 'zh-cn'), '¥119,000.00');
    assert.equal(formatMoney(11_900_000, 'USD', 'en'), '$119,000.00');
    assert.equal(formatMoney(11_900_000, 'CNY', 'en'), 'CN¥119,000.00');
    assert.equal(formatMoney(1000, 'JPY', 'en'), '¥1,000');
    assert.equal(formatMoney(123456, 'EUR', 'en'), '€1,234.56');
  });

  it('shows 万 amounts for Chinese documents', () => {
    assert.equal(formatWan(11_900_000, 'CNY'), '11.9万元');
    assert.equal(formatWan(26_300_000, 'CNY'), '26.3万元');
    assert.equal(formatWan(100_000_000, 'USD'), '100万 USD');
  });

  it('recognises currency codes', () => {
    assert.ok(isCurrencyCode('CNY'));
    assert.ok(!isCurrencyCode('cny'));
    assert.ok(!isCurrencyCode('XX'));
  });

  it('reads a typed amount with spaces around it, and names what it cannot read', () => {
    assert.equal(toMinor(' 2499.99 ', 'USD'), 249_999);
    assert.throws(() => toMinor('12,5', 'USD'), { name: 'RangeError', message: 'not a decimal amount: 12,5' });
    assert.throws(() => toMinor(Number.NaN, 'USD'), { name: 'RangeError', message: 'not a finite amount' });
    assert.throws(() => toMinor(Number.POSITIVE_INFINITY, 'USD'), { name: 'RangeError', message: 'not a finite amount' });
  });

  it('reads numbers JavaScript writes in exponent notation', () => {
    // String(1e-7) is "1e-7": read through toFixed(20), 0.0000001 dollars round to 0 cents, 5e-7 CLF (4 decimals) to 0.
    assert.equal(toMinor(1e-7, 'USD'), 0);
    assert.equal(toMinor(5e-7, 'CLF'), 0);
    assert.equal(toMinor(-2.5e-7, 'USD'), 0);
    // Whole numbers from 1e21 up stay in exponent notation and are refused, not misread.
    assert.throws(() => toMinor(1e21, 'JPY'), { name: 'RangeError', message: 'not a decimal amount: 1e+21' });
  });

  it('writes 万 amounts with two decimals at most and grouped digits', () => {
    // 1,234,567,891,234 fen = 12,345,678,912.34 yuan = 1,234,567.891234 万.
    assert.equal(formatWan(1_234_567_891_234, 'CNY'), '1,234,567.89万元');
    assert.equal(formatWan(11_900_000, 'CNY'), '11.9万元');
    assert.equal(formatWan(11_900_000, 'usd'), '11.9万 USD');
  });
});
