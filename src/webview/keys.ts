/**
 * Keeps the form's editing keys in the form.
 *
 * VS Code's webview host sends every keydown of a webview to the workbench
 * (a listener on the webview's window posts it as `did-keydown`), and the
 * workbench runs the keybinding it matches. In a webview *view* such as this
 * form, select-all, undo, redo and the clipboard commands find no focused
 * webview and fall through to the active text editor (microsoft/vscode#105670):
 * Ctrl+A then typing would replace the open assessment, Ctrl+Z would undo the
 * user's edits in it. The host also cancels undo and redo in the webview
 * itself, so the field would not get them either.
 *
 * The guard listens on the document, which the event reaches before the
 * window, and stops the keys that belong to the focused control there: the
 * browser then does in each field what it does in any text field. Workbench
 * shortcuts (F1, Ctrl+Shift+P, Ctrl+B, Ctrl+S, Alt+…) still go through.
 */

/** What the guard reads of a key event (a KeyboardEvent has all of it). */
export interface KeyPress {
  key: string;
  keyCode: number;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** The letters of Ctrl/Cmd chords that edit a field: select all, copy, paste, cut, redo, undo. */
const EDITING_LETTERS = new Set(['a', 'c', 'v', 'x', 'y', 'z']);
/** The same letters by key code, for layouts whose `key` is not a Latin letter (Cyrillic, Greek …). */
const EDITING_KEY_CODES = new Set([65, 67, 86, 88, 89, 90]);
/** Named keys that edit or move within a field with Ctrl/Cmd held (by word, to either end). */
const EDITING_NAMED_KEYS = new Set(['Backspace', 'Delete', 'Insert', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End']);

/**
 * True when the key acts on the focused control and must not reach the
 * workbench: every key without Ctrl, Cmd or Alt but the function keys (typing,
 * Enter, Escape, Tab, arrows, Home/End, Shift+Insert …), and the Ctrl/Cmd
 * chords of a text field (A, C, V, X, Y, Z with or without Shift, Ctrl+Insert,
 * word moves and deletes).
 */
export function belongsToField(press: KeyPress): boolean {
  if (/^F\d{1,2}$/.test(press.key)) return false;
  if (press.altKey) return false;
  const ctrlOrCmd = press.ctrlKey || press.metaKey;
  if (!ctrlOrCmd) return true;
  if (press.ctrlKey && press.metaKey) return false;
  if (EDITING_NAMED_KEYS.has(press.key)) return true;
  const letter = press.key.length === 1 ? press.key.toLowerCase() : '';
  if (/^[a-z]$/.test(letter)) return EDITING_LETTERS.has(letter);
  return EDITING_KEY_CODES.has(press.keyCode);
}

/** An element that takes Enter as a line of text, where Enter would otherwise submit the form. */
function isTextInput(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement && !['button', 'submit', 'reset', 'checkbox', 'radio', 'file', 'image'].includes(target.type);
}

/**
 * Installs the guard on the document. Enter in a text field neither reaches
 * the workbench nor submits the form: saving is the Save estimate button's.
 */
export function keepEditingKeysInForm(doc: Document = document): void {
  const guard = (event: KeyboardEvent) => {
    if (!belongsToField(event)) return;
    event.stopPropagation();
    if (event.type === 'keydown' && event.key === 'Enter' && !event.ctrlKey && !event.metaKey && isTextInput(event.target)) event.preventDefault();
  };
  doc.addEventListener('keydown', guard);
  doc.addEventListener('keyup', guard);
}
