/**
 * fast-check generators shared by the property tests (properties*.test.ts).
 * They produce only input the project's schemas accept (schema.ts bounds):
 * the properties are about what is accepted, not about refusals.
 * Every fc.assert runs with a fixed seed and a bounded number of runs, so CI
 * is deterministic and fast; a failure prints the seed and the counterexample.
 */
import fc from 'fast-check';
import { scaled } from '../support/mutationRun';
import type { SettledEstimate } from '../../src/core/settleEstimate';
import { estimateSchema } from '../../src/core/schema';

/** Fixed-seed, bounded runs: deterministic in CI (a share of them in a mutation run, test/support/mutationRun.ts). */
export const runs = (seed: number, numRuns = 200): fc.Parameters<unknown> => ({ seed, numRuns: scaled(numRuns, 10) });

/** Currencies with 0, 2, 3 and 4 decimals of minor unit. */
export const CURRENCIES = ['USD', 'EUR', 'CNY', 'JPY', 'KRW', 'KWD', 'BHD', 'CLF'] as const;

/** Text that has broken YAML, Markdown tables, headings, comments and generated blocks before. */
const TOKENS = [
  '---', '--- ', '...', '#', '# ', ':', ': ', ' #', '"', "'", '`', '```', '\n', '\r\n', '\r', '\n---\n', '\t', ' ',
  '<!--', '-->', '<!-- custom-request:links -->', '<!-- /custom-request:links -->',
  '<!-- custom-request:figures -->', '<!-- /custom-request:figures -->', '\n<!-- /custom-request:figures -->\n',
  '|', '\\', '\\|', '||', '{{', '}}', '{{request.title}}', '- ', '? ', '& ', '*a', '!!str ', '%YAML', '@', '[', ']', '{', '}', ',', '>', '> ',
  'null', 'true', 'no', '~', '0x1F', '1e3', '0o17', '.inf', '2026-11-25', '\u2028', '\u2029', '\u0085', '\uFEFF', '\u0000', '\u001b',
  'con', 'NUL', '..', '.', '/', '__proto__', 'constructor', '星河机器人', 'é', 'e\u0301', '👩‍👩‍👧', '\u200d',
];

/** Arbitrary text, mostly made of the troublesome tokens above and arbitrary code points. */
export const nastyText = (maxPieces = 12): fc.Arbitrary<string> =>
  fc
    .array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ unit: 'binary', maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 6 })), { maxLength: maxPieces })
    .map((pieces) => pieces.join(''));

/** Any text, from arbitrary code points (well-formed UTF-16) or the troublesome tokens. */
export const anyText: fc.Arbitrary<string> = fc.oneof(nastyText(), fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 120 }));

/** Text the schema's `text(max, min)` accepts: `min` to `max` characters after trimming. */
export const schemaText = (max: number, min = 0): fc.Arbitrary<string> =>
  nastyText().filter((value) => value.trim().length >= min && value.trim().length <= max);

/** Person-days: halves, and arbitrary doubles within the schema's 0–100,000. */
const days = fc.oneof(fc.integer({ min: 0, max: 400 }).map((n) => n / 2), fc.double({ min: 0, max: 2_000, noNaN: true }), fc.double({ min: 0, max: 100_000, noNaN: true }));
/** Major units with 0–4 decimals. */
const amount = fc.tuple(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 4 })).map(([n, decimals]) => n / 10 ** decimals);
/** Percentages with at most two decimals (whole basis points). */
const percent = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((bp) => bp / 100);

export interface EstimateOptions {
  /** roles to draw from; default a few plain ones and Object.prototype's names */
  roles?: fc.Arbitrary<string>;
  /** work item names */
  names?: fc.Arbitrary<string>;
  maxItems?: number;
}

/** The raw estimate as the form sends it; valid by the schema (too-large amounts are filtered out). */
export function rawEstimate(options: EstimateOptions = {}): fc.Arbitrary<Record<string, unknown>> {
  const roles = options.roles ?? fc.constantFrom('engineer', 'designer', 'qa', 'constructor', 'toString');
  const names = options.names ?? fc.constantFrom('Adapter', 'Tests', 'Docs');
  const item = fc.record({ name: names, role: roles, points: fc.tuple(days, days, days) }).map(({ name, role, points }) => {
    const [optimistic, mostLikely, pessimistic] = [...points].sort((a, b) => a - b);
    return { name, role, optimistic, mostLikely, pessimistic };
  });
  return fc
    .record({
      currency: fc.constantFrom(...CURRENCIES),
      workItems: fc.array(item, { maxLength: options.maxItems ?? 8 }),
      recurringRole: roles,
      rates: fc.array(amount, { minLength: 1, maxLength: 8 }),
      teamSize: fc.integer({ min: 1, max: 1000 }),
      focusFactor: fc.oneof(fc.constant(1), fc.double({ min: 0.05, max: 1, noNaN: true })),
      priceAt: fc.constantFrom('p50', 'p80', 'p90'),
      releasesPerYear: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.double({ min: 0, max: 365, noNaN: true })),
      testingDaysPerRelease: days,
      supportYears: fc.integer({ min: 0, max: 50 }),
      contingencyPercent: percent(1000),
      marginPercent: percent(1000),
      roundFeesTo: fc.oneof(fc.constant(0), amount),
      taxRatePercent: fc.oneof(fc.constant(0), percent(100)),
      standard: fc.record({ days, fee: amount }),
    })
    .map(({ rates, ...estimate }) => {
      const used = [...new Set([...estimate.workItems.map((item) => item.role), estimate.recurringRole])];
      // Object.fromEntries: `__proto__` or `constructor` become own keys, as the form would send them.
      const dayRates = Object.fromEntries(used.map((role, i) => [role, rates[i % rates.length]]));
      return { ...estimate, dayRates };
    })
    .filter((estimate) => estimateSchema.safeParse(estimate).success);
}

/** A valid estimate after the schema (defaults filled in; rounding and tax always given): what computeEstimate receives. */
export const validEstimate = (options?: EstimateOptions): fc.Arbitrary<SettledEstimate> => rawEstimate(options).map((raw) => estimateSchema.parse(raw) as SettledEstimate);
