/**
 * The page and helpers the estimate form's webview specs (test/webview/*.webview.ts) share:
 * the REAL browser bundle (dist/webview.js, built here into test-output/webview/dist) in
 * headless Debian Chromium, on a page whose body is taken from src/views/formHtml.ts, with a
 * stand-in acquireVsCodeApi that records what the form posts and keeps its state. Messages from
 * the extension are posted with window.postMessage, as VS Code delivers them.
 *
 * A spec calls useFormPage() inside its describe: it builds the bundle and the page, launches
 * Chromium for that file, and after each passing test checks that nothing broke the content
 * security policy and nothing failed in the page. Not a spec itself (the glob takes *.webview.ts).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import nodePath from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { FORM_STRING_KEYS } from '../../src/webview/protocol';
import { launchBrowser, type Browser } from '../support/browser';
import { WORKED_EXAMPLE } from '../unit/workedExample';

const ROOT = nodePath.resolve(__dirname, '../..');
export const OUT = nodePath.join(ROOT, 'test-output/webview');
export const PAGE = nodePath.join(OUT, 'form.html');
export const KEY = 'file:///ws/docs/custom-requests/2026-11-25-acme-robotics-push-robot-data/assessment.md';
export const OTHER_KEY = 'file:///ws/docs/custom-requests/2026-11-26-other/assessment.md';
export const DEFAULTS = { currency: 'CNY', dayRate: 3000, roundFeesTo: 1000, taxRatePercent: 6 };
export const ASSESSMENTS = {
  type: 'assessments',
  items: [
    { key: KEY, label: 'Acme | Robotics: Push robot data', detail: 'docs/custom-requests/2026-11-25-acme-robotics-push-robot-data/assessment.md' },
    { key: OTHER_KEY, label: 'Other: <b>not bold</b>', detail: 'docs/custom-requests/2026-11-26-other/assessment.md' },
  ],
  selected: KEY,
};
export const LOAD = { type: 'load', key: KEY, label: 'Acme | Robotics: Push robot data', estimate: WORKED_EXAMPLE, defaults: DEFAULTS };

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
export const STRINGS = englishStrings();
export const INIT = { type: 'init', lang: 'en', strings: STRINGS };

/** formHtml.ts's source text: the shell the script expects. */
export const FORM_HTML_SOURCE = readFileSync(nodePath.join(ROOT, 'src/views/formHtml.ts'), 'utf8');

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

export const THEMES = {
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
export type Theme = keyof typeof THEMES;

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
export const pageErrors: string[] = [];
const consoleErrors: string[] = [];

/** A fresh page with the form, optionally restoring a saved webview state; waits for its first message. */
export async function openForm(state?: unknown): Promise<Page> {
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
export async function send(page: Page, ...messages: unknown[]): Promise<void> {
  // The helper lives in the page (see pageHtml): functions passed to evaluate must not define named functions (tsx adds __name).
  await page.evaluate((list) => (window as unknown as { __deliver(list: unknown[]): Promise<void> }).__deliver(list), messages);
}

/** The form with the worked example loaded. */
export async function loadedForm(): Promise<Page> {
  const page = await openForm();
  await send(page, INIT, ASSESSMENTS, LOAD);
  await page.locator('#r-nre').waitFor();
  return page;
}

export const posted = (page: Page) => page.evaluate(() => (window as unknown as { __posted: Posted[] }).__posted);
export const text = (page: Page, selector: string) => page.locator(selector).evaluate((el) => el.textContent ?? '');
export const value = (page: Page, id: string) => page.locator(`#${id}`).inputValue();

/** Types into an input from the keyboard: focus, select all, type. */
export async function typeInto(page: Page, id: string, typed: string): Promise<void> {
  await page.locator(`#${id}`).focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(typed);
}

/** Waits until `fn` holds in the page (the form updates once per animation frame). */
export async function until(page: Page, fn: () => unknown): Promise<void> {
  // A function, not a string: the page's CSP, like VS Code's, allows no eval.
  await page.waitForFunction(fn, undefined, { timeout: 5000 });
}

export const activeAction = (page: Page) => page.evaluate(() => `${(document.activeElement as HTMLElement | null)?.dataset.action ?? document.activeElement?.id ?? ''}`);

// ---------------------------------------------------------------------------
// The hooks

/** Registers, in the calling describe, the build and browser launch, the per-test error checks and the page clean-up. */
export function useFormPage(): void {
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
}
