/**
 * The Estimate form as a user meets it in the workbench: the Custom Requests
 * icon in the activity bar, then a webview (two nested iframes in VS Code 1.100)
 * whose inputs are reached by their labels' ids and filled from the keyboard.
 */
import type { FrameLocator, Page } from 'playwright-core';
import { PACE, UI_TIMEOUT, waitUntil } from './workbench';

/** The id of a form field's input (src/webview/form.ts: `f-` and the field with dots as dashes). */
const inputId = (field: string) => `#f-${field.replace(/\./g, '-')}`;
const errorId = (field: string) => `#e-${field.replace(/\./g, '-')}`;

export class EstimateForm {
  constructor(private readonly page: Page) {}

  /** The form's document inside the view's webview. */
  get frame(): FrameLocator {
    return this.page.frameLocator('iframe.webview').frameLocator('#active-frame');
  }

  /** Clicks the container's icon in the activity bar and waits for the form. */
  async open(containerTitle: string): Promise<void> {
    await this.page.locator(`.activitybar .action-item a[aria-label^="${containerTitle}"]`).first().click();
    // Off the icon, so its tooltip does not cover the form in screenshots.
    await this.page.mouse.move(700, 450);
    await this.frame.locator('#editor').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  }

  /** The label of the assessment the form shows. */
  async selectedAssessment(): Promise<string> {
    return (await this.frame.locator('#assessment option:checked').textContent())?.trim() ?? '';
  }

  /** Types into a field as a user does: click it, Ctrl+A, type at a person's pace, Tab on (Tab commits a role's change). */
  async type(field: string, value: string): Promise<void> {
    await this.frame.locator(inputId(field)).click();
    await this.page.keyboard.press('ControlOrMeta+A', PACE);
    await this.page.keyboard.type(value, PACE);
    // Every keystroke must land: a redraw while typing must not eat one.
    const typed = await this.value(field);
    if (typed !== value) throw new Error(`typed "${value}" into ${field}, but it holds "${typed}"`);
    await this.page.keyboard.press('Tab');
  }

  async value(field: string): Promise<string> {
    return this.frame.locator(inputId(field)).inputValue();
  }

  /** The error shown next to a field ('' when none). */
  async error(field: string): Promise<string> {
    return (await this.frame.locator(errorId(field)).textContent())?.trim() ?? '';
  }

  /** Scrolls the form so a field's error is in view (for a screenshot). */
  async reveal(field: string): Promise<void> {
    await this.frame.locator(inputId(field)).scrollIntoViewIfNeeded();
  }

  async invalid(field: string): Promise<boolean> {
    return (await this.frame.locator(inputId(field)).getAttribute('aria-invalid')) === 'true';
  }

  /** Focuses a button and presses Enter, as from the keyboard. */
  async press(selector: string): Promise<void> {
    await this.frame.locator(selector).focus();
    await this.page.keyboard.press('Enter');
  }

  /** Text of an element of the form (results use ids such as `r-nre`). */
  async text(id: string): Promise<string> {
    return (await this.frame.locator(`#${id}`).textContent())?.trim() ?? '';
  }

  /** Waits until an element's text is `expected`, and returns it. */
  async waitForText(id: string, expected: string): Promise<string> {
    return waitUntil(`#${id} to read "${expected}" (it reads "${await this.text(id).catch(() => '?')}")`, async () => ((await this.text(id)) === expected ? expected : undefined));
  }
}
