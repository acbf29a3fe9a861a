/**
 * Runs `task` over `items` with at most `limit` running at once, keeping the
 * results in the items' order. Every file call through vscode.workspace.fs is
 * a round trip of a few milliseconds, so a command that needs many files asks
 * for them together; the limit keeps thousands of requests from piling up.
 */
export async function mapPool<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

/**
 * How many file calls a scan keeps in flight. Each call through
 * vscode.workspace.fs first waits for a round trip to the window, so a
 * small pool pays that latency once per round of calls; a wide one keeps the
 * rounds few while still bounding what is in flight.
 */
export const FILE_CONCURRENCY = 512;

/**
 * How long a run of blocking work (reading and parsing files on the local
 * disk) may hold the extension host before it lets other work run.
 */
export const SLICE_MS = 16;

/**
 * Runs `task` over `items` in order, in slices of at most about `sliceMs`:
 * between slices it waits for the event loop (setImmediate), so other
 * extensions, the watcher's events and the window's requests get their turn.
 * For blocking work that is fast per item: reading 2,000 small files with
 * one blocking call each takes tens of milliseconds, where the same reads
 * through Node's thread pool take hundreds.
 */
export async function forEachSliced<T>(items: readonly T[], task: (item: T, index: number) => void, sliceMs = SLICE_MS): Promise<void> {
  let sliceStart = performance.now();
  for (let i = 0; i < items.length; i++) {
    task(items[i], i);
    if (performance.now() - sliceStart >= sliceMs && i + 1 < items.length) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
}
