import assert from 'node:assert/strict';
import { forEachSliced, mapPool } from '../../src/core/pool';

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

describe('forEachSliced', () => {
  it('runs every item in order with its index, and nothing for no items', async () => {
    for (const sliceMs of [0, 1e9]) {
      const ran: string[] = [];
      await forEachSliced(['a', 'b', 'c', 'd', 'e'], (item, i) => ran.push(`${i}:${item}`), sliceMs);
      assert.deepEqual(ran, ['0:a', '1:b', '2:c', '3:d', '4:e'], `sliceMs ${sliceMs}`);
    }
    let calls = 0;
    await forEachSliced([], () => calls++, 0);
    assert.equal(calls, 0);
  });

  it('with sliceMs 0 lets callbacks queued with setImmediate run between items, not after the last', async () => {
    const log: string[] = [];
    let done = false;
    const tick = () => {
      if (done) return;
      log.push('tick');
      setImmediate(tick);
    };
    setImmediate(tick);
    await forEachSliced(['a', 'b', 'c', 'd'], (item, i) => log.push(`${i}:${item}`), 0);
    done = true;
    assert.deepEqual(log, ['0:a', 'tick', '1:b', 'tick', '2:c', 'tick', '3:d']);
  });

  it('with a long slice runs all items before a callback queued with setImmediate before it started', async () => {
    const log: string[] = [];
    setImmediate(() => log.push('immediate'));
    await forEachSliced([1, 2, 3, 4, 5, 6], (n) => log.push(`item ${n}`), 1e9);
    await new Promise<void>((resolve) => setImmediate(resolve));
    assert.deepEqual(log, ['item 1', 'item 2', 'item 3', 'item 4', 'item 5', 'item 6', 'immediate']);
  });

  it('rejects when a task throws, running none of the items after it', async () => {
    for (const [sliceMs, failAt] of [
      [1e9, 1],
      [0, 2],
    ]) {
      const ran: number[] = [];
      await assert.rejects(
        forEachSliced(
          [0, 1, 2, 3],
          (n) => {
            ran.push(n);
            if (n === failAt) throw new Error(`item ${n} failed`);
          },
          sliceMs,
        ),
        new RegExp(`item ${failAt} failed`),
      );
      assert.deepEqual(ran, [0, 1, 2].slice(0, failAt + 1), `sliceMs ${sliceMs}`);
    }
  });
});
