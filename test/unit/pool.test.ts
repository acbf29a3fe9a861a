import assert from 'node:assert/strict';
import { mapPool } from '../../src/core/pool';

describe('mapPool', () => {
  it('keeps the order of the items and never runs more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const delays = [30, 5, 20, 1, 15, 2, 8, 0, 12, 3];
    const results = await mapPool(delays, 3, async (ms, i) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, ms));
      running--;
      return `${i}:${ms}`;
    });
    assert.deepEqual(results, ['0:30', '1:5', '2:20', '3:1', '4:15', '5:2', '6:8', '7:0', '8:12', '9:3']);
    assert.equal(most, 3);
  });

  it('returns [] for no items and passes a failure on', async () => {
    assert.deepEqual(await mapPool([], 4, async () => 1), []);
    await assert.rejects(
      mapPool([1, 2, 3], 2, async (n) => {
        if (n === 2) throw new Error('two failed');
        return n;
      }),
      /two failed/,
    );
  });
});
