/**
 * The Custom Requests tree as a user meets it: a view in the Custom Requests
 * container (above the Estimate form), rows with a label and a description,
 * inline actions on hover and a context menu on right-click.
 */
import type { Locator, Page } from 'playwright-core';
import { UI_TIMEOUT, waitUntil } from './workbench';

export class RequestTree {
  constructor(
    private readonly page: Page,
    private readonly viewTitle: string,
  ) {}

  /** The view's pane in the side bar. */
  get pane(): Locator {
    return this.page.locator('.sidebar .pane', { has: this.page.locator('.pane-header h3.title', { hasText: new RegExp(`^${escape(this.viewTitle)}$`, 'i') }) });
  }

  /** Expands the pane when it is collapsed. */
  async show(): Promise<void> {
    const header = this.pane.locator('.pane-header');
    await header.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
    await this.pane.locator('.monaco-list').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  }

  /** A row whose label is exactly `label`. */
  row(label: string): Locator {
    return this.pane.locator('.monaco-list-row', { has: this.page.locator('.label-name', { hasText: new RegExp(`^${escape(label)}$`) }) });
  }

  /** Waits for the row and returns its label and description as shown. */
  async waitForRow(label: string): Promise<{ label: string; description: string; level: number }> {
    const row = this.row(label);
    await row.first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    return {
      label: ((await row.first().locator('.label-name').textContent()) ?? '').trim(),
      description: ((await row.first().locator('.label-description').first().textContent()) ?? '').trim(),
      level: Number(await row.first().getAttribute('aria-level')),
    };
  }

  /** The labels of the visible rows, in order, with their tree level: `[level, label, description]`. */
  async rows(): Promise<[number, string, string][]> {
    const rows = this.pane.locator('.monaco-list-row');
    const out: [number, string, string][] = [];
    for (let i = 0; i < (await rows.count()); i++) {
      const row = rows.nth(i);
      out.push([
        Number(await row.getAttribute('aria-level')),
        ((await row.locator('.label-name').first().textContent()) ?? '').trim(),
        ((await row.locator('.label-description').first().textContent().catch(() => '')) ?? '').trim(),
      ]);
    }
    return out;
  }

  /** Expands a collapsed row. */
  async expand(label: string): Promise<void> {
    const row = this.row(label).first();
    if ((await row.getAttribute('aria-expanded')) === 'false') await row.click();
    await waitUntil(`${label} expanded`, async () => (await row.getAttribute('aria-expanded')) === 'true');
  }

  /** Hovers the row's label and returns the text of the tooltip VS Code shows for it. */
  async tooltip(label: string): Promise<string> {
    const name = this.row(label).first().locator('.label-name').first();
    const hover = this.page.locator('.monaco-hover, .workbench-hover').filter({ hasText: label }).first();
    // The workbench shows a hover only after the pointer rests, and drops it when anything redraws the row (the
    // tree refreshes as files change) or the pointer moved meanwhile: a person moves off and back, and so does this.
    return waitUntil(`the tooltip of ${label}`, async () => {
      if (!(await hover.isVisible())) {
        await this.page.mouse.move(700, 450);
        await name.hover();
        const shown = await hover.waitFor({ state: 'visible', timeout: 3_000 }).then(() => true, () => false);
        if (!shown) return undefined;
      }
      return ((await hover.textContent()) ?? '').replace(/\u00a0/g, ' ');
    }, 3 * UI_TIMEOUT);
  }

  /** Right-clicks the row and picks `item` from its context menu. */
  async contextMenu(label: string, item: string): Promise<void> {
    await this.row(label).first().click({ button: 'right' });
    const menu = this.page.locator('.context-view .monaco-menu');
    await menu.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    // VS Code's menus act on mouse-up over the item or on Enter: hover it (it highlights), then Enter.
    await menu.locator('.action-item', { has: this.page.locator('.action-label', { hasText: new RegExp(`^${escape(item)}$`) }) }).hover();
    await this.page.keyboard.press('Enter');
    await menu.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
  }

  /** Hovers the row and clicks its inline action titled `title`. */
  async inlineAction(label: string, title: string): Promise<void> {
    const row = this.row(label).first();
    await row.hover();
    await row.locator(`.actions .action-label[aria-label="${title}"]`).click();
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
