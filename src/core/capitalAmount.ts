/**
 * Amounts in Chinese capital figures (大写金额), as contracts and invoices
 * write a tax-inclusive total beside the digits: ¥278,780.00 is
 * 人民币贰拾柒万捌仟柒佰捌拾元整.
 *
 * The rules followed (those of the People's Bank of China for payment
 * documents, 《支付结算办法》附件):
 * - digits 零壹贰叁肆伍陆柒捌玖 with the units 拾佰仟 inside each group of four
 *   digits and 万, 亿, 万亿 between groups; a ten is 壹拾, never 拾 alone;
 * - one 零 for any run of zeros between two non-zero digits, also across a
 *   group boundary (壹拾万零壹拾元), and none at the end of a group;
 * - an amount that stops at 元 or 角 ends with 整; one that has 分 does not;
 *   a zero 角 before a 分 is written 零 (壹拾亿元零伍分);
 * - under one yuan, the 角 and 分 alone (伍角整, 伍分); zero is 零元整.
 */
const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SMALL_UNITS = ['', '拾', '佰', '仟'];
const GROUP_UNITS = ['', '万', '亿', '万亿'];

/** One group of up to four digits, without leading or trailing 零. */
function group(value: number): string {
  let out = '';
  // Stryker disable next-line BooleanLiteral: zero is read only once out holds a group, and by then a group has set it
  let zero = false;
  for (let place = 3; place >= 0; place--) {
    const digit = Math.floor(value / 10 ** place) % 10;
    if (digit === 0) {
      zero = out !== '';
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += DIGITS[digit] + SMALL_UNITS[place];
  }
  return out;
}

/** Whole yuan in capital figures, without 元: 100010 → 壹拾万零壹拾. */
function yuan(value: number): string {
  // Stryker disable next-line ConditionalExpression,StringLiteral: capitalFigures calls yuan only with whole > 0, so this branch is never taken
  if (value === 0) return '零';
  const groups: number[] = [];
  for (let rest = value; rest > 0; rest = Math.floor(rest / 10000)) groups.push(rest % 10000);
  // Stryker disable next-line ConditionalExpression,StringLiteral: a safe integer of fen has at most 14 digits of yuan, four groups, so this is never thrown
  if (groups.length > GROUP_UNITS.length) throw new RangeError(`${value} yuan is beyond 万亿`);
  let out = '';
  // Stryker disable next-line BooleanLiteral: zero is read only once out holds a group, and by then a group has set it
  let zero = false;
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i];
    if (g === 0) {
      // Stryker disable next-line StringLiteral: the highest group is never zero, so out is never empty here and the test is always true
      zero = out !== '';
      continue;
    }
    // A group under 1000 after a higher one starts with its own zero: 壹万零伍佰.
    if (out !== '' && (zero || g < 1000)) out += '零';
    zero = false;
    out += group(g) + GROUP_UNITS[i];
  }
  return out;
}

/**
 * An amount in fen (CNY minor units, a non-negative safe integer) in capital
 * figures, without the 人民币 prefix: 27878000 → 贰拾柒万捌仟柒佰捌拾元整.
 */
export function capitalFigures(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`capital figures need a whole, non-negative number of fen, got ${fen}`);
  const whole = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  if (whole === 0 && jiao === 0 && cents === 0) return '零元整';
  let out = whole > 0 ? `${yuan(whole)}元` : '';
  if (jiao > 0) out += `${DIGITS[jiao]}角`;
  else if (cents > 0 && whole > 0) out += '零';
  if (cents > 0) return `${out}${DIGITS[cents]}分`;
  return `${out}整`;
}

/** `人民币` and the capital figures: what a Chinese quote writes beside a CNY total. */
export function rmbInCapitals(fen: number): string {
  return `人民币${capitalFigures(fen)}`;
}
