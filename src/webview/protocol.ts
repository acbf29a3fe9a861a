/**
 * The estimate form's messages, shared by the extension (src/views) and the
 * webview (src/webview): one name and one zod schema per message. Both sides
 * parse every incoming message; an unknown or malformed one is logged and
 * dropped. The webview says `ready` before the extension posts anything.
 * Estimates travel as `unknown`: the receiving side validates them with the
 * estimate schema, which also names the field that is wrong.
 */
import * as z from 'zod/mini';
import { LANGS } from '../core/lang';

const text = (max: number) => z.string().check(z.maxLength(max));
const key = text(4000);

/** The form's UI strings, filled in by the extension in the UI language (src/views/formStrings.ts). */
export const FORM_STRING_KEYS = [
  'assessment',
  'welcome',
  'newAssessment',
  'openFile',
  'capabilities',
  'noCapabilities',
  'editCapabilities',
  'saveEstimate',
  'generateQuote',
  'results',
  'workItems',
  'workItemsHint',
  'itemLegend',
  'itemName',
  'itemRole',
  'optimistic',
  'mostLikely',
  'pessimistic',
  'moveUp',
  'moveDown',
  'removeItem',
  'remove',
  'addItem',
  'team',
  'teamSize',
  'focusFactor',
  'focusFactorHint',
  'dayRates',
  'rateFor',
  'removeRate',
  'noRoles',
  'recurring',
  'releasesPerYear',
  'testingDaysPerRelease',
  'recurringRole',
  'supportYears',
  'pricing',
  'currency',
  'currencyHint',
  'priceAt',
  'p50',
  'p80',
  'p90',
  'contingencyPercent',
  'marginPercent',
  'roundFeesTo',
  'roundFeesToHint',
  'taxRatePercent',
  'standard',
  'standardHint',
  'standardDays',
  'standardFee',
  'effort',
  'effortValue',
  'pricedEffort',
  'personDays',
  'calendar',
  'calendarValue',
  'nre',
  'yearlyFee',
  'termTotal',
  'nreInclTax',
  'yearlyInclTax',
  'termInclTax',
  'comparison',
  'standardPath',
  'customPath',
  'timeToLive',
  'daysValue',
  'weeksValue',
  'oneTime',
  'perYear',
  'overYears',
  'noFee',
  'chartEffortTitle',
  'chartDaysAxis',
  'chartProbabilityAxis',
  'chartEffortText',
  'chartPriced',
  'chartCostTitle',
  'chartYearsAxis',
  'chartCostText',
  'chartCostTextOneYear',
  'chartCostTextNoTerm',
  'required',
  'fixFields',
  'unsaved',
  'savedState',
  'saving',
  'generating',
  'changedElsewhere',
  'useFileValues',
] as const;
export type FormStringKey = (typeof FORM_STRING_KEYS)[number];

/** One assessment the form can edit. */
export const assessmentChoiceSchema = z.object({
  /** the document URI as a string: the form's key for it */
  key,
  label: text(1000),
  /** workspace-relative path */
  detail: text(4000),
});
export type AssessmentChoice = z.infer<typeof assessmentChoiceSchema>;

/** What the form needs to start an estimate from nothing (the settings' defaults). */
export const formDefaultsSchema = z.object({
  currency: text(3),
  dayRate: z.number(),
  roundFeesTo: z.number(),
  taxRatePercent: z.number(),
});
export type FormDefaults = z.infer<typeof formDefaultsSchema>;

export const extensionToWebviewSchema = z.discriminatedUnion('type', [
  /** UI language and its strings; sent first, once per `ready` */
  z.object({ type: z.literal('init'), lang: z.enum(LANGS), strings: z.record(z.string(), text(2000)) }),
  /** the workspace's assessments, and which one the form shows (none: the welcome) */
  z.object({ type: z.literal('assessments'), items: z.array(assessmentChoiceSchema).check(z.maxLength(100_000)), selected: z.optional(key) }),
  /**
   * The assessment's estimate as it stands in its document (the editor's text
   * when open). `estimate` is absent when it has none yet; `problem` says why
   * the front matter cannot be read (the form keeps what it shows).
   */
  z.object({
    type: z.literal('load'),
    key,
    label: text(1000),
    estimate: z.optional(z.unknown()),
    defaults: formDefaultsSchema,
    problem: z.optional(text(4000)),
    /** the request's capability tags (they group requests into productisation candidates in the register) */
    capabilities: z.optional(z.array(text(200)).check(z.maxLength(1000))),
  }),
  /** a save or quote finished; `message` is shown in the form's status line */
  z.object({ type: z.literal('saved'), key, message: text(2000) }),
  /** a save or quote failed; nothing was written */
  z.object({ type: z.literal('failed'), key: z.optional(key), message: text(4000) }),
]);
export type ExtensionToWebview = z.infer<typeof extensionToWebviewSchema>;

export const webviewToExtensionSchema = z.discriminatedUnion('type', [
  /** the form is listening; `key`/`dirty` come from its saved state after a reload */
  z.object({ type: z.literal('ready'), key: z.optional(key), dirty: z.optional(z.boolean()) }),
  /** the user picked another assessment in the form's list; with unsaved input, `estimate` carries it in case the user saves first */
  z.object({ type: z.literal('select'), key, dirty: z.boolean(), estimate: z.optional(z.unknown()) }),
  /** the form's unsaved state changed (so switching can ask first) */
  z.object({ type: z.literal('dirty'), key, dirty: z.boolean() }),
  z.object({ type: z.literal('save'), key, estimate: z.unknown() }),
  z.object({ type: z.literal('generateQuote'), key, estimate: z.unknown() }),
  z.object({ type: z.literal('newAssessment') }),
  /** the user is about to pick from the list: send it again (a file watcher can miss a pull's new files) */
  z.object({ type: z.literal('listAssessments') }),
  /** the user asked to change the request's capability tags (the extension asks with a multi-pick and writes them through the document) */
  z.object({ type: z.literal('editCapabilities'), key }),
  /** the user asked to open the assessment's file */
  z.object({ type: z.literal('open'), key }),
]);
export type WebviewToExtension = z.infer<typeof webviewToExtensionSchema>;

/** Parses a message; undefined (and a reason) when it is not one we know. */
export function parseMessage<T>(schema: z.ZodMiniType<T>, message: unknown): { ok: true; message: T } | { ok: false; reason: string } {
  const result = schema.safeParse(message);
  if (result.success) return { ok: true, message: result.data };
  const issue = result.error.issues[0];
  return { ok: false, reason: `${issue?.path.join('.') || 'message'}: ${issue?.code ?? 'invalid'}` };
}
