/**
 * The estimate form's messages, shared by the extension (src/views) and the
 * webview (src/webview): one name and one zod schema per message. Both sides
 * parse every incoming message; an unknown or malformed one is logged and
 * dropped. The webview says `ready` before the extension posts anything.
 * Estimates travel as `unknown`: the receiving side validates them with the
 * estimate schema, which also names the field that is wrong.
 *
 * The limits are the front matter's (src/core/fieldLimits.ts), and the
 * extension checks every message it posts against this same schema first
 * (src/views/formMessages.ts): what it cannot send is said in the form,
 * never dropped on the way.
 */
import * as z from 'zod/mini';
import { FIELD_LIMITS, PATH_MAX } from '../core/fieldLimits';
import { LANGS } from '../core/lang';

const text = (max: number) => z.string().check(z.maxLength(max));
const key = text(PATH_MAX);
/** A request's name (customer and title, see requestName) or, when it has none, its workspace path. */
const label = text(PATH_MAX);
/** A message for the user: it may name a path or two. */
export const MESSAGE_MAX = 3 * PATH_MAX;
const message = text(MESSAGE_MAX);

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
  'unreadableMessage',
] as const;
export type FormStringKey = (typeof FORM_STRING_KEYS)[number];

/** One assessment the form can edit. */
export const assessmentChoiceSchema = z.object({
  /** the document URI as a string: the form's key for it */
  key,
  label,
  /** workspace-relative path */
  detail: text(PATH_MAX),
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
    label,
    estimate: z.optional(z.unknown()),
    defaults: formDefaultsSchema,
    problem: z.optional(message),
    /** what of the front matter could not be sent (a field over its limit), by name: shown in the form, which loads the rest as usual */
    notice: z.optional(message),
    /** the request's capability tags (they group requests into productisation candidates in the register) */
    capabilities: z.optional(z.array(text(FIELD_LIMITS.capabilityTag)).check(z.maxLength(FIELD_LIMITS.capabilities))),
  }),
  /** a save or quote finished; `message` is shown in the form's status line */
  z.object({ type: z.literal('saved'), key, message }),
  /** a save or quote failed (nothing was written), or the extension could not send what the form asked for */
  z.object({ type: z.literal('failed'), key: z.optional(key), message }),
]);
export type ExtensionToWebview = z.infer<typeof extensionToWebviewSchema>;

/** The `type`s the extension sends: a message claiming one of them that the schema refuses is reported, not ignored. */
export const EXTENSION_MESSAGE_TYPES: readonly ExtensionToWebview['type'][] = ['init', 'assessments', 'load', 'saved', 'failed'];

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
