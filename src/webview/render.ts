/**
 * Drawing the form from the store: the inputs (whole, or only the day-rate
 * rows while the user types), the messages next to the fields, the live
 * figures and charts, and the status line.
 */
import { computeEstimate } from '../core/estimate';
import type { Strings } from './form';
import { dayRatesMarkup, dayRatesTitle, errorId, escapeHtml, format, formMarkup, roleOptions } from './form';
import { validateDraft, withRoleRates } from './formModel';
import { resultsMarkup } from './results';
import { isDirty, persist, post, store } from './store';

export const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T | null;
let scheduled = false;

export function setStatus(text: string): void {
  const status = $('status');
  if (status) status.textContent = text;
}

export function showProblem(text: string | undefined): void {
  const banner = $('problem');
  if (!banner) return;
  banner.hidden = !text;
  banner.textContent = text ?? '';
}

/** Shows the welcome (no assessment) or the form. */
export function showView(which: 'welcome' | 'form'): void {
  $('welcome')!.hidden = which !== 'welcome';
  $('editor')!.hidden = which !== 'form';
}

/** Re-renders the inputs from the draft, keeping focus on the same field or button. */
export function renderForm(): void {
  const form = $('fields');
  if (!form || !store.state.draft) return;
  const active = document.activeElement as HTMLElement | null;
  const focusId = active?.id;
  // A redraw while the user types (the extension sent the assessment again) keeps the caret where it was,
  // or the next key lands at the start of the field.
  const caret = active instanceof HTMLInputElement ? { start: active.selectionStart, end: active.selectionEnd, direction: active.selectionDirection ?? undefined } : undefined;
  const focusAction = active?.dataset.action ? `[data-action="${active.dataset.action}"][data-index="${active.dataset.index ?? ''}"]` : undefined;
  form.innerHTML = formMarkup(store.state.draft, store.s);
  $('rates')!.dataset.markup = dayRatesMarkup(store.state.draft, store.s);
  const again = (focusId && document.getElementById(focusId)) || (focusAction && form.querySelector<HTMLElement>(focusAction));
  if (again && !(again as HTMLButtonElement).disabled) {
    again.focus();
    if (caret && again instanceof HTMLInputElement && caret.start !== null && caret.end !== null) again.setSelectionRange(caret.start, caret.end, caret.direction);
  }
  update();
}

/** Validates and recomputes; called at most once per frame while typing. */
export function update(): void {
  if (!store.state.draft) return;
  const validation = validateDraft(store.state.draft, store.lang, store.s.required);
  for (const el of document.querySelectorAll<HTMLElement>('[data-field]')) {
    const field = el.dataset.field!;
    const message = validation.errors.get(field) ?? '';
    el.setAttribute('aria-invalid', message ? 'true' : 'false');
    const slot = $(errorId(field));
    if (slot && slot.textContent !== message) slot.textContent = message;
  }
  for (const field of ['workItems', 'dayRates']) {
    const slot = $(errorId(field));
    if (slot) slot.textContent = validation.errors.get(field) ?? '';
  }
  const results = $('results');
  if (results) {
    if (validation.estimate) {
      results.innerHTML = resultsMarkup(computeEstimate(validation.estimate), store.lang, store.s);
      results.classList.remove('stale');
      if (performance.getEntriesByName('crd:painted').length === 0) requestAnimationFrame(() => performance.mark('crd:painted'));
    } else {
      const count = validation.errors.size;
      results.classList.add('stale');
      const resultsNote = $('results-note');
      if (resultsNote) resultsNote.textContent = format(store.s.fixFields, count);
      else results.insertAdjacentHTML('afterbegin', `<p id="results-note" class="hint">${escapeHtml(format(store.s.fixFields, count))}</p>`);
    }
  }
  const dirty = isDirty();
  ($('save') as HTMLButtonElement | null)?.toggleAttribute('disabled', store.busy || !store.state.key);
  ($('quote') as HTMLButtonElement | null)?.toggleAttribute('disabled', store.busy || !store.state.key);
  const wasDirty = document.body.dataset.dirty === 'true';
  document.body.dataset.dirty = String(dirty);
  if (!store.busy) setStatus(store.note ?? (dirty ? store.s.unsaved : store.state.key ? store.s.savedState : ''));
  if (wasDirty !== dirty && store.state.key) post({ type: 'dirty', key: store.state.key, dirty });
  persist();
}

export function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  requestAnimationFrame(() => {
    scheduled = false;
    update();
  });
}

export function withRates(): void {
  if (store.state.draft && store.state.defaults) store.state.draft = withRoleRates(store.state.draft, store.state.defaults.dayRate);
}

/**
 * After a role, the recurring work or the currency changed: only the day-rate
 * rows, their heading and the role suggestions are redrawn, so the field the
 * user is moving to keeps its focus and whatever they type next.
 */
export function refreshRates(): void {
  if (!store.state.draft) return;
  withRates();
  const rates = $('rates');
  const markup = dayRatesMarkup(store.state.draft, store.s);
  if (rates && rates.dataset.markup !== markup) {
    const focused = rates.contains(document.activeElement) ? document.activeElement?.id : undefined;
    rates.innerHTML = markup;
    rates.dataset.markup = markup;
    if (focused) $(focused)?.focus();
  }
  const heading = $('h-rates');
  if (heading) heading.textContent = dayRatesTitle(store.state.draft, store.s);
  const roles = $('roles');
  if (roles) roles.innerHTML = roleOptions(store.state.draft);
}

export function applyStaticText(): void {
  for (const el of document.querySelectorAll<HTMLElement>('[data-text]')) el.textContent = store.s[el.dataset.text as keyof Strings] ?? '';
  for (const el of document.querySelectorAll<HTMLElement>('[data-label]')) el.setAttribute('aria-label', store.s[el.dataset.label as keyof Strings] ?? '');
}

