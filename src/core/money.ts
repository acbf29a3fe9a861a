/**
 * Money in integer minor units of an ISO 4217 currency.
 *
 * Rounding rule (the only one): a computed amount is rounded to the nearest
 * minor unit, halves away from zero, once, where it is computed. Percentages
 * are applied to minor-unit integers through basis points with exact BigInt
 * arithmetic, so no binary floating point touches an amount. An optional
 * "round up to a step" applies to quoted fees only.
 */
import { currencyExponent } from './currencies';
import type { Lang } from './lang';
import { intlLocale } from './lang';
import { numberFormat } from './intlCache';

export { currencyExponent, isCurrencyCode } from './currencies';

/**
 * The largest amount an estimate may compute, in minor units (10^13, e.g. USD 100 billion):
 * far enough below 2^53 that every product, sum and tax line stays an exact integer.
 * The estimate schema refuses inputs whose amounts would go beyond it.
 */
export const MAX_AMOUNT_MINOR = 10 ** 13;

/** Divides a BigInt by a positive one (a power of ten here), rounding halves away from zero. */
function roundDiv(numerator: bigint, denominator: bigint): bigint {
  // Stryker disable next-line EqualityOperator: at 0n either side gives 0n (-0n is 0n)
  const negative = numerator < 0n;
  const q = ((negative ? -numerator : numerator) * 2n + denominator) / (2n * denominator);
  return negative ? -q : q;
}

function toSafeNumber(value: bigint): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError('amount too large');
  return n;
}

/**
 * Converts an amount in major units (as a user types it: 3000, 2499.99) to
 * minor units. The decimal text is parsed digit by digit, so 0.1 + 0.2 style
 * float errors cannot creep in; extra decimals round by the rule above.
 */
export function toMinor(major: number | string, currency: string): number {
  const text = typeof major === 'number' ? numberToPlainString(major) : major.trim();
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new RangeError(`not a decimal amount: ${text}`);
  const [, sign, whole, fraction = ''] = match;
  const exponent = currencyExponent(currency);
  const scale = 10n ** BigInt(fraction.length);
  const exact = BigInt(whole + fraction) * 10n ** BigInt(exponent);
  const minor = roundDiv(exact, scale);
  return toSafeNumber(sign === '-' ? -minor : minor);
}

/** Minor units back to a major-unit number (for saving user inputs as typed). */
export function toMajor(minor: number, currency: string): number {
  return minor / 10 ** currencyExponent(currency);
}

function numberToPlainString(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError('not a finite amount');
  // toString gives exponent notation for very small/large numbers; toFixed(20) is exact enough for typed inputs
  // (its trailing zeros change nothing; from 1e21 up it gives exponent notation too, which toMinor refuses).
  const s = String(value);
  return /e/i.test(s) ? value.toFixed(20) : s;
}

/** Basis points (1/100 of a percent) from a percentage such as 6 or 12.5. */
export function percentToBasisPoints(percent: number): number {
  return Math.round(percent * 100);
}

/** `minor × percent / 100`, rounded once by the rule. */
export function percentOf(minor: number, percent: number): number {
  return toSafeNumber(roundDiv(BigInt(minor) * BigInt(percentToBasisPoints(percent)), 10000n));
}

/** Rounds a fee up to the next multiple of `stepMinor` (0 or less: unchanged). */
export function roundUpToStep(minor: number, stepMinor: number): number {
  if (stepMinor <= 0) return minor;
  return Math.ceil(minor / stepMinor) * stepMinor;
}

/** Formats minor units for the language's locale, e.g. "¥119,000.00" or "$119,000.00". */
export function formatMoney(minor: number, currency: string, lang: Lang): string {
  const exponent = currencyExponent(currency);
  return numberFormat(intlLocale(lang), {
    style: 'currency',
    currency,
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  }).format(toMajor(minor, currency));
}

/**
 * Chinese 万 (ten thousand) amounts, e.g. 11.9万元 for CNY 119,000; up to two
 * decimals, trailing zeros dropped. For other currencies the code follows: 11.9万 USD.
 */
export function formatWan(minor: number, currency: string): string {
  const major = toMajor(minor, currency);
  const wan = numberFormat('zh-CN', { maximumFractionDigits: 2, useGrouping: true }).format(major / 10000);
  return currency.toUpperCase() === 'CNY' ? `${wan}万元` : `${wan}万 ${currency.toUpperCase()}`;
}

/** A plain number (days, weeks) for the language, with at most `digits` decimals. */
export function formatNumber(value: number, lang: Lang, digits = 1): string {
  return numberFormat(intlLocale(lang), { maximumFractionDigits: digits }).format(value);
}
