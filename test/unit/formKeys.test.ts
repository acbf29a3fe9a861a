/**
 * Which keys the Estimate form keeps from the workbench (src/webview/keys.ts):
 * the editing keys of a text field stay, workbench shortcuts go through.
 * Behaviour with real key presses is in test/webview/keys.webview.ts.
 */
import assert from 'node:assert/strict';
import { belongsToField, type KeyPress } from '../../src/webview/keys';

/** "Control+Shift+z" → a key press; keyCode as Chromium gives it for the Latin letter or named key. */
function press(chord: string, keyCode = 0): KeyPress {
  const parts = chord.split('+');
  const key = parts.pop()!;
  return { key, keyCode: keyCode || (key.length === 1 ? key.toUpperCase().charCodeAt(0) : 0), ctrlKey: parts.includes('Control'), metaKey: parts.includes('Meta'), altKey: parts.includes('Alt'), shiftKey: parts.includes('Shift') };
}

describe('the form keeps its editing keys', () => {
  for (const chord of ['a', 'Shift+A', 'Enter', 'Escape', 'Tab', 'Shift+Tab', 'Home', 'End', 'ArrowLeft', 'Backspace', 'Delete', ' ', 'Shift+Insert',
    'Control+a', 'Control+z', 'Control+Shift+Z', 'Control+y', 'Control+x', 'Control+c', 'Control+v', 'Control+Insert', 'Control+ArrowLeft', 'Control+Shift+ArrowRight', 'Control+Backspace', 'Control+Home',
    'Meta+a', 'Meta+z', 'Meta+Shift+Z', 'Meta+c', 'Meta+v', 'Meta+x']) {
    it(`keeps ${chord}`, () => assert.equal(belongsToField(press(chord)), true));
  }
  for (const chord of ['F1', 'F5', 'Shift+F10', 'Control+Shift+P', 'Control+p', 'Control+s', 'Control+b', 'Control+w', 'Control+`', 'Alt+ArrowLeft', 'Alt+a', 'Control+Alt+a', 'Meta+p', 'Control+Meta+a']) {
    it(`lets ${chord} through to the workbench`, () => assert.equal(belongsToField(press(chord)), false));
  }
  it('knows Ctrl+A and Ctrl+Z on a Cyrillic layout by their key codes (ф is A, я is Z), and lets Ctrl+P (з) through', () => {
    assert.equal(belongsToField(press('Control+ф', 65)), true);
    assert.equal(belongsToField(press('Control+я', 90)), true);
    assert.equal(belongsToField(press('Control+з', 80)), false);
  });
});
