import assert from 'node:assert/strict';
import { capitalFigures, rmbInCapitals } from '../../src/core/capitalAmount';

/** Amounts in yuan, written by hand the way a Chinese contract writes them. */
const CASES: [number, string][] = [
  // The cases named in the issue.
  [0, '零元整'],
  [10, '壹拾元整'],
  [100_010, '壹拾万零壹拾元整'],
  [278_780, '贰拾柒万捌仟柒佰捌拾元整'],
  [1_000_000_000.05, '壹拾亿元零伍分'],
  // Zeros inside a group, at its end, and across groups.
  [1_005, '壹仟零伍元整'],
  [1_050, '壹仟零伍拾元整'],
  [1_000, '壹仟元整'],
  [10_500, '壹万零伍佰元整'],
  [15_000, '壹万伍仟元整'],
  [100_000_000, '壹亿元整'],
  [100_001_000, '壹亿零壹仟元整'],
  [1_001_000_000, '壹拾亿零壹佰万元整'],
  [10_000_001, '壹仟万零壹元整'],
  [119_000, '壹拾壹万玖仟元整'],
  [126_140, '壹拾贰万陆仟壹佰肆拾元整'],
  // 角 and 分.
  [0.5, '伍角整'],
  [0.05, '伍分'],
  [0.55, '伍角伍分'],
  [3.5, '叁元伍角整'],
  [3.05, '叁元零伍分'],
  [3.45, '叁元肆角伍分'],
  [999_999_999_999.99, '玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分'],
];

describe('Chinese capital figures (大写金额)', () => {
  for (const [yuan, expected] of CASES) {
    it(`${yuan} yuan → ${expected}`, () => {
      assert.equal(capitalFigures(Math.round(yuan * 100)), expected);
    });
  }

  it('writes 人民币 before the figures', () => {
    assert.equal(rmbInCapitals(27_878_000), '人民币贰拾柒万捌仟柒佰捌拾元整');
  });

  it('refuses what is not a whole, non-negative number of fen', () => {
    for (const bad of [-1, 0.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) assert.throws(() => capitalFigures(bad), RangeError, String(bad));
  });
});
