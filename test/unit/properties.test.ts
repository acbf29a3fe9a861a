/**
 * Property-based tests (issue 8, "Also deliver") for the pure core: money,
 * the PERT estimate, slugs and paths. Generators (propertyArbitraries.ts) make
 * only input the schemas accept; each fc.assert has a fixed seed and a bounded
 * number of runs, so CI is deterministic. The documents' properties are in
 * properties-documents.test.ts.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { assessmentFolderName } from '../../src/core/assessment';
import { currencyExponent } from '../../src/core/currencies';
import type { EstimateResult } from '../../src/core/estimate';
import { computeEstimate, estimateCeiling } from '../../src/core/estimate';
import { LANGS } from '../../src/core/lang';
import { formatMoney, MAX_AMOUNT_MINOR, percentOf, roundUpToStep, toMajor, toMinor } from '../../src/core/money';
import { basename, dirname, isInside, joinPath } from '../../src/core/paths';
import { estimateSchema, quoteRecordSchema } from '../../src/core/schema';
import { isSafeSegment, MAX_SLUG_LENGTH, slugify } from '../../src/core/slug';
import { anyText, CURRENCIES, runs, validEstimate } from './propertyArbitraries';

const minorAmount = fc.bigInt({ min: -BigInt(MAX_AMOUNT_MINOR), max: BigInt(MAX_AMOUNT_MINOR) }).map(Number);
const percent = fc.integer({ min: 0, max: 100_000 }).map((bp) => bp / 100);

/** Every amount of a result, by name (the comparison with the standard path may be negative, so it is not here). */
function amounts(r: EstimateResult): Record<string, number> {
  const tax = r.tax ? Object.fromEntries(Object.entries(r.tax).flatMap(([line, v]) => (typeof v === 'object' ? Object.entries(v).map(([k, n]) => [`tax.${line}.${k}`, n]) : []))) : {};
  return {
    ...Object.fromEntries(Object.entries(r.nre).filter(([k]) => k.endsWith('Minor')).map(([k, v]) => [`nre.${k}`, v])),
    ...Object.fromEntries(Object.entries(r.recurring).filter(([k]) => k.endsWith('Minor')).map(([k, v]) => [`recurring.${k}`, v])),
    termTotalMinor: r.termTotalMinor,
    standardFeeMinor: r.standard.feeMinor,
    roundFeesToMinor: r.roundFeesToMinor,
    blendedDayRateMinor: r.blendedDayRateMinor,
    ...tax,
  };
}

describe('properties: money', () => {
  it('parts sum to their totals after rounding, for any valid estimate', () => {
    fc.assert(
      fc.property(validEstimate(), (input) => {
        const r = computeEstimate(input);
        const step = r.roundFeesToMinor;
        assert.equal(r.nre.effortCostMinor, Math.round(r.pricedDays * r.blendedDayRateMinor), 'effort cost = priced days × the blended rate shown');
        assert.equal(r.nre.effortCostMinor + r.nre.contingencyMinor + r.nre.marginMinor, r.nre.subtotalMinor);
        assert.equal(r.nre.contingencyMinor, percentOf(r.nre.effortCostMinor, input.contingencyPercent));
        assert.equal(r.nre.marginMinor, percentOf(r.nre.effortCostMinor + r.nre.contingencyMinor, input.marginPercent));
        assert.equal(r.nre.feeMinor, roundUpToStep(r.nre.subtotalMinor, step));
        assert.equal(r.recurring.feePerYearMinor, roundUpToStep(r.recurring.costPerYearMinor + r.recurring.marginMinor, step));
        for (const [fee, base] of [[r.nre.feeMinor, r.nre.subtotalMinor], [r.recurring.feePerYearMinor, r.recurring.costPerYearMinor + r.recurring.marginMinor]]) {
          assert.ok(fee >= base && (step > 0 ? fee % step === 0 && fee - base < step : fee === base), `fee ${fee} from ${base}, step ${step}`);
        }
        assert.equal(r.recurring.termFeeMinor, r.recurring.feePerYearMinor * r.recurring.supportYears);
        assert.equal(r.termTotalMinor, r.nre.feeMinor + r.recurring.termFeeMinor);
        assert.equal(r.tax !== undefined, input.taxRatePercent > 0);
        if (r.tax) {
          assert.deepEqual([r.tax.nre.exclusiveMinor, r.tax.yearly.exclusiveMinor, r.tax.term.exclusiveMinor], [r.nre.feeMinor, r.recurring.feePerYearMinor, r.termTotalMinor]);
          for (const line of [r.tax.nre, r.tax.yearly, r.tax.term]) assert.equal(line.exclusiveMinor + line.taxMinor, line.inclusiveMinor);
          // Each fee's tax is rounded once, on its own line; the term's tax is the sum of those lines, never rounded again.
          for (const line of [r.tax.nre, r.tax.yearly]) assert.equal(line.taxMinor, percentOf(line.exclusiveMinor, input.taxRatePercent));
          const years = r.recurring.supportYears;
          assert.equal(r.tax.term.taxMinor, r.tax.nre.taxMinor + r.tax.yearly.taxMinor * years, 'term tax = NRE tax + each year\'s tax');
          assert.equal(r.tax.term.inclusiveMinor, r.tax.nre.inclusiveMinor + r.tax.yearly.inclusiveMinor * years, 'term total incl. tax = sum of its lines');
        }
        for (const [name, value] of Object.entries(amounts(r))) {
          assert.ok(Number.isSafeInteger(value) && value >= 0 && value <= MAX_AMOUNT_MINOR, `${name} = ${value}`);
        }
      }),
      runs(20261101),
    );
  });

  it("formatMoney's text gives back the same minor amount, for each exponent and language", () => {
    fc.assert(
      fc.property(minorAmount, fc.constantFrom(...CURRENCIES), fc.constantFrom(...LANGS), (minor, currency, lang) => {
        const text = formatMoney(minor, currency, lang);
        const exponent = currencyExponent(currency);
        const negative = /[-\u2212]/.test(text);
        assert.equal(negative, minor < 0, text);
        const digits = text.replace(/[^0-9]/g, '');
        assert.equal(Number(digits) * (negative ? -1 : 1), minor, `${text} for ${minor} ${currency}`);
        // exactly `exponent` decimals after the last separator
        const fraction = /[.,](\d+)\D*$/.exec(text)?.[1];
        if (exponent > 0) assert.equal(fraction?.length, exponent, text);
      }),
      runs(20261102),
    );
  });

  it('toMinor undoes toMajor for every amount within the bound', () => {
    fc.assert(
      fc.property(minorAmount, fc.constantFrom(...CURRENCIES), (minor, currency) => {
        assert.equal(toMinor(toMajor(minor, currency), currency), minor);
        assert.equal(toMinor(String(toMajor(minor, currency)), currency), minor);
      }),
      runs(20261103),
    );
  });

  it('percentOf is monotonic in the amount (and in the percentage for amounts ≥ 0)', () => {
    fc.assert(
      fc.property(minorAmount, minorAmount, percent, percent, (a, b, p, q) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        assert.ok(percentOf(low, p) <= percentOf(high, p), `${low} ≤ ${high} at ${p}%`);
        const [pl, ph] = p <= q ? [p, q] : [q, p];
        assert.ok(percentOf(Math.abs(a), pl) <= percentOf(Math.abs(a), ph), `${Math.abs(a)} at ${pl}% ≤ ${ph}%`);
      }),
      runs(20261104),
    );
  });

  it('roundUpToStep gives the smallest multiple of the step not below the amount', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: BigInt(MAX_AMOUNT_MINOR) }).map(Number), fc.bigInt({ min: 1n, max: BigInt(MAX_AMOUNT_MINOR) }).map(Number), (minor, step) => {
        const rounded = roundUpToStep(minor, step);
        assert.ok(rounded >= minor && rounded % step === 0 && rounded - minor < step, `${minor} step ${step} → ${rounded}`);
      }),
      runs(20261105),
    );
  });
});

describe('properties: estimate', () => {
  it("raising any item's pessimistic value never lowers P50/P80/P90 nor the priced days", () => {
    const withItems = validEstimate().filter((e) => e.workItems.length > 0);
    fc.assert(
      fc.property(withItems, fc.nat(), fc.double({ min: 0, max: 100_000, noNaN: true }), (input, at, raise) => {
        const i = at % input.workItems.length;
        const raised = { ...input, workItems: input.workItems.map((item, j) => (j === i ? { ...item, pessimistic: item.pessimistic + raise } : item)) };
        const before = computeEstimate(input);
        const after = computeEstimate(raised);
        for (const key of ['p50Days', 'p80Days', 'p90Days', 'meanDays', 'sigmaDays'] as const) {
          assert.ok(after.effort[key] >= before.effort[key], `${key}: ${before.effort[key]} → ${after.effort[key]}`);
        }
        for (const priceAt of ['p50', 'p80', 'p90'] as const) {
          assert.ok(computeEstimate({ ...raised, priceAt }).pricedDays >= computeEstimate({ ...input, priceAt }).pricedDays, priceAt);
        }
      }),
      runs(20261106),
    );
  });

  it('the ceiling estimate (effort at the sum of the pessimistic days) bounds every amount from above', () => {
    fc.assert(
      fc.property(validEstimate(), (input) => {
        const real = computeEstimate(input);
        const ceiling = estimateCeiling(input);
        const amounts = (r: EstimateResult) => ({
          effortCost: r.nre.effortCostMinor,
          contingency: r.nre.contingencyMinor,
          margin: r.nre.marginMinor,
          subtotal: r.nre.subtotalMinor,
          nre: r.nre.feeMinor,
          yearly: r.recurring.feePerYearMinor,
          term: r.termTotalMinor,
          nreInclTax: r.tax?.nre.inclusiveMinor ?? 0,
          termInclTax: r.tax?.term.inclusiveMinor ?? 0,
        });
        const [low, high] = [amounts(real), amounts(ceiling)];
        for (const key of Object.keys(low) as (keyof typeof low)[]) assert.ok(high[key] >= low[key], `${key}: ${low[key]} > ceiling ${high[key]}`);
      }),
      runs(20261126),
    );
  });

  it('O = M = P for every item gives σ = 0 and P50 = P80 = P90 = mean', () => {
    const certain = validEstimate().map((e) => ({ ...e, workItems: e.workItems.map((item) => ({ ...item, optimistic: item.mostLikely, pessimistic: item.mostLikely })) }));
    fc.assert(
      fc.property(certain, (input) => {
        const { effort } = computeEstimate(input);
        assert.equal(effort.sigmaDays, 0);
        assert.equal(effort.p50Days, effort.meanDays);
        assert.equal(effort.p80Days, effort.meanDays);
        assert.equal(effort.p90Days, effort.meanDays);
        const sum = input.workItems.reduce((s, item) => s + item.mostLikely, 0);
        assert.ok(Math.abs(effort.meanDays - sum) <= 1e-9 * Math.max(1, sum), `${effort.meanDays} vs ${sum}`);
      }),
      runs(20261107),
    );
  });

  it("results always pass the project's own schemas", () => {
    fc.assert(
      fc.property(validEstimate(), (input) => {
        const r = computeEstimate(input);
        // the schema's output is accepted again, unchanged, and computes the same result
        assert.deepEqual(estimateSchema.parse(input), input);
        assert.deepEqual(computeEstimate(estimateSchema.parse(input) as typeof input), r);
        const record = { number: 'Q-2026-001', revision: 1, path: 'docs/quote.md', date: '2026-11-25', nreMinor: r.nre.feeMinor, currency: r.currency };
        const parsed = quoteRecordSchema.safeParse(record);
        assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
        for (const value of [r.pricedDays, r.calendar.weeks, r.effort.meanDays, r.effort.sigmaDays]) assert.ok(Number.isFinite(value) && value >= 0);
        assert.equal(r.pricedDays * 2, Math.round(r.pricedDays * 2), 'priced days are whole halves');
        assert.ok(r.pricedDays >= r.effort[`${input.priceAt}Days`] - 1e-9);
      }),
      runs(20261108),
    );
  });
});

/** The folder-name rules, written independently of slug.ts. */
function assertSafeName(name: string, from: unknown): void {
  const why = `${JSON.stringify(name)} from ${JSON.stringify(from)}`;
  assert.ok(name.length > 0, why);
  assert.ok(Array.from(name).length <= MAX_SLUG_LENGTH, why);
  assert.ok(!/[/\\]/.test(name) && !name.includes('..') && name !== '.', why);
  assert.ok(!/[\p{Cc}<>:"|?*]/u.test(name), why);
  assert.ok(!/[. ]$/.test(name), why);
  assert.ok(!/^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\..*)?$/i.test(name), why);
  assert.ok(isSafeSegment(name), why);
}

describe('properties: slugs and paths', () => {
  it('slugify gives a non-empty, safe name for any Unicode string', () => {
    fc.assert(
      fc.property(anyText, anyText, (text, fallback) => {
        assertSafeName(slugify(text), text);
        assertSafeName(slugify(text, fallback), [text, fallback]);
      }),
      runs(20261109, 300),
    );
  });

  it('assessment folder names are safe and stay inside their parent folder', () => {
    const id = fc.stringMatching(/^[0-9a-z]{6}$/);
    const parent = fc.oneof(fc.constant('/ws/docs/custom-requests'), anyText.map((text) => `/${text}`));
    fc.assert(
      fc.property(anyText, anyText, id, parent, fc.integer({ min: 2, max: 99 }), (customer, title, assessmentId, parentPath, n) => {
        const name = assessmentFolderName({ created: '2026-11-25', customer, title, id: assessmentId });
        assertSafeName(name, [customer, title]);
        for (const folderName of [name, `${name}-${n}`]) {
          const folder = joinPath(parentPath, folderName);
          assert.ok(isInside(parentPath, folder), `${folder} inside ${parentPath}`);
          assert.notEqual(folder, joinPath(parentPath));
          assert.equal(basename(folder), folderName);
          assert.equal(dirname(folder), joinPath(parentPath));
        }
      }),
      runs(20261110, 300),
    );
  });
});
