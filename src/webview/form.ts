/**
 * The form's markup, built from the draft. Every input has a `<label for>`,
 * an error slot it points at with aria-describedby, and a `data-field` id
 * (see formModel's `fieldId`); buttons carry `data-action`. Text is escaped.
 */
import type { Draft, NumberField } from './formModel';
import { rolesInUse } from './formModel';
import type { AssessmentChoice, FormStringKey } from './protocol';

export type Strings = Record<FormStringKey, string>;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Fills `{0}`, `{1}` … placeholders. */
export function format(template: string, ...args: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (all, i: string) => (args[Number(i)] === undefined ? all : String(args[Number(i)])));
}

/** The DOM id of a field's input and of its error slot. */
export const inputId = (field: string) => `f-${field.replace(/\./g, '-')}`;
export const errorId = (field: string) => `e-${field.replace(/\./g, '-')}`;

interface InputOptions {
  mode?: 'decimal' | 'numeric' | 'text';
  hint?: string;
  wide?: boolean;
  list?: string;
  maxLength?: number;
}

function input(field: string, label: string, value: string, options: InputOptions = {}): string {
  const id = inputId(field);
  const hint = options.hint ? `<span class="hint" id="h-${id}">${escapeHtml(options.hint)}</span>` : '';
  const described = [errorId(field), options.hint ? `h-${id}` : ''].filter(Boolean).join(' ');
  const attrs = [
    `id="${id}"`,
    `data-field="${escapeHtml(field)}"`,
    'type="text"',
    `value="${escapeHtml(value)}"`,
    `aria-describedby="${described}"`,
    options.mode && options.mode !== 'text' ? `inputmode="${options.mode}"` : '',
    options.list ? `list="${options.list}"` : '',
    `maxlength="${options.maxLength ?? (options.mode && options.mode !== 'text' ? 24 : 200)}"`,
    'autocomplete="off"',
    'spellcheck="false"',
  ]
    .filter(Boolean)
    .join(' ');
  return `<div class="field${options.wide ? ' wide' : ''}"><label for="${id}">${escapeHtml(label)}</label><input ${attrs}>${hint}<span class="error" id="${errorId(field)}" aria-live="polite"></span></div>`;
}

function numberInput(draft: Draft, field: NumberField, label: string, hint?: string): string {
  return input(field, label, draft[field], { mode: 'decimal', ...(hint ? { hint } : {}) });
}

function button(action: string, text: string, extra = ''): string {
  return `<button type="button" class="secondary" data-action="${action}" ${extra}>${escapeHtml(text)}</button>`;
}

function workItem(draft: Draft, i: number, s: Strings): string {
  const item = draft.workItems[i];
  const n = i + 1;
  const last = draft.workItems.length - 1;
  const label = (key: FormStringKey) => format(s[key], n);
  return `<fieldset class="item" data-index="${i}">
<legend>${escapeHtml(format(s.itemLegend, n))}</legend>
<div class="row-name">
${input(`workItems.${i}.name`, s.itemName, item.name)}
${input(`workItems.${i}.role`, s.itemRole, item.role, { list: 'roles', maxLength: 60 })}
</div>
<div class="row3">
${input(`workItems.${i}.optimistic`, s.optimistic, item.optimistic, { mode: 'decimal' })}
${input(`workItems.${i}.mostLikely`, s.mostLikely, item.mostLikely, { mode: 'decimal' })}
${input(`workItems.${i}.pessimistic`, s.pessimistic, item.pessimistic, { mode: 'decimal' })}
</div>
<div class="item-actions">
${button('up', '↑', `data-index="${i}" aria-label="${escapeHtml(label('moveUp'))}" title="${escapeHtml(label('moveUp'))}"${i === 0 ? ' disabled' : ''}`)}
${button('down', '↓', `data-index="${i}" aria-label="${escapeHtml(label('moveDown'))}" title="${escapeHtml(label('moveDown'))}"${i === last ? ' disabled' : ''}`)}
${button('remove', s.remove, `data-index="${i}" aria-label="${escapeHtml(label('removeItem'))}"`)}
</div>
</fieldset>`;
}

/** The day-rate rows: one per role in use (a remove button on the others). */
export function dayRatesMarkup(draft: Draft, s: Strings): string {
  const used = new Set(rolesInUse(draft));
  const rows = draft.dayRates.map((row, i) => {
    const field = `dayRates.${i}.rate`;
    const remove = used.has(row.role.trim()) ? '' : button('removeRate', s.remove, `data-index="${i}" aria-label="${escapeHtml(format(s.removeRate, row.role))}"`);
    return `<div class="rate">${input(field, format(s.rateFor, row.role), row.rate, { mode: 'decimal' })}${remove}</div>`;
  });
  return rows.length > 0 ? rows.join('\n') : `<p class="hint">${escapeHtml(s.noRoles)}</p>`;
}

function section(id: string, title: string, content: string): string {
  return `<section aria-labelledby="${id}"><h2 id="${id}">${escapeHtml(title)}</h2>${content}</section>`;
}

/** The roles offered while typing a role (the datalist's options). */
export function roleOptions(draft: Draft): string {
  return rolesInUse(draft)
    .map((role) => `<option value="${escapeHtml(role)}"></option>`)
    .join('');
}

/** The day rates' heading names the currency. */
export function dayRatesTitle(draft: Draft, s: Strings): string {
  return format(s.dayRates, draft.currency.trim().toUpperCase() || '—');
}

/** The whole form for a draft (the assessment list and results are filled in separately). */
export function formMarkup(draft: Draft, s: Strings): string {
  const priceAt = (['p50', 'p80', 'p90'] as const)
    .map((p) => `<option value="${p}"${draft.priceAt === p ? ' selected' : ''}>${escapeHtml(s[p])}</option>`)
    .join('');
  return `<datalist id="roles">${roleOptions(draft)}</datalist>
${section(
  'h-items',
  s.workItems,
  `<p class="hint">${escapeHtml(s.workItemsHint)}</p><div id="items">${draft.workItems.map((_, i) => workItem(draft, i, s)).join('\n')}</div>${button('add', s.addItem)}<span class="error" id="${errorId('workItems')}" aria-live="polite"></span>`,
)}
${section('h-team', s.team, `<div class="row2">${numberInput(draft, 'teamSize', s.teamSize)}${numberInput(draft, 'focusFactor', s.focusFactor, s.focusFactorHint)}</div>`)}
${section('h-rates', dayRatesTitle(draft, s), `<div id="rates">${dayRatesMarkup(draft, s)}</div><span class="error" id="${errorId('dayRates')}" aria-live="polite"></span>`)}
${section(
  'h-recurring',
  s.recurring,
  `<div class="row2">${numberInput(draft, 'releasesPerYear', s.releasesPerYear)}${numberInput(draft, 'testingDaysPerRelease', s.testingDaysPerRelease)}</div>
<div class="row2">${input('recurringRole', s.recurringRole, draft.recurringRole, { list: 'roles', maxLength: 60 })}${numberInput(draft, 'supportYears', s.supportYears)}</div>`,
)}
${section(
  'h-pricing',
  s.pricing,
  `<div class="row2">${input('currency', s.currency, draft.currency, { maxLength: 3, hint: s.currencyHint })}<div class="field"><label for="${inputId('priceAt')}">${escapeHtml(s.priceAt)}</label><select id="${inputId('priceAt')}" data-field="priceAt">${priceAt}</select></div></div>
<div class="row2">${numberInput(draft, 'contingencyPercent', s.contingencyPercent)}${numberInput(draft, 'marginPercent', s.marginPercent)}</div>
<div class="row2">${numberInput(draft, 'roundFeesTo', s.roundFeesTo, s.roundFeesToHint)}${numberInput(draft, 'taxRatePercent', s.taxRatePercent)}</div>`,
)}
${section('h-standard', s.standard, `<p class="hint">${escapeHtml(s.standardHint)}</p><div class="row2">${numberInput(draft, 'standardDays', s.standardDays)}${numberInput(draft, 'standardFee', s.standardFee)}</div>`)}`;
}

/** The assessment picker's options. */
export function assessmentOptions(items: AssessmentChoice[], selected: string | undefined): string {
  return items
    .map((item) => `<option value="${escapeHtml(item.key)}" title="${escapeHtml(item.detail)}"${item.key === selected ? ' selected' : ''}>${escapeHtml(item.label)}</option>`)
    .join('');
}
