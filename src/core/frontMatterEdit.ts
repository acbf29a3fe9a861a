/**
 * Changes to an assessment's front matter as the smallest text edits, so the
 * adapters can apply them through the document (undo works, the rest of the
 * file keeps its bytes). Set Status needs the whole front matter valid; Set
 * Capability Tags only valid YAML, so a half-typed estimate does not block it.
 */
import { isMap, type Document } from 'yaml';
import { splitFrontMatter, lineEnding, withLineEnding } from './assessment';
import { DeskError } from './errors';
import { problemsMessage } from './fieldMessages';
import type { TextEdit } from './saveEstimate';
import { diffEdit, notAnAssessment } from './saveEstimate';
import type { AssessmentFrontMatter } from './schema';
import { ASSESSMENT_KIND, assessmentFrontMatterSchema } from './schema';
import { frontMatterRefusal, parseFrontMatterYaml } from './yamlLimits';

export interface FrontMatterEditPlan {
  /** the whole new text */
  text: string;
  /** the edits that turn the old text into it (offsets into the old text) */
  edits: TextEdit[];
}

export interface FrontMatterChangePlan extends FrontMatterEditPlan {
  /** the front matter afterwards, validated */
  frontMatter: AssessmentFrontMatter;
}

/**
 * Parses the front matter of `file` (refusing broken YAML and a file that is
 * not an assessment, each named), lets `change` edit the YAML document, and
 * plans the edits. Nothing else is checked: the caller validates what it changes.
 */
export function planFrontMatterEdit(text: string, file: string, change: (doc: Document) => void): FrontMatterEditPlan {
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const split = splitFrontMatter(text);
  if (!split) throw notAnAssessment(file);
  const { document: doc, refusal } = parseFrontMatterYaml(split.yaml);
  if (refusal) throw new DeskError('invalid-front-matter', frontMatterRefusal(file, refusal, { en: 'Fix it in the editor first.', 'zh-cn': '请先在编辑器中修正。' }));
  if (!isMap(doc.contents) || doc.get('kind') !== ASSESSMENT_KIND) throw notAnAssessment(file);
  change(doc);
  const eol = lineEnding(text);
  let yaml = withLineEnding(doc.toString({ lineWidth: 0 }), eol);
  if (!split.yaml.endsWith('\n')) yaml = yaml.replace(/\r?\n$/, '');
  const yamlStart = bom + text.slice(bom).indexOf('\n') + 1;
  const edits = diffEdit(split.yaml, yaml, yamlStart);
  return { text: text.slice(0, yamlStart) + yaml + text.slice(yamlStart + split.yaml.length), edits };
}

/**
 * As planFrontMatterEdit, for changes that need the whole front matter valid:
 * it must validate before (`change` gets it as it was) and after, or the
 * problem is named field by field.
 */
export function planFrontMatterChange(text: string, file: string, change: (doc: Document, before: AssessmentFrontMatter) => void): FrontMatterChangePlan {
  let frontMatter: AssessmentFrontMatter | undefined;
  const plan = planFrontMatterEdit(text, file, (doc) => {
    const before = assessmentFrontMatterSchema.safeParse(doc.toJS(), { reportInput: true });
    if (!before.success) {
      throw new DeskError('invalid-front-matter', problemsMessage(before.error, { en: `The front matter of ${file} has a problem`, 'zh-cn': `${file} 的 front matter 有问题` }));
    }
    change(doc, before.data);
    const after = assessmentFrontMatterSchema.safeParse(doc.toJS(), { reportInput: true });
    if (!after.success) {
      throw new DeskError('invalid-input', problemsMessage(after.error, { en: `The change to ${file} is not valid`, 'zh-cn': `对 ${file} 的修改无效` }));
    }
    frontMatter = after.data;
  });
  return { ...plan, frontMatter: frontMatter! };
}
