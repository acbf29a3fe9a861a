/**
 * A small page object over the VS Code workbench in the browser (code-server),
 * doing what a user does: the command palette, InputBox and QuickPick prompts,
 * editor tabs, typing into an editor, saving, notifications, and a numbered
 * screenshot after each step.
 *
 * Selectors are VS Code 1.100's DOM (see /work/shared/VSCODE-IN-CI.md). Every
 * wait is for a visible condition; nothing sleeps for a fixed time.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';

/** How long one UI condition may take before the step fails. */
export const UI_TIMEOUT = 20_000;

/** A person's typing pace: a key every 30 ms (keyboard.type and keyboard.press take it as their delay). */
export const PACE = { delay: 30 };

export interface InputPrompt {
  /** text the InputBox's title must contain, e.g. "(1/6)" */
  title: string;
  /** the prompt shown under the input */
  prompt: string;
  /** what to type; '' leaves an optional answer empty */
  value: string;
  /** screenshot name for the filled prompt, taken before Enter */
  shot?: string;
}

export interface PickPrompt {
  /** text the QuickPick's title must contain */
  title: string;
  /** the QuickPick's placeholder */
  placeholder: string;
  /** typed into the filter first, as a user narrows a long list */
  filter?: string;
  /** the label of the item to choose */
  label: string;
  /** the label the first item must have before filtering (what the extension preselects) */
  first?: string;
  shot?: string;
}

/** Numbered screenshots of one run: `<dir>/NN-<step>.png`. */
export class StepShots {
  private count = 0;

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  /** The path for the next step's screenshot. */
  next(step: string): string {
    this.count += 1;
    const slug = step.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    return join(this.dir, `${String(this.count).padStart(2, '0')}-${slug}.png`);
  }
}

/** Polls `condition` until it returns a value other than undefined/false, or fails with `what`. */
export async function waitUntil<T>(what: string, condition: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = UI_TIMEOUT): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (let delay = 50; ; delay = Math.min(delay * 2, 500)) {
    try {
      const value = await condition();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const reason = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}${reason}`);
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

export class Workbench {
  readonly quickInput: Locator;

  constructor(
    readonly page: Page,
    private readonly shots: StepShots,
  ) {
    this.quickInput = page.locator('.quick-input-widget');
  }

  /** Screenshot of the whole window as the next numbered step. */
  async screenshot(step: string): Promise<string> {
    const path = this.shots.next(step);
    await this.page.screenshot({ path });
    return path;
  }

  /** Opens `url` and waits until the workbench and its status bar are there. */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await this.page.locator('.statusbar').waitFor({ timeout: 60_000 });
  }

  /** Drags the side bar's edge to make it `width` pixels wide (labels and the form read better in screenshots). */
  async widenSideBar(width: number): Promise<void> {
    const box = await this.page.locator('.part.sidebar').boundingBox();
    if (!box) throw new Error('The side bar is not shown');
    const y = box.y + box.height / 2;
    await this.page.mouse.move(box.x + box.width, y);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + width, y, { steps: 5 });
    await this.page.mouse.up();
    await waitUntil(`the side bar ${width} px wide`, async () => (Math.abs(((await this.page.locator('.part.sidebar').boundingBox())?.width ?? 0) - width) <= 8 ? true : undefined));
    await this.page.mouse.move(700, 450);
  }

  // ---- command palette -------------------------------------------------------

  private paletteRow(title: string): Locator {
    return this.quickInput.locator('.monaco-list-row', { hasText: title });
  }

  /** F1, then the palette filtered to `title`. */
  private async openPaletteFilteredTo(title: string): Promise<void> {
    await this.closeQuickInput();
    await this.page.keyboard.press('F1');
    const input = this.quickInput.locator('.quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    // F1 opens it with the commands' ">" typed; the title is typed after it.
    await waitUntil('the palette to read ">"', async () => ((await input.inputValue()) === '>' ? true : undefined));
    await this.page.keyboard.type(title, PACE);
  }

  /** Closes a quick input left open, if any. */
  async closeQuickInput(): Promise<void> {
    if (await this.quickInput.isVisible()) {
      await this.page.keyboard.press('Escape');
      await this.quickInput.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
    }
  }

  /**
   * Waits until the palette lists a command: an extension's commands appear once
   * the extension host has registered its contributions, a moment after the
   * workbench shows. Reopens the palette until the row is there.
   */
  async waitForCommand(title: string, timeoutMs = 60_000): Promise<void> {
    await waitUntil(
      `the command palette to list "${title}"`,
      async () => {
        await this.openPaletteFilteredTo(title);
        try {
          await this.paletteRow(title).first().waitFor({ state: 'visible', timeout: 2_000 });
          return true;
        } catch {
          await this.closeQuickInput();
          return false;
        }
      },
      timeoutMs,
    );
    await this.closeQuickInput();
  }

  /** Runs a command by its palette title (`Category: Title`), with a screenshot of the palette. */
  async runCommand(title: string, shot?: string): Promise<void> {
    await this.openPaletteFilteredTo(title);
    const row = this.paletteRow(title).first();
    await row.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    if (shot) await this.screenshot(shot);
    await row.click();
  }

  // ---- prompts ---------------------------------------------------------------

  /** Waits for the quick input whose title contains `title` (the step counter tells prompts apart). */
  private async waitForPromptTitle(title: string): Promise<void> {
    await this.quickInput.locator('.quick-input-title', { hasText: title }).waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  }

  /** Answers an InputBox prompt after checking its title and prompt text. */
  async answerInput(prompt: InputPrompt): Promise<void> {
    await this.waitForPromptTitle(prompt.title);
    await this.quickInput.locator('.quick-input-message', { hasText: prompt.prompt }).waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    const input = this.quickInput.locator('.quick-input-box input');
    // As a person answers: select whatever the box holds, type over it.
    await input.click();
    await this.page.keyboard.press('ControlOrMeta+A', PACE);
    if (prompt.value === '') await this.page.keyboard.press('Backspace', PACE);
    else await this.page.keyboard.type(prompt.value, PACE);
    await waitUntil(`the prompt to hold "${prompt.value}"`, async () => ((await input.inputValue()) === prompt.value ? true : undefined));
    if (prompt.shot) await this.screenshot(prompt.shot);
    await input.press('Enter');
    // The same widget shows the next prompt; wait until this one is gone.
    await this.quickInput.locator('.quick-input-title', { hasText: prompt.title }).waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
  }

  /** Chooses an item of a QuickPick after checking its title and placeholder. */
  async pick(prompt: PickPrompt): Promise<void> {
    await this.waitForPromptTitle(prompt.title);
    const input = this.quickInput.locator('.quick-input-box input');
    await waitUntil(`the placeholder "${prompt.placeholder}"`, async () => (await input.getAttribute('placeholder')) === prompt.placeholder);
    const rows = this.quickInput.locator('.quick-input-list .monaco-list-row');
    if (prompt.first) {
      await rows.first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      const label = ((await rows.first().locator('.label-name').first().textContent()) ?? '').trim();
      if (label !== prompt.first) throw new Error(`The first item of "${prompt.title}" is "${label}", expected "${prompt.first}"`);
    }
    if (prompt.filter) {
      await input.click();
      await this.page.keyboard.type(prompt.filter, PACE);
    }
    const row = rows.filter({ hasText: prompt.label }).first();
    await row.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    if (prompt.shot) await this.screenshot(prompt.shot);
    await row.click();
    await this.quickInput.locator('.quick-input-title', { hasText: prompt.title }).waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
  }

  // ---- editors ---------------------------------------------------------------

  /** The active editor tab, when it shows `fileName`. */
  activeTab(fileName: string): Locator {
    return this.page.locator('.tabs-container .tab.active', { hasText: fileName });
  }

  /** Waits until the active editor is `fileName` and its text is rendered. */
  async waitForActiveEditor(fileName: string): Promise<void> {
    await this.activeTab(fileName).waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    await this.activeEditor().locator('.view-lines .view-line').first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  }

  /** The Monaco editor of the active editor group. */
  activeEditor(): Locator {
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  /** The text of the editor lines currently rendered (the visible part of the document). */
  async visibleEditorText(): Promise<string> {
    const lines = await this.activeEditor().locator('.view-lines .view-line').evaluateAll((nodes) =>
      nodes
        .map((node) => ({ top: parseFloat((node as HTMLElement).style.top || '0'), text: node.textContent ?? '' }))
        .sort((a, b) => a.top - b.top)
        .map((line) => line.text),
    );
    return lines.join('\n').replace(/\u00a0/g, ' ');
  }

  /** Puts the cursor at the end of the first line containing `text`, through the find widget. */
  async moveCursorToEndOfLineWith(text: string): Promise<void> {
    await this.activeEditor().locator('.view-lines').first().click();
    await this.page.keyboard.press('Control+F');
    const find = this.activeEditor().locator('.find-widget.visible');
    const findInput = find.locator('textarea, input').first();
    await findInput.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    await this.page.keyboard.press('ControlOrMeta+A', PACE);
    await this.page.keyboard.type(text, PACE);
    // "1 of 1" once the search ran ("No results" otherwise).
    await find.locator('.matchesCount', { hasText: / of [1-9]/ }).waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    // Enter selects the match in the editor; Escape closes the widget and leaves the selection.
    await findInput.press('Enter');
    await this.page.keyboard.press('Escape');
    await find.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
    await this.page.keyboard.press('End');
  }

  /**
   * Pastes `text` at the cursor: puts it on the clipboard and presses Ctrl+V, as
   * a user copying a block from elsewhere would. (Typing it, or inserting it as
   * one input, lets the editor indent each new line like the one before.)
   * Needs the clipboard permissions granted to the page.
   */
  async paste(text: string): Promise<void> {
    await this.page.evaluate((value) => navigator.clipboard.writeText(value), text);
    await this.page.keyboard.press('Control+V');
  }

  /** Ctrl+S, then waits until the tab no longer shows unsaved changes. */
  async save(fileName: string): Promise<void> {
    await this.page.keyboard.press('Control+S');
    await this.page.locator('.tabs-container .tab.active:not(.dirty)', { hasText: fileName }).waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  }

  /** Waits until the active tab shows unsaved changes. */
  async waitForDirty(fileName: string): Promise<void> {
    await this.page.locator('.tabs-container .tab.active.dirty', { hasText: fileName }).waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  }

  // ---- notifications ---------------------------------------------------------

  /** Waits for a notification toast containing `text` and returns its whole message. */
  async waitForNotification(text: string): Promise<string> {
    const toast = this.page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();
    await toast.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    return ((await toast.locator('.notification-list-item-message').textContent()) ?? '').trim();
  }
}
