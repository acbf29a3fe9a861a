/**
 * Shared helpers for the estimate form's SVG charts (effortChart.ts, costChart.ts): XML escaping,
 * template filling, cached Intl number formatting, the common canvas size and font, tick and
 * coordinate helpers, and the <text>, <line> and opening <svg> builders. Every string put into
 * the SVG goes through escapeXml.
 */
import { intlLocale, type Lang } from '../core/lang';
import { toMajor } from '../core/money';

/** Escapes text for XML element content and double- or single-quoted attributes. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => XML_ENTITIES[ch]);
}
const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Fills `{0}`, `{1}` … with the arguments; unknown placeholders stay as they are. */
export function fillTemplate(template: string, ...args: string[]): string {
  return template.replace(/\{(\d+)\}/g, (match, index: string) => args[Number(index)] ?? match);
}

// ---- formatting (Intl formatters are slow to build, so they are cached) ----

const formatters = new Map<string, Intl.NumberFormat>();
function formatter(lang: Lang, key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = `${lang}|${key}`;
  let f = formatters.get(id);
  if (!f) {
    f = new Intl.NumberFormat(intlLocale(lang), options);
    formatters.set(id, f);
  }
  return f;
}

/** Person-days with exactly one decimal: 27.0, 24.3. */
export function formatDays(value: number, lang: Lang): string {
  return formatter(lang, 'days1', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

export function formatPlain(value: number, lang: Lang, digits: number): string {
  return formatter(lang, `plain${digits}`, { maximumFractionDigits: digits }).format(value);
}

export function formatPercent(fraction: number, lang: Lang): string {
  return formatter(lang, 'percent', { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}

/** Short money for axis ticks, e.g. "$97K", "¥9.65万". */
export function formatMoneyCompact(minor: number, currency: string, lang: Lang): string {
  try {
    return formatter(lang, `compact|${currency}`, { style: 'currency', currency, notation: 'compact', maximumSignificantDigits: 3 }).format(
      toMajor(minor, currency),
    );
  } catch {
    return formatter(lang, 'compact', { notation: 'compact', maximumSignificantDigits: 3 }).format(toMajor(minor, currency));
  }
}

// ---- geometry helpers ----

export const WIDTH = 300;
export const HEIGHT = 140;
export const FONT = 8;

/** An SVG coordinate with one decimal. */
export function c(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** A "nice" step (1, 2 or 5 × 10^k) giving about `count` intervals over `span`. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0)) return 1;
  const raw = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const residual = raw / magnitude;
  return (residual > 5 ? 10 : residual > 2 ? 5 : residual > 1 ? 2 : 1) * magnitude;
}

/** Ticks that are multiples of `step` within [lo, hi]. */
export function ticks(lo: number, hi: number, step: number): number[] {
  const out: number[] = [];
  for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step) {
    out.push(Math.round(v / step) * step + 0); // + 0 turns −0 into 0
  }
  return out;
}

/** Decimals needed to show multiples of `step` exactly (up to 3). */
export function decimalsFor(step: number): number {
  for (let d = 0; d < 3; d++) if (Math.abs(Math.round(step * 10 ** d) - step * 10 ** d) < 1e-9) return d;
  return 3;
}

/** Rough text width for placing legends: CJK characters are square, others about 0.6 em. */
export function approxWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/.test(ch) ? 1 : 0.6;
  return em * fontSize;
}

export function text(x: number, y: number, content: string, anchor: 'start' | 'middle' | 'end', cls = 'chart-label', extra = ''): string {
  return `<text class="${cls}" x="${c(x)}" y="${c(y)}" text-anchor="${anchor}" font-size="${FONT}" fill="currentColor" stroke="none"${extra}>${escapeXml(content)}</text>`;
}

export function line(x1: number, y1: number, x2: number, y2: number, cls: string, extra = ''): string {
  return `<line class="${cls}" x1="${c(x1)}" y1="${c(y1)}" x2="${c(x2)}" y2="${c(y2)}" stroke="currentColor"${extra}/>`;
}

export function svgOpen(kind: string, title: string, alt: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-${kind}" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="100%" ` +
    `role="img" aria-label="${escapeXml(alt)}" font-family="inherit">` +
    `<title>${escapeXml(title)}</title><desc>${escapeXml(alt)}</desc>`
  );
}
