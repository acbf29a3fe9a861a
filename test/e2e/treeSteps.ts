/**
 * The journey's steps in the Custom Requests tree, after the quote: the
 * request under "quoted" with its quote number and NRE, its files below it.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { requestName, statusLabel } from '../../src/core/status';
import { localToday, type Journey, type Step } from './journey';
import { waitUntil } from './workbench';
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
      // The tooltip is built on hover: it carries the status and the estimate's fees.
      const tip = await tree.tooltip(label);
      assert.ok(tip.includes(statusLabel('quoted', s.lang)), `the tooltip names the status: ${tip}`);
      assert.ok(tip.includes(j.ui.t('Custom development fee (one-time)')) && tip.includes(s.expected.nreShown), `the tooltip has the fee: ${tip}`);
      await j.workbench.screenshot('request tooltip');
      await j.session.page.mouse.move(700, 450);
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
  {
    title: 'Update Register writes the register with the request, and every link in it resolves',
    async run(j) {
      const s = j.scenario;
      const root = String(j.ui.settingDefault('customRequest.assessmentFolder'));
      j.registerPath = `${root}/README.md`;
      await j.workbench.runCommand(j.ui.commandTitle('customRequest.updateRegister'));
      await j.workbench.waitForNotification(j.ui.t('Register {0} updated: {1} requests.', j.registerPath, 1));
      const register = j.read(j.registerPath);
      assert.ok(register.includes(s.customer), 'the register names the customer');
      const links = [...register.matchAll(/\]\(<?([^)>]+)>?\)/g)].map((m) => decodeURIComponent(m[1]));
      assert.ok(links.length >= 3, `links to the assessment, the ADR and the quote: ${links.join(', ')}`);
      for (const link of links) assert.ok(existsSync(join(dirname(j.file(j.registerPath)), link)), `the register's link ${link} resolves`);
      await j.workbench.screenshot('register updated');
    },
  },
  {
    title: "Commit Request from the tree's context menu commits exactly the request's files",
    async run(j) {
      const s = j.scenario;
      const tree = requestTree(j);
      await tree.contextMenu(requestName(s, s.lang), j.ui.menuTitle('customRequest.commitRequest'));
      const input = j.session.page.locator('.quick-input-widget .quick-input-box input');
      await input.waitFor({ state: 'visible' });
      // The prompt names every file to be committed by its whole workspace-relative path, never by its base name alone.
      const message = j.session.page.locator('.quick-input-widget .quick-input-message');
      const prompt = await waitUntil('the prompt to name the files', async () => {
        const text = (await message.textContent()) ?? '';
        return text.includes(j.assessmentPath) ? text : undefined;
      });
      for (const path of [j.assessmentPath, j.quotePath, j.registerPath]) assert.ok(prompt.includes(path), `the prompt names ${path}: ${prompt}`);
      await j.workbench.screenshot('commit message proposed');
      const before = j.session.run('git', ['rev-parse', 'HEAD']);
      await input.press('Enter');
      const files = await waitUntil('the commit', () => {
        if (j.session.run('git', ['rev-parse', 'HEAD']) === before) return undefined;
        return j.session.run('git', ['-c', 'core.quotePath=false', 'log', '-1', '--name-only', '--format=']).trim().split('\n').sort();
      });
      assert.deepEqual(files, [j.quotePath, j.registerPath, j.assessmentPath].sort());
      const status = j.session.run('git', ['-c', 'core.quotePath=false', 'status', '--porcelain']);
      for (const file of files) assert.ok(!status.includes(file), `${file} is committed: ${status}`);
      await j.workbench.screenshot('request committed');
    },
  },
];
