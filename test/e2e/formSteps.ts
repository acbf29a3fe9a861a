/**
 * The journey's steps in the Estimate form, where a user meets it: after New
 * Assessment, before the quote. Open the side bar, type the estimate by
 * keyboard (live figures, a validation message), save, edit the front matter
 * by hand, add a capability tag, and look at the form in three themes.
 */
import { requestName } from '../../src/core/status';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { splitFrontMatter } from '../../src/core/assessment';
import { REPO_ROOT } from './uiText';
import type { Step } from './journey';
import { PACE, waitUntil } from './workbench';

export const FORM_STEPS: Step[] = [
  {
    title: 'the Custom Requests side bar opens the Estimate form on the new assessment',
    async run(j) {
      await j.form.open(j.ui.containerTitle('customRequests'));
      await j.workbench.widenSideBar(420);
      await waitUntil('the form to show the new assessment', async () => ((await j.form.selectedAssessment()) === requestName(j.scenario, j.scenario.lang) ? true : undefined));
      // A new estimate starts from one empty work item and the settings' defaults.
      assert.equal(await j.form.value('workItems.0.name'), '');
      assert.equal(await j.form.value('dayRates.0.rate'), String(j.ui.settingDefault('customRequest.dayRate')));
      await j.workbench.screenshot('estimate form opened');
    },
  },
  {
    title: 'the estimate is typed into the form, with live figures and a validation message',
    async run(j) {
      const { estimate, expected } = j.scenario;
      const f = j.form;
      for (const [i, item] of estimate.workItems.entries()) {
        if (i > 0) await f.press('[data-action="add"]');
        await f.type(`workItems.${i}.name`, item.name);
        await f.type(`workItems.${i}.role`, item.role);
        await f.type(`workItems.${i}.optimistic`, String(item.optimistic));
        await f.type(`workItems.${i}.mostLikely`, String(item.mostLikely));
        await f.type(`workItems.${i}.pessimistic`, String(item.pessimistic));
      }
      for (const field of ['teamSize', 'focusFactor', 'releasesPerYear', 'testingDaysPerRelease', 'recurringRole', 'supportYears', 'contingencyPercent', 'marginPercent', 'roundFeesTo', 'taxRatePercent', 'currency'] as const) {
        await f.type(field, String(estimate[field]));
      }
      await f.type('standardDays', String(estimate.standard.days));
      await f.type('standardFee', String(estimate.standard.fee));
      // A day-rate row appeared for each role, in the order the roles were first used.
      for (const [i, [role, rate]] of Object.entries(estimate.dayRates).entries()) {
        assert.equal((await f.frame.locator(`label[for="f-dayRates-${i}-rate"]`).textContent())?.trim(), j.ui.t('Day rate: {0}', role));
        await f.type(`dayRates.${i}.rate`, String(rate));
      }
      for (const [id, text] of Object.entries(expected.form)) await f.waitForText(id, text);
      await j.workbench.screenshot('estimate typed with live figures');

      // Pessimistic below optimistic: the message sits next to "most likely", where the rule is broken.
      const order = j.scenario.lang === 'zh-cn' ? '应满足：乐观 ≤ 最可能 ≤ 悲观' : 'must satisfy optimistic ≤ most likely ≤ pessimistic';
      await f.type('workItems.0.pessimistic', String(estimate.workItems[0].optimistic - 1));
      await waitUntil('the order message', async () => ((await f.error('workItems.0.mostLikely')) === order ? true : undefined));
      assert.ok(await f.invalid('workItems.0.mostLikely'));
      await f.reveal('workItems.0.name');
      await j.workbench.screenshot('validation message');
      await f.type('workItems.0.pessimistic', String(estimate.workItems[0].pessimistic));
      await waitUntil('the message to go', async () => ((await f.error('workItems.0.mostLikely')) === '' ? true : undefined));
      await f.waitForText('r-nre', expected.form['r-nre']);
      assert.equal(j.frontMatter(j.assessmentPath).estimate, undefined, 'nothing reaches the file before Save');
    },
  },
  {
    title: 'Save estimate writes the inputs into the front matter',
    async run(j) {
      await j.form.press('#save');
      await j.form.waitForText('status', j.ui.t('Estimate saved.'));
      const fm = j.frontMatter(j.assessmentPath);
      assert.deepEqual(fm.estimate, j.scenario.estimate, 'the saved estimate is exactly what was typed');
      assert.equal(fm.status, 'estimated');
      await waitUntil('the editor to show the estimate', async () => ((await j.workbench.visibleEditorText()).includes('estimate:') ? true : undefined));
      await j.workbench.screenshot('estimate saved');
    },
  },
  {
    title: 'a hand edit of the front matter updates the form, and broken YAML shows there',
    async run(j) {
      const wb = j.workbench;
      const f = j.form;
      const team = String(j.scenario.estimate.teamSize);
      // Unsaved edits count: the form reads the editor's text.
      await wb.moveCursorToEndOfLineWith(`teamSize: ${team}`);
      await j.session.page.keyboard.press('Backspace');
      await j.session.page.keyboard.type('4');
      await waitUntil('the form to take the edited team size', async () => ((await f.value('teamSize')) === '4' ? true : undefined));
      await wb.paste('\nbroken: [unclosed');
      const problem = f.frame.locator('#problem');
      await problem.waitFor({ state: 'visible' });
      const yamlProblem = j.scenario.lang === 'zh-cn' ? '不是有效的 YAML' : 'is not valid YAML';
      assert.ok(((await problem.textContent()) ?? '').includes(yamlProblem), 'the form names the YAML problem');
      assert.equal(await f.value('teamSize'), '4', 'the form keeps what it shows');
      await f.frame.locator('#problem').scrollIntoViewIfNeeded();
      await wb.screenshot('broken front matter shown in the form');
      // Undo both edits in the editor: the form follows and the problem goes.
      await wb.activeEditor().locator('.view-lines').first().click();
      // Until the editor itself is back (the form alone could show the default team size for an emptied one).
      const restored = async () => /^ {2}teamSize: (\d+)$/m.exec(await wb.visibleEditorText())?.[1] === team && !(await wb.visibleEditorText()).includes('broken:');
      // Three edits (Backspace, "4", the paste): each Ctrl+Z is followed by a wait for the editor to change.
      for (let i = 0; i < 10 && !(await restored()); i++) {
        const before = await wb.visibleEditorText();
        await j.session.page.keyboard.press('ControlOrMeta+Z', PACE);
        await waitUntil('the editor to take the undo', async () => ((await wb.visibleEditorText()) !== before ? true : undefined));
      }
      assert.ok(await restored(), 'undo brought the editor back to the saved team size');
      await waitUntil('the form back at the saved team size', async () => ((await f.value('teamSize')) === team && (await problem.isHidden()) ? true : undefined));
      assert.equal(j.frontMatter(j.assessmentPath).estimate && (j.frontMatter(j.assessmentPath).estimate as { teamSize: number }).teamSize, j.scenario.estimate.teamSize, 'nothing reached the file');
      await wb.save('assessment.md');
      assert.deepEqual(j.frontMatter(j.assessmentPath).estimate, j.scenario.estimate, 'the file holds the saved estimate again');
    },
  },
  {
    title: "the form's Edit tags… offers the request's tags checked, and a new tag lands in the front matter",
    async run(j) {
      const f = j.form;
      const zh = j.scenario.lang === 'zh-cn';
      const before = j.frontMatter(j.assessmentPath).capabilities as string[];
      const added = zh ? '审计日志' : 'audit-log';
      await f.waitForText('capabilities', before.join(zh ? '、' : ', '));
      await f.press('[data-action="capabilities"]');
      const title = j.ui.t('Set Capability Tags');
      const quickInput = j.workbench.quickInput;
      await quickInput.locator('.quick-input-title', { hasText: title }).waitFor({ state: 'visible' });
      // The request's own tags come checked; "New tags…" leads to typing more.
      for (const tag of before) {
        const row = quickInput.locator('.quick-input-list .monaco-list-row', { hasText: tag }).first();
        await waitUntil(`${tag} checked`, async () => ((await row.getAttribute('aria-checked')) === 'true' ? true : undefined));
      }
      await j.workbench.screenshot('capability tags offered');
      await quickInput.locator('.quick-input-list .monaco-list-row', { hasText: j.ui.t('New tags…') }).first().click();
      await quickInput.locator('.quick-input-box input').press('Enter');
      await j.workbench.answerInput({ title, prompt: j.ui.t('Capability tags (optional), separated by commas'), value: added });
      const after = [...before, added];
      await f.waitForText('capabilities', after.join(zh ? '、' : ', '));
      await waitUntil('the tags in the file', async () => (JSON.stringify(j.frontMatter(j.assessmentPath).capabilities) === JSON.stringify(after) ? true : undefined));
      assert.deepEqual(j.frontMatter(j.assessmentPath).estimate, j.scenario.estimate, 'the estimate is left as it was');
      await f.frame.locator('.tags').scrollIntoViewIfNeeded();
      await j.workbench.screenshot('capability tag added');
    },
  },
  {
    title: 'the form follows the light, dark and high-contrast themes',
    async run(j) {
      const settings = j.file('.vscode/settings.json');
      mkdirSync(dirname(settings), { recursive: true });
      // The figures and charts are where colours matter most.
      // The figures are redrawn whenever the form updates (the save just before sends the document back): retry on a redrawn chart.
      await waitUntil('the charts in view', async () => ((await j.form.frame.locator('#chart-effort').scrollIntoViewIfNeeded({ timeout: 2_000 }).then(() => true, () => undefined)) ? true : undefined));
      try {
        for (const theme of ['Default Dark Modern', 'Default High Contrast', 'Default Light Modern']) {
          writeFileSync(settings, JSON.stringify({ 'workbench.colorTheme': theme }));
          const kind = theme.includes('High Contrast') ? 'hc-black' : theme.includes('Dark') ? 'vs-dark' : 'vs';
          await waitUntil(`the ${theme} theme`, async () => ((await j.workbench.page.locator(`.monaco-workbench.${kind}`).count()) > 0 ? true : undefined));
          // The webview takes the theme's variables: its body gets VS Code's theme class too.
          await waitUntil(`the form in ${theme}`, async () => ((await j.form.frame.locator(`body.vscode-${kind === 'vs' ? 'light' : kind === 'vs-dark' ? 'dark' : 'high-contrast'}`).count()) > 0 ? true : undefined));
          await j.workbench.screenshot(`form in ${theme}`);
        }
      } finally {
        rmSync(dirname(settings), { recursive: true, force: true });
      }
    },
  },
];

/** After the quote: a second assessment appears, and leaving unsaved input for it asks first. */
export const SWITCH_STEP: Step = {
  title: 'switching to another assessment with unsaved input asks first, and Escape keeps the input',
  async run(j) {
    const f = j.form;
    const page = j.session.page;
    // A colleague's assessment arrives (a pull, say): the form's list picks it up.
    const text = readFileSync(join(REPO_ROOT, 'test/golden', j.scenario.lang, 'assessment-new.md'), 'utf8');
    const other = parseYaml(splitFrontMatter(text)!.yaml) as { customer: string; title: string };
    const otherLabel = requestName(other, j.scenario.lang);
    const file = j.file('docs/custom-requests/2026-11-20-colleague/assessment.md');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    // Focusing the list (as a user about to pick does) asks for it afresh, should the watcher be slow.
    await f.frame.locator('#assessment').focus();
    await waitUntil('the second assessment in the list', async () => ((await f.frame.locator('#assessment option', { hasText: otherLabel }).count()) > 0 ? true : undefined));

    const mine = await f.selectedAssessment();
    await f.type('marginPercent', '30');
    await f.frame.locator('#assessment').selectOption({ label: otherLabel });
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible' });
    assert.ok(((await dialog.textContent()) ?? '').includes(j.ui.t('Save')), 'the question offers Save');
    await j.workbench.screenshot('switching asks first');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await waitUntil('the list back on the first assessment', async () => ((await f.selectedAssessment()) === mine ? true : undefined));
    assert.equal(await f.value('marginPercent'), '30', 'the unsaved input is still there');

    await f.frame.locator('#assessment').selectOption({ label: otherLabel });
    await dialog.waitFor({ state: 'visible' });
    await dialog.locator('a.monaco-button, button', { hasText: j.ui.t("Don't Save") }).first().click();
    // The list switches first; the other assessment's estimate (none yet: one empty work item) follows from the extension.
    await waitUntil('the form on the other assessment', async () =>
      (await f.selectedAssessment()) === otherLabel && (await f.value('workItems.0.name')) === '' && (await f.value('marginPercent')) !== '30' ? true : undefined,
    );
    assert.equal(j.frontMatter(j.assessmentPath).estimate && (j.frontMatter(j.assessmentPath).estimate as { marginPercent: number }).marginPercent, j.scenario.estimate.marginPercent, "Don't Save wrote nothing");
    await j.workbench.screenshot('form on the other assessment');
  },
};
