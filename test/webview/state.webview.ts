/**
 * The estimate form in the real bundle in Chromium (page and helpers in formPage.ts): saving,
 * the webview state across a reload, the problem banner, 500 fuzzed messages, and the light,
 * dark and high-contrast themes (screenshots in test-output/webview/). Rendering, figures,
 * validation, keyboard, labels and charts are in form.webview.ts.
 *
 * Run: npx mocha --config test/webview/.mocharc.json
 */
import assert from 'node:assert/strict';
import nodePath from 'node:path';
import { FORM_STRING_KEYS } from '../../src/webview/protocol';
import { mulberry32 } from '../support/random';
import { WORKED_EXAMPLE } from '../unit/workedExample';
import { ASSESSMENTS, DEFAULTS, INIT, KEY, LOAD, loadedForm, openForm, OTHER_KEY, OUT, pageErrors, posted, send, STRINGS, text, THEMES, type Theme, typeInto, until, useFormPage, value } from './formPage';

describe('estimate form webview: save, state and themes (real bundle in Chromium)', function () {
  useFormPage();

  it('posts save with the key and the parsed numbers, then shows the extension’s answer', async () => {
    const page = await loadedForm();
    await typeInto(page, 'f-marginPercent', '25');
    await typeInto(page, 'f-dayRates-0-rate', '3,500');
    // 30 × 3,500 = 105,000; +10% = 115,500; +25% = 144,375 → 145,000. Yearly 20 × 3,500 = 70,000; +25% = 87,500 → 88,000.
    await until(page, () => document.getElementById('r-nre')?.textContent === 'CN¥145,000.00');
    assert.equal(await text(page, '#r-yearly'), 'CN¥88,000.00');
    assert.equal(await text(page, '#r-term'), 'CN¥321,000.00');
    await page.locator('#save').click();
    const saves = (await posted(page)).filter((m) => m.type === 'save');
    assert.deepEqual(saves, [
      {
        type: 'save',
        key: KEY,
        estimate: { ...WORKED_EXAMPLE, dayRates: { engineer: 3500 }, marginPercent: 25 },
      },
    ]);
    assert.equal(await text(page, '#status'), 'Saving…');
    assert.equal(await page.locator('#save').isDisabled(), true, 'no second save while one runs');
    await send(page, { type: 'saved', key: KEY, message: 'Saved the estimate in assessment.md.' });
    assert.equal(await text(page, '#status'), 'Saved the estimate in assessment.md.');
    assert.equal(await page.locator('#save').isDisabled(), false);
    assert.deepEqual((await posted(page)).map((m) => m.type), ['ready', 'dirty', 'save', 'dirty']);
    assert.deepEqual((await posted(page)).at(-1), { type: 'dirty', key: KEY, dirty: false });
  });

  it('does not post a save while a field is wrong, and focuses the wrong field', async () => {
    const page = await loadedForm();
    await typeInto(page, 'f-focusFactor', '1.5');
    await until(page, () => document.getElementById('e-focusFactor')?.textContent === 'must be at most 1');
    await page.locator('#quote').click();
    await page.locator('#save').click();
    assert.deepEqual((await posted(page)).map((m) => m.type), ['ready', 'dirty']);
    assert.equal(await text(page, '#status'), 'Fix the 1 marked fields to see the figures.');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-focusFactor');
  });

  it('restores an unsaved draft after a reload and keeps it over the same load', async () => {
    const first = await loadedForm();
    await typeInto(first, 'f-workItems-0-name', 'Edited, not saved');
    await until(first, () => document.body.dataset.dirty === 'true');
    const state = await first.evaluate(() => (window as unknown as { __state: unknown }).__state);
    assert.ok(state && typeof state === 'object');
    await first.close();

    const page = await openForm(state);
    assert.deepEqual(await posted(page), [{ type: 'ready', key: KEY, dirty: true }]);
    await send(page, INIT, ASSESSMENTS, LOAD);
    assert.equal(await value(page, 'f-workItems-0-name'), 'Edited, not saved');
    assert.equal(await text(page, '#status'), 'Unsaved changes');
    assert.equal(await page.locator('#problem').isHidden(), true, 'the file did not change: no banner');
    assert.equal(await text(page, '#r-nre'), 'CN¥119,000.00');

    // The file changed meanwhile: the form keeps the draft and offers the file's values.
    await send(page, { ...LOAD, estimate: { ...WORKED_EXAMPLE, marginPercent: 30 } });
    assert.equal(await value(page, 'f-workItems-0-name'), 'Edited, not saved');
    assert.equal(await page.locator('#problem').isVisible(), true);
    assert.ok((await text(page, '#problem')).startsWith('The assessment changed outside the form; the form keeps your unsaved input.'));
    await page.locator('#problem button').click();
    assert.equal(await value(page, 'f-workItems-0-name'), 'Push robot data to the customer platform');
    assert.equal(await value(page, 'f-marginPercent'), '30');
    assert.equal(await page.locator('#problem').isHidden(), true);
  });

  it('shows the request’s capability tags, asks the extension to edit them, and takes new tags without touching unsaved input', async () => {
    const page = await loadedForm();
    assert.equal(await text(page, '.tags'), 'Capability tags: none yet Edit tags…', 'a load without tags');
    await send(page, { ...LOAD, capabilities: ['data-push', 'SSO'] });
    assert.equal(await text(page, '#capabilities'), 'data-push, SSO');
    await typeInto(page, 'f-workItems-0-name', 'Edited, not saved');
    await page.getByRole('button', { name: 'Edit tags…' }).click();
    assert.deepEqual((await posted(page)).filter((m) => m.type === 'editCapabilities'), [{ type: 'editCapabilities', key: KEY }]);
    // The extension wrote the tags and reloads: the estimate in the file is as loaded, so the draft stays, with no banner.
    await send(page, { ...LOAD, capabilities: ['data-push', 'SSO', 'webhooks'] });
    assert.equal(await text(page, '#capabilities'), 'data-push, SSO, webhooks');
    assert.equal(await value(page, 'f-workItems-0-name'), 'Edited, not saved');
    assert.equal(await page.locator('#problem').isHidden(), true);
    // A load that cannot read the front matter keeps the tags shown; another assessment shows its own.
    await send(page, { type: 'load', key: KEY, label: 'x', defaults: DEFAULTS, problem: 'The front matter is not valid YAML.' });
    assert.equal(await text(page, '#capabilities'), 'data-push, SSO, webhooks');
    await send(page, { ...LOAD, key: OTHER_KEY, estimate: undefined });
    assert.equal(await text(page, '#capabilities'), 'none yet');
  });

  it('shows a load problem in an alert and keeps the values the form shows', async () => {
    const page = await loadedForm();
    await typeInto(page, 'f-standardDays', '5');
    await until(page, () => document.body.dataset.dirty === 'true');
    const problem = 'The front matter of assessment.md is not valid YAML: Nested mappings are not allowed in compact mappings.';
    await send(page, { type: 'load', key: KEY, label: LOAD.label, defaults: DEFAULTS, problem });
    const banner = page.locator('#problem');
    assert.equal(await banner.isVisible(), true);
    assert.equal(await banner.getAttribute('role'), 'alert');
    assert.equal(await text(page, '#problem'), problem);
    assert.equal(await value(page, 'f-standardDays'), '5');
    assert.equal(await value(page, 'f-workItems-0-name'), 'Push robot data to the customer platform');
    assert.equal(await value(page, 'f-dayRates-0-rate'), '3000');

    // A failed save shows its message too, and nothing is marked saved.
    await send(page, { type: 'failed', key: KEY, message: 'Nothing was written: the file is read-only.' });
    assert.equal(await text(page, '#problem'), 'Nothing was written: the file is read-only.');
    assert.equal(await text(page, '#status'), 'Nothing was written: the file is read-only.');
  });

  it('switching to a request whose tag is over its limit shows the notice, and picker, fields and save target agree (issue 20, item 6)', async () => {
    const page = await loadedForm();
    const picker = page.locator('#assessment');
    // The user picks the other request; the extension's load for it carries a tag over the limit.
    await picker.selectOption(OTHER_KEY);
    assert.deepEqual((await posted(page)).filter((m) => m.type === 'select'), [{ type: 'select', key: OTHER_KEY, dirty: false }]);
    await send(page, { type: 'load', key: OTHER_KEY, label: 'Other', defaults: DEFAULTS, capabilities: ['t'.repeat(201)] });
    // The webview's schema refuses it: said in the form, and the picker goes back to what the fields and Save are on.
    assert.equal(await picker.inputValue(), KEY);
    assert.ok((await text(page, '#problem')).startsWith('The form could not read a message from the extension (capabilities.0: too_big)'), await text(page, '#problem'));
    assert.equal(await value(page, 'f-workItems-0-name'), 'Push robot data to the customer platform');
    await page.locator('#save').click();
    assert.equal((await posted(page)).filter((m) => m.type === 'save').at(-1)?.key, KEY, 'Save writes to the request the picker shows');

    // What the extension now sends instead: the request asked for, without the tag, and a notice naming it.
    const notice = 'The capability tag "tttt…" in docs/custom-requests/2026-11-26-other/assessment.md is longer than 60 characters; shorten it in the front matter\'s "capabilities". Until then the form leaves it out.';
    await send(page, { type: 'saved', key: KEY, message: 'Saved.' });
    await picker.selectOption(OTHER_KEY);
    await send(page, { type: 'load', key: OTHER_KEY, label: 'Other', defaults: DEFAULTS, estimate: { ...WORKED_EXAMPLE, marginPercent: 30 }, capabilities: [], notice });
    assert.equal(await picker.inputValue(), OTHER_KEY);
    assert.equal(await text(page, '#problem'), notice);
    assert.equal(await value(page, 'f-marginPercent'), '30', 'the fields are the new request’s');
    await page.locator('#save').click();
    assert.equal((await posted(page)).filter((m) => m.type === 'save').at(-1)?.key, OTHER_KEY);
  });

  it('a request the list leaves out (its front matter is refused) still shows in the picker when loaded', async () => {
    const page = await loadedForm();
    const unlisted = 'file:///ws/docs/custom-requests/2026-11-27-long/assessment.md';
    await send(page, { type: 'load', key: unlisted, label: 'docs/custom-requests/2026-11-27-long/assessment.md', defaults: DEFAULTS, notice: 'The customer in … is longer than 200 characters.' });
    assert.equal(await page.locator('#assessment').inputValue(), unlisted);
    // A fresh list (from a file watcher) still leaves it out: the picker stays on it.
    await send(page, { ...ASSESSMENTS, selected: unlisted });
    assert.equal(await page.locator('#assessment').inputValue(), unlisted);
    await send(page, { ...ASSESSMENTS, selected: undefined });
    assert.equal(await page.locator('#assessment').inputValue(), unlisted);
  });

  it('survives 500 random and malformed messages, posts nothing on its own, and still works', async () => {
    const page = await loadedForm();
    const random = mulberry32(20261125);
    const messages = Array.from({ length: 500 }, () => fuzzMessage(random));
    for (let i = 0; i < messages.length; i += 50) await send(page, ...messages.slice(i, i + 50));
    const types = new Set((await posted(page)).map((m) => m.type));
    types.delete('ready');
    types.delete('dirty');
    assert.deepEqual([...types], [], 'only "dirty" notes were posted, never a save, quote, select or open');
    assert.deepEqual(pageErrors, [], 'no uncaught error');

    // The form still works: a real init and load bring it back.
    await send(page, INIT, ASSESSMENTS, { ...LOAD, key: OTHER_KEY }, LOAD);
    await page.locator('#r-nre').waitFor();
    assert.equal(await value(page, 'f-workItems-0-name'), 'Push robot data to the customer platform');
    assert.equal(await text(page, '#r-nre'), 'CN¥119,000.00');
    await typeInto(page, 'f-workItems-0-optimistic', '40');
    await until(page, () => document.getElementById('e-workItems-0-mostLikely')?.textContent === 'must satisfy optimistic ≤ most likely ≤ pessimistic');
    await typeInto(page, 'f-workItems-0-optimistic', '30');
    await until(page, () => document.getElementById('r-nre')?.textContent === 'CN¥119,000.00');
    await page.locator('#save').click();
    assert.equal((await posted(page)).filter((m) => m.type === 'save').length, 1);
  });

  it('renders sensibly in light, dark and high-contrast themes (screenshots in test-output/webview/)', async () => {
    const page = await loadedForm();
    await typeInto(page, 'f-workItems-0-pessimistic', '10');
    await until(page, () => document.getElementById('f-workItems-0-mostLikely')?.getAttribute('aria-invalid') === 'true');
    await typeInto(page, 'f-workItems-0-pessimistic', '45');
    await until(page, () => document.querySelectorAll('[aria-invalid="true"]').length === 0);
    // One error stays visible in the screenshots.
    await typeInto(page, 'f-teamSize', '0');
    await until(page, () => document.getElementById('e-teamSize')?.textContent === 'must be at least 1');
    for (const theme of Object.keys(THEMES) as Theme[]) {
      await page.evaluate(
        ({ href, className }) =>
          new Promise<void>((resolve) => {
            const link = document.getElementById('theme') as HTMLLinkElement;
            document.body.className = className;
            if (link.getAttribute('href') === href) return resolve();
            link.addEventListener('load', () => resolve(), { once: true });
            link.setAttribute('href', href);
          }),
        { href: `theme-${theme}.css`, className: THEMES[theme].className },
      );
      const colours = await page.evaluate(() => ({
        body: getComputedStyle(document.body).backgroundColor,
        text: getComputedStyle(document.body).color,
        button: getComputedStyle(document.getElementById('save')!).backgroundColor,
      }));
      const expected = THEMES[theme].vars;
      assert.equal(colours.body, hexToRgb(expected['sideBar-background']), `${theme}: body background`);
      assert.equal(colours.text, hexToRgb(expected.foreground), `${theme}: text colour`);
      assert.equal(colours.button, hexToRgb(expected['button-background']), `${theme}: save button`);
      await page.screenshot({ path: nodePath.join(OUT, `form-${theme}.png`), fullPage: true });
    }
  });
});

// ---------------------------------------------------------------------------
// Fuzzing

const TYPES = ['init', 'assessments', 'load', 'saved', 'failed', 'ready', 'save', 'select', '__proto__', 'constructor', ''];
const KEYS = ['__proto__', 'constructor', 'prototype', 'type', 'key', 'estimate', 'workItems', 'dayRates', 'strings', 'items', 'defaults', 'problem', 'message'];

/** Any structured-cloneable value: nested objects and arrays, odd numbers, long and hostile strings. */
function fuzzValue(random: () => number, depth = 0): unknown {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  switch (Math.floor(random() * (depth > 2 ? 5 : 7))) {
    case 0:
      return pick([null, undefined, true, false]);
    case 1:
      return pick([0, -1, 30, 1.5, Number.NaN, Infinity, -Infinity, 1e308, -0]);
    case 2:
      return pick(['', 'en', 'zh-cn', 'CNY', 'engineer', '<img src=x onerror=alert(1)>', '{0}{1}{9}', '\u0000\uD800', 'x'.repeat(3000), '30', '-5', KEY]);
    case 3:
      return pick(TYPES);
    case 4:
      return pick([{}, [], [1, 2, 3]]);
    case 5: {
      const n = Math.floor(random() * 4);
      return Array.from({ length: n }, () => fuzzValue(random, depth + 1));
    }
    default: {
      const out: Record<string, unknown> = {};
      const n = Math.floor(random() * 5);
      for (let i = 0; i < n; i++) Object.defineProperty(out, pick(KEYS), { value: fuzzValue(random, depth + 1), enumerable: true, configurable: true, writable: true });
      return out;
    }
  }
}

/** A random message: half are nearly well-formed (right type, some right fields, junk estimates and strings). */
function fuzzMessage(random: () => number): unknown {
  if (random() < 0.4) return fuzzValue(random);
  const maybe = (good: unknown) => (random() < 0.7 ? good : fuzzValue(random));
  const key = random() < 0.5 ? KEY : maybe(OTHER_KEY);
  switch (Math.floor(random() * 6)) {
    case 0: {
      // Some strings missing or odd: the schema accepts any record of short strings.
      const strings: Record<string, unknown> = {};
      for (const k of FORM_STRING_KEYS) if (random() < 0.9) strings[k] = random() < 0.9 ? STRINGS[k] : maybe('{0} <b>{1}</b>');
      return { type: 'init', lang: maybe(random() < 0.5 ? 'en' : 'zh-cn'), strings: maybe(strings) };
    }
    case 1:
      return { type: 'assessments', items: maybe(random() < 0.8 ? ASSESSMENTS.items : []), selected: maybe(key) };
    case 2:
      return {
        type: 'load',
        key,
        label: maybe('Fuzzed <i>label</i>'),
        estimate: random() < 0.3 ? { ...WORKED_EXAMPLE, [String(fuzzValue(random))]: fuzzValue(random), workItems: maybe(WORKED_EXAMPLE.workItems) } : fuzzValue(random),
        defaults: maybe(DEFAULTS),
        ...(random() < 0.3 ? { problem: maybe('Broken YAML') } : {}),
      };
    case 3:
      return { type: 'saved', key, message: maybe('Saved.') };
    case 4:
      return { type: 'failed', key, message: maybe('Failed.') };
    default:
      return { type: maybe('select'), key, dirty: maybe(true), estimate: fuzzValue(random) };
  }
}

function hexToRgb(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}
