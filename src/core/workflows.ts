/**
 * The assessment and quote workflows as pure plans (the ADR one is in
 * adrPlan.ts): given what was read (texts, names, settings), they return the files to create and the new text of the
 * assessment. The extension reads and writes; tests run the same plans on
 * Node's fs. Nothing here writes, so a failure leaves the disk untouched.
 */
import { isSafeQuotePath } from './adrFolders';
import type { AssessmentUpdate, GeneratedBlock, NewAssessmentData } from './assessment';
import { assessmentFolderName, assessmentText, estimateHint, newFrontMatter, parseAssessment, updateAssessmentText } from './assessment';
import type { AdrView, DocumentContext, EstimateView, QuoteView, RequestView } from './documentContext';
import { computeEstimate } from './estimate';
import { DeskError } from './errors';
import { problemsMessage } from './fieldMessages';
import { toMinor } from './money';
import { basename, dirname, isInside, joinPath, relativePath } from './paths';
import type { QuoteNumber } from './quote';
import { addDays, baseQuoteNumber, formatQuoteNumber, nextQuoteNumber, quoteFileName, quoteFrontMatter, resolveQuoteTerms, supplierView } from './quote';
import type { AssessmentFrontMatter, Settings } from './schema';
import type { EstimateDefaults } from './settleEstimate';
import { settleEstimate } from './settleEstimate';
import { assessmentFrontMatterSchema } from './schema';
import type { TemplateSource } from './templates';
import { renderTemplate } from './templates';

/** What the workflows need to know about an ADR (a subset of adr.ts' AdrInfo). */
export interface AdrRef {
  /** absolute path */
  path: string;
  title: string;
  number?: number;
  status?: string;
}

/** A file to create; it must not exist yet. */
export interface NewFile {
  path: string;
  text: string;
}

export function ensureInside(root: string, path: string): void {
  if (!isInside(root, path)) {
    throw new DeskError('outside-workspace', {
      en: `Refusing to write ${path}: it is outside the workspace folder ${root}. Check the "customRequest.*" folder settings.`,
      'zh-cn': `拒绝写入 ${path}：它不在工作区文件夹 ${root} 之内。请检查 "customRequest.*" 的文件夹设置。`,
    });
  }
}

export function requestView(fm: AssessmentFrontMatter): RequestView {
  return {
    id: fm.id,
    customer: fm.customer,
    title: fm.title,
    broughtBy: fm.broughtBy,
    ...(fm.dealSize ? { dealSize: { minor: toMinor(fm.dealSize.amount, fm.dealSize.currency), currency: fm.dealSize.currency } } : {}),
    created: fm.created,
    status: fm.status,
  };
}

export function adrView(adr: AdrRef | undefined, fromFolder: string): AdrView | undefined {
  if (!adr) return undefined;
  return { title: adr.title, number: adr.number, status: adr.status, fileName: basename(adr.path), link: relativePath(fromFolder, adr.path) };
}

/** The request's quotes for a template; each is valid for the request's `quoteTerms.validDays`, else for the settings' `defaultValidDays`. */
export function quoteViews(fm: AssessmentFrontMatter, root: string, fromFolder: string, defaultValidDays: number): QuoteView[] {
  const validDays = fm.quoteTerms?.validDays ?? defaultValidDays;
  return fm.quotes.map((q) => ({
    number: q.number,
    baseNumber: q.number.replace(/-R\d+$/, ''),
    revision: q.revision,
    issueDate: q.date,
    validUntil: addDays(q.date, validDays),
    validDays,
    fileName: basename(q.path),
    link: relativePath(fromFolder, joinPath(root, q.path)),
  }));
}

/** The estimate's figures, its left-out rounding step and tax rate taken from the settings (see settleEstimate). */
export function estimateView(fm: AssessmentFrontMatter, defaults: EstimateDefaults): EstimateView | undefined {
  if (!fm.estimate) return undefined;
  const input = settleEstimate(fm.estimate, defaults);
  const result = computeEstimate(input);
  const standardTermMinor = result.standard.feeMinor;
  return {
    input,
    result,
    currency: result.currency,
    priceAtLabel: fm.estimate.priceAt.toUpperCase(),
    extraOverStandardMinor: result.termTotalMinor - standardTermMinor,
  };
}

/** Renders a generated block of the assessment (the partial of the same name) for the text between its markers. */
export async function renderBlock(templates: TemplateSource, name: GeneratedBlock, context: DocumentContext): Promise<string> {
  return renderTemplate(templates, `partials/${name}.hbs`, context.lang, context);
}

export interface TemplateInputs {
  templates: TemplateSource;
  /** YYYY-MM-DD, in the user's time zone */
  today: string;
  settings: Settings;
}

// ---------------------------------------------------------------------------

export interface NewAssessmentPlan {
  assessmentPath: string;
  file: NewFile;
}

/**
 * Plans a new assessment in `root` (a workspace folder path). `exists` tells
 * which folders are taken so a second request with the same name gets `-2`.
 */
export async function planNewAssessment(
  args: TemplateInputs & { root: string; data: NewAssessmentData; adr?: AdrRef; exists: (path: string) => Promise<boolean> },
): Promise<NewAssessmentPlan> {
  const { root, data, settings } = args;
  const parent = joinPath(root, settings.assessmentFolder);
  ensureInside(root, parent);
  const name = assessmentFolderName(data);
  let folder = joinPath(parent, name);
  for (let n = 2; await args.exists(folder); n++) folder = joinPath(parent, `${name}-${n}`);
  ensureInside(root, folder);
  const assessmentPath = joinPath(folder, 'assessment.md');
  const fm = newFrontMatter(data);
  // Checked by the schema that reads it back: nothing is written that the desk would then refuse (a customer over its limit, say).
  const checked = assessmentFrontMatterSchema.safeParse(fm, { reportInput: true });
  if (!checked.success) {
    throw new DeskError('invalid-input', problemsMessage(checked.error, { en: 'The new assessment was not created', 'zh-cn': '未创建新评估' }));
  }
  const adr = adrView(args.adr, folder);
  const context: DocumentContext = {
    lang: data.language,
    today: args.today,
    request: requestView(fm),
    adr,
    quotes: [],
  };
  const body = await renderTemplate(args.templates, 'assessment.md.hbs', data.language, context);
  const currency = data.dealSize?.currency ?? settings.currency;
  const text = assessmentText(fm, body, estimateHint(data.language, currency, settings));
  return { assessmentPath, file: { path: assessmentPath, text } };
}

// ---------------------------------------------------------------------------

export interface QuotePlan {
  number: string;
  file: NewFile;
  assessmentText: string;
  frontMatter: AssessmentFrontMatter;
}

function missingEstimate(file: string): DeskError {
  return new DeskError('missing-estimate', {
    en: `${file} has no estimate yet. Add an "estimate:" block to its front matter (currency, workItems with optimistic/mostLikely/pessimistic person-days and a role, dayRates per role; the commented example in a new assessment shows the shape), save, and run "Generate Quote" again.`,
    'zh-cn': `${file} 还没有估算。请在其 front matter 中加入 "estimate:" 部分（currency、带乐观、最可能、悲观人天与角色的 workItems、各角色的 dayRates；新建评估中的注释示例给出了格式），保存后再运行“生成报价单”命令。`,
  });
}

/**
 * Plans the next quote (a new number, or the next revision of this request's
 * quote) in `quoteFolder`, and the assessment's updated text linking to it.
 */
export async function planQuote(
  args: TemplateInputs & {
    root: string;
    assessmentPath: string;
    assessmentText: string;
    /** `assessmentText`'s front matter, when the caller has read it already */
    frontMatter?: AssessmentFrontMatter;
    /** folder for the quote: beside the ADR, or beside the assessment when there is none */
    quoteFolder: string;
    adr?: AdrRef;
    /** every quote number already used anywhere in the workspace */
    workspaceQuoteNumbers: string[];
  },
): Promise<QuotePlan> {
  const { root, settings } = args;
  const file = relativePath(root, args.assessmentPath);
  const fm = args.frontMatter ?? parseAssessment(args.assessmentText, file).frontMatter;
  const estimate = estimateView(fm, settings);
  if (!estimate) throw missingEstimate(file);
  const lang = fm.language;
  const year = Number(args.today.slice(0, 4));
  const number: QuoteNumber = nextQuoteNumber(
    fm.quotes.map((q) => q.number),
    args.workspaceQuoteNumbers,
    year,
  );
  const validDays = fm.quoteTerms?.validDays ?? settings.quoteValidityDays;
  const quotePath = joinPath(args.quoteFolder, quoteFileName(number, fm.customer));
  ensureInside(root, quotePath);
  // The last check before anything is written: next to an ADR, no ADR tool may take the quote for one.
  if (args.adr && !isSafeQuotePath(dirname(args.adr.path), quotePath)) {
    throw new DeskError('outside-workspace', {
      en: `Refusing to write ${quotePath}: adr-tools or log4brains would take it for an ADR in ${dirname(args.adr.path)}.`,
      'zh-cn': `拒绝写入 ${quotePath}：adr-tools 或 log4brains 会把它当作 ${dirname(args.adr.path)} 中的 ADR。`,
    });
  }
  const folder = dirname(quotePath);
  const quote: QuoteView = {
    number: formatQuoteNumber(number),
    baseNumber: baseQuoteNumber(number),
    revision: number.revision,
    issueDate: args.today,
    validUntil: addDays(args.today, validDays),
    validDays,
    fileName: basename(quotePath),
    link: basename(quotePath),
  };
  const context: DocumentContext = {
    lang,
    today: args.today,
    request: requestView(fm),
    adr: adrView(args.adr, folder),
    assessment: { link: relativePath(folder, args.assessmentPath) },
    quote,
    quotes: [...quoteViews(fm, root, folder, validDays), quote],
    estimate,
    terms: resolveQuoteTerms(fm.quoteTerms, fm, lang, estimate.result.tax !== undefined),
    supplier: supplierView(settings.supplier, (path) => isInside(root, joinPath(root, path)) && joinPath(root, path) !== root),
  };
  const body = await renderTemplate(args.templates, 'quote.md.hbs', lang, context);
  const text =
    quoteFrontMatter({
      number,
      frontMatter: fm,
      issueDate: args.today,
      validUntil: quote.validUntil,
      result: estimate.result,
      assessmentPath: relativePath(root, args.assessmentPath),
      adrPath: args.adr ? relativePath(root, args.adr.path) : undefined,
      lang,
      supplier: context.supplier,
    }) + body.replace(/^\s+/, '');

  const record = {
    number: quote.number,
    revision: number.revision,
    path: relativePath(root, quotePath),
    date: args.today,
    nreMinor: estimate.result.nre.feeMinor,
    currency: estimate.currency,
  };
  // The assessment's generated blocks, seen from its own folder, now with this quote.
  const assessmentFolder = dirname(args.assessmentPath);
  const assessmentContext: DocumentContext = {
    ...context,
    adr: adrView(args.adr, assessmentFolder),
    assessment: undefined,
    supplier: undefined,
    quote: { ...quote, link: relativePath(assessmentFolder, quotePath) },
    quotes: [...quoteViews(fm, root, assessmentFolder, validDays), { ...quote, link: relativePath(assessmentFolder, quotePath) }],
  };
  const update: AssessmentUpdate = {
    addQuote: record,
    blocks: {
      links: await renderBlock(args.templates, 'links', assessmentContext),
      figures: await renderBlock(args.templates, 'figures', assessmentContext),
    },
    ...(fm.status === 'draft' || fm.status === 'estimated' ? { status: 'quoted' as const } : {}),
  };
  const newAssessment = updateAssessmentText(args.assessmentText, file, update, fm);
  return { number: quote.number, file: { path: quotePath, text }, assessmentText: newAssessment, frontMatter: fm };
}
