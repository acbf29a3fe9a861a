/**
 * Creating an ADR for a request as a pure plan: the new ADR file (adr-tools,
 * MADR or log4brains style) and the assessment's updated text linking it.
 */
import { parseAssessment, updateAssessmentText } from './assessment';
import type { DocumentContext } from './documentContext';
import { DeskError } from './errors';
import type { Lang } from './lang';
import { dirname, joinPath, relativePath } from './paths';
import type { AssessmentFrontMatter } from './schema';
import { slugify } from './slug';
import { renderTemplate } from './templates';
import type { AdrRef, NewFile, TemplateInputs } from './workflows';
import { adrView, ensureInside, estimateView, quoteViews, renderBlock, requestView } from './workflows';

export type NewAdrFormat = 'madr' | 'nygard' | 'log4brains';

export interface AdrPlan {
  file: NewFile;
  adr: AdrRef;
  assessmentText: string;
}

/** A request has one related ADR; creating a second is refused (checked before any prompt, and again when planning). */
export function assertNoRelatedAdr(fm: AssessmentFrontMatter, file: string): void {
  if (fm.adr) {
    throw new DeskError('invalid-input', {
      en: `${file} already has a related ADR (${fm.adr.path}).`,
      'zh-cn': `${file} 已有关联 ADR（${fm.adr.path}）。`,
    });
  }
}

/** Localised status word for a new ADR. */
function proposedStatus(format: NewAdrFormat, lang: Lang): string {
  if (format === 'nygard') return lang === 'zh-cn' ? '提议中' : 'Proposed';
  return 'proposed';
}

/**
 * Plans a new ADR for a request that has none: numbered after the folder's
 * existing ADRs (adr-tools' `NNNN-slug.md`; log4brains' `YYYYMMDD-slug.md`),
 * linked from the assessment's front matter and links block.
 */
export async function planNewAdr(
  args: TemplateInputs & {
    root: string;
    assessmentPath: string;
    assessmentText: string;
    adrFolder: string;
    format: NewAdrFormat;
    /** the next free ADR number in that folder */
    nextNumber: number;
    title: string;
    exists: (path: string) => Promise<boolean>;
  },
): Promise<AdrPlan> {
  const { root } = args;
  const file = relativePath(root, args.assessmentPath);
  const { frontMatter: fm } = parseAssessment(args.assessmentText, file);
  assertNoRelatedAdr(fm, file);
  const lang = fm.language;
  const slug = slugify(args.title, `cr-${fm.id}`, 60);
  const stem = args.format === 'log4brains' ? args.today.replace(/-/g, '') : String(args.nextNumber).padStart(4, '0');
  let adrPath = joinPath(args.adrFolder, `${stem}-${slug}.md`);
  for (let n = 2; await args.exists(adrPath); n++) adrPath = joinPath(args.adrFolder, `${stem}-${slug}-${n}.md`);
  ensureInside(root, adrPath);
  const status = proposedStatus(args.format, lang);
  const number = args.format === 'log4brains' ? undefined : args.nextNumber;
  const context: DocumentContext = {
    lang,
    today: args.today,
    request: requestView(fm),
    assessment: { link: relativePath(args.adrFolder, args.assessmentPath) },
    quotes: quoteViews(fm, root, args.adrFolder, args.settings.quoteValidityDays),
    estimate: estimateView(fm, args.settings),
    newAdr: { number: number ?? 0, title: args.title, date: args.today, status },
  };
  const template = args.format === 'nygard' ? 'adr-nygard.md.hbs' : 'adr-madr.md.hbs';
  const text = await renderTemplate(args.templates, template, lang, context);
  const adr: AdrRef = { path: adrPath, title: args.title, number, status };
  const assessmentFolder = dirname(args.assessmentPath);
  const links = await renderBlock(args.templates, 'links', {
    ...context,
    adr: adrView(adr, assessmentFolder),
    quotes: quoteViews(fm, root, assessmentFolder, args.settings.quoteValidityDays),
  });
  const assessmentTextNew = updateAssessmentText(args.assessmentText, file, {
    // Stryker disable next-line ConditionalExpression: always spreading `{ number }` is the same: yaml's createNode leaves out a key whose value is undefined
    adr: { path: relativePath(root, adrPath), ...(number !== undefined ? { number } : {}), title: args.title, status },
    blocks: { links },
  });
  return { file: { path: adrPath, text }, adr, assessmentText: assessmentTextNew };
}
