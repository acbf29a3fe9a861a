import { existsSync, readFileSync } from 'node:fs';

/**
 * Waits for a code-server run's results file (written by the runner extension
 * in the extension host) and returns its text; fails when the server exits
 * first (`alive` false) or after `ms`. `what` names the run in the messages.
 */
export async function waitForFile(path: string, ms: number, alive: () => boolean, what: string): Promise<string> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (existsSync(path)) return readFileSync(path, 'utf8');
    if (!alive()) throw new Error(`code-server exited before the ${what} finished`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no results of the ${what} after ${ms / 1000} s`);
}
