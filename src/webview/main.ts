/**
 * The estimate form in the webview: handles the user's input and the
 * extension's messages; validation and figures are redrawn as the user types
 * (render.ts), and the draft survives hiding and reloads (store.ts). It talks
 * to the extension only through protocol.ts.
 */
import { assessmentOptions, escapeHtml, format, inputId, type Strings } from './form';
import { addWorkItem, draftFromEstimate, estimateFromDraft, sameDraft, setDraftField, validateDraft } from './formModel';
import type { ExtensionToWebview } from './protocol';
import { EXTENSION_MESSAGE_TYPES, extensionToWebviewSchema, FORM_STRING_KEYS, parseMessage } from './protocol';
import { $, applyStaticText, refreshRates, renderForm, schedule, setStatus, showProblem, showView, update, withRates } from './render';
import { keepEditingKeysInForm } from './keys';
import { isDirty, persist, post, store } from './store';

function onInput(event: Event): void {
  const target = event.target as HTMLInputElement | HTMLSelectElement;
  const field = target.dataset.field;
  if (!field) return;
  store.note = undefined;
  if (store.state.draft && setDraftField(store.state.draft, field, target.value) && event.type === 'change') refreshRates();
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
  if (!store.state.draft) return;
  const draft = store.state.draft;
  const i = Number(target.dataset.index);
  switch (target.dataset.action) {
    case 'add':
      addWorkItem(draft);
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
    case 'capabilities':
      if (store.state.key) post({ type: 'editCapabilities', key: store.state.key });
      return;
    case 'open':
      if (store.state.key) post({ type: 'open', key: store.state.key });
      return;
    case 'reload':
      if (store.state.loaded) store.state.draft = structuredClone(store.state.loaded);
      showProblem(undefined);
      renderForm();
      return;
  }
}

function submit(kind: 'save' | 'generateQuote'): void {
  if (!store.state.draft || !store.state.key || store.busy) return;
  const validation = validateDraft(store.state.draft, store.lang, store.s.required);
  if (!validation.estimate) {
    update();
    setStatus(format(store.s.fixFields, validation.errors.size));
    const first = document.querySelector<HTMLElement>('[aria-invalid="true"]');
    first?.focus();
    return;
  }
  store.busy = true;
  setStatus(kind === 'save' ? store.s.saving : store.s.generating);
  update();
  post({ type: kind, key: store.state.key, estimate: estimateFromDraft(store.state.draft) });
}

function onMessage(event: MessageEvent): void {
  const parsed = parseMessage(extensionToWebviewSchema, event.data);
  if (!parsed.ok) {
    // Said in the form, not only dropped: the picker goes back to what the fields and the save target are on.
    console.warn(`[custom-request form] dropped a message: ${parsed.reason}`);
    // Only one of ours that went wrong is reported; anything else posted to the window is not the extension's.
    if (!isOurs(event.data)) return;
    store.busy = false;
    showSelected();
    if (store.state.key) {
      showProblem(format(store.s.unreadableMessage, parsed.reason));
      update();
    }
    return;
  }
  handle(parsed.message);
}

const OUR_TYPES: readonly unknown[] = EXTENSION_MESSAGE_TYPES;
const isOurs = (data: unknown) => typeof data === 'object' && data !== null && OUR_TYPES.includes((data as { type?: unknown }).type);

/**
 * Shows the assessment the fields and the save target are on in the picker,
 * adding it when the list leaves it out (a request whose front matter the
 * list could not read is still opened from its editor).
 */
function showSelected(): void {
  const picker = $('assessment') as HTMLSelectElement | null;
  const key = store.state.key;
  if (!picker || !key) return;
  if (![...picker.options].some((option) => option.value === key)) {
    picker.insertAdjacentHTML('afterbegin', assessmentOptions([{ key, label: store.state.label ?? key, detail: store.state.label ?? key }], key));
  }
  picker.value = key;
}

function handle(message: ExtensionToWebview): void {
  switch (message.type) {
    case 'init':
      store.lang = message.lang;
      // Every key, as text: a string the message lacks must not break the markup (format() needs a template).
      store.s = Object.fromEntries(FORM_STRING_KEYS.map((k) => [k, message.strings[k] ?? ''])) as Strings;
      document.documentElement.lang = store.lang === 'zh-cn' ? 'zh-CN' : 'en';
      applyStaticText();
      return;
    case 'assessments':
      $('assessment')!.innerHTML = assessmentOptions(message.items, message.selected ?? store.state.key);
      if (message.items.length === 0 && !store.state.key) showView('welcome');
      // The extension's pick is followed by its load; until then, and without one, the picker shows what the form does.
      else if (message.selected === undefined || message.selected === store.state.key) showSelected();
      return;
    case 'load':
      load(message);
      return;
    case 'saved':
      store.busy = false;
      store.note = message.message;
      if (store.state.draft && message.key === store.state.key) store.state.loaded = structuredClone(store.state.draft);
      update();
      return;
    case 'failed':
      store.busy = false;
      store.note = message.message;
      update();
      showProblem(message.message);
      // A switch that failed leaves the form where it was: so does the picker.
      showSelected();
      return;
  }
}

function load(message: Extract<ExtensionToWebview, { type: 'load' }>): void {
  const sameAssessment = message.key === store.state.key;
  if (!sameAssessment) store.note = undefined;
  const keepDraft = sameAssessment && isDirty();
  store.state.key = message.key;
  store.state.label = message.label;
  store.state.defaults = message.defaults;
  if (message.capabilities || !sameAssessment) store.state.capabilities = message.capabilities ?? [];
  showCapabilities();
  showView('form');
  showSelected();
  if (message.problem) {
    // The front matter cannot be read: say so, and keep what the form shows.
    showProblem(message.problem);
    if (!store.state.draft || !sameAssessment) {
      store.state.draft = draftFromEstimate(undefined, message.defaults);
      store.state.loaded = structuredClone(store.state.draft);
    }
    renderForm();
    return;
  }
  const loaded = draftFromEstimate(message.estimate, message.defaults);
  const changedOnDisk = sameAssessment && store.state.loaded !== undefined && !sameDraft(loaded, store.state.loaded);
  store.state.loaded = loaded;
  // `notice`: what the extension could not send (a field over its limit), by name.
  if (keepDraft) {
    showProblem([message.notice, changedOnDisk ? store.s.changedElsewhere : undefined].filter(Boolean).join(' ') || undefined);
    if (changedOnDisk) $('problem')!.insertAdjacentHTML('beforeend', ` <button type="button" class="link" data-action="reload">${escapeHtml(store.s.useFileValues)}</button>`);
  } else {
    showProblem(message.notice);
    store.state.draft = structuredClone(loaded);
  }
  renderForm();
}

/** The request's tags, as the register lists them; "none yet" without. */
function showCapabilities(): void {
  const tags = store.state.capabilities ?? [];
  $('capabilities')!.textContent = tags.length > 0 ? tags.join(store.lang === 'zh-cn' ? '、' : ', ') : store.s.noCapabilities;
}

function start(): void {
  window.addEventListener('message', onMessage);
  keepEditingKeysInForm();
  const form = $('editor')!;
  form.addEventListener('input', onInput);
  form.addEventListener('change', onInput);
  document.body.addEventListener('click', onClick);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit('save');
  });
  $('quote')!.addEventListener('click', () => submit('generateQuote'));
  $('assessment')!.addEventListener('focus', () => post({ type: 'listAssessments' }));
  $('assessment')!.addEventListener('change', (event) => {
    const key = (event.target as HTMLSelectElement).value;
    if (key === store.state.key) return;
    const dirty = isDirty();
    post({ type: 'select', key, dirty, ...(dirty && store.state.draft ? { estimate: estimateFromDraft(store.state.draft) } : {}) });
  });
  post({ type: 'ready', ...(store.state.key ? { key: store.state.key, dirty: isDirty() } : {}) });
}

start();
