/**
 * The form's model, free of the DOM so it runs in Node tests too: the draft
 * (what the inputs hold, as typed), its conversion from and to the estimate
 * saved in the front matter, and validation with the same zod schema the
 * commands use, as one short message per field in the UI language.
 */
import type { EstimateInput, Percentile } from '../core/estimate';
import { DEFAULT_ESTIMATE } from '../core/estimate';
import type { Lang } from '../core/lang';
import type { EstimateData } from '../core/schema';
import { issueText } from '../core/fieldMessages';
import { estimateSchema } from '../core/schema';
import type { FormDefaults } from './protocol';

export interface DraftItem {
  name: string;
  role: string;
  optimistic: string;
  mostLikely: string;
  pessimistic: string;
}

export interface DraftRate {
  role: string;
  rate: string;
}

/** Every input of the form, as text the user typed. */
export interface Draft {
  currency: string;
  workItems: DraftItem[];
  teamSize: string;
  focusFactor: string;
  dayRates: DraftRate[];
  priceAt: Percentile;
  releasesPerYear: string;
  testingDaysPerRelease: string;
  recurringRole: string;
  supportYears: string;
  contingencyPercent: string;
  marginPercent: string;
  roundFeesTo: string;
  taxRatePercent: string;
  standardDays: string;
  standardFee: string;
}

/** Scalar fields of the draft that hold numbers, in form order. */
export const NUMBER_FIELDS = [
  'teamSize',
  'focusFactor',
  'releasesPerYear',
  'testingDaysPerRelease',
  'supportYears',
  'contingencyPercent',
  'marginPercent',
  'roundFeesTo',
  'taxRatePercent',
  'standardDays',
  'standardFee',
] as const;
export type NumberField = (typeof NUMBER_FIELDS)[number];

const record = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
const asText = (value: unknown, fallback: string | number): string =>
  typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : String(fallback);

/** A draft for an estimate as found in the front matter (anything: it may be hand-edited and wrong), or a fresh one. */
export function draftFromEstimate(estimate: unknown, defaults: FormDefaults): Draft {
  const e = record(estimate);
  const standard = record(e.standard);
  const items = Array.isArray(e.workItems) ? e.workItems.map(record) : [];
  const rates = Object.entries(record(e.dayRates));
  const priceAt = e.priceAt === 'p50' || e.priceAt === 'p80' || e.priceAt === 'p90' ? e.priceAt : DEFAULT_ESTIMATE.priceAt;
  const draft: Draft = {
    currency: asText(e.currency, defaults.currency),
    workItems: items.map((item) => ({
      name: asText(item.name, ''),
      role: asText(item.role, ''),
      optimistic: asText(item.optimistic, ''),
      mostLikely: asText(item.mostLikely, ''),
      pessimistic: asText(item.pessimistic, ''),
    })),
    teamSize: asText(e.teamSize, DEFAULT_ESTIMATE.teamSize),
    focusFactor: asText(e.focusFactor, DEFAULT_ESTIMATE.focusFactor),
    dayRates: rates.length > 0 ? rates.map(([role, rate]) => ({ role, rate: asText(rate, '') })) : [],
    priceAt,
    releasesPerYear: asText(e.releasesPerYear, DEFAULT_ESTIMATE.releasesPerYear),
    testingDaysPerRelease: asText(e.testingDaysPerRelease, DEFAULT_ESTIMATE.testingDaysPerRelease),
    recurringRole: asText(e.recurringRole, DEFAULT_ESTIMATE.recurringRole),
    supportYears: asText(e.supportYears, DEFAULT_ESTIMATE.supportYears),
    contingencyPercent: asText(e.contingencyPercent, DEFAULT_ESTIMATE.contingencyPercent),
    marginPercent: asText(e.marginPercent, DEFAULT_ESTIMATE.marginPercent),
    // left out of the front matter: the settings' values, as the quote and the register price it (see settleEstimate)
    roundFeesTo: asText(e.roundFeesTo, defaults.roundFeesTo),
    taxRatePercent: asText(e.taxRatePercent, defaults.taxRatePercent),
    standardDays: asText(standard.days, DEFAULT_ESTIMATE.standard.days),
    standardFee: asText(standard.fee, DEFAULT_ESTIMATE.standard.fee),
  };
  if (estimate === undefined) draft.workItems.push({ name: '', role: DEFAULT_ESTIMATE.recurringRole, optimistic: '', mostLikely: '', pessimistic: '' });
  return withRoleRates(draft, defaults.dayRate);
}

/** The roles the estimate needs a day rate for: each work item's, and the recurring role when there is recurring work. */
export function rolesInUse(draft: Draft): string[] {
  const roles = draft.workItems.map((item) => item.role.trim()).filter(Boolean);
  if (Number(draft.releasesPerYear) * Number(draft.testingDaysPerRelease) > 0 && draft.recurringRole.trim()) roles.push(draft.recurringRole.trim());
  return [...new Set(roles)];
}

/** Adds a day-rate row, at the default rate, for every role in use that has none. */
export function withRoleRates(draft: Draft, defaultRate: number): Draft {
  const have = new Set(draft.dayRates.map((r) => r.role.trim()));
  const missing = rolesInUse(draft).filter((role) => !have.has(role));
  if (missing.length === 0) return draft;
  return { ...draft, dayRates: [...draft.dayRates, ...missing.map((role) => ({ role, rate: String(defaultRate) }))] };
}

/** Typed text as a number when it is one ("1,200.5" and full-width digits included); otherwise the text, for the schema to reject. */
export function parseNumber(text: string): number | string {
  const clean = text
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[\uFF0E\u3002]/g, '.')
    .replace(/[,\s_\uFF0C]/g, '');
  // `\d+\.?\d*` let `\d+` and `\d*` share a run of digits (O(n²) tries on a long one that fails);
  // with the second run behind a required `.`, every digit has one place: linear, same language.
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(clean)) return text;
  return Number(clean);
}

/** The estimate object the draft stands for, before validation (numbers parsed, text trimmed). */
export function estimateFromDraft(draft: Draft): Record<string, unknown> {
  const n = (text: string) => parseNumber(text);
  // null prototype: a role named `__proto__` is an entry, not the object's prototype
  const dayRates: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const row of draft.dayRates) if (row.role.trim()) dayRates[row.role.trim()] = n(row.rate);
  return {
    currency: draft.currency.trim().toUpperCase(),
    workItems: draft.workItems.map((item) => ({
      name: item.name,
      role: item.role,
      optimistic: n(item.optimistic),
      mostLikely: n(item.mostLikely),
      pessimistic: n(item.pessimistic),
    })),
    teamSize: n(draft.teamSize),
    focusFactor: n(draft.focusFactor),
    dayRates,
    priceAt: draft.priceAt,
    releasesPerYear: n(draft.releasesPerYear),
    testingDaysPerRelease: n(draft.testingDaysPerRelease),
    recurringRole: draft.recurringRole,
    supportYears: n(draft.supportYears),
    contingencyPercent: n(draft.contingencyPercent),
    marginPercent: n(draft.marginPercent),
    roundFeesTo: n(draft.roundFeesTo),
    taxRatePercent: n(draft.taxRatePercent),
    standard: { days: n(draft.standardDays), fee: n(draft.standardFee) },
  };
}

export interface Validation {
  /** the validated estimate, when every field is right */
  estimate?: EstimateData & EstimateInput;
  /** one message per input, keyed by the input's field id (see `fieldId`) */
  errors: Map<string, string>;
}

/** The id of the input a schema path points at: `workItems.0.name`, `dayRates.1.rate`, `standardDays`. */
export function fieldId(path: readonly PropertyKey[], draft: Draft): string {
  const [head, second, third] = path;
  if (head === 'dayRates') {
    const row = draft.dayRates.findIndex((r) => r.role.trim() === String(second));
    return row >= 0 ? `dayRates.${row}.rate` : 'dayRates';
  }
  if (head === 'standard') return second === 'fee' ? 'standardFee' : 'standardDays';
  if (head === 'workItems' && typeof second === 'number') return third === undefined ? `workItems.${second}.name` : `workItems.${second}.${String(third)}`;
  return String(head ?? '');
}

/** Validates the draft; messages name no field (they sit next to it) and follow `lang`. */
export function validateDraft(draft: Draft, lang: Lang, required: string): Validation {
  const errors = new Map<string, string>();
  const raw = estimateFromDraft(draft);
  // An empty box says "required" rather than "must be a number".
  const empty = (id: string, text: string) => {
    if (text.trim() === '' && !errors.has(id)) errors.set(id, required);
  };
  draft.workItems.forEach((item, i) => {
    empty(`workItems.${i}.name`, item.name);
    empty(`workItems.${i}.role`, item.role);
    for (const key of ['optimistic', 'mostLikely', 'pessimistic'] as const) empty(`workItems.${i}.${key}`, item[key]);
  });
  draft.dayRates.forEach((row, i) => empty(`dayRates.${i}.rate`, row.rate));
  for (const key of NUMBER_FIELDS) empty(key, draft[key]);
  empty('currency', draft.currency);
  // reportInput: issueText tells a wrong value ("must be a number") from a missing one by the issue's input.
  const result = estimateSchema.safeParse(raw, { reportInput: true });
  if (!result.success) {
    for (const issue of result.error.issues) {
      const id = fieldId(issue.path, draft);
      if (!errors.has(id)) errors.set(id, issueText(issue, lang));
    }
  }
  if (errors.size > 0 || !result.success) return { errors };
  return { estimate: result.data as EstimateData & EstimateInput, errors };
}

/**
 * Writes one input's value (by its field id, see `fieldId`) into the draft;
 * true when the day-rate rows may need to change (a role, the recurring work, the currency).
 */
export function setDraftField(draft: Draft, field: string, value: string): boolean {
  const [head, index, key] = field.split('.');
  if (head === 'workItems') {
    const item = draft.workItems[Number(index)];
    if (!item || !Object.hasOwn(item, key)) return false;
    item[key as keyof DraftItem] = value;
    return key === 'role';
  }
  if (head === 'dayRates') {
    const row = draft.dayRates[Number(index)];
    if (row) row.rate = value;
    return false;
  }
  if (field === 'priceAt') draft.priceAt = value === 'p50' || value === 'p90' ? value : 'p80';
  else if (field === 'currency' || field === 'recurringRole' || (NUMBER_FIELDS as readonly string[]).includes(field)) draft[field as NumberField | 'currency' | 'recurringRole'] = value;
  return field === 'recurringRole' || field === 'releasesPerYear' || field === 'testingDaysPerRelease' || field === 'currency';
}

/** Adds an empty work item, in the role of the last one. */
export function addWorkItem(draft: Draft): void {
  draft.workItems.push({ name: '', role: draft.workItems.at(-1)?.role ?? draft.recurringRole, optimistic: '', mostLikely: '', pessimistic: '' });
}

/** Equal drafts: the form compares against what was loaded to know it is dirty. */
export function sameDraft(a: Draft, b: Draft): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
