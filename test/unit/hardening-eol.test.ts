/**
 * Hardening (issue 8, item 13): every rewrite of an assessment keeps the
 * file's own line ending (CRLF stays CRLF, never mixed) and its byte order mark.
 */
import assert from 'node:assert/strict';
import { parseAssessment, updateAssessmentText } from '../../src/core/assessment';
import { applyEdits, planSaveEstimate } from '../../src/core/saveEstimate';
import { planNewAdr } from '../../src/core/adrPlan';
import { planNewAssessment, planQuote } from '../../src/core/workflows';
import { WORKED_EXAMPLE } from './workedExample';
import { common, requestData, withEstimate } from './workflowFixture';

const ROOT = '/ws';
const none = async () => false;
const BOM = '\uFEFF';
const crlf = (text: string) => text.replace(/\n/g, '\r\n');
const loneLf = (text: string) => (text.match(/(?<!\r)\n/g) ?? []).length;
const cr = (text: string) => (text.match(/\r/g) ?? []).length;

/** The text in every combination of line ending and BOM, with what each must keep. */
function variants(lf: string) {
  return [
    { name: 'LF', text: lf, bom: false, crlf: false },
    { name: 'LF with BOM', text: BOM + lf, bom: true, crlf: false },
    { name: 'CRLF', text: crlf(lf), bom: false, crlf: true },
    { name: 'CRLF with BOM', text: BOM + crlf(lf), bom: true, crlf: true },
  ];
}

function assertKept(out: string, v: { name: string; bom: boolean; crlf: boolean }, what: string) {
  assert.equal(out.startsWith(BOM), v.bom, `${what} (${v.name}): BOM ${v.bom ? 'kept' : 'not added'}`);
  assert.equal(out.indexOf(BOM, 1), -1, `${what} (${v.name}): one BOM at most`);
  assert.ok(!out.includes('\r\r'), `${what} (${v.name}): no doubled CR`);
  if (v.crlf) assert.equal(loneLf(out), 0, `${what} (${v.name}): no LF without CR`);
  else assert.equal(cr(out), 0, `${what} (${v.name}): no CR`);
}

describe('hardening: line endings and BOM', () => {
  let assessmentPath: string;
  let fresh: string;
  before(async () => {
    const plan = await planNewAssessment({ ...common, root: ROOT, data: requestData('en'), exists: none });
    assessmentPath = plan.assessmentPath;
    fresh = plan.file.text;
  });

  it('updateAssessmentText keeps them', () => {
    for (const v of variants(fresh)) {
      const out = updateAssessmentText(v.text, 'a.md', { status: 'estimated', blocks: { links: '- one\n- two', figures: 'new\n\nfigures' } });
      assertKept(out, v, 'update');
      assert.equal(parseAssessment(out, 'a.md').frontMatter.status, 'estimated');
    }
  });

  it('saving the estimate keeps them, as edits too, and a second save changes nothing', async () => {
    for (const v of variants(fresh)) {
      const plan = await planSaveEstimate({ ...common, root: ROOT, assessmentPath, assessmentText: v.text, estimate: WORKED_EXAMPLE });
      assertKept(plan.text, v, 'save');
      assert.equal(applyEdits(v.text, plan.edits), plan.text);
      const again = await planSaveEstimate({ ...common, root: ROOT, assessmentPath, assessmentText: plan.text, estimate: WORKED_EXAMPLE });
      assert.deepEqual(again.edits, [], `${v.name}: nothing to change the second time`);
    }
  });

  it('Generate Quote keeps them in the assessment, changing nothing else', async () => {
    let lfResult = '';
    for (const v of variants(withEstimate(fresh))) {
      const plan = await planQuote({ ...common, root: ROOT, assessmentPath, assessmentText: v.text, quoteFolder: ROOT, workspaceQuoteNumbers: [] });
      assertKept(plan.assessmentText, v, 'quote');
      if (v.name === 'LF') lfResult = plan.assessmentText;
      assert.equal(plan.assessmentText.replace(BOM, ''), v.crlf ? crlf(lfResult) : lfResult, `${v.name}: the same text as for LF`);
      assert.equal(parseAssessment(plan.assessmentText, 'a.md').frontMatter.quotes.length, 1);
    }
  });

  it('a new ADR keeps them in the assessment', async () => {
    for (const v of variants(fresh)) {
      const plan = await planNewAdr({ ...common, root: ROOT, assessmentPath, assessmentText: v.text, adrFolder: `${ROOT}/doc/adr`, format: 'madr', nextNumber: 1, title: 'Decide', exists: none });
      assertKept(plan.assessmentText, v, 'adr');
    }
  });
});
