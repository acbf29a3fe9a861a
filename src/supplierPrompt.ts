/**
 * Generate Quote's one-time offer to fill in the supplier settings. A quote
 * never waits for them (the template leaves out what is not set); the first
 * quote generated without a supplier name shows one notification with
 * "Open Settings", and the user's global state remembers that it was shown.
 */
import * as vscode from 'vscode';
import type { Settings } from './core/schema';
import { log } from './log';

const OFFERED_KEY = 'customRequest.supplierSettingsOffered';
let globalState: vscode.Memento | undefined;

/** Where the offer is remembered: the extension's global state (set by the desk on load). */
export function rememberSupplierOfferIn(state: vscode.Memento): void {
  globalState = state;
}

/** Offers once, not awaited, to open the customRequest.supplier settings when the supplier's name is missing. */
export function offerSupplierSettings(settings: Settings): void {
  if (settings.supplier.name || !globalState || globalState.get<boolean>(OFFERED_KEY)) return;
  void globalState.update(OFFERED_KEY, true);
  log().info('Generate Quote: offered to fill in the supplier settings (once).');
  const open = vscode.l10n.t('Open Settings');
  void vscode.window
    .showInformationMessage(vscode.l10n.t("Quotes can show your company's name, address, contact and logo in the header and the sign-off. Set them once in the settings (customRequest.supplier)."), open)
    .then((choice) => {
      if (choice === open) void vscode.commands.executeCommand('workbench.action.openSettings', 'customRequest.supplier');
    });
}
