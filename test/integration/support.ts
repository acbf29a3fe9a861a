import assert from 'node:assert/strict';
/** Helpers for specs running inside the extension host. */
import { execFileSync } from 'node:child_process';
import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import nodePath from 'node:path';
import * as vscode from 'vscode';
import { WORKED_EXAMPLE } from '../unit/workedExample';
import { itConfig } from './config';

export const EXTENSION_ID = 'custom-request-desk.custom-request-desk';
export const TODAY = '2026-11-25';

export function workspaceFolder(name?: string): vscode.WorkspaceFolder {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const folder = name ? folders.find((f) => f.name === name) : folders[0];
  if (!folder) throw new Error(`no workspace folder ${name ?? ''}`);
  return folder;
}

export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Every file below a folder, as sorted paths relative to it (skipping .git). */
export function listFiles(root: string, dir = root): string[] {
  let out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === '.git') continue;
    const path = nodePath.join(dir, name);
    out = statSync(path).isDirectory() ? out.concat(listFiles(root, path)) : out.concat(nodePath.relative(root, path));
  }
  return out.sort();
}

export async function writeText(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

export function adr(cwd: string, ...args: string[]): string {
  return execFileSync('adr', args, { cwd, encoding: 'utf8', env: { ...process.env, VISUAL: 'true', EDITOR: 'true' } });
}

export async function sleep(ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `check` until it returns a truthy value or `ms` pass. */
export async function waitFor<T>(check: () => T | Promise<T>, what: string, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

function findFile(dir: string, name: string): string | undefined {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return undefined;
  }
  for (const entry of entries) {
    const path = nodePath.join(dir, entry);
    if (entry === name) return path;
    // lstat: never follow the symlinked extensions (the repo, with its node_modules).
    if (lstatSync(path).isDirectory()) {
      const found = findFile(path, name);
      if (found) return found;
    }
  }
  return undefined;
}

/** The text of the extension's "Custom Request Desk" log so far. */
export function deskLog(): string {
  const root = itConfig().logsRoot;
  if (!root) return '';
  const file = findFile(root, 'Custom Request Desk.log') ?? findFile(root, '1-Custom Request Desk.log');
  return file ? readFileSync(file, 'utf8') : '';
}

/** Waits until the extension's log mentions `text` (log writes are buffered). */
export async function waitForLog(text: string): Promise<string> {
  return waitFor(() => (deskLog().includes(text) ? deskLog() : ''), `"${text}" in the Custom Request Desk log`);
}

/** Every match of `pattern` (made global) in the extension's log so far, in order. */
export function logMatches(pattern: RegExp): RegExpExecArray[] {
  return [...deskLog().matchAll(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`))];
}

/** Waits until the log holds more than `seen` matches of `pattern`; returns match number `seen` (0-based). */
export async function waitForLogMatch(pattern: RegExp, seen: number): Promise<RegExpExecArray> {
  return waitFor(() => logMatches(pattern)[seen], `match ${seen + 1} of ${pattern} in the Custom Request Desk log`);
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export async function setSetting(key: string, value: unknown, folder?: vscode.WorkspaceFolder): Promise<void> {
  await vscode.workspace.getConfiguration('customRequest', folder?.uri).update(key, value, folder ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Workspace);
}

/** The text with an `estimate:` line added at the end of its front matter, as a user would type it. */
export function withEstimate(text: string, estimate: object = WORKED_EXAMPLE): string {
  const end = text.indexOf('\n---\n', 4) + 1;
  return `${text.slice(0, end)}estimate: ${JSON.stringify(estimate)}\n${text.slice(end)}`;
}

/** Adds the estimate to an assessment file on disk (not through an editor). */
export async function writeEstimate(uri: vscode.Uri, estimate?: object): Promise<void> {
  await writeText(uri, withEstimate(await readText(uri), estimate));
}

/** Runs Generate Quote on an assessment without prompts (and, unless `open`, without opening the quote). */
export async function generateQuote(assessment: vscode.Uri, open = false): Promise<{ quote: vscode.Uri; number: string } | undefined> {
  return vscode.commands.executeCommand<{ quote: vscode.Uri; number: string } | undefined>('customRequest.generateQuote', { assessment, today: TODAY, ...(open ? {} : { open: false }) });
}

/** The log line the extension writes with each message it shows a user (runCommand): `<command>: shown: <message>`. */
const SHOWN = (id: string) => new RegExp(`${id.replace(/\./g, '\\.')}: shown: ([\\s\\S]*?)(?=\\n\\d{4}-\\d\\d-\\d\\d |$)`);

/** Runs `act` and returns the next message the command `id` shows the user. */
export async function shownBy(id: string, act: () => Promise<unknown>): Promise<string> {
  const seen = logMatches(SHOWN(id)).length;
  await act();
  return (await waitForLogMatch(SHOWN(id), seen))[1];
}

/** A message a user sees: no stack trace, no internal error text, no temporary file. */
export function assertPlain(message: string): void {
  assert.doesNotMatch(message, /\n\s+at /, `a stack trace reached the user: ${message}`);
  assert.doesNotMatch(message, /\.crd-|\.tmp\b/, `a temporary file reached the user: ${message}`);
  assert.doesNotMatch(message, /\b(EPERM|EACCES|ENOENT|EISDIR|EEXIST|TypeError|is not a function|Error:)/, `an internal error text reached the user: ${message}`);
}

/** The extension's temporary files left below a folder. */
export function temps(root: string): string[] {
  return listFiles(root).filter((file) => /\.crd-[^/]*\.tmp$/.test(file));
}
