// Builds the extension with the repo's esbuild.mjs, for `npm start` and `npm run start:desktop`.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './code-server.mjs';

/** A failed build; the message carries esbuild's own output. */
export class BuildError extends Error {}

/**
 * esbuild already printed its errors readably; the uncaught rethrow that follows
 * (starting with "<path>/esbuild/lib/main.js:<line>") only repeats them with a stack.
 * @param {string} output
 */
function withoutStackTrace(output) {
  const lines = output.split('\n');
  const stackStart = lines.findIndex((line) => /[\\/]esbuild[\\/]lib[\\/]main\.js:\d+$/.test(line));
  return (stackStart < 0 ? lines : lines.slice(0, stackStart)).join('\n');
}

/**
 * Runs `node esbuild.mjs` in the repo.
 * @returns {string} the path of the built dist/extension.js
 */
export function buildExtension() {
  const result = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: REPO_ROOT, encoding: 'utf8' });
  const output = withoutStackTrace(`${result.stdout ?? ''}${result.stderr ?? ''}`).trim();
  if (result.error || result.status !== 0) {
    const reason = result.error ? result.error.message : `exit code ${result.status}`;
    throw new BuildError(`[build] failed: node esbuild.mjs (${reason})\n${output}`);
  }
  const main = join(REPO_ROOT, 'dist', 'extension.js');
  // package.json's "main" points here; without it VS Code would load nothing and say little.
  if (!existsSync(main)) throw new BuildError(`[build] finished but ${main} is missing\n${output}`);
  // dist/extension.js loads the commands and views from dist/desk.js on first use.
  const desk = join(REPO_ROOT, 'dist', 'desk.js');
  if (!existsSync(desk)) throw new BuildError(`[build] finished but ${desk} is missing\n${output}`);
  console.log(`[build] dist/extension.js ${Math.round(statSync(main).size / 1024)} kB, dist/desk.js ${Math.round(statSync(desk).size / 1024)} kB`);
  return main;
}
