/**
 * The assessment file: YAML front matter holding the structured data (see
 * schema.ts) above a Markdown body rendered once from a template and then
 * owned by the user. Later changes touch only the front matter (through the
 * `yaml` Document API, so the user's comments and layout survive) and the
 * generated links block between the LINKS markers.
 */
import { isMap, stringify, type Document } from 'yaml';
import type { core } from 'zod/mini';
import { DeskError } from './errors';
import { splitFrontMatter } from './frontMatterFence';
import { setTopLevelKeys } from './frontMatterLines';
import type { Bilingual, Lang } from './lang';
import type { AssessmentFrontMatter, QuoteRecord, Settings } from './schema';
import { problemsMessage } from './fieldMessages';
import { ASSESSMENT_KIND, assessmentFrontMatterSchema } from './schema';
import { frontMatterRefusal, parseFrontMatterYaml } from './yamlLimits';
import { joinSlugs, slugify } from './slug';

export { frontMatterHead, splitFrontMatter } from './frontMatterFence';

/**
 * Generated blocks in the assessment body, re-rendered from their partial
 * when the data behind them changes; everything outside them is the user's.
 * A block starts with `<!-- custom-request:NAME …-->` (any note may follow
 * the name) and ends with `<!-- /custom-request:NAME -->`.
 */
export const GENERATED_BLOCKS = ['links', 'figures'] as const;
export type GeneratedBlock = (typeof GENERATED_BLOCKS)[number];
/** Generated blocks in other files: the register, in the assessment folder's README.md (see register.ts). */
export const FILE_BLOCKS = ['register'] as const;
export type BlockName = GeneratedBlock | (typeof FILE_BLOCKS)[number];

/** A front-matter delimiter: a line that is exactly `---`, give or take trailing spaces and a CR (tested on one line, so linear). */

export interface NewAssessmentData {
  id: string;
  customer: string;
  title: string;
  broughtBy: string;
  dealSize?: { amount: number; currency: string };
  language: Lang;
  created: string;
  adr: AssessmentFrontMatter['adr'];
  /** capability tags, normalised (see capabilities.ts); none when left out */
  capabilities?: string[];
}

/** Folder name for a new assessment: `<date>-<customer>-<title>`, at most 80 characters. */
export function assessmentFolderName(data: Pick<NewAssessmentData, 'created' | 'customer' | 'title' | 'id'>): string {
  const customer = slugify(data.customer, '');
  const title = slugify(data.title, '');
  const parts = [data.created, customer === 'request' ? '' : customer, title === 'request' ? '' : title];
  const name = joinSlugs(parts.filter(Boolean).length > 1 ? parts : [data.created, `cr-${data.id}`]);
  return name;
}

export function newFrontMatter(data: NewAssessmentData): AssessmentFrontMatter {
  return {
    kind: ASSESSMENT_KIND,
    schemaVersion: 1,
    id: data.id,
    customer: data.customer,
    title: data.title,
    capabilities: data.capabilities ?? [],
    broughtBy: data.broughtBy,
    ...(data.dealSize ? { dealSize: data.dealSize } : {}),
    language: data.language,
    created: data.created,
    status: 'draft',
    adr: data.adr,
    quotes: [],
  };
}

/**
 * A commented example estimate placed in a new assessment's front matter, until the form exists.
 * It carries the settings' day rate, fee rounding step and tax rate, so uncommenting it prices as the form would.
 */
export function estimateHint(lang: Lang, currency: string, settings: Pick<Settings, 'dayRate' | 'roundFeesTo' | 'taxRatePercent'>): string {
  const lines =
    lang === 'zh-cn'
      ? ['# 估算：去掉下面各行开头的 "# " 并填写，然后运行“生成报价单”命令（Custom Request: Generate Quote）。', '# 人天按乐观、最可能、悲观三点估算；人天单价按币种的主单位填写（如元、美元）。']
      : ['# Estimate: remove the leading "# " from the lines below, fill them in, then run', '# "Custom Request: Generate Quote". Person-days are three-point estimates; day rates in major units.'];
  const example = stringify({
    estimate: {
      currency,
      workItems: [{ name: lang === 'zh-cn' ? '定制开发' : 'Custom development', role: 'engineer', optimistic: 20, mostLikely: 30, pessimistic: 45 }],
      teamSize: 2,
      focusFactor: 0.8,
      dayRates: { engineer: settings.dayRate },
      releasesPerYear: 4,
      testingDaysPerRelease: 5,
      supportYears: 2,
      contingencyPercent: 10,
      marginPercent: 20,
      roundFeesTo: settings.roundFeesTo,
      taxRatePercent: settings.taxRatePercent,
      standard: { days: 3, fee: 0 },
    },
  });
  return [...lines, ...example.trimEnd().split('\n').map((line) => `# ${line}`)].join('\n') + '\n';
}

/** The full text of a new assessment file. */
export function assessmentText(frontMatter: AssessmentFrontMatter, body: string, hint = ''): string {
  // No tags: no `capabilities: []` line (the schema's default), so the front matter stays as short as before tags existed.
  const { capabilities, ...rest } = frontMatter;
  const written = capabilities.length > 0 ? frontMatter : rest;
  return `---\n${stringify(written, { lineWidth: 0 })}${hint}---\n\n${body.replace(/^\s+/, '')}`;
}

export interface ParsedAssessment {
  frontMatter: AssessmentFrontMatter;
  document: Document;
  body: string;
}

/** The line ending a text uses: that of its first line break (LF when it has none). Rewrites use it for every line they write. */
export function lineEnding(text: string): '\n' | '\r\n' {
  const first = text.indexOf('\n');
  return first > 0 && text[first - 1] === '\r' ? '\r\n' : '\n';
}

/** Text written by the `yaml` library (always LF) with the file's own line ending. */
export function withLineEnding(text: string, eol: '\n' | '\r\n'): string {
  return text.replace(/\r?\n/g, eol);
}

function notAnAssessment(file: string): DeskError {
  return new DeskError('not-an-assessment', {
    en: `${file} is not a custom request assessment (its front matter has no "kind: ${ASSESSMENT_KIND}"). Open an assessment, or create one with "Custom Request: New Assessment".`,
    'zh-cn': `${file} 不是定制需求评估文件（front matter 中没有 "kind: ${ASSESSMENT_KIND}"）。请打开一个评估文件，或用“新建评估”命令新建。`,
  });
}

/** A YAML parse error in one line for a message: its first line, without the trailing colon that introduces yaml's excerpt. */
export function yamlProblem(error: { message: string }): string {
  return error.message.split('\n')[0].replace(/:\s*$/, '');
}

/** Parses and validates an assessment; errors name the file and the field. */
export function parseAssessment(text: string, file: string): ParsedAssessment {
  const split = splitFrontMatter(text);
  if (!split) throw notAnAssessment(file);
  // Too long, too deep, not valid YAML or a key twice: refused, naming the file and the line.
  const { document, refusal } = parseFrontMatterYaml(split.yaml);
  if (refusal) throw new DeskError('invalid-front-matter', frontMatterRefusal(file, refusal));
  const raw = document.toJS() as unknown;
  if (!raw || typeof raw !== 'object' || (raw as { kind?: unknown }).kind !== ASSESSMENT_KIND) throw notAnAssessment(file);
  const result = assessmentFrontMatterSchema.safeParse(raw, { reportInput: true }); // reportInput: a wrong value is not "is missing"
  if (!result.success) throw invalidFrontMatter(result.error, file);
  return { frontMatter: result.data, document, body: split.body };
}

function invalidFrontMatter(error: core.$ZodError, file: string): DeskError {
  const where: Bilingual = { en: `The front matter of ${file} has a problem`, 'zh-cn': `${file} 的 front matter 有问题` };
  return new DeskError('invalid-front-matter', problemsMessage(error, where));
}

export interface AssessmentUpdate {
  status?: AssessmentFrontMatter['status'];
  adr?: AssessmentFrontMatter['adr'];
  addQuote?: QuoteRecord;
  /** new content for generated blocks, by name */
  blocks?: Partial<Record<GeneratedBlock, string>>;
}

/**
 * Applies an update to an assessment's text, keeping the user's comments,
 * key order and body, its line ending and byte order mark; only the named
 * fields and the generated blocks change.
 */
export function updateAssessmentText(text: string, file: string, update: AssessmentUpdate, known?: AssessmentFrontMatter): string {
  // The file's own line ending and byte order mark stay: a CRLF file never comes back with mixed endings.
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const eol = lineEnding(text);
  const withBlocks = (body: string) => {
    for (const [name, content] of Object.entries(update.blocks ?? {})) body = replaceGeneratedBlock(body, name as GeneratedBlock, content, eol);
    return body;
  };
  // `known`: the caller has read this text's front matter already. Then plain front matter is edited line by line.
  const split = known && eol === '\n' ? splitFrontMatter(text) : undefined;
  if (known && split) {
    const values: Record<string, unknown> = {};
    if (update.status) values.status = update.status;
    if (update.adr !== undefined) values.adr = update.adr;
    if (update.addQuote) values.quotes = [...known.quotes, update.addQuote];
    const yamlText = setTopLevelKeys(split.yaml, values);
    if (yamlText !== undefined) return `${bom}---\n${yamlText}\n---\n${withBlocks(split.body)}`;
  }
  const parsed = parseAssessment(text, file);
  const { document } = parsed;
  if (!isMap(document.contents)) throw notAnAssessment(file);
  if (update.status) document.set('status', update.status);
  if (update.adr !== undefined) document.set('adr', document.createNode(update.adr));
  if (update.addQuote) {
    const quotes = [...parsed.frontMatter.quotes, update.addQuote];
    document.set('quotes', document.createNode(quotes));
  }
  const yamlText = withLineEnding(document.toString({ lineWidth: 0 }), eol);
  return `${bom}---${eol}${yamlText}---${eol}${withBlocks(parsed.body)}`;
}

/** Each block's start and end marker lines (the names are plain words, safe in a pattern; each test runs on one line, so linear). */
const markerPatterns = Object.fromEntries(
  [...GENERATED_BLOCKS, ...FILE_BLOCKS].map((name) => [
    name,
    {
      // On a line of its own (up to three spaces before, as a Markdown HTML block; trailing spaces and a CR after).
      start: new RegExp(`^ {0,3}<!-- custom-request:${name}(?![\\w-])[^>]*-->[ \\t]*\\r?$`),
      end: new RegExp(`^ {0,3}<!-- /custom-request:${name} -->[ \\t]*\\r?$`),
    },
  ]),
) as Record<BlockName, { start: RegExp; end: RegExp }>;

/** The line without its CR and the spaces and tabs before it: stepped back by hand, as `/[ \t]*\r?$/` retries every space run from each of its spaces (quadratic). */
function withoutTrailingBlanks(line: string): string {
  let end = line.endsWith('\r') ? line.length - 1 : line.length;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
  return line.slice(0, end);
}

/**
 * Where a generated block's content lies: from the end of its start marker's
 * text to the start of its end marker's line. Markers count only on a line of
 * their own, so text inside a line (a title in a heading, a name in a table)
 * can never open or close a block. The block is the first start line followed
 * by an end line, the start nearest to it: a stray start or end marker left by
 * the user is skipped, not taken as a block boundary. One pass over the lines.
 */
function findGeneratedBlock(body: string, name: BlockName): { from: number; to: number } | undefined {
  const { start, end } = markerPatterns[name];
  let from: number | undefined;
  for (let at = 0; at <= body.length; ) {
    const newline = body.indexOf('\n', at);
    const lineEnd = newline < 0 ? body.length : newline;
    const line = body.slice(at, lineEnd);
    if (start.test(line)) from = at + withoutTrailingBlanks(line).length;
    else if (from !== undefined && end.test(line)) return { from, to: at };
    if (newline < 0) break;
    at = newline + 1;
  }
  return undefined;
}

/**
 * Replaces a generated block's content (keeping its markers), or appends the
 * block at the end when the user removed it. New lines end with `eol`.
 */
export function replaceGeneratedBlock(body: string, name: BlockName, content: string, eol: '\n' | '\r\n' = '\n'): string {
  const inner = `${eol}${eol}${content.trim().replace(/\r?\n/g, eol)}${eol}${eol}`;
  const block = findGeneratedBlock(body, name);
  if (block) return body.slice(0, block.from) + inner + body.slice(block.to);
  return `${body.trimEnd()}${eol}${eol}<!-- custom-request:${name} -->${inner}<!-- /custom-request:${name} -->${eol}`;
}
