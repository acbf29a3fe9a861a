/**
 * Activation and palette latency in the real workbench (code-server +
 * Chromium), against the empty extension (test/fixtures/empty-extension)
 * installed beside ours. Each run is a fresh code-server on a fresh copy of the
 * sample workspace:
 *
 * 1. wait until the palette lists both commands, then let startup settle;
 * 2. for each extension (the order alternates from run to run): the palette
 *    filtered to its command, Enter, and the time from that keydown to the
 *    first frame after its first response shows: our New Assessment's first
 *    prompt (the quick input titled "New Custom Request Assessment"), the
 *    empty extension's notification. Both include activating the extension,
 *    which neither has done before;
 * 3. "Developer: Show Running Extensions", and each extension's activation
 *    time as that view shows it (VS Code's own figure: loading the code plus
 *    the activate() call).
 */
import { rmSync } from 'node:fs';
import nodePath from 'node:path';
import type { Page } from 'playwright-core';
import { StepShots, UI_TIMEOUT, waitUntil, Workbench } from '../../test/e2e/workbench';
import { launchBrowser } from '../../test/support/browser';
import { BENCH_OUT, EMPTY_EXTENSION } from './bundle';

interface Target {
  /** the palette title of its command */
  command: string;
  /** its row's aria-label in the Running Extensions view (the extension's name) */
  row: string;
  /** what its first response shows: a quick input with this title, or a notification with this text */
  response: { title: string } | { toast: string };
}

const OURS: Target = { command: 'Custom Request: New Assessment', row: 'custom-request-desk', response: { title: 'New Custom Request Assessment' } };
const EMPTY: Target = { command: 'Empty Extension: Say Hello', row: 'empty-extension', response: { toast: 'Hello from the empty extension' } };
/** After both commands are listed: time for the extensions activated on startup (Git, …) to finish. */
const SETTLE_MS = 2_000;

export interface UiRun {
  activation: { ours: number; empty: number };
  palette: { ours: number; empty: number };
}

/**
 * Installed in the page before Enter (as a string: functions that tsx compiled
 * would carry its helpers into the browser). Resolves `window.__crdResponse`
 * with the ms from the Enter keydown to the first frame after the response shows.
 */
const PROBE = `(response) => {
  let enter;
  const onKey = (event) => { if (event.key === 'Enter') { enter = performance.now(); window.removeEventListener('keydown', onKey, true); } };
  window.addEventListener('keydown', onKey, true);
  const shown = () => {
    if (response.title) {
      const widget = document.querySelector('.quick-input-widget');
      const title = widget && widget.querySelector('.quick-input-title');
      return Boolean(widget && title && widget.style.display !== 'none' && title.textContent.includes(response.title));
    }
    return [...document.querySelectorAll('.notifications-toasts .notification-toast')].some((toast) => toast.textContent.includes(response.toast));
  };
  window.__crdResponse = new Promise((resolve, reject) => {
    const timer = setTimeout(() => { observer.disconnect(); reject(new Error('no response within 30 s')); }, 30000);
    const observer = new MutationObserver(() => {
      if (enter === undefined || !shown()) return;
      observer.disconnect();
      clearTimeout(timer);
      requestAnimationFrame(() => resolve(performance.now() - enter));
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}`;

/** The palette filtered to the target's command, Enter, and the time to its first response. */
async function paletteToResponse(workbench: Workbench, target: Target): Promise<number> {
  const { page, quickInput } = workbench;
  await workbench.closeQuickInput();
  await page.keyboard.press('F1');
  const input = quickInput.locator('.quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  await input.fill(`>${target.command}`);
  await quickInput.locator('.monaco-list-row.focused', { hasText: target.command }).waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  await page.evaluate(`(${PROBE})(${JSON.stringify(target.response)})`);
  await page.keyboard.press('Enter');
  const ms = (await page.evaluate('window.__crdResponse')) as number;
  // Our first prompt stays open until answered: Escape cancels New Assessment.
  await workbench.closeQuickInput();
  return ms;
}

/** Each extension's activation time as the Running Extensions view shows it ("Activation: 12ms"). */
async function runningExtensionsActivation(workbench: Workbench, page: Page): Promise<{ ours: number; empty: number }> {
  await workbench.runCommand('Developer: Show Running Extensions');
  const time = (target: Target) =>
    waitUntil(`the activation time of ${target.row} in Running Extensions`, async () => {
      const text = await page.locator(`.runtime-extensions-editor .monaco-list-row[aria-label="${target.row}"] .activation-time`).textContent({ timeout: 1_000 });
      const match = /Activation: (\d+)ms/.exec(text ?? '');
      return match ? Number(match[1]) : undefined;
    });
  return { ours: await time(OURS), empty: await time(EMPTY) };
}

/** One fresh code-server with both extensions; `oursFirst` decides which command runs first. */
async function uiRun(extension: string, oursFirst: boolean): Promise<UiRun> {
  const { startCodeServer, findFreePort } = await import('../code-server.mjs');
  const { prepareSampleWorkspace } = await import('../sample-workspace.mjs');
  const out = nodePath.join(BENCH_OUT, 'activation');
  const workspace = prepareSampleWorkspace();
  const server = await startCodeServer({ workspace, port: await findFreePort(), runRoot: nodePath.join(out, 'server'), extensions: [extension, EMPTY_EXTENSION] });
  const browser = await launchBrowser();
  const workbench = new Workbench(browser.page, new StepShots(out));
  try {
    await workbench.open(server.workspaceUrl);
    await workbench.waitForCommand(OURS.command);
    await workbench.waitForCommand(EMPTY.command);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const palette = { ours: 0, empty: 0 };
    for (const [key, target] of (oursFirst ? [['ours', OURS], ['empty', EMPTY]] : [['empty', EMPTY], ['ours', OURS]]) as ['ours' | 'empty', Target][]) {
      palette[key] = await paletteToResponse(workbench, target);
    }
    return { palette, activation: await runningExtensionsActivation(workbench, browser.page) };
  } catch (error) {
    await workbench.screenshot('FAILED').catch(() => undefined);
    throw new Error(`${error instanceof Error ? error.message : String(error)} (code-server log: ${server.logPath})`);
  } finally {
    await browser.close();
    await server.stop();
    rmSync(nodePath.join(workspace, '..'), { recursive: true, force: true });
  }
}

/** `runs` fresh runs, alternating which extension's command goes first; `progress` gets one line per run. */
export async function activationRuns(extension: string, runs: number, progress: (line: string) => void): Promise<UiRun[]> {
  rmSync(nodePath.join(BENCH_OUT, 'activation'), { recursive: true, force: true });
  const results: UiRun[] = [];
  for (let run = 0; run < runs; run++) {
    const result = await uiRun(extension, run % 2 === 0);
    progress(`run ${run + 1}/${runs}: activation ${result.activation.ours} ms (empty ${result.activation.empty} ms), palette → first response ${result.palette.ours.toFixed(0)} ms (empty ${result.palette.empty.toFixed(0)} ms)`);
    results.push(result);
  }
  return results;
}
