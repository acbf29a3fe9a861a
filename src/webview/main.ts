/**
 * The estimate form in the webview: keeps the draft, validates and computes
 * as the user types, and talks to the extension only through protocol.ts.
 * The draft survives hiding and reloads through the webview state.
 */
import { computeEstimate } from '../core/estimate';
import type { Lang } from '../core/lang';
import { assessmentOptions, dayRatesMarkup, dayRatesTitle, errorId, escapeHtml, format, formMarkup, inputId, roleOptions, type Strings } from './form';
import type { Draft } from './formModel';
import { draftFromEstimate, estimateFromDraft, sameDraft, validateDraft, withRoleRates } from './formModel';
import type { AssessmentChoice, ExtensionToWebview, FormDefaults, WebviewToExtension } from './protocol';
import { extensionToWebviewSchema, FORM_STRING_KEYS, parseMessage } from './protocol';
import { resultsMarkup } from './results';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

/** What the webview keeps across hiding and reloads. */
interface State {
  key?: string;
  label?: string;
  draft?: Draft;
  /** the draft as last loaded from the document: the form is dirty when it differs */
  loaded?: Draft;
  defaults?: FormDefaults;
}

// Marks for `npm run bench:form`: from this script's start to the first figures on screen.
performance.mark('crd:start');
const vscode = acquireVsCodeApi();
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T | null;

let lang: Lang = 'en';
let s = {} as Strings;
let items: AssessmentChoice[] = [];
const state: State = restoreState();
let busy = false;
let scheduled = false;
/** The last save's or quote's outcome: shown as the status until the user types again. */
let note: string | undefined;

function restoreState(): State {
  const saved = vscode.getState();
  return saved && typeof saved === 'object' ? (saved as State) : {};
}

function post(message: WebviewToExtension): void {
  vscode.postMessage(message);
}

const isDirty = () => Boolean(state.draft && state.loaded && !sameDraft(state.draft, state.loaded));

function persist(): void {
  vscode.setState(state);
}

function setStatus(text: string): void {
  const status = $('status');
  if (status) status.textContent = text;
}

function showProblem(text: string | undefined): void {
  const banner = $('problem');
  if (!banner) return;
  banner.hidden = !text;
  banner.textContent = text ?? '';
}

/** Shows the welcome (no assessment) or the form. */
function showView(which: 'welcome' | 'form'): void {
  $('welcome')!.hidden = which !== 'welcome';
  $('editor')!.hidden = which !== 'form';
}

/** Re-renders the inputs from the draft, keeping focus on the same field or button. */
function renderForm(): void {
  const form = $('fields');
  if (!form || !state.draft) return;
  const active = document.activeElement as HTMLElement | null;
  const focusId = active?.id;
  const focusAction = active?.dataset.action ? `[data-action="${active.dataset.action}"][data-index="${active.dataset.index ?? ''}"]` : undefined;
  form.innerHTML = formMarkup(state.draft, s);
  $('rates')!.dataset.markup = dayRatesMarkup(state.draft, s);
  const again = (focusId && document.getElementById(focusId)) || (focusAction && form.querySelector<HTMLElement>(focusAction));
  if (again && !(again as HTMLButtonElement).disabled) again.focus();
  update();
}

/** Validates and recomputes; called at most once per frame while typing. */
function update(): void {
  if (!state.draft) return;
  const validation = validateDraft(state.draft, lang, s.required);
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
      results.innerHTML = resultsMarkup(computeEstimate(validation.estimate), lang, s);
      results.classList.remove('stale');
      if (performance.getEntriesByName('crd:painted').length === 0) requestAnimationFrame(() => performance.mark('crd:painted'));
    } else {
      const count = validation.errors.size;
      results.classList.add('stale');
      const note = $('results-note');
      if (note) note.textContent = format(s.fixFields, count);
      else results.insertAdjacentHTML('afterbegin', `<p id="results-note" class="hint">${escapeHtml(format(s.fixFields, count))}</p>`);
    }
  }
  const dirty = isDirty();
  ($('save') as HTMLButtonElement | null)?.toggleAttribute('disabled', busy || !state.key);
  ($('quote') as HTMLButtonElement | null)?.toggleAttribute('disabled', busy || !state.key);
  const wasDirty = document.body.dataset.dirty === 'true';
  document.body.dataset.dirty = String(dirty);
  if (!busy) setStatus(note ?? (dirty ? s.unsaved : state.key ? s.savedState : ''));
  if (wasDirty !== dirty && state.key) post({ type: 'dirty', key: state.key, dirty });
  persist();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  requestAnimationFrame(() => {
    scheduled = false;
    update();
  });
}

/** Writes one input's value into the draft; true when the day-rate rows may need to change. */
function setField(field: string, value: string): boolean {
  const draft = state.draft;
  if (!draft) return false;
  const parts = field.split('.');
  if (parts[0] === 'workItems') {
    const item = draft.workItems[Number(parts[1])];
    if (!item) return false;
    item[parts[2] as keyof typeof item] = value;
    // A new role needs a day rate: add its row.
    return parts[2] === 'role';
  }
  if (parts[0] === 'dayRates') {
    const row = draft.dayRates[Number(parts[1])];
    if (row) row.rate = value;
    return false;
  }
  if (field === 'priceAt') draft.priceAt = value === 'p50' || value === 'p90' ? value : 'p80';
  else if (field in draft && typeof draft[field as keyof Draft] === 'string') (draft as unknown as Record<string, string>)[field] = value;
  return field === 'recurringRole' || field === 'releasesPerYear' || field === 'testingDaysPerRelease' || field === 'currency';
}

function withRates(): void {
  if (state.draft && state.defaults) state.draft = withRoleRates(state.draft, state.defaults.dayRate);
}

/**
 * After a role, the recurring work or the currency changed: only the day-rate
 * rows, their heading and the role suggestions are redrawn, so the field the
 * user is moving to keeps its focus and whatever they type next.
 */
function refreshRates(): void {
  if (!state.draft) return;
  withRates();
  const rates = $('rates');
  const markup = dayRatesMarkup(state.draft, s);
  if (rates && rates.dataset.markup !== markup) {
    const focused = rates.contains(document.activeElement) ? document.activeElement?.id : undefined;
    rates.innerHTML = markup;
    rates.dataset.markup = markup;
    if (focused) $(focused)?.focus();
  }
  const heading = $('h-rates');
  if (heading) heading.textContent = dayRatesTitle(state.draft, s);
  const roles = $('roles');
  if (roles) roles.innerHTML = roleOptions(state.draft);
}

function onInput(event: Event): void {
  const target = event.target as HTMLInputElement | HTMLSelectElement;
  const field = target.dataset.field;
  if (!field) return;
  note = undefined;
  if (setField(field, target.value) && event.type === 'change') refreshRates();
  // Kept at once, not on the next frame: the view may be hidden right after a keystroke.
  persist();
  schedule();
}

function onClick(event: Event): void {
  const target = (event.target as HTMLElement).closest<HTMLElement>('[data-action]');
  if (!target) return;
  // The welcome's button works before any assessment (and so any draft) exists.
  if (target.dataset.action === 'new') {
    post({ type: 'newAssessment' });
    return;
  }
  if (!state.draft) return;
  const draft = state.draft;
  const i = Number(target.dataset.index);
  switch (target.dataset.action) {
    case 'add':
      draft.workItems.push({ name: '', role: draft.workItems.at(-1)?.role ?? draft.recurringRole, optimistic: '', mostLikely: '', pessimistic: '' });
      withRates();
      renderForm();
      $(inputId(`workItems.${draft.workItems.length - 1}.name`))?.focus();
      return;
    case 'remove':
      draft.workItems.splice(i, 1);
      renderForm();
      ($(inputId(`workItems.${Math.min(i, draft.workItems.length - 1)}.name`)) ?? document.querySelector<HTMLElement>('[data-action="add"]'))?.focus();
      return;
    case 'up':
    case 'down': {
      const j = target.dataset.action === 'up' ? i - 1 : i + 1;
      if (j < 0 || j >= draft.workItems.length) return;
      [draft.workItems[i], draft.workItems[j]] = [draft.workItems[j], draft.workItems[i]];
      renderForm();
      const moved = document.querySelector<HTMLButtonElement>(`[data-action="${target.dataset.action}"][data-index="${j}"]`);
      (moved && !moved.disabled ? moved : $(inputId(`workItems.${j}.name`)))?.focus();
      return;
    }
    case 'removeRate':
      draft.dayRates.splice(i, 1);
      renderForm();
      return;
    case 'open':
      if (state.key) post({ type: 'open', key: state.key });
      return;
    case 'reload':
      if (state.loaded) state.draft = structuredClone(state.loaded);
      showProblem(undefined);
      renderForm();
      return;
  }
}

function submit(kind: 'save' | 'generateQuote'): void {
  if (!state.draft || !state.key || busy) return;
  const validation = validateDraft(state.draft, lang, s.required);
  if (!validation.estimate) {
    update();
    setStatus(format(s.fixFields, validation.errors.size));
    const first = document.querySelector<HTMLElement>('[aria-invalid="true"]');
    first?.focus();
    return;
  }
  busy = true;
  setStatus(kind === 'save' ? s.saving : s.generating);
  update();
  post({ type: kind, key: state.key, estimate: estimateFromDraft(state.draft) });
}

function onMessage(event: MessageEvent): void {
  const parsed = parseMessage(extensionToWebviewSchema, event.data);
  if (!parsed.ok) {
    console.warn(`[custom-request form] dropped a message: ${parsed.reason}`);
    return;
  }
  handle(parsed.message);
}

function handle(message: ExtensionToWebview): void {
  switch (message.type) {
    case 'init':
      lang = message.lang;
      // Every key, as text: a string the message lacks must not break the markup (format() needs a template).
      s = Object.fromEntries(FORM_STRING_KEYS.map((k) => [k, message.strings[k] ?? ''])) as Strings;
      document.documentElement.lang = lang === 'zh-cn' ? 'zh-CN' : 'en';
      applyStaticText();
      return;
    case 'assessments':
      items = message.items;
      $('assessment')!.innerHTML = assessmentOptions(items, message.selected ?? state.key);
      if (items.length === 0) showView('welcome');
      return;
    case 'load':
      load(message);
      return;
    case 'saved':
      busy = false;
      note = message.message;
      if (state.draft && message.key === state.key) state.loaded = structuredClone(state.draft);
      update();
      return;
    case 'failed':
      busy = false;
      note = message.message;
      update();
      showProblem(message.message);
      return;
  }
}

function load(message: Extract<ExtensionToWebview, { type: 'load' }>): void {
  const sameAssessment = message.key === state.key;
  if (!sameAssessment) note = undefined;
  const keepDraft = sameAssessment && isDirty();
  state.key = message.key;
  state.label = message.label;
  state.defaults = message.defaults;
  showView('form');
  ($('assessment') as HTMLSelectElement).value = message.key;
  if (message.problem) {
    // The front matter cannot be read: say so, and keep what the form shows.
    showProblem(message.problem);
    if (!state.draft || !sameAssessment) {
      state.draft = draftFromEstimate(undefined, message.defaults);
      state.loaded = structuredClone(state.draft);
    }
    renderForm();
    return;
  }
  const loaded = draftFromEstimate(message.estimate, message.defaults);
  const changedOnDisk = sameAssessment && state.loaded !== undefined && !sameDraft(loaded, state.loaded);
  state.loaded = loaded;
  if (keepDraft) {
    showProblem(changedOnDisk ? s.changedElsewhere : undefined);
    if (changedOnDisk) $('problem')!.insertAdjacentHTML('beforeend', ` <button type="button" class="link" data-action="reload">${escapeHtml(s.useFileValues)}</button>`);
  } else {
    showProblem(undefined);
    state.draft = structuredClone(loaded);
  }
  renderForm();
}

function applyStaticText(): void {
  for (const el of document.querySelectorAll<HTMLElement>('[data-text]')) el.textContent = s[el.dataset.text as keyof Strings] ?? '';
  for (const el of document.querySelectorAll<HTMLElement>('[data-label]')) el.setAttribute('aria-label', s[el.dataset.label as keyof Strings] ?? '');
}

function start(): void {
  window.addEventListener('message', onMessage);
  const form = $('editor')!;
  form.addEventListener('input', onInput);
  form.addEventListener('change', onInput);
  document.body.addEventListener('click', onClick);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit('save');
  });
  $('quote')!.addEventListener('click', () => submit('generateQuote'));
  $('assessment')!.addEventListener('change', (event) => {
    const key = (event.target as HTMLSelectElement).value;
    if (key === state.key) return;
    const dirty = isDirty();
    post({ type: 'select', key, dirty, ...(dirty && state.draft ? { estimate: estimateFromDraft(state.draft) } : {}) });
  });
  post({ type: 'ready', ...(state.key ? { key: state.key, dirty: isDirty() } : {}) });
}

start();
