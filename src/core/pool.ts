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
