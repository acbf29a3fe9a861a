import * as vscode from 'vscode';
import { readSettings } from '../config';
import { computeEstimate } from '../core/estimate';
import { formatMoney } from '../core/money';
import { joinPath } from '../core/paths';
import type { AssessmentFrontMatter, QuoteRecord, RequestStatus } from '../core/schema';
import { REQUEST_STATUSES } from '../core/schema';
import { settleEstimate } from '../core/settleEstimate';
import { latestQuote, quoteRevision, requestName, quoteStanding, quotesLatestFirst, statusLabel } from '../core/status';
import type { RequestEntry, RequestIndex } from '../requestIndex';
import { todayIso } from '../today';
import { uiLang } from '../uiLanguage';

export const REQUESTS_VIEW = 'customRequest.requestsView';

/** The tree's nodes. Request nodes carry `assessment`, so a menu command gets them as its arguments object. */
export type RequestNode =
  | { nodeKind: 'group'; group: RequestStatus | 'unreadable'; entries: RequestEntry[] }
  | { nodeKind: 'request'; assessment: vscode.Uri; entry: RequestEntry }
  | { nodeKind: 'file'; role: 'assessment' | 'quote' | 'adr'; uri: vscode.Uri; item: vscode.TreeItem };

export interface TreeSnapshot {
  label: string;
  description?: string;
  contextValue?: string;
  tooltip?: string;
  icon?: string;
  uri?: string;
  children: TreeSnapshot[];
}

const STATUS_ICONS: Record<RequestStatus, string> = {
  draft: 'circle-large-outline',
  estimated: 'symbol-numeric',
  quoted: 'mail',
  accepted: 'pass',
  declined: 'circle-slash',
  productised: 'package',
  withdrawn: 'archive',
};

/** Groups that start open: requests still in play. */
const OPEN_STATUSES = new Set<RequestStatus>(['draft', 'estimated', 'quoted']);

/** The order of requests in a group: as localeCompare sorts them (the default locale), with one collator made once. */
let sorting: Intl.Collator | undefined;
const collator = () => (sorting ??= new Intl.Collator());

function requestLabel(entry: RequestEntry): string {
  return entry.frontMatter ? requestName(entry.frontMatter, uiLang()) : entry.path;
}

/** `Q-2026-003 R2` */
function quoteName(quote: Pick<QuoteRecord, 'number'>): string {
  const { base, revision } = quoteRevision(quote.number);
  return `${base} R${revision}`;
}

function validDaysOf(entry: RequestEntry): number {
  return entry.frontMatter?.quoteTerms?.validDays ?? entry.defaultValidDays;
}

/**
 * The Custom Requests tree: requests grouped by status, each with its
 * assessment, its quotes (latest first) and its ADR. Built from the
 * RequestIndex, which reads only what changed.
 */
export class RequestTreeProvider implements vscode.TreeDataProvider<RequestNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<RequestNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly index: RequestIndex) {
    this.subscription = index.onDidChange(() => this.emitter.fire(undefined));
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }

  async getChildren(node?: RequestNode): Promise<RequestNode[]> {
    // The first load shows before every estimate is checked; a wrong one moves the request a moment later.
    if (!node) return this.groups(await this.index.shown());
    if (node.nodeKind === 'group') {
      // Each label once, compared by one collator: 2,000 requests make some 20,000 comparisons.
      const labelled = node.entries.map((entry) => ({ entry, label: requestLabel(entry) }));
      const { compare } = collator();
      return labelled.sort((a, b) => compare(a.label, b.label)).map(({ entry }) => ({ nodeKind: 'request', assessment: entry.uri, entry }));
    }
    if (node.nodeKind === 'request') return this.files(node.entry);
    return [];
  }

  getTreeItem(node: RequestNode): vscode.TreeItem {
    if (node.nodeKind === 'file') return node.item;
    if (node.nodeKind === 'group') return groupItem(node.group, node.entries.length);
    return requestItem(node.entry);
  }

  /** The rich tooltip of a request, on hover: building 2,000 of them up front would cost the first load its estimates. */
  resolveTreeItem(item: vscode.TreeItem, node: RequestNode): vscode.TreeItem {
    if (node.nodeKind !== 'request' || item.tooltip !== undefined) return item;
    // The tooltip shows the estimate: checked now if the first load left it for later.
    const entry = this.index.complete(node.entry);
    if (entry.frontMatter) item.tooltip = requestTooltip(entry, entry.frontMatter);
    else if (entry.problem) item.tooltip = entry.problem;
    return item;
  }

  getParent(node: RequestNode): RequestNode | undefined {
    // Only needed for reveal; the tree is rebuilt from the index on each change, so parents are not kept.
    void node;
    return undefined;
  }

  /**
   * The tree as plain data (for tests and the benchmarks): each node's label,
   * description, context value and tooltip text. `asShown`: only what the view
   * asks for when it first shows (the children of expanded nodes, no tooltips
   * until hovered); otherwise every node, tooltips resolved.
   */
  async snapshot(node?: RequestNode, options: { asShown?: boolean } = {}): Promise<TreeSnapshot[]> {
    const out: TreeSnapshot[] = [];
    for (const child of await this.getChildren(node)) {
      const item = options.asShown ? this.getTreeItem(child) : this.resolveTreeItem(this.getTreeItem(child), child);
      const open = options.asShown ? item.collapsibleState === vscode.TreeItemCollapsibleState.Expanded : item.collapsibleState !== vscode.TreeItemCollapsibleState.None;
      // Markdown tooltips as the reader sees them: without appendText's escapes (backslashes, &nbsp;).
      const tooltip = item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value.replace(/&nbsp;/g, ' ').replace(/\\([^\w\s])/g, '$1') : item.tooltip;
      out.push({
        label: typeof item.label === 'string' ? item.label : (item.label?.label ?? ''),
        description: typeof item.description === 'string' ? item.description : undefined,
        contextValue: item.contextValue,
        tooltip,
        icon: item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : undefined,
        ...(item.resourceUri ? { uri: item.resourceUri.toString() } : {}),
        children: open ? await this.snapshot(child, options) : [],
      });
    }
    return out;
  }

  private groups(entries: RequestEntry[]): RequestNode[] {
    const groups: RequestNode[] = [];
    const unreadable = entries.filter((e) => !e.frontMatter);
    if (unreadable.length > 0) groups.push({ nodeKind: 'group', group: 'unreadable', entries: unreadable });
    for (const status of REQUEST_STATUSES) {
      const inGroup = entries.filter((e) => e.frontMatter?.status === status);
      if (inGroup.length > 0) groups.push({ nodeKind: 'group', group: status, entries: inGroup });
    }
    return groups;
  }

  private files(entry: RequestEntry): RequestNode[] {
    const fm = entry.frontMatter;
    const nodes: RequestNode[] = [fileNode('assessment', entry.uri, vscode.l10n.t('Assessment'), entry.path, new vscode.ThemeIcon('note'))];
    if (!fm) return nodes;
    const root = entry.folder.uri;
    const latest = latestQuote(fm);
    const today = todayIso();
    for (const quote of quotesLatestFirst(fm)) {
      const notes = [quote.date];
      if (quote.nreMinor !== undefined && quote.currency) notes.push(formatMoney(quote.nreMinor, quote.currency, uiLang()));
      if (fm.accepted?.quote === quote.number) notes.push(vscode.l10n.t('accepted'));
      else if (quote !== latest) notes.push(vscode.l10n.t('superseded'));
      else if (fm.status === 'quoted' && quoteStanding(quote, validDaysOf(entry), today).expired) notes.push(vscode.l10n.t('expired'));
      const uri = vscode.Uri.joinPath(root, quote.path);
      nodes.push(fileNode('quote', uri, quoteName(quote), notes.join(' · '), new vscode.ThemeIcon(quote === latest ? 'file-text' : 'history')));
    }
    if (fm.adr) {
      const uri = vscode.Uri.joinPath(root, fm.adr.path);
      const label = fm.adr.number !== undefined ? `ADR ${fm.adr.number}: ${fm.adr.title ?? ''}`.trim() : (fm.adr.title ?? 'ADR');
      nodes.push(fileNode('adr', uri, label, fm.adr.path, new vscode.ThemeIcon('law')));
    }
    return nodes;
  }
}

function groupItem(group: RequestStatus | 'unreadable', count: number): vscode.TreeItem {
  const label = group === 'unreadable' ? vscode.l10n.t('Needs attention') : statusLabel(group, uiLang());
  // Requests still in play open; settled ones (accepted, declined, productised, withdrawn) start folded: in a long
  // register they are most of the list and rarely what the lead is after. VS Code remembers each group's state by its id.
  const open = group === 'unreadable' || OPEN_STATUSES.has(group);
  const item = new vscode.TreeItem(label, open ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `group:${group}`;
  item.description = String(count);
  item.contextValue = `group:${group}`;
  item.iconPath = group === 'unreadable' ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')) : new vscode.ThemeIcon(STATUS_ICONS[group]);
  return item;
}

function fileNode(role: 'assessment' | 'quote' | 'adr', uri: vscode.Uri, label: string, description: string, icon: vscode.ThemeIcon): RequestNode {
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
  item.id = `${role}:${uri.toString()}`;
  item.description = description;
  item.resourceUri = uri;
  item.iconPath = icon;
  item.tooltip = vscode.workspace.asRelativePath(uri);
  item.contextValue = `file:${role}`;
  item.command = { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [uri] };
  return { nodeKind: 'file', role, uri, item };
}

function requestItem(entry: RequestEntry): vscode.TreeItem {
  const item = new vscode.TreeItem(requestLabel(entry), vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `request:${entry.uri.toString()}`;
  const fm = entry.frontMatter;
  if (!fm) {
    item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    item.description = vscode.l10n.t('front matter cannot be read');
    item.tooltip = entry.problem;
    item.contextValue = 'request:unreadable';
    item.command = { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [entry.uri] };
    return item;
  }
  const lang = uiLang();
  const latest = latestQuote(fm);
  const standing = latest && quoteStanding(latest, validDaysOf(entry), todayIso());
  const expired = fm.status === 'quoted' && standing?.expired === true;
  const parts: string[] = [];
  if (latest) parts.push(quoteName(latest));
  if (latest?.nreMinor !== undefined && latest.currency) parts.push(formatMoney(latest.nreMinor, latest.currency, lang));
  if (expired) parts.push(vscode.l10n.t('expired'));
  item.description = parts.join(' · ');
  item.iconPath = expired ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')) : new vscode.ThemeIcon(STATUS_ICONS[fm.status]);
  item.contextValue = `request:${fm.status}${latest ? ':quote' : ''}`;
  return item;
}

/** A request's rich tooltip: built when the user hovers it (resolveTreeItem), since it computes the estimate. */
function requestTooltip(entry: RequestEntry, fm: AssessmentFrontMatter): vscode.MarkdownString {
  const lang = uiLang();
  const latest = latestQuote(fm);
  const standing = latest && quoteStanding(latest, validDaysOf(entry), todayIso());
  const expired = fm.status === 'quoted' && standing?.expired === true;
  const tip = new vscode.MarkdownString(undefined, true);
  tip.appendMarkdown('**').appendText(requestLabel(entry)).appendMarkdown('**\n\n');
  // Chinese takes full-width marks between its words.
  const [colon, comma, open, close] = lang === 'zh-cn' ? ['：', '，', '（', '）'] : [': ', ', ', ' (', ')'];
  const line = (label: string, value: string) => tip.appendMarkdown(label).appendText(colon).appendText(value).appendMarkdown('  \n');
  line(vscode.l10n.t('Status'), statusLabel(fm.status, lang));
  if (fm.broughtBy) line(vscode.l10n.t('Brought by'), fm.broughtBy);
  line(vscode.l10n.t('Created'), fm.created);
  if (fm.estimate) {
    try {
      // the folder's rounding step and tax rate where the estimate leaves them out, as the quote and the register use them
      const result = computeEstimate(settleEstimate(fm.estimate, readSettings(entry.folder.uri)));
      line(vscode.l10n.t('Custom development fee (one-time)'), formatMoney(result.nre.feeMinor, result.currency, lang));
      line(vscode.l10n.t('Yearly compatibility service fee'), formatMoney(result.recurring.feePerYearMinor, result.currency, lang));
    } catch {
      // An estimate the schema accepts computes unless the settings make it too large; the figures are only a courtesy here.
    }
  }
  if (latest && standing) {
    const state = expired ? vscode.l10n.t('expired on {0}', standing.validUntil) : vscode.l10n.t('valid until {0}', standing.validUntil);
    line(vscode.l10n.t('Latest quote'), [quoteName(latest), latest.date, state].join(comma));
  }
  if (fm.accepted) line(vscode.l10n.t('Accepted'), `${quoteName({ number: fm.accepted.quote })}${comma}${fm.accepted.date}`);
  if (fm.adr) line('ADR', fm.adr.title ? `${fm.adr.title}${open}${fm.adr.path}${close}` : fm.adr.path);
  tip.appendMarkdown('\n').appendText(joinPath(entry.folder.name, entry.path));
  return tip;
}
