/**
 * The short offer sales sends in an email or a chat: the commercial
 * conversion in three sentences, with the figures and number of a quote, in
 * the quote's language. Plain text, addressed to the customer.
 *
 * Chinese uses 万 amounts as spoken (「11.9 万元」), the fee names of the quote
 * (定制开发费（一次性）, 年度兼容性服务费, 价税合计, 不另收费) and full-width
 * punctuation; English uses the exact amounts.
 */
import type { Lang } from './lang';
import { formatMoney, toMajor } from './money';
import type { QuoteFile } from './quoteFile';
import { formatDate } from './templates';

/** What the offer needs besides the quote: the standard path from the request's estimate, when it has one. */
export interface OfferContext {
  /** days the standard integration takes */
  standardDays?: number;
  /** the standard path's fee, minor units (0 = no fee) */
  standardFeeMinor?: number;
}

const WAN_UNIT: Record<string, string> = { CNY: '万元', USD: '万美元', EUR: '万欧元', JPY: '万日元', HKD: '万港元', GBP: '万英镑' };

/** A spoken Chinese amount in 万, e.g. 「11.9 万元」, 「3.15 万美元」; up to two decimals, trailing zeros dropped. */
export function spokenWan(minor: number, currency: string): string {
  const wan = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 }).format(toMajor(minor, currency) / 10_000);
  return `${wan} ${WAN_UNIT[currency.toUpperCase()] ?? `万 ${currency.toUpperCase()}`}`;
}

function days(n: number, lang: Lang): string {
  const value = new Intl.NumberFormat(lang === 'zh-cn' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 1 }).format(n);
  return lang === 'zh-cn' ? `${value} 天` : `${value} ${n === 1 ? 'day' : 'days'}`;
}

/** The offer text (three sentences, one paragraph). */
export function offerText(quote: QuoteFile, lang: Lang, context: OfferContext = {}): string {
  return lang === 'zh-cn' ? offerZh(quote, context) : offerEn(quote, context);
}

function offerEn(q: QuoteFile, c: OfferContext): string {
  const money = (minor: number) => formatMoney(minor, q.currency, 'en');
  const standardCost = c.standardFeeMinor ? `for a one-time ${money(c.standardFeeMinor)}` : 'at no separate charge';
  const standard =
    c.standardDays !== undefined
      ? `Through our standard open platform you can be connected in about ${days(c.standardDays, 'en')}, ${standardCost}, and the connection keeps working with every platform release.`
      : `Through our standard open platform you can be connected ${standardCost}, and the connection keeps working with every platform release.`;
  const yearly = q.supportYears > 0 && q.yearlyFeeMinor > 0 ? `, plus a yearly compatibility service fee of ${money(q.yearlyFeeMinor)}, which covers adapting and retesting it for each platform release` : '';
  const custom = `If you need the custom solution instead, we deliver it as a dedicated service package: a one-time custom development fee of ${money(q.nreFeeMinor)}${yearly}.`;
  const term = q.supportYears > 0 ? `Over the ${q.supportYears}-year term that is ${money(q.termTotalMinor)} in total` : `That is ${money(q.termTotalMinor)} in total`;
  const tax =
    q.taxRatePercent && q.termTotalInclTaxMinor !== undefined
      ? `, excluding tax (${money(q.termTotalInclTaxMinor)} with ${formatPercent(q.taxRatePercent, 'en')} tax)`
      : '';
  const total = `${term}${tax}; the details are in quote ${q.number}, valid until ${formatDate(q.validUntil, 'en')}.`;
  return `${standard} ${custom} ${total}`;
}

function offerZh(q: QuoteFile, c: OfferContext): string {
  const wan = (minor: number) => spokenWan(minor, q.currency);
  const standardCost = c.standardFeeMinor ? `一次性费用 ${wan(c.standardFeeMinor)}` : '不另收费';
  const standard =
    c.standardDays !== undefined
      ? `通过我司标准开放平台对接，约 ${days(c.standardDays, 'zh-cn')}即可接通，${standardCost}，并随每次平台升级保持兼容。`
      : `通过我司标准开放平台对接，${standardCost}，并随每次平台升级保持兼容。`;
  const yearly = q.supportYears > 0 && q.yearlyFeeMinor > 0 ? `；年度兼容性服务费每年 ${wan(q.yearlyFeeMinor)}，负责每个平台版本的适配与复测` : '';
  const custom = `如贵司需要定制方案，我司以专属服务包的形式交付：定制开发费（一次性）${wan(q.nreFeeMinor)}${yearly}。`;
  const term = q.supportYears > 0 ? `按 ${q.supportYears} 年服务期计，合计 ${wan(q.termTotalMinor)}` : `合计 ${wan(q.termTotalMinor)}`;
  const tax =
    q.taxRatePercent && q.termTotalInclTaxMinor !== undefined
      ? `（不含税；按 ${formatPercent(q.taxRatePercent, 'zh-cn')} 税率，价税合计 ${wan(q.termTotalInclTaxMinor)}）`
      : '';
  const total = `${term}${tax}，详见报价单 ${q.number}，有效期至 ${formatDate(q.validUntil, 'zh-cn')}。`;
  return `${standard}${custom}${total}`;
}

function formatPercent(percent: number, lang: Lang): string {
  return `${new Intl.NumberFormat(lang === 'zh-cn' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 2 }).format(percent)}%`;
}
