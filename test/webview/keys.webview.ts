/**
 * The form's editing keys stay in the form (src/webview/keys.ts), in the real
 * bundle in Chromium. A stand-in for VS Code's webview host listens on the
 * window as the host does (test/webview/formPage.ts has the page): it records
 * every keydown it would forward to the workbench as `did-keydown`, and cancels
 * undo and redo as the host does. Keys are real key presses.
 *
 * Run: npx mocha --config test/webview/.mocharc.json
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { LOAD, loadedForm, posted, send, until, useFormPage, value } from './formPage';

/** Installs the host stand-in: what VS Code 1.100's webview pre/index.html does with a keydown on the webview's window. */
async function withHost(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __forwarded: string[] };
    w.__forwarded = [];
    window.addEventListener('keydown', (e) => {
      const hasMeta = e.ctrlKey || e.metaKey;
      // Undo and redo are cancelled in the webview and run by the workbench instead.
      if (hasMeta && [90, 89].includes(e.keyCode)) e.preventDefault();
      if (['Control', 'Shift', 'Alt', 'Meta'].includes(e.key)) return; // a modifier on its own binds nothing here
      w.__forwarded.push([e.ctrlKey ? 'Control+' : '', e.shiftKey ? 'Shift+' : '', e.altKey ? 'Alt+' : '', e.key].join(''));
    });
  });
}

const forwarded = (page: Page) => page.evaluate(() => (window as unknown as { __forwarded: string[] }).__forwarded);

/**
 * Presses `key` until the field reads `target`, at most one press more than there are `between` states; every value
 * seen on the way must be one of `between`.
 */
async function pressUntil(page: Page, key: string, id: string, target: string, between: string[], what: string): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i <= between.length && seen.at(-1) !== target; i++) {
    await page.keyboard.press(key, PACE);
    seen.push(await value(page, id));
  }
  assert.equal(seen.at(-1), target, `${what}: ${key} gave ${seen.join(', ')}`);
  for (const state of seen.slice(0, -1)) assert.ok(between.includes(state), `${what}: ${key} passed through ${state}`);
}

/** A person's pace: a key every 40 ms. */
const PACE = { delay: 40 };

describe('the form keeps its editing keys (real bundle in Chromium)', function () {
  useFormPage();

  it('Ctrl+A then typing replaces the field, and Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y undo and redo it; nothing reaches the workbench', async () => {
    const page = await loadedForm();
    await withHost(page);
    await page.locator('#f-marginPercent').click();
    assert.equal(await value(page, 'f-marginPercent'), '20');
    await page.keyboard.press('Control+A', PACE);
    await page.keyboard.type('35', PACE);
    assert.equal(await value(page, 'f-marginPercent'), '35', 'select-all selected the field, and typing replaced it');
    // Chromium undoes the typing as one step or key by key (that depends on when the form redraws): either way the
    // field goes back through what was typed ("3") to its old text, and redo the other way.
    await pressUntil(page, 'Control+Z', 'f-marginPercent', '20', ['3'], 'undo gives the field its text back');
    await pressUntil(page, 'Control+Shift+Z', 'f-marginPercent', '35', ['3'], 'Ctrl+Shift+Z redoes');
    await pressUntil(page, 'Control+Z', 'f-marginPercent', '20', ['3'], 'undo again');
    await pressUntil(page, 'Control+Y', 'f-marginPercent', '35', ['3'], 'Ctrl+Y redoes');
    assert.deepEqual(await forwarded(page), [], 'no key went to the workbench');
    await until(page, () => document.getElementById('r-nre') !== null);
  });

  it('Home, End, arrows, Backspace and Delete edit inside the field; Tab and Shift+Tab move between fields', async () => {
    const page = await loadedForm();
    await withHost(page);
    await page.locator('#f-workItems-0-name').click();
    await page.keyboard.press('Home', PACE);
    await page.keyboard.type('A ', PACE);
    await page.keyboard.press('End', PACE);
    await page.keyboard.press('ArrowLeft', PACE);
    await page.keyboard.press('Backspace', PACE);
    await page.keyboard.press('Control+ArrowLeft', PACE);
    await page.keyboard.press('Delete', PACE);
    // "Push robot data to the customer platform": "A " typed before it; End, one left and Backspace take the "r" of
    // "platform"; Ctrl+Left jumps to the start of that word and Delete takes its "p".
    assert.equal(await value(page, 'f-workItems-0-name'), 'A Push robot data to the customer latfom');
    await page.keyboard.press('Tab', PACE);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-workItems-0-role');
    await page.keyboard.press('Shift+Tab', PACE);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-workItems-0-name');
    assert.deepEqual(await forwarded(page), []);
  });

  it('Ctrl+X, Ctrl+C and Ctrl+V cut, copy and paste within the form', async () => {
    const page = await loadedForm();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await withHost(page);
    await page.locator('#f-teamSize').click();
    await page.keyboard.press('Control+A', PACE);
    await page.keyboard.press('Control+X', PACE);
    assert.equal(await value(page, 'f-teamSize'), '', 'cut empties the field');
    await page.keyboard.press('Control+V', PACE);
    await page.keyboard.press('Control+V', PACE);
    assert.equal(await value(page, 'f-teamSize'), '22', 'pasted twice');
    await page.keyboard.press('Control+A', PACE);
    await page.keyboard.press('Control+C', PACE);
    await page.locator('#f-supportYears').click();
    await page.keyboard.press('Control+A', PACE);
    await page.keyboard.press('Control+V', PACE);
    assert.equal(await value(page, 'f-supportYears'), '22', 'copied from one field into another');
    assert.deepEqual(await forwarded(page), []);
  });

  it('Enter in a field does not save, and Escape leaves the field as it is', async () => {
    const page = await loadedForm();
    await withHost(page);
    await page.locator('#f-marginPercent').click();
    await page.keyboard.press('Control+A', PACE);
    await page.keyboard.type('25', PACE);
    await page.keyboard.press('Enter', PACE);
    await page.keyboard.press('Escape', PACE);
    assert.equal(await value(page, 'f-marginPercent'), '25');
    await until(page, () => document.body.dataset.dirty === 'true');
    assert.ok(!(await posted(page)).some((m) => m.type === 'save' || m.type === 'generateQuote'), 'no stray submit');
    assert.deepEqual(await forwarded(page), []);
    // The Save estimate button still saves, from the keyboard.
    await page.locator('#save').focus();
    await page.keyboard.press('Enter', PACE);
    await until(page, () => document.getElementById('status')?.textContent === 'Saving…');
    assert.equal((await posted(page)).filter((m) => m.type === 'save').length, 1);
  });

  it('the assessment sent again while the user types keeps the caret where it was: the next key lands after the last', async () => {
    const page = await loadedForm();
    await page.locator('#f-marginPercent').click();
    await page.keyboard.press('Control+A', PACE);
    await page.keyboard.type('3', PACE);
    // The extension sends the assessment again (a watcher saw another file change): the form redraws its fields.
    await send(page, LOAD);
    await page.keyboard.type('0', PACE);
    assert.equal(await value(page, 'f-marginPercent'), '30');
  });

  it('workbench shortcuts (F1, Ctrl+Shift+P, Ctrl+S, Ctrl+B, Alt+…) still reach the workbench', async () => {
    const page = await loadedForm();
    await withHost(page);
    await page.locator('#f-marginPercent').click();
    for (const key of ['F1', 'Control+Shift+P', 'Control+S', 'Control+B', 'Alt+ArrowLeft']) await page.keyboard.press(key, PACE);
    assert.deepEqual(await forwarded(page), ['F1', 'Control+Shift+P', 'Control+S', 'Control+B', 'Alt+ArrowLeft']);
  });
});
