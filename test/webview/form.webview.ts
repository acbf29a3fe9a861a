/**
 * The estimate form in the real bundle in Chromium (page and helpers in formPage.ts): rendering,
 * the worked example's figures computed by hand, validation, keyboard use, labels and charts.
 * Saving, state, problems, fuzzing and themes are in state.webview.ts.
 *
 * Run: npx mocha --config test/webview/.mocharc.json
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { activeAction, FORM_HTML_SOURCE, INIT, KEY, loadedForm, openForm, PAGE, posted, send, text, typeInto, until, useFormPage, value } from './formPage';

describe('estimate form webview (real bundle in Chromium)', function () {
  useFormPage();

  it('the page carries every id of formHtml.ts’s shell', () => {
    const ids = [...FORM_HTML_SOURCE.matchAll(/\bid="([^"$]+)"/g)].map((m) => m[1]);
    assert.deepEqual(ids, ['welcome', 'editor', 'assessment', 'capabilities', 'status', 'problem', 'fields', 'h-results', 'results', 'save', 'quote']);
    const page = readFileSync(PAGE, 'utf8');
    for (const id of ids) assert.ok(page.includes(`id="${id}"`), `the test page has #${id}`);
  });

  it('says ready first, and nothing else before the extension speaks', async () => {
    const page = await openForm();
    await page.waitForTimeout(200);
    assert.deepEqual(await posted(page), [{ type: 'ready' }]);
    assert.equal(await page.locator('#editor').isHidden(), true, 'the form waits for a load');
  });

  it('shows the welcome when the workspace has no assessment, and asks for a new one', async () => {
    const page = await openForm();
    await send(page, INIT, { type: 'assessments', items: [] });
    assert.equal(await page.locator('#welcome').isVisible(), true);
    assert.equal(await text(page, '#welcome p'), 'No assessment in this workspace yet. Start one, then estimate it here.');
    await page.locator('#welcome button').focus();
    await page.keyboard.press('Enter');
    assert.deepEqual((await posted(page)).slice(1), [{ type: 'newAssessment' }]);
  });

  it('shows the worked example’s values and its figures, computed by hand', async () => {
    const page = await loadedForm();
    assert.equal(await value(page, 'f-workItems-0-name'), 'Push robot data to the customer platform');
    assert.equal(await value(page, 'f-workItems-0-role'), 'engineer');
    assert.equal(await value(page, 'f-workItems-0-optimistic'), '30');
    assert.equal(await value(page, 'f-workItems-0-mostLikely'), '30');
    assert.equal(await value(page, 'f-workItems-0-pessimistic'), '30');
    assert.equal(await value(page, 'f-teamSize'), '2');
    assert.equal(await value(page, 'f-focusFactor'), '1');
    assert.equal(await value(page, 'f-dayRates-0-rate'), '3000');
    assert.equal(await value(page, 'f-releasesPerYear'), '4');
    assert.equal(await value(page, 'f-testingDaysPerRelease'), '5');
    assert.equal(await value(page, 'f-recurringRole'), 'engineer');
    assert.equal(await value(page, 'f-supportYears'), '2');
    assert.equal(await value(page, 'f-currency'), 'CNY');
    assert.equal(await value(page, 'f-priceAt'), 'p80');
    assert.equal(await value(page, 'f-contingencyPercent'), '10');
    assert.equal(await value(page, 'f-marginPercent'), '20');
    assert.equal(await value(page, 'f-roundFeesTo'), '1000');
    assert.equal(await value(page, 'f-taxRatePercent'), '6');
    assert.equal(await value(page, 'f-standardDays'), '3');
    assert.equal(await value(page, 'f-standardFee'), '0');
    assert.equal(await text(page, 'label[for="f-dayRates-0-rate"]'), 'Day rate: engineer');
    assert.equal(await text(page, '#h-rates'), 'Day rates (CNY per person-day)');

    // O = M = P = 30 person-days: every percentile is 30; 30 / (2 people × focus 1) / 5 = 3 weeks.
    assert.equal(await text(page, '#r-effort'), '30 / 30 / 30 person-days');
    assert.equal(await text(page, '#r-priced'), '30 person-days');
    assert.equal(await text(page, '#r-calendar'), '3 weeks (2 people, focus 1)');
    // NRE: 30 × 3,000 = 90,000; +10% = 99,000; +20% = 118,800; up to the 1,000 step: 119,000.
    assert.equal(await text(page, '#r-nre'), 'CN¥119,000.00');
    // Yearly: 4 × 5 = 20 days × 3,000 = 60,000; +20% = 72,000 (no contingency on known work).
    assert.equal(await text(page, '#r-yearly'), 'CN¥72,000.00');
    // Two years: 119,000 + 2 × 72,000 = 263,000.
    assert.equal(await text(page, '#r-term'), 'CN¥263,000.00');
    // 6% tax: 126,140; 76,320; 278,780.
    assert.equal(await text(page, '#r-nre-tax'), 'CN¥126,140.00');
    assert.equal(await text(page, '#r-yearly-tax'), 'CN¥76,320.00');
    assert.equal(await text(page, '#r-term-tax'), 'CN¥278,780.00');
    assert.equal(await text(page, '#r-compare-custom'), 'CN¥263,000.00');
    const labels = await page.locator('#results dt').allTextContents();
    assert.deepEqual(labels, [
      'Effort P50 / P80 / P90',
      'Priced effort (P80)',
      'Calendar time',
      'Custom development fee (one-time)',
      'Yearly compatibility service fee',
      'Total over 2 years',
      'Custom development fee incl. 6% tax',
      'Yearly compatibility service fee incl. 6% tax',
      'Total incl. 6% tax over 2 years',
    ]);
    const rows = await page.locator('table.comparison tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    assert.deepEqual(rows, [
      ['Time to go live', 'about 3 days', 'about 3 weeks'],
      ['Custom development fee (one-time)', 'No separate charge', 'CN¥119,000.00'],
      ['Yearly compatibility service fee', 'No separate charge', 'CN¥72,000.00'],
      ['Total over 2 years', 'No separate charge', 'CN¥263,000.00'],
    ]);
    assert.equal(await text(page, '#status'), 'Saved in the assessment');
    assert.equal(await page.locator('#assessment').inputValue(), KEY);
    assert.deepEqual(await page.locator('#assessment option').allTextContents(), ['Acme | Robotics: Push robot data', 'Other: <b>not bold</b>'], 'labels are text, not markup');
    assert.equal(await text(page, 'label[for="assessment"]'), 'Assessment');
    assert.equal(await text(page, '#save'), 'Save estimate');
    assert.deepEqual(await posted(page), [{ type: 'ready' }], 'loading posts nothing');
  });

  it('flags pessimistic below optimistic next to the field, in a live region, and clears it when fixed', async () => {
    const page = await loadedForm();
    await typeInto(page, 'f-workItems-0-pessimistic', '10');
    await until(page, () => document.getElementById('f-workItems-0-mostLikely')?.getAttribute('aria-invalid') === 'true');
    assert.equal(await text(page, '#e-workItems-0-mostLikely'), 'must satisfy optimistic ≤ most likely ≤ pessimistic');
    const slot = page.locator('#e-workItems-0-mostLikely');
    assert.equal(await slot.getAttribute('aria-live'), 'polite');
    assert.ok((await page.locator('#f-workItems-0-mostLikely').getAttribute('aria-describedby'))!.split(' ').includes('e-workItems-0-mostLikely'));
    assert.equal(await page.locator('#f-workItems-0-pessimistic').getAttribute('aria-invalid'), 'false');
    assert.equal(await page.locator('[aria-invalid="true"]').count(), 1);
    assert.equal(await text(page, '#results-note'), 'Fix the 1 marked fields to see the figures.');
    assert.equal(await page.locator('#results').getAttribute('class'), 'stale');
    assert.equal(await page.locator('#f-workItems-0-pessimistic').evaluate((el) => el === document.activeElement), true, 'focus stays where the user types');
    assert.equal(await text(page, '#status'), 'Unsaved changes');

    await typeInto(page, 'f-workItems-0-pessimistic', '40');
    await until(page, () => document.getElementById('f-workItems-0-mostLikely')?.getAttribute('aria-invalid') === 'false');
    assert.equal(await text(page, '#e-workItems-0-mostLikely'), '');
    assert.equal(await page.locator('[aria-invalid="true"]').count(), 0);
    assert.equal(await page.locator('#results-note').count(), 0);
    assert.equal(await page.locator('#results').getAttribute('class'), '');
    // The form told the extension it became dirty, once.
    assert.deepEqual((await posted(page)).slice(1), [{ type: 'dirty', key: KEY, dirty: true }]);
  });

  it('says "Required." for an emptied box and "must be a number, found text …" for text', async () => {
    const page = await loadedForm();
    await typeInto(page, 'f-teamSize', '');
    await page.keyboard.press('Backspace');
    await until(page, () => document.getElementById('e-teamSize')?.textContent === 'Required.');
    await typeInto(page, 'f-teamSize', 'two');
    // The message follows each keystroke ("t", "tw", "two"): wait for the last one's.
    await until(page, () => document.getElementById('e-teamSize')?.textContent?.endsWith('"two"'));
    assert.equal(await text(page, '#e-teamSize'), 'must be a number, found text "two"');
  });

  it('adds, reorders and removes work items from the keyboard', async () => {
    const page = await loadedForm();
    // From the last box of the only item, Tab passes the remove button (move buttons are disabled) to "Add work item".
    await page.locator('#f-workItems-0-pessimistic').focus();
    await page.keyboard.press('Tab');
    assert.equal(await activeAction(page), 'remove');
    await page.keyboard.press('Tab');
    assert.equal(await activeAction(page), 'add');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Add work item');
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('fieldset.item').count(), 2);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-workItems-1-name', 'focus moves to the new item’s name');
    assert.equal(await value(page, 'f-workItems-1-role'), 'engineer', 'the new item takes the last role');
    assert.equal(await text(page, '#f-workItems-1-name ~ .error, #e-workItems-1-name'), 'Required.');
    await page.keyboard.type('Second item');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type('1');
    await page.keyboard.press('Tab');
    await page.keyboard.type('2');
    await page.keyboard.press('Tab');
    await page.keyboard.type('3');
    await until(page, () => document.querySelectorAll('[aria-invalid="true"]').length === 0);
    // 30 + 2 = 32 days at P50 … figures are back.
    assert.equal(await page.locator('#r-nre').count(), 1);

    // Move the second item up: Tab from its last box reaches "Move work item 2 up".
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Move work item 2 up');
    await page.keyboard.press('Enter');
    assert.equal(await value(page, 'f-workItems-0-name'), 'Second item');
    assert.equal(await value(page, 'f-workItems-1-name'), 'Push robot data to the customer platform');
    assert.deepEqual(await page.locator('fieldset.item legend').allTextContents(), ['Work item 1', 'Work item 2']);
    // The moved item's up button is now disabled, so focus goes to its name.
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-workItems-0-name');
    assert.equal(await page.locator('[data-action="up"][data-index="0"]').isDisabled(), true);
    assert.equal(await page.locator('[data-action="down"][data-index="1"]').isDisabled(), true);

    // Move it back down with its "down" button, by keyboard.
    await page.locator('[data-action="down"][data-index="0"]').focus();
    await page.keyboard.press('Enter');
    assert.equal(await value(page, 'f-workItems-0-name'), 'Push robot data to the customer platform');
    assert.equal(await value(page, 'f-workItems-1-name'), 'Second item');

    // Remove the first item with Space on its remove button.
    await page.locator('[data-action="remove"][data-index="0"]').focus();
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Remove work item 1');
    await page.keyboard.press('Space');
    assert.equal(await page.locator('fieldset.item').count(), 1);
    assert.equal(await value(page, 'f-workItems-0-name'), 'Second item');
    assert.equal(await value(page, 'f-workItems-0-pessimistic'), '3');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-workItems-0-name');
    // 1/2/3 days: PERT mean (1 + 4×2 + 3) / 6 = 2.
    await until(page, () => document.getElementById('r-effort') !== null);
    assert.ok((await text(page, '#r-effort')).endsWith('person-days'));
  });

  it('labels every input and select with a <label for> that matches its id', async () => {
    const page = await loadedForm();
    const report = await page.evaluate(() => {
      const controls = [...document.querySelectorAll('input, select, textarea')];
      const unlabelled = controls.filter((c) => !c.id || !document.querySelector(`label[for="${CSS.escape(c.id)}"]`)).map((c) => c.outerHTML);
      const dangling = [...document.querySelectorAll('label[for]')].filter((l) => !document.getElementById(l.getAttribute('for')!)).map((l) => l.outerHTML);
      const emptyLabels = [...document.querySelectorAll('label[for]')].filter((l) => !l.textContent?.trim()).map((l) => l.outerHTML);
      const ids = [...document.querySelectorAll('[id]')].map((el) => el.id);
      const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
      const describedByMissing = controls.flatMap((c) => (c.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && !document.getElementById(id)));
      return { count: controls.length, unlabelled, dangling, emptyLabels, duplicates, describedByMissing };
    });
    // 1 picker + 5 per work item + 1 rate + 2 team + 4 recurring + currency + priceAt + 4 pricing + 2 standard
    assert.equal(report.count, 1 + 5 + 1 + 2 + 4 + 2 + 4 + 2);
    assert.deepEqual(report.unlabelled, []);
    assert.deepEqual(report.dangling, []);
    assert.deepEqual(report.emptyLabels, []);
    assert.deepEqual(report.duplicates, []);
    assert.deepEqual(report.describedByMissing, []);
  });

  it('draws two charts as images with text alternatives carrying the figures', async () => {
    const page = await loadedForm();
    const charts = await page.locator('#results figure svg').evaluateAll((svgs) => svgs.map((svg) => ({ role: svg.getAttribute('role'), label: svg.getAttribute('aria-label') })));
    assert.equal(charts.length, 2);
    for (const chart of charts) {
      assert.equal(chart.role, 'img');
      assert.ok(chart.label && chart.label.length > 20, 'a non-empty aria-label');
    }
    const effortText = 'Effort: 50% chance within 30.0 person-days, 80% within 30.0, 90% within 30.0; the fee is priced at P80.';
    const costText = 'Over 2 years: standard platform CN¥0.00; custom development CN¥263,000.00 (custom development fee CN¥119,000.00, then a yearly compatibility service fee of CN¥72,000.00).';
    assert.equal(await text(page, '#chart-effort figcaption'), effortText);
    assert.equal(await text(page, '#chart-cost figcaption'), costText);
    assert.equal(charts[0].label, effortText);
    assert.equal(charts[1].label, costText);
    assert.equal(await text(page, '#chart-effort svg title'), 'Chance to finish within');
    assert.equal(await text(page, '#chart-cost svg title'), 'Cumulative cost over the term');
    const boxes = await page.locator('#results figure svg').evaluateAll((svgs) => svgs.map((svg) => svg.getBoundingClientRect().width));
    for (const width of boxes) assert.ok(width > 100, `the chart is laid out (${width}px wide)`);
  });
});
