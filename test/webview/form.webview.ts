/**
 * The estimate form's REAL browser bundle (dist/webview.js, built here into
 * test-output/webview/dist) in headless Debian Chromium, on a page whose body
 * is taken from src/views/formHtml.ts, with a stand-in acquireVsCodeApi that
 * records what the form posts and keeps its state. Messages from the
 * extension are posted with window.postMessage, as VS Code delivers them.
 * Figures are computed by hand for the method's worked example.
 *
 * Run: npx mocha --config test/webview/.mocharc.json
 */
import assert from 'node:assert/strict';
import { mulberry32 } from '../support/random';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import nodePath from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { FORM_STRING_KEYS } from '../../src/webview/protocol';
import { launchBrowser, type Browser } from '../support/browser';
import { WORKED_EXAMPLE } from '../unit/workedExample';

const ROOT = nodePath.resolve(__dirname, '../..');
const OUT = nodePath.join(ROOT, 'test-output/webview');
const PAGE = nodePath.join(OUT, 'form.html');
const KEY = 'file:///ws/docs/custom-requests/2026-11-25-acme-robotics-push-robot-data/assessment.md';
const OTHER_KEY = 'file:///ws/docs/custom-requests/2026-11-26-other/assessment.md';
const DEFAULTS = { currency: 'CNY', dayRate: 3000, roundFeesTo: 1000, taxRatePercent: 6 };
const ASSESSMENTS = {
  type: 'assessments',
  items: [
    { key: KEY, label: 'Acme | Robotics: Push robot data', detail: 'docs/custom-requests/2026-11-25-acme-robotics-push-robot-data/assessment.md' },
    { key: OTHER_KEY, label: 'Other: <b>not bold</b>', detail: 'docs/custom-requests/2026-11-26-other/assessment.md' },
  ],
  selected: KEY,
};
const LOAD = { type: 'load', key: KEY, label: 'Acme | Robotics: Push robot data', estimate: WORKED_EXAMPLE, defaults: DEFAULTS };

// ---------------------------------------------------------------------------
// The page

/** The English UI strings, read from formStrings.ts's `key: t('…')` lines. */
function englishStrings(): Record<string, string> {
  const source = readFileSync(nodePath.join(ROOT, 'src/views/formStrings.ts'), 'utf8');
  const strings: Record<string, string> = {};
  for (const match of source.matchAll(/^\s*(\w+): t\((['"])(.*?)\2\),$/gm)) strings[match[1]] = match[3];
  assert.deepEqual(Object.keys(strings).sort(), [...FORM_STRING_KEYS].sort(), 'every form string key has an English text in formStrings.ts');
  return strings;
}
const STRINGS = englishStrings();
const INIT = { type: 'init', lang: 'en', strings: STRINGS };

/** formHtml.ts's source text: the shell the script expects. */
const FORM_HTML_SOURCE = readFileSync(nodePath.join(ROOT, 'src/views/formHtml.ts'), 'utf8');

/**
 * The page body exactly as formHtml.ts writes it (its `<body …>` up to the
 * script tag). Taken from the source text rather than copied, so the two
 * cannot drift; the test below also checks every id of the shell is there.
 */
function shellBody(): string {
  const start = FORM_HTML_SOURCE.indexOf('<body');
  const end = FORM_HTML_SOURCE.indexOf('<script nonce=');
  assert.ok(start > 0 && end > start, 'formHtml.ts has a <body> and a <script nonce=…>');
  const body = FORM_HTML_SOURCE.slice(start, end);
  assert.ok(!body.includes('${'), 'the shell body has no interpolation');
  return body;
}

const THEMES = {
  light: {
    className: 'vscode-light',
    vars: {
      foreground: '#3b3b3b',
      'sideBar-background': '#f8f8f8',
      'editor-background': '#ffffff',
      'sideBarSectionHeader-foreground': '#3b3b3b',
      descriptionForeground: '#717171',
      'input-background': '#ffffff',
      'input-foreground': '#3b3b3b',
      'input-border': '#cecece',
      'dropdown-background': '#ffffff',
      'dropdown-foreground': '#3b3b3b',
      'dropdown-border': '#cecece',
      'button-background': '#005fb8',
      'button-foreground': '#ffffff',
      'button-hoverBackground': '#0258a8',
      'button-secondaryBackground': '#e5e5e5',
      'button-secondaryForeground': '#3b3b3b',
      'button-secondaryHoverBackground': '#cccccc',
      errorForeground: '#e51400',
      'inputValidation-errorBackground': '#f2dede',
      'inputValidation-errorForeground': '#3b3b3b',
      'inputValidation-errorBorder': '#be1100',
      focusBorder: '#005fb8',
      'panel-border': '#e5e5e5',
      'widget-border': '#e5e5e5',
      'textLink-foreground': '#005fb8',
      'charts-blue': '#1a85ff',
      'charts-green': '#388a34',
      'charts-orange': '#d18616',
    },
  },
  dark: {
    className: 'vscode-dark',
    vars: {
      foreground: '#cccccc',
      'sideBar-background': '#181818',
      'editor-background': '#1f1f1f',
      'sideBarSectionHeader-foreground': '#cccccc',
      descriptionForeground: '#9d9d9d',
      'input-background': '#313131',
      'input-foreground': '#cccccc',
      'input-border': '#3c3c3c',
      'dropdown-background': '#313131',
      'dropdown-foreground': '#cccccc',
      'dropdown-border': '#3c3c3c',
      'button-background': '#0078d4',
      'button-foreground': '#ffffff',
      'button-hoverBackground': '#026ec1',
      'button-secondaryBackground': '#313131',
      'button-secondaryForeground': '#cccccc',
      'button-secondaryHoverBackground': '#3c3c3c',
      errorForeground: '#f85149',
      'inputValidation-errorBackground': '#5a1d1d',
      'inputValidation-errorForeground': '#cccccc',
      'inputValidation-errorBorder': '#be1100',
      focusBorder: '#0078d4',
      'panel-border': '#2b2b2b',
      'widget-border': '#313131',
      'textLink-foreground': '#4daafc',
      'charts-blue': '#3794ff',
      'charts-green': '#89d185',
      'charts-orange': '#d18616',
    },
  },
  'high-contrast': {
    className: 'vscode-high-contrast',
    vars: {
      foreground: '#ffffff',
      'sideBar-background': '#000000',
      'editor-background': '#000000',
      'sideBarSectionHeader-foreground': '#ffffff',
      descriptionForeground: '#ffffff',
      'input-background': '#000000',
      'input-foreground': '#ffffff',
      'input-border': '#6fc3df',
      'dropdown-background': '#000000',
      'dropdown-foreground': '#ffffff',
      'dropdown-border': '#6fc3df',
      'button-background': '#000000',
      'button-foreground': '#ffffff',
      'button-border': '#6fc3df',
      'button-hoverBackground': '#000000',
      'button-secondaryBackground': '#000000',
      'button-secondaryForeground': '#ffffff',
      'button-secondaryHoverBackground': '#000000',
      errorForeground: '#f48771',
      'inputValidation-errorBackground': '#000000',
      'inputValidation-errorForeground': '#ffffff',
      'inputValidation-errorBorder': '#f38518',
      focusBorder: '#f38518',
      'panel-border': '#6fc3df',
      'widget-border': '#6fc3df',
      'textLink-foreground': '#21a6ff',
      'charts-blue': '#3794ff',
      'charts-green': '#89d185',
      'charts-orange': '#d18616',
    },
  },
} as const;
type Theme = keyof typeof THEMES;

/** A theme's stylesheet: the --vscode-* variables VS Code defines on the webview's root, and the body background it paints. */
function themeCss(theme: Theme): string {
  const vars = Object.entries(THEMES[theme].vars).map(([name, value]) => `  --vscode-${name}: ${value};`);
  return `:root {\n  --vscode-font-family: system-ui, -apple-system, 'Segoe UI', sans-serif;\n  --vscode-font-size: 13px;\n${vars.join('\n')}\n}\nbody { background: var(--vscode-sideBar-background); margin: 0; }\n`;
}

/**
 * The test page: formHtml.ts's shell and CSP shape (nothing inline but the
 * nonce'd scripts, stylesheets from files only), the stand-in VS Code API,
 * then the real bundle.
 */
function pageHtml(): string {
  const csp = [`default-src 'none'`, `style-src file:`, `img-src file: data:`, `font-src file:`, `script-src 'nonce-test'`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" id="theme" href="theme-light.css">
<link rel="stylesheet" href="form.css">
<title>Estimate</title>
</head>
${shellBody().replace('<body data-dirty="false">', '<body data-dirty="false" class="vscode-light">')}
<script nonce="test">
  // Stand-in for VS Code's webview API: records what the form posts, keeps its state as VS Code does (a JSON copy).
  window.__posted = [];
  window.__csp = [];
  window.__state = window.__initialState;
  document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
  let acquired = false;
  window.acquireVsCodeApi = () => {
    if (acquired) throw new Error('acquireVsCodeApi may only be called once');
    acquired = true;
    return {
      postMessage: (message) => window.__posted.push(JSON.parse(JSON.stringify(message))),
      getState: () => window.__state,
      setState: (state) => { window.__state = JSON.parse(JSON.stringify(state)); },
    };
  };
  // Test helper: posts messages as the extension would and resolves once the form has handled them
  // (a sentinel posted after them reached a listener added after the form's).
  window.__deliver = (list) => {
    for (const message of list) window.postMessage(message, '*');
    return new Promise((resolve) => {
      const sentinel = '__sync-' + Math.random();
      const onMessage = (event) => {
        if (event.data !== sentinel) return;
        window.removeEventListener('message', onMessage);
        resolve();
      };
      window.addEventListener('message', onMessage);
      window.postMessage(sentinel, '*');
    });
  };
</script>
<script nonce="test" src="dist/webview.js"></script>
</body>
</html>`;
}

// ---------------------------------------------------------------------------
// Helpers

interface Posted {
  type: string;
  key?: string;
  dirty?: boolean;
  estimate?: unknown;
}

let browser: Browser;
const pageErrors: string[] = [];
const consoleErrors: string[] = [];

/** A fresh page with the form, optionally restoring a saved webview state; waits for its first message. */
async function openForm(state?: unknown): Promise<Page> {
  const page = await browser.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  if (state !== undefined) await page.addInitScript((s) => ((window as unknown as { __initialState: unknown }).__initialState = s), state);
  await page.setViewportSize({ width: 400, height: 900 });
  await page.goto(pathToFileURL(PAGE).href);
  await page.waitForFunction(() => (window as unknown as { __posted: unknown[] }).__posted.length > 0);
  return page;
}

/** Posts messages as the extension would, and returns once the form has handled them (a later sentinel came through). */
async function send(page: Page, ...messages: unknown[]): Promise<void> {
  // The helper lives in the page (see pageHtml): functions passed to evaluate must not define named functions (tsx adds __name).
  await page.evaluate((list) => (window as unknown as { __deliver(list: unknown[]): Promise<void> }).__deliver(list), messages);
}

/** The form with the worked example loaded. */
async function loadedForm(): Promise<Page> {
  const page = await openForm();
  await send(page, INIT, ASSESSMENTS, LOAD);
  await page.locator('#r-nre').waitFor();
  return page;
}

const posted = (page: Page) => page.evaluate(() => (window as unknown as { __posted: Posted[] }).__posted);
const text = (page: Page, selector: string) => page.locator(selector).evaluate((el) => el.textContent ?? '');
const value = (page: Page, id: string) => page.locator(`#${id}`).inputValue();

/** Types into an input from the keyboard: focus, select all, type. */
async function typeInto(page: Page, id: string, typed: string): Promise<void> {
  await page.locator(`#${id}`).focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(typed);
}

/** Waits until `fn` holds in the page (the form updates once per animation frame). */
async function until(page: Page, fn: () => unknown): Promise<void> {
  // A function, not a string: the page's CSP, like VS Code's, allows no eval.
  await page.waitForFunction(fn, undefined, { timeout: 5000 });
}

const activeAction = (page: Page) => page.evaluate(() => `${(document.activeElement as HTMLElement | null)?.dataset.action ?? document.activeElement?.id ?? ''}`);

// ---------------------------------------------------------------------------

describe('estimate form webview (real bundle in Chromium)', function () {
  before(async function () {
    mkdirSync(OUT, { recursive: true });
    execFileSync(process.execPath, ['esbuild.mjs', '--outdir=test-output/webview/dist'], { cwd: ROOT, stdio: 'pipe' });
    copyFileSync(nodePath.join(ROOT, 'media/form.css'), nodePath.join(OUT, 'form.css'));
    for (const theme of Object.keys(THEMES) as Theme[]) writeFileSync(nodePath.join(OUT, `theme-${theme}.css`), themeCss(theme));
    writeFileSync(PAGE, pageHtml());
    browser = await launchBrowser({ locale: 'en-US' });
  });

  after(async () => {
    await browser?.close();
  });

  beforeEach(() => {
    pageErrors.length = 0;
    consoleErrors.length = 0;
  });

  afterEach(async function () {
    for (const page of browser?.context.pages() ?? []) {
      const csp = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []).catch(() => []);
      if (this.currentTest?.state === 'passed') assert.deepEqual(csp, [], 'nothing broke the content security policy');
    }
    if (this.currentTest?.state === 'passed') {
      assert.deepEqual(pageErrors, [], 'no uncaught error in the page');
      assert.deepEqual(consoleErrors, [], 'no console error in the page');
    }
    for (const page of browser?.context.pages() ?? []) if (page !== browser.page) await page.close();
  });

  it('the page carries every id of formHtml.ts’s shell', () => {
    const ids = [...FORM_HTML_SOURCE.matchAll(/\bid="([^"$]+)"/g)].map((m) => m[1]);
    assert.deepEqual(ids, ['welcome', 'editor', 'assessment', 'status', 'problem', 'fields', 'h-results', 'results', 'save', 'quote']);
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
      'One-time engineering fee (NRE)',
      'Yearly fee',
      'Total over 2 years',
      'NRE incl. 6% tax',
      'Yearly fee incl. 6% tax',
      'Total incl. 6% tax over 2 years',
    ]);
    const rows = await page.locator('table.comparison tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    assert.deepEqual(rows, [
      ['Time to go live', 'about 3 days', 'about 3 weeks'],
      ['One-time fee', 'No fee', 'CN¥119,000.00'],
      ['Yearly fee', 'No fee', 'CN¥72,000.00'],
      ['Total over 2 years', 'No fee', 'CN¥263,000.00'],
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

  it('says "Required." for an emptied box and "must be a number" for text', async () => {
    const page = await loadedForm();
    await typeInto(page, 'f-teamSize', '');
    await page.keyboard.press('Backspace');
    await until(page, () => document.getElementById('e-teamSize')?.textContent === 'Required.');
    await typeInto(page, 'f-teamSize', 'two');
    await until(page, () => document.getElementById('e-teamSize')?.textContent !== 'Required.');
    assert.equal(await text(page, '#e-teamSize'), 'must be a number');
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
    const costText = 'Over 2 years: standard platform CN¥0.00; custom development CN¥263,000.00 (NRE CN¥119,000.00, then CN¥72,000.00 a year).';
    assert.equal(await text(page, '#chart-effort figcaption'), effortText);
    assert.equal(await text(page, '#chart-cost figcaption'), costText);
    assert.equal(charts[0].label, effortText);
    assert.equal(charts[1].label, costText);
    assert.equal(await text(page, '#chart-effort svg title'), 'Chance to finish within');
    assert.equal(await text(page, '#chart-cost svg title'), 'Cumulative cost over the term');
    const boxes = await page.locator('#results figure svg').evaluateAll((svgs) => svgs.map((svg) => svg.getBoundingClientRect().width));
    for (const width of boxes) assert.ok(width > 100, `the chart is laid out (${width}px wide)`);
  });

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
