/**
 * The register: `<assessmentFolder>/README.md`, one table of every request in
 * a workspace folder, totals by status and currency, the productisation
 * candidates (capability tags shared by different customers), and the
 * assessments left out because their front matter could not be read.
 *
 * Figures are those of each request's current estimate, tax-exclusive, as
 * the assessment's figures block shows them; the quote file keeps what was
 * quoted, and when the latest quote recorded another NRE the quote column
 * says so. Amounts in different currencies are never added together.
 *
 * Every link is relative to the register's folder and made only to a file
 * that exists; a related ADR or quote whose file is gone is named as text.
 * The content sits between `<!-- custom-request:register -->` markers: text
 * outside them is the user's and is kept; a README.md without the markers
 * gets the block appended at its end, never replaced.
 */
import { lineEnding, replaceGeneratedBlock } from './assessment';
import type { TagUse } from './capabilities';
import { customerKey, productisationCandidates } from './capabilities';
import { computeEstimate } from './estimate';
import { DeskError } from './errors';
import type { EstimateDefaults } from './settleEstimate';
import { settleEstimate } from './settleEstimate';
import type { Bilingual, Lang } from './lang';
import { addDays } from './quote';
import { basename, dirname, joinPath, markdownLinkTarget, relativePath } from './paths';
import type { AssessmentFrontMatter, RequestStatus } from './schema';
import { REQUEST_STATUSES } from './schema';
import { latestQuote, statusLabel } from './status';
import type { TemplateSource } from './templates';
import { renderTemplate } from './templates';

/** One assessment found in the folder: its front matter, or why it could not be read. */
export interface RegisterEntry {
  /** workspace-folder-relative path of the assessment file */
  path: string;
  frontMatter?: AssessmentFrontMatter;
  /** why it is left out (set when `frontMatter` is not) */
  problem?: Bilingual;
}

export interface RegisterInput {
  entries: readonly RegisterEntry[];
  /** workspace-folder-relative path of the register, e.g. `docs/custom-requests/README.md` */
  registerPath: string;
  lang: Lang;
  /** YYYY-MM-DD: a quote past its valid-until date is shown as expired */
  today: string;
  /** days a quote stays valid when its assessment's terms do not say (the `customRequest.quoteValidityDays` setting) */
  quoteValidityDays: number;
  /** whether a workspace-folder-relative file exists; ADRs and quotes are linked only when it does */
  exists: (path: string) => boolean;
  /** the settings' fee rounding step and tax rate, for estimates that leave them out (see settleEstimate) */
  estimateDefaults: EstimateDefaults;
}

export interface Figures {
  currency: string;
  nreMinor: number;
  yearlyMinor: number;
  termMinor: number;
}

export interface RegisterRow {
  path: string;
  href: string;
  created: string;
  customer: string;
  title: string;
  status: RequestStatus;
  statusLabel: string;
  capabilities: string[];
  figures?: Figures;
  adr?: { label: string; path: string; href?: string };
  quote?: { number: string; path: string; href?: string; validUntil: string; expired: boolean; quotedNre?: { minor: number; currency: string } };
}

export interface RegisterTotal {
  statusLabel: string;
  /** undefined for requests without an estimate */
  currency?: string;
  requests: number;
  nreMinor: number;
  yearlyMinor: number;
  termMinor: number;
}

export interface RegisterView {
  lang: Lang;
  rows: RegisterRow[];
  byStatus: RegisterTotal[];
  overall: RegisterTotal[];
  candidates: { tag: string; customers: string[]; requests: RegisterRow[] }[];
  leftOut: { path: string; href: string; problem: string }[];
}

const ALL_REQUESTS: Bilingual = { en: 'All requests', 'zh-cn': '全部需求' };

/** The start and end lines of the register's block. */
export const REGISTER_START = '<!-- custom-request:register -->';
export const REGISTER_END = '<!-- /custom-request:register -->';

/** A workspace-folder-relative path that stays inside the folder (front matter is hand-editable). */
function insidePath(path: string): string | undefined {
  if (path.startsWith('/') || /^[a-zA-Z]:/.test(path) || path.includes('\\')) return undefined;
  const normal = joinPath(path);
  return normal === '.' || normal === '..' || normal.startsWith('../') ? undefined : normal;
}

/**
 * A Markdown link target from the register's folder to a workspace-relative
 * path: relative, with what would break the link percent-encoded (see
 * markdownLinkTarget).
 */
export function registerHref(registerPath: string, target: string): string {
  return markdownLinkTarget(relativePath(`/${dirname(registerPath)}`, `/${target}`));
}

function figuresOf(fm: AssessmentFrontMatter, defaults: EstimateDefaults): Figures | undefined {
  if (!fm.estimate) return undefined;
  const result = computeEstimate(settleEstimate(fm.estimate, defaults));
  return { currency: result.currency, nreMinor: result.nre.feeMinor, yearlyMinor: result.recurring.feePerYearMinor, termMinor: result.termTotalMinor };
}

function rowOf(entry: RegisterEntry & { frontMatter: AssessmentFrontMatter }, input: RegisterInput): RegisterRow {
  const fm = entry.frontMatter;
  const link = (path: string) => {
    const inside = insidePath(path);
    return inside && input.exists(inside) ? registerHref(input.registerPath, inside) : undefined;
  };
  const figures = figuresOf(fm, input.estimateDefaults);
  const row: RegisterRow = {
    path: entry.path,
    href: registerHref(input.registerPath, entry.path),
    created: fm.created,
    customer: fm.customer,
    title: fm.title,
    status: fm.status,
    statusLabel: statusLabel(fm.status, input.lang),
    capabilities: fm.capabilities,
    ...(figures ? { figures } : {}),
  };
  if (fm.adr) {
    const label = fm.adr.number !== undefined ? `ADR ${fm.adr.number}` : basename(fm.adr.path).replace(/\.md$/i, '');
    row.adr = { label, path: fm.adr.path, href: link(fm.adr.path) };
  }
  const quote = latestQuote(fm);
  if (quote) {
    const validUntil = addDays(quote.date, fm.quoteTerms?.validDays ?? input.quoteValidityDays);
    const quotedCurrency = quote.currency ?? figures?.currency;
    const differs = quote.nreMinor !== undefined && quotedCurrency !== undefined && (!figures || quote.nreMinor !== figures.nreMinor || quotedCurrency !== figures.currency);
    row.quote = {
      number: quote.number,
      path: quote.path,
      href: link(quote.path),
      validUntil,
      // Past its date only matters while the customer has not answered.
      expired: fm.status === 'quoted' && input.today > validUntil,
      ...(differs ? { quotedNre: { minor: quote.nreMinor!, currency: quotedCurrency } } : {}),
    };
  }
  return row;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Rows by created date, then customer, then title (compared case-blind), then path: the same order on every machine. */
function compareRows(a: RegisterRow, b: RegisterRow): number {
  return byText(a.created, b.created) || byText(customerKey(a.customer), customerKey(b.customer)) || byText(customerKey(a.title), customerKey(b.title)) || byText(a.path, b.path);
}

/** Sums per currency (alphabetical), requests without an estimate last. */
function totals(rows: readonly RegisterRow[], statusLabel: string): RegisterTotal[] {
  const byCurrency = new Map<string | undefined, RegisterTotal>();
  for (const row of rows) {
    const currency = row.figures?.currency;
    let total = byCurrency.get(currency);
    if (!total) byCurrency.set(currency, (total = { statusLabel, ...(currency ? { currency } : {}), requests: 0, nreMinor: 0, yearlyMinor: 0, termMinor: 0 }));
    total.requests++;
    total.nreMinor += row.figures?.nreMinor ?? 0;
    total.yearlyMinor += row.figures?.yearlyMinor ?? 0;
    total.termMinor += row.figures?.termMinor ?? 0;
  }
  return [...byCurrency.values()].sort((a, b) => (a.currency === undefined ? 1 : b.currency === undefined ? -1 : byText(a.currency, b.currency)));
}

/** Everything the register shows, computed (the template only lays it out). */
export function registerView(input: RegisterInput): RegisterView {
  const rows: RegisterRow[] = [];
  const leftOut: RegisterView['leftOut'] = [];
  for (const entry of input.entries) {
    const href = registerHref(input.registerPath, entry.path);
    let problem = entry.problem;
    if (entry.frontMatter) {
      try {
        rows.push(rowOf({ ...entry, frontMatter: entry.frontMatter }, input));
        continue;
      } catch (error) {
        // the settings' rounding step or tax rate makes an amount too large (settleEstimate)
        if (!(error instanceof DeskError)) throw error;
        problem = error.text;
      }
    }
    leftOut.push({ path: entry.path, href, problem: problem?.[input.lang] ?? '' });
  }
  rows.sort(compareRows);
  leftOut.sort((a, b) => byText(a.path, b.path));
  const byStatus = REQUEST_STATUSES.flatMap((status) => totals(rows.filter((row) => row.status === status), statusLabel(status, input.lang)));
  const candidates = productisationCandidates(rows).map((use: TagUse<RegisterRow>) => ({ tag: use.tag, customers: use.customers, requests: use.requests }));
  return { lang: input.lang, rows, byStatus, overall: totals(rows, ALL_REQUESTS[input.lang]), candidates, leftOut };
}

/** The register's content (between the markers), rendered from `register.md.hbs`. */
export async function renderRegister(templates: TemplateSource, input: RegisterInput): Promise<{ content: string; view: RegisterView }> {
  const view = registerView(input);
  const content = await renderTemplate(templates, 'register.md.hbs', input.lang, view);
  return { content, view };
}

/**
 * The register file's new text: the block alone for a new (or empty) file;
 * otherwise the file with its block replaced, or appended when it has none,
 * keeping everything outside the block, its line ending and byte order mark.
 */
export function registerFileText(existing: string | undefined, content: string): string {
  if (existing === undefined || existing.replace(/^\uFEFF/, '').trim() === '') {
    const bom = existing?.startsWith('\uFEFF') ? '\uFEFF' : '';
    const eol = existing ? lineEnding(existing) : '\n';
    return `${bom}${REGISTER_START}${eol}${eol}${content.trim().replace(/\r?\n/g, eol)}${eol}${eol}${REGISTER_END}${eol}`;
  }
  const bom = existing.startsWith('\uFEFF') ? '\uFEFF' : '';
  return bom + replaceGeneratedBlock(existing.slice(bom.length), 'register', content, lineEnding(existing));
}
