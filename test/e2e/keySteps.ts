/**
 * The journey's check of a user's editing habits, after the quote is written:
 * the assessment and the quote are open in editors, and every usual editing
 * key pressed in the Estimate form, the Custom Requests tree or a quick input
 * acts there, never on those editors. VS Code forwards a webview's keys to the
 * workbench, where select-all, undo and the clipboard fall through to the
 * active editor (microsoft/vscode#105670); src/webview/keys.ts keeps them in
 * the form, and package.json's keybindings keep them out of the editors when
 * the tree has focus.
 */
import assert from 'node:assert/strict';
import type { Journey, Step } from './journey';
import { requestTree } from './treeSteps';
import { PACE, waitUntil } from './workbench';

/** The bytes of the files the editors show, and their tabs clean. */
async function editorsUntouched(j: Journey, files: Map<string, string>, where: string): Promise<void> {
  for (const [path, bytes] of files) {
    assert.equal(j.read(path), bytes, `${where}: ${path} is byte-identical`);
    const name = path.split('/').at(-1)!;
    const tab = j.session.page.locator('.tabs-container .tab', { hasText: name });
    assert.equal(await tab.count(), 1, `${where}: ${name} is open in an editor`);
    assert.equal(await tab.evaluate((el) => el.classList.contains('dirty')), false, `${where}: ${name} has no unsaved change`);
  }
}

/**
 * Presses `key` in the form until the field reads `target`, at most once more than there are `between` states
 * (Chromium undoes a typed run at once or key by key, depending on when the form redraws).
 */
async function pressUntil(j: Journey, key: string, field: string, target: string, between: string[]): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i <= between.length && seen.at(-1) !== target; i++) {
    await j.session.page.keyboard.press(key, PACE);
    seen.push(await j.form.value(field));
  }
  assert.equal(seen.at(-1), target, `${key} in ${field} gave ${seen.join(', ')}`);
  for (const state of seen.slice(0, -1)) assert.ok(between.includes(state), `${key} in ${field} passed through ${state}`);
}

const focusedField = (j: Journey) => j.form.frame.locator(':focus').getAttribute('id');

export const KEY_STEP: Step = {
  title: 'editing keys in the form, the tree and a quick input act there, never on the open assessment and quote',
  async run(j) {
    const page = j.session.page;
    const keys = page.keyboard;
    const f = j.form;
    const files = new Map([j.assessmentPath, j.quotePath].map((path) => [path, j.read(path)]));
    await editorsUntouched(j, files, 'before');
    const margin = String(j.scenario.estimate.marginPercent);
    const typed = '31';
    assert.notEqual(margin, typed);

    const quoteName = j.quotePath.split('/').at(-1)!;
    await page.locator('.tabs-container .tab', { hasText: quoteName }).click();
    await j.workbench.waitForActiveEditor(quoteName);

    // The form, with the quote the active editor: select all, type, undo, redo, cut, paste, move, Enter, Escape, Tab.
    await f.frame.locator('#f-marginPercent').click();
    await keys.press('ControlOrMeta+A', PACE);
    await keys.type(typed, PACE);
    assert.equal(await f.value('marginPercent'), typed, 'Ctrl+A then typing replaced the field');
    await pressUntil(j, 'ControlOrMeta+Z', 'marginPercent', margin, ['3']);
    await pressUntil(j, 'ControlOrMeta+Shift+Z', 'marginPercent', typed, ['3']);
    await pressUntil(j, 'ControlOrMeta+Z', 'marginPercent', margin, ['3']);
    await pressUntil(j, 'Control+Y', 'marginPercent', typed, ['3']);
    await keys.press('ControlOrMeta+A', PACE);
    await keys.press('ControlOrMeta+X', PACE);
    assert.equal(await f.value('marginPercent'), '', 'Ctrl+X cut the field');
    await keys.press('ControlOrMeta+V', PACE);
    await keys.press('Home', PACE);
    await keys.type('1', PACE);
    await keys.press('End', PACE);
    await keys.press('ArrowLeft', PACE);
    await keys.press('Backspace', PACE);
    assert.equal(await f.value('marginPercent'), '11', 'paste, Home, End, arrows and Backspace edited the field');
    await keys.press('ControlOrMeta+A', PACE);
    await keys.press('ControlOrMeta+C', PACE);
    await keys.type(margin, PACE);
    await keys.press('Enter', PACE);
    await keys.press('Escape', PACE);
    assert.equal(await f.value('marginPercent'), margin);
    await f.waitForText('status', j.ui.t('Saved in the assessment'));
    await keys.press('Tab', PACE);
    assert.equal(await focusedField(j), 'f-roundFeesTo', 'Tab moved to the next field');
    await keys.press('Shift+Tab', PACE);
    assert.equal(await focusedField(j), 'f-marginPercent', 'Shift+Tab moved back');
    await j.workbench.screenshot('form keys kept in the form');
    await editorsUntouched(j, files, 'the form, the quote active');

    // The same with the assessment the active editor.
    await page.locator('.tabs-container .tab', { hasText: 'assessment.md' }).click();
    await j.workbench.waitForActiveEditor('assessment.md');
    await f.frame.locator('#f-teamSize').click();
    await keys.press('ControlOrMeta+A', PACE);
    await keys.type('7', PACE);
    assert.equal(await f.value('teamSize'), '7');
    await pressUntil(j, 'ControlOrMeta+Z', 'teamSize', String(j.scenario.estimate.teamSize), []);
    await f.waitForText('status', j.ui.t('Saved in the assessment'));
    await editorsUntouched(j, files, 'the form, the assessment active');

    // The tree: its assessment row clicked (the assessment stays active), then the same keys.
    const tree = requestTree(j);
    await tree.row(j.ui.t('Assessment')).first().click();
    await waitUntil('the tree focused', async () => ((await tree.pane.locator('.monaco-list:focus-within').count()) > 0 ? true : undefined));
    for (const key of ['ControlOrMeta+A', 'ControlOrMeta+Z', 'ControlOrMeta+Shift+Z', 'Control+Y', 'ControlOrMeta+X', 'ControlOrMeta+V']) await keys.press(key, PACE);
    await keys.type('x', PACE);
    await keys.press('Escape', PACE);
    await editorsUntouched(j, files, 'the tree');

    // A quick input (the command palette): its text is the one edited.
    await page.keyboard.press('F1');
    const input = j.workbench.quickInput.locator('.quick-input-box input');
    await input.waitFor({ state: 'visible' });
    await keys.type('Custom', PACE);
    await keys.press('ControlOrMeta+A', PACE);
    await keys.type('Req', PACE);
    await waitUntil('the palette to read ">Req"', async () => ((await input.inputValue()) === '>Req' || (await input.inputValue()) === 'Req' ? true : undefined));
    await keys.press('ControlOrMeta+Z', PACE);
    assert.notEqual(await input.inputValue(), 'Req', 'undo acted on the quick input');
    await keys.press('Escape', PACE);
    await j.workbench.quickInput.waitFor({ state: 'hidden' });
    await editorsUntouched(j, files, 'the quick input');
  },
};
