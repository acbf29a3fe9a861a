/**
 * planSaveEstimate on real assessments made by planNewAssessment: the estimate
 * lands in the front matter with its defaults, the edits are minimal and keep
 * the user's comments and text, and bad input is refused with a message that
 * names the field. Expected values are written by hand.
 */
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { splitFrontMatter } from '../../src/core/assessment';
import { DeskError } from '../../src/core/errors';
import type { Lang } from '../../src/core/lang';
import { applyEdits, planSaveEstimate, type EstimateSavePlan } from '../../src/core/saveEstimate';
import { planNewAssessment } from '../../src/core/workflows';
import { WORKED_EXAMPLE } from './workedExample';
import { common, requestData } from './workflowFixture';

const ROOT = '/ws';
const FILE = 'docs/custom-requests/2026-11-25-acme-robotics-push-robot-data-to-their-own-platform/assessment.md';
const FIGURES_START = '<!-- custom-request:figures';
const FIGURES_END = '<!-- /custom-request:figures -->';

async function newAssessment(lang: Lang = 'en'): Promise<{ path: string; text: string }> {
  const plan = await planNewAssessment({ ...common, root: ROOT, data: requestData(lang), exists: async () => false });
  return { path: plan.assessmentPath, text: plan.file.text };
}

function save(path: string, text: string, estimate: unknown): Promise<EstimateSavePlan> {
  return planSaveEstimate({ ...common, root: ROOT, assessmentPath: path, assessmentText: text, estimate });
}

/** The front matter's YAML text and where it sits (between the `---` lines). */
function frontMatterRange(text: string): { start: number; end: number } {
  const start = text.indexOf('\n') + 1;
  const end = text.indexOf('\n---\n', start) + 1;
  return { start, end };
}

/** The figures block, markers included. */
function figuresRange(text: string): { start: number; end: number } {
  const start = text.indexOf(FIGURES_START);
  const end = text.indexOf(FIGURES_END) + FIGURES_END.length;
  assert.ok(start > 0 && end > start, 'the text has a figures block');
  return { start, end };
}

function frontMatterOf(text: string): Record<string, unknown> {
  return parse(splitFrontMatter(text)!.yaml) as Record<string, unknown>;
}

/** A small estimate as the form would send it: the schema fills in the rest. */
const SMALL = {
  currency: 'EUR',
  workItems: [{ name: 'Export adapter', role: 'engineer', optimistic: 5, mostLikely: 8, pessimistic: 13 }],
  dayRates: { engineer: 900 },
};

async function rejectsWith(promise: Promise<unknown>, code: string): Promise<DeskError> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof DeskError, `expected a DeskError, got ${String(caught)}`);
  assert.equal(caught.code, code);
  return caught;
}

describe('planSaveEstimate', () => {
  it('writes the estimate with its defaults, marks the draft estimated and drops the commented hint', async () => {
    const { path, text } = await newAssessment();
    assert.ok(text.includes('# Estimate: remove the leading'), 'a new assessment carries the commented hint');
    assert.ok(text.includes('# estimate:\n#   currency: CNY'));
    const plan = await save(path, text, SMALL);
    const fm = frontMatterOf(plan.text);
    assert.deepEqual(fm.estimate, {
      currency: 'EUR',
      workItems: [{ name: 'Export adapter', role: 'engineer', optimistic: 5, mostLikely: 8, pessimistic: 13 }],
      teamSize: 2,
      focusFactor: 0.8,
      dayRates: { engineer: 900 },
      priceAt: 'p80',
      releasesPerYear: 4,
      testingDaysPerRelease: 5,
      recurringRole: 'engineer',
      supportYears: 2,
      contingencyPercent: 10,
      marginPercent: 20,
      roundFeesTo: 0,
      taxRatePercent: 0,
      standard: { days: 3, fee: 0 },
    });
    assert.equal(fm.status, 'estimated');
    assert.equal(plan.frontMatter.status, 'estimated');
    assert.equal(fm.customer, 'Acme | Robotics');
    assert.equal(fm.kind, 'custom-request-assessment');
    assert.ok(!plan.text.includes('# Estimate: remove the leading'), 'the hint is gone');
    assert.ok(!/^#/m.test(splitFrontMatter(plan.text)!.yaml), 'no commented line is left in the front matter');
    assert.ok(!plan.text.includes('The estimate is still missing'), 'the figures block was refreshed');
    assert.equal(applyEdits(text, plan.edits), plan.text);
  });

  it('drops the Chinese commented hint too', async () => {
    const { path, text } = await newAssessment('zh-cn');
    const hint = text.split('\n').filter((line) => line.startsWith('# '));
    assert.ok(hint.length > 5, 'the Chinese assessment has a commented hint');
    const plan = await save(path, text, SMALL);
    assert.ok(!/^#/m.test(splitFrontMatter(plan.text)!.yaml), 'no commented line is left');
    assert.equal(frontMatterOf(plan.text).status, 'estimated');
  });

  it('keeps the user’s comments and body text byte for byte, and edits only the front matter and the figures block', async () => {
    const created = await newAssessment();
    const note = '\nOur notes, written by hand: ünïcödé, 中文, `code` and a trailing space \n';
    let text = created.text.replace('\nstatus: draft\n', '\n# keep me\nstatus: draft\n');
    text = text.replace('\n## 10. Related documents\n', `${note}\n## 10. Related documents\n`);
    text = text.replace('\n## 1. The request as stated\n', '\n<!-- a comment of mine -->\n## 1. The request as stated\n');
    assert.notEqual(text, created.text);
    const plan = await save(created.path, text, WORKED_EXAMPLE);

    assert.ok(plan.text.includes('\n# keep me\nstatus: estimated\n'), 'the comment above status stays');
    assert.ok(plan.text.includes(`${note}\n## 10. Related documents\n`), 'the note after the figures block survives');
    assert.ok(plan.text.includes('\n<!-- a comment of mine -->\n## 1. The request as stated\n'));
    assert.equal(applyEdits(text, plan.edits), plan.text);

    // Edits are ordered, do not overlap and each lies in the front matter or the figures block.
    const fm = frontMatterRange(text);
    const figures = figuresRange(text);
    let last = 0;
    for (const edit of plan.edits) {
      assert.ok(edit.start >= last && edit.end >= edit.start, 'edits are in order and do not overlap');
      last = edit.end;
      const inFrontMatter = edit.start >= fm.start && edit.end <= fm.end;
      const inFigures = edit.start >= figures.start && edit.end <= figures.end;
      assert.ok(inFrontMatter || inFigures, `edit [${edit.start}, ${edit.end}) is outside the front matter and the figures block`);
    }
    assert.equal(plan.edits.length, 2, 'one edit for the front matter, one for the figures block');

    // Outside the two regions the text is identical.
    const newFm = frontMatterRange(plan.text);
    const newFigures = figuresRange(plan.text);
    assert.equal(plan.text.slice(0, newFm.start), text.slice(0, fm.start));
    assert.equal(plan.text.slice(newFm.end, newFigures.start), text.slice(fm.end, figures.start));
    assert.equal(plan.text.slice(newFigures.end), text.slice(figures.end));
  });

  it('a second save with another estimate keeps the comments on unchanged keys inside estimate:', async () => {
    const { path, text } = await newAssessment();
    const first = await save(path, text, WORKED_EXAMPLE);
    let edited = first.text.replace('\n    engineer: 3000\n', '\n    engineer: 3000 # agreed with finance\n');
    edited = edited.replace('\n  teamSize: 2\n', '\n  # two people, part time\n  teamSize: 2\n');
    edited = edited.replace('\n  marginPercent: 20\n', '\n  marginPercent: 20 # old margin\n');
    assert.ok(edited.includes('# agreed with finance') && edited.includes('# two people, part time'));

    const second = await save(path, edited, { ...WORKED_EXAMPLE, marginPercent: 25, supportYears: 3 });
    assert.ok(second.text.includes('\n    engineer: 3000 # agreed with finance\n'), 'comment on the unchanged rate stays');
    assert.ok(second.text.includes('\n  # two people, part time\n  teamSize: 2\n'), 'comment above the unchanged team size stays');
    assert.ok(second.text.includes('\n  marginPercent: 25'), 'the margin changed');
    assert.ok(second.text.includes('\n  supportYears: 3\n'));
    const fm = frontMatterOf(second.text);
    assert.deepEqual(fm.estimate, { ...WORKED_EXAMPLE, marginPercent: 25, supportYears: 3 });
    assert.equal(applyEdits(edited, second.edits), second.text);
    // Saving the same estimate again changes nothing at all.
    const again = await save(path, second.text, { ...WORKED_EXAMPLE, marginPercent: 25, supportYears: 3 });
    assert.equal(again.text, second.text);
    assert.deepEqual(again.edits, []);
  });

  it('refuses an estimate whose optimistic days exceed the pessimistic, naming that field only', async () => {
    const { path, text } = await newAssessment();
    const bad = { ...SMALL, workItems: [{ name: 'Export adapter', role: 'engineer', optimistic: 12, mostLikely: 8, pessimistic: 10 }] };
    const error = await rejectsWith(save(path, text, bad), 'invalid-input');
    assert.equal(
      error.text.en,
      `The estimate for ${FILE} has a problem: Field "estimate.workItems[0].mostLikely" (most likely person-days) must satisfy optimistic ≤ most likely ≤ pessimistic`,
    );
    assert.equal(error.text['zh-cn'], `${FILE} 的估算有问题：字段“estimate.workItems[0].mostLikely”（最可能人天）应满足：乐观 ≤ 最可能 ≤ 悲观`);
  });

  it('refuses an estimate with no day rate for a role, naming the role', async () => {
    const { path, text } = await newAssessment();
    const bad = { ...SMALL, workItems: [...SMALL.workItems, { name: 'Screens', role: 'designer', optimistic: 1, mostLikely: 2, pessimistic: 3 }] };
    const error = await rejectsWith(save(path, text, bad), 'invalid-input');
    assert.equal(error.text.en, `The estimate for ${FILE} has a problem: Field "estimate.dayRates.designer" (day rates) has no day rate for the role "designer"`);
    assert.equal(error.text['zh-cn'], `${FILE} 的估算有问题：字段“estimate.dayRates.designer”（人天单价）缺少角色“designer”的人天单价`);
  });

  it('refuses a file whose front matter is not valid YAML', async () => {
    const { path, text } = await newAssessment();
    const broken = text.replace('\ncustomer: Acme | Robotics\n', '\ncustomer: [Acme | Robotics\n');
    const error = await rejectsWith(save(path, broken, SMALL), 'invalid-front-matter');
    // The file and the line the yaml library stopped at (the line after the unclosed `[`; +1 for the opening `---`).
    const line = broken.split('\n').indexOf('customer: [Acme | Robotics') + 2;
    assert.ok(error.text.en.startsWith(`The front matter of ${FILE}:${line} is not valid YAML: `), error.text.en);
    assert.ok(error.text['zh-cn'].startsWith(`${FILE}:${line} 的 front matter 不是有效的 YAML`), error.text['zh-cn']);
  });

  it('refuses a file that is not an assessment', async () => {
    const { path } = await newAssessment();
    await rejectsWith(save(path, '# Just notes\n\nNo front matter here.\n', SMALL), 'not-an-assessment');
    const other = await rejectsWith(save(path, '---\nkind: something-else\ntitle: x\n---\n\nBody\n', SMALL), 'not-an-assessment');
    assert.ok(other.text.en.startsWith(`${FILE} is not a custom request assessment`), other.text.en);
    await rejectsWith(save(path, '---\n- a list\n- not a map\n---\n', SMALL), 'not-an-assessment');
  });
});
