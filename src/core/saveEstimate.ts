/**
 * Saving the estimate form: a pure plan that writes the form's inputs into
 * the assessment's front matter and refreshes the generated figures block,
 * as the smallest text edits, so an editor applying them keeps its undo
 * stack, the cursor, the user's comments and any unsaved edits elsewhere.
 */
import type { Document } from 'yaml';
import { isMap, isScalar, isSeq } from 'yaml';
import { lineEnding, replaceGeneratedBlock, splitFrontMatter, withLineEnding } from './assessment';
import { DeskError } from './errors';
import { dirname, relativePath } from './paths';
import type { AssessmentFrontMatter, EstimateData } from './schema';
import { problemsMessage } from './fieldMessages';
import { ASSESSMENT_KIND, assessmentFrontMatterSchema, estimateSchema } from './schema';
import { settleEstimate } from './settleEstimate';
import type { TemplateInputs } from './workflows';
import { frontMatterRefusal, parseFrontMatterYaml } from './yamlLimits';
import { estimateView, quoteViews, renderBlock, requestView } from './workflows';

/** Replace `text` for the characters [start, end) of the old text. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export interface EstimateSavePlan {
  /** the whole new text */
  text: string;
  /** the same change as non-overlapping edits of the old text, in order */
  edits: TextEdit[];
  estimate: EstimateData;
  frontMatter: AssessmentFrontMatter;
}

/** The first lines of the commented example a new assessment carries (see `estimateHint`). */
const HINT_STARTS = [' Estimate:', ' 估算'];

export function notAnAssessment(file: string): DeskError {
  return new DeskError('not-an-assessment', {
    en: `${file} is not a custom request assessment (its front matter has no "kind: ${ASSESSMENT_KIND}").`,
    'zh-cn': `${file} 不是定制需求评估文件（front matter 中没有 “kind: ${ASSESSMENT_KIND}”）。`,
  });
}

/** Sets `value` at `path`, changing only what differs so comments on unchanged keys stay. */
function assign(doc: Document, path: (string | number)[], value: unknown): void {
  const node = doc.getIn(path, true);
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && isMap(node)) {
    const entries = value as Record<string, unknown>;
    for (const item of [...node.items]) {
      const key = isScalar(item.key) ? item.key.value : item.key;
      if (!Object.hasOwn(entries, String(key))) node.delete(item.key);
    }
    for (const [key, child] of Object.entries(entries)) assign(doc, [...path, key], child);
    return;
  }
  if (Array.isArray(value) && isSeq(node)) {
    while (node.items.length > value.length) node.delete(node.items.length - 1);
    value.forEach((child, i) => (i < node.items.length ? assign(doc, [...path, i], child) : node.add(doc.createNode(child))));
    return;
  }
  if (isScalar(node) && (value === null || typeof value !== 'object')) {
    if (node.value !== value) node.value = value;
    return;
  }
  doc.setIn(path, doc.createNode(value));
}

/** The smallest single edit turning `before` into `after`, offset by `base`; none when equal. */
export function diffEdit(before: string, after: string, base: number): TextEdit[] {
  if (before === after) return [];
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return [{ start: base + start, end: base + before.length - end, text: after.slice(start, after.length - end) }];
}

/**
 * Plans saving `estimate` (the form's raw input, validated here) into the
 * assessment text. A draft becomes "estimated". The rest of the front matter
 * must already be valid; an invalid old estimate is simply replaced.
 */
export async function planSaveEstimate(
  args: TemplateInputs & { root: string; assessmentPath: string; assessmentText: string; estimate: unknown },
): Promise<EstimateSavePlan> {
  const file = relativePath(args.root, args.assessmentPath);
  // reportInput: a wrong value is "must be a number", not "is missing" (issueText looks at the input).
  const parsedEstimate = estimateSchema.safeParse(args.estimate, { reportInput: true });
  if (!parsedEstimate.success) {
    throw new DeskError(
      'invalid-input',
      problemsMessage(parsedEstimate.error, { en: `The estimate for ${file} has a problem`, 'zh-cn': `${file} 的估算有问题` }, ['estimate']),
    );
  }
  // Saved with the rounding step and tax rate it was priced with, so a later change of the settings leaves it alone.
  const estimate = settleEstimate(parsedEstimate.data, args.settings);

  const text = args.assessmentText;
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const split = splitFrontMatter(text);
  if (!split) throw notAnAssessment(file);
  const yamlStart = bom + text.slice(bom).indexOf('\n') + 1;
  const yamlEnd = yamlStart + split.yaml.length;
  const { document: doc, refusal } = parseFrontMatterYaml(split.yaml);
  if (refusal) {
    throw new DeskError(
      'invalid-front-matter',
      frontMatterRefusal(file, refusal, { en: 'Fix it in the editor, then save the estimate again.', 'zh-cn': '请先在编辑器中修正，再保存估算。' }),
    );
  }
  if (!isMap(doc.contents) || doc.get('kind') !== ASSESSMENT_KIND) throw notAnAssessment(file);

  assign(doc, ['estimate'], estimate);
  if (doc.get('status') === 'draft') doc.set('status', 'estimated');
  // The commented example only helped until there was an estimate.
  if (doc.comment && HINT_STARTS.some((start) => doc.comment!.startsWith(start))) doc.comment = null;
  const result = assessmentFrontMatterSchema.safeParse(doc.toJS(), { reportInput: true });
  if (!result.success) {
    throw new DeskError('invalid-front-matter', problemsMessage(result.error, { en: `The front matter of ${file} has a problem`, 'zh-cn': `${file} 的 front matter 有问题` }));
  }
  const fm = result.data;
  // Keep the file's own line ending (the yaml library writes LF) and the end of
  // the YAML text: splitFrontMatter leaves the line break before `---` out.
  const eol = lineEnding(text);
  let yaml = withLineEnding(doc.toString({ lineWidth: 0 }), eol);
  if (!split.yaml.endsWith('\n')) yaml = yaml.replace(/\r?\n$/, '');

  const folder = dirname(args.assessmentPath);
  const figures = await renderBlock(args.templates, 'figures', {
    lang: fm.language,
    today: args.today,
    request: requestView(fm),
    quotes: quoteViews(fm, args.root, folder, fm.quoteTerms?.validDays ?? args.settings.quoteValidityDays),
    estimate: estimateView(fm, args.settings),
  });
  const bodyStart = text.length - split.body.length;
  const body = replaceGeneratedBlock(split.body, 'figures', figures, eol);
  const edits = [...diffEdit(split.yaml, yaml, yamlStart), ...diffEdit(split.body, body, bodyStart)];
  const newText = text.slice(0, yamlStart) + yaml + text.slice(yamlEnd, bodyStart) + body;
  return { text: newText, edits, estimate, frontMatter: fm };
}

/** Applies edits from `planSaveEstimate` to the text they were planned on. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = '';
  let at = 0;
  for (const edit of edits) {
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + text.slice(at);
}
