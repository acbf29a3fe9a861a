/**
 * Hardening (issue 8, item 5): user text can never open or close a generated
 * block. The helpers that put user text into Markdown make `<!--` and `-->`
 * harmless, and markers count only on a line of their own; regenerating is
 * stable.
 */
import assert from 'node:assert/strict';
import { parseAssessment, replaceGeneratedBlock, splitFrontMatter } from '../../src/core/assessment';
import { planSaveEstimate } from '../../src/core/saveEstimate';
import { inlineText, tableCell } from '../../src/core/templates';
import { planNewAdr } from '../../src/core/adrPlan';
import { planNewAssessment, planQuote } from '../../src/core/workflows';
import { WORKED_EXAMPLE } from './workedExample';
import { common, requestData } from './workflowFixture';

const ROOT = '/ws';
const none = async () => false;
const START = '<!-- custom-request:figures -->';
const END = '<!-- /custom-request:figures -->';
const LINKS_END = '<!-- /custom-request:links -->';

/** Lines of `text` that are exactly `marker`. */
const count = (text: string, marker: string) => text.split('\n').filter((line) => line.trim() === marker).length;
/** Every marker line of the body, in order. */
const markerLines = (text: string) =>
  splitFrontMatter(text)!
    .body.split('\n')
    .filter((line) => /^<!-- \/?custom-request:/.test(line));
const EXPECTED_MARKERS = [
  '<!-- custom-request:figures: generated from the estimate and replaced when it changes; write notes outside this block -->',
  END,
  '<!-- custom-request:links -->',
  LINKS_END,
];

async function quoteAgain(assessmentPath: string, text: string, taken: string[] = []) {
  return planQuote({ ...common, root: ROOT, assessmentPath, assessmentText: text, quoteFolder: ROOT, workspaceQuoteNumbers: taken });
}

describe('hardening: generated-block markers in user text', () => {
  it('escapes comment openers and closers in inline text and table cells', () => {
    for (const helper of [inlineText, tableCell]) {
      const out = helper(`a ${START} b ${END} c`);
      assert.ok(!out.includes('<!--') && !out.includes('-->'), `${helper.name}: ${out}`);
    }
    // Other text is only escaped for Markdown (`<` cannot open a tag); a lone `->` is left alone.
    assert.equal(inlineText('a <b> -> c'), 'a \\<b> -> c', 'other text is left alone');
  });

  it('ignores markers that do not stand on their own line', () => {
    const body = `# Title ${START}\n\nSection 1\n\n${START}\n\nold\n\n${END}\n\nNotes ${END} here\n`;
    const replaced = replaceGeneratedBlock(body, 'figures', 'new');
    assert.equal(replaced, `# Title ${START}\n\nSection 1\n\n${START}\n\nnew\n\n${END}\n\nNotes ${END} here\n`);
    assert.equal(replaceGeneratedBlock(replaced, 'figures', 'new'), replaced);
  });

  it('a title with a start marker keeps sections 1 to 5 through Generate Quote, stably', async () => {
    const plan = await planNewAssessment({ ...common, root: ROOT, data: { ...requestData('en'), title: `Push data ${START}`, customer: START }, exists: none });
    assert.deepEqual(markerLines(plan.file.text), EXPECTED_MARKERS);
    const saved = await planSaveEstimate({ ...common, root: ROOT, assessmentPath: plan.assessmentPath, assessmentText: plan.file.text, estimate: WORKED_EXAMPLE });
    assert.match(saved.text, /## 1\. The request as stated/);
    assert.match(saved.text, /## 5\. Productisation check/);
    const first = await quoteAgain(plan.assessmentPath, saved.text);
    assert.match(first.assessmentText, /## 1\. The request as stated/);
    assert.match(first.assessmentText, /## 5\. Productisation check/);
    assert.deepEqual(markerLines(first.assessmentText), EXPECTED_MARKERS);
    assert.equal(parseAssessment(first.assessmentText, 'a.md').frontMatter.title, `Push data ${START}`);
  });

  it('a work-item name with an end marker does not grow the file on each save or quote', async () => {
    const plan = await planNewAssessment({ ...common, root: ROOT, data: requestData('en'), exists: none });
    const estimate = { ...WORKED_EXAMPLE, workItems: WORKED_EXAMPLE.workItems.map((item, i) => (i === 0 ? { ...item, name: `Build ${END} it` } : item)) };
    const once = await planSaveEstimate({ ...common, root: ROOT, assessmentPath: plan.assessmentPath, assessmentText: plan.file.text, estimate });
    const twice = await planSaveEstimate({ ...common, root: ROOT, assessmentPath: plan.assessmentPath, assessmentText: once.text, estimate });
    assert.equal(twice.text, once.text);
    assert.deepEqual(twice.edits, []);
    assert.deepEqual(markerLines(once.text), EXPECTED_MARKERS);
    const q1 = await quoteAgain(plan.assessmentPath, once.text);
    const q2 = await quoteAgain(plan.assessmentPath, q1.assessmentText, [q1.number]);
    const q3 = await quoteAgain(plan.assessmentPath, q2.assessmentText, [q1.number, q2.number]);
    assert.deepEqual(markerLines(q3.assessmentText), EXPECTED_MARKERS);
    // Each quote adds its front-matter record and one line to each block, no more.
    const growth = (a: string, b: string) => b.length - a.length;
    assert.ok(Math.abs(growth(q2.assessmentText, q3.assessmentText) - growth(q1.assessmentText, q2.assessmentText)) < 10);
    assert.equal(count(q3.assessmentText, END), 1);
  });

  it('an ADR title with an end marker does not close the links block', async () => {
    const plan = await planNewAssessment({ ...common, root: ROOT, data: requestData('en'), exists: none });
    const adrPlan = await planNewAdr({
      ...common,
      root: ROOT,
      assessmentPath: plan.assessmentPath,
      assessmentText: plan.file.text,
      adrFolder: `${ROOT}/doc/adr`,
      format: 'madr',
      nextNumber: 1,
      title: `Decide ${LINKS_END}`,
      exists: none,
    });
    assert.deepEqual(markerLines(adrPlan.assessmentText), EXPECTED_MARKERS);
    assert.ok(!adrPlan.file.text.includes(LINKS_END), 'the ADR itself shows the title without a live comment');
    const saved = await planSaveEstimate({ ...common, root: ROOT, assessmentPath: plan.assessmentPath, assessmentText: adrPlan.assessmentText, estimate: WORKED_EXAMPLE });
    const q1 = await quoteAgain(plan.assessmentPath, saved.text);
    const q2 = await quoteAgain(plan.assessmentPath, q1.assessmentText, [q1.number]);
    assert.deepEqual(markerLines(q2.assessmentText), EXPECTED_MARKERS);
  });
});
