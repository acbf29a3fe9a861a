/**
 * A fast reader for the plain YAML our assessments' front matter is written
 * in, for the places that only read it (the Custom Requests index, the
 * register, the quote numbers): the `yaml` package takes about a millisecond
 * per assessment, which is seconds for a few thousand of them.
 *
 * The reader (plainYaml.ts) understands a strict subset of YAML and gives
 * up on anything else. Whatever it accepts it reads exactly as `yaml`
 * (YAML 1.2, core schema) does; test/unit/fastFrontMatter.test.ts compares the two on every golden and
 * fixture document and on generated ones. When it gives up, or the result is
 * not a valid assessment, the full parser runs, so messages are unchanged.
 */
import { parseAssessment } from './assessment';
import { splitFrontMatter } from './frontMatterFence';
import { readPlainYaml } from './plainYaml';
import { ASSESSMENT_KIND, assessmentFrontMatterSchema, assessmentOutlineSchema, type AssessmentFrontMatter } from './schema';

export { readPlainYaml } from './plainYaml';

/**
 * An assessment's front matter, as parseAssessment(text, file).frontMatter
 * gives it (the same value, the same error), read fast when it can be.
 */
export function readAssessmentFrontMatter(text: string, file: string): AssessmentFrontMatter {
  const split = splitFrontMatter(text);
  const raw = split ? readPlainYaml(split.yaml) : undefined;
  // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: only picks the fast path; the full parser below gives the same value or error (fastFrontMatter.test.ts), so skipping the fast path or trying it on any value changes the speed alone (a null raw is still caught by the LogicalOperator mutants)
  if (raw && typeof raw === 'object' && (raw as { kind?: unknown }).kind === ASSESSMENT_KIND) {
    const result = assessmentFrontMatterSchema.safeParse(raw, { reportInput: true });
    if (result.success) return result.data;
  }
  // Outside the subset, not an assessment, or not valid: the full parser says why.
  return parseAssessment(text, file).frontMatter;
}

/**
 * The front matter of `text` with everything but its estimate checked, when
 * it has an estimate and the fast reader takes it; undefined otherwise (then
 * readAssessmentFrontMatter is the way). The caller checks the whole front
 * matter later with readAssessmentFrontMatter, which may still refuse it.
 */
export function readAssessmentOutline(text: string): Omit<AssessmentFrontMatter, 'estimate'> | undefined {
  const split = splitFrontMatter(text);
  const raw = split ? readPlainYaml(split.yaml) : undefined;
  if (!raw || typeof raw !== 'object' || (raw as { kind?: unknown }).kind !== ASSESSMENT_KIND || !Object.hasOwn(raw, 'estimate')) return undefined;
  const result = assessmentOutlineSchema.safeParse(raw, { reportInput: true });
  return result.success ? result.data : undefined;
}
