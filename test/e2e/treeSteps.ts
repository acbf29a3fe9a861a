/**
 * The journey's steps in the Custom Requests tree, after the quote: the
 * request under "quoted" with its quote number and NRE, its files below it.
 */
import assert from 'node:assert/strict';
import { requestName, statusLabel } from '../../src/core/status';
import { localToday, type Journey, type Step } from './journey';
import { RequestTree } from './requestTree';

const REQUESTS_VIEW = 'customRequest.requestsView';

export function requestTree(j: Journey): RequestTree {
  return new RequestTree(j.session.page, j.ui.viewName(REQUESTS_VIEW));
}

export const TREE_STEPS: Step[] = [
  {
    title: 'the Custom Requests tree lists the request under Quoted with its quote number and NRE, and its files below it',
    async run(j) {
      const s = j.scenario;
      const tree = requestTree(j);
      await tree.show();
      const quoteNumber = s.expected.quoteNumber(Number(localToday().slice(0, 4)));
      const label = requestName(s, s.lang);
      const request = await tree.waitForRow(label);
      assert.equal(request.description, `${quoteNumber} R1 · ${s.expected.nreShown}`);
      assert.equal(request.level, 2);
      await tree.expand(label);
      const rows = await tree.rows();
      const at = rows.findIndex(([, name]) => name === label);
      // The group above it, then the request's assessment, its quote and its ADR below it.
      const group = rows.slice(0, at).reverse().find(([level]) => level === 1);
      assert.deepEqual(group, [1, statusLabel('quoted', s.lang), '1']);
      assert.deepEqual(
        rows.slice(at + 1, at + 4).map(([level, name]) => [level, name]),
        [
          [3, j.ui.t('Assessment')],
          [3, `${quoteNumber} R1`],
          [3, `ADR ${s.adr.number}: ${s.adr.title}`],
        ],
      );
      assert.equal(rows[at + 1][2], j.assessmentPath);
      assert.equal(rows[at + 2][2], `${localToday()} · ${s.expected.nreShown}`);
      await j.workbench.screenshot('requests tree');
    },
  },
];
