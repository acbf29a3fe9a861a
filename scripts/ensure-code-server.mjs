// Makes sure the Debian packages and code-server 4.100.3 that the e2e tests and
// `npm start` need are present. Usage: node scripts/ensure-code-server.mjs
//
// code-server goes into a cache folder outside the extension's node_modules
// (default <repo>/.cache/code-server-4.100.3/, or $CRD_CACHE_DIR/code-server-4.100.3/)
// so it never ends up in the extension's dependencies or its .vsix.
// Each install trap is explained where it is worked around.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { arch, constants } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { clearInterval, setInterval } from 'node:timers';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';

/** Everything the e2e tests and the install need from Debian. */
export const SYSTEM_PACKAGES = ['chromium', 'libkrb5-dev', 'ripgrep', 'adr-tools', 'fonts-wqy-microhei', 'poppler-utils', 'g++', 'make', 'python3'];

// Build tools count as present when they are on PATH (python3 often comes from pyenv, not dpkg).
/** @type {Record<string, string>} */
const COMMAND_OF_PACKAGE = { 'g++': 'g++', make: 'make', python3: 'python3' };

// What code-server 4.100.3's @vscode/ripgrep 1.15.11 looks for in os.tmpdir() before it tries GitHub.
const RIPGREP_CACHE_DIR = 'vscode-ripgrep-cache-1.15.11';
/** @type {Record<string, string>} */
const RIPGREP_TARGETS = { x64: 'x86_64-unknown-linux-musl', arm64: 'aarch64-unknown-linux-musl' };

const MARKER = '.crd-installed.json';
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** A setup failure whose message is the whole story (no stack trace needed). */
export class SetupError extends Error {}

/** @param {string} message */
function log(message) {
  console.log(`[setup] ${message}`);
}

/** The folder that holds cached tools: $CRD_CACHE_DIR or <repo>/.cache. */
export function cacheRoot() {
  return resolve(process.env.CRD_CACHE_DIR || join(REPO_ROOT, '.cache'));
}

/** The folder code-server 4.100.3 is installed into. */
export function codeServerDir() {
  return join(cacheRoot(), `code-server-${CODE_SERVER_VERSION}`);
}

/** @param {string} dir */
function binaryIn(dir) {
  return join(dir, 'node_modules', '.bin', 'code-server');
}

/** True when `command` is an executable name found on PATH. @param {string} command */
export function onPath(command) {
  return (process.env.PATH || '').split(delimiter).some((dir) => dir && existsSync(join(dir, command)));
}

/**
 * Debian packages from `packages` that are not installed.
 * @param {string[]} packages
 * @returns {string[]}
 */
export function missingSystemPackages(packages) {
  const installed = new Set();
  // One dpkg-query call for all of them keeps the already-installed path fast.
  const query = spawnSync('dpkg-query', ['-W', '-f=${Package} ${db:Status-Status}\n', ...packages], { encoding: 'utf8' });
  for (const line of (query.stdout || '').split('\n')) {
    const [name, status] = line.split(' ');
    if (status === 'installed') installed.add(name);
  }
  return packages.filter((pkg) => !installed.has(pkg) && !(COMMAND_OF_PACKAGE[pkg] && onPath(COMMAND_OF_PACKAGE[pkg])));
}

let aptUpdated = false;

/**
 * @param {string} command
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} [env]
 */
function runInherited(command, args, env = process.env) {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status}`);
}

/**
 * Installs the missing ones of `packages` with apt-get when running as root;
 * otherwise throws one line saying what to install.
 * @param {string[]} [packages]
 */
export function ensureSystemPackages(packages = SYSTEM_PACKAGES) {
  const missing = missingSystemPackages(packages);
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !onPath('apt-get')) {
    throw new SetupError(`Missing Debian packages: run sudo apt-get install -y ${missing.join(' ')}`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    log('apt-get update');
    runInherited('apt-get', ['update'], env);
    aptUpdated = true;
  }
  log(`apt-get install -y ${missing.join(' ')}`);
  runInherited('apt-get', ['install', '-y', ...missing], env);
  const stillMissing = missingSystemPackages(missing);
  if (stillMissing.length > 0) throw new SetupError(`apt-get did not install: ${stillMissing.join(' ')}`);
}

/**
 * True when `dir` holds a finished install that this Node can run: the marker
 * is written last, and native modules are tied to the Node ABI they were built for.
 * @param {string} dir
 */
function isInstalled(dir) {
  try {
    const marker = JSON.parse(readFileSync(join(dir, MARKER), 'utf8'));
    return marker.version === CODE_SERVER_VERSION && marker.nodeAbi === process.versions.modules && existsSync(binaryIn(dir));
  } catch {
    return false;
  }
}

/** @param {number} pid */
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
  }
}

/**
 * Removes temp folders left by installs that were interrupted; a folder whose
 * owning process still runs belongs to a concurrent install and is left alone.
 * @param {string} root
 */
function removeAbandonedInstalls(root) {
  for (const name of readdirSync(root)) {
    const match = /^\.code-server-.+\.(?:tmp|old)-(\d+)$/.exec(name);
    if (match && !isAlive(Number(match[1]))) {
      log(`removing leftover ${name}`);
      rmSync(join(root, name), { recursive: true, force: true });
    }
  }
}

/**
 * A private TMPDIR holding Debian's rg as the tarball @vscode/ripgrep would
 * otherwise download from GitHub. It lives in the staging folder, so an
 * interrupted install leaves nothing behind in the system's temp folder.
 * @param {string} staging
 */
function makeRipgrepTmpdir(staging) {
  const target = RIPGREP_TARGETS[arch()];
  if (!target) throw new SetupError(`No ripgrep target known for CPU architecture ${arch()}`);
  const rg = '/usr/bin/rg';
  if (!existsSync(rg)) throw new SetupError('Missing Debian packages: run sudo apt-get install -y ripgrep');
  const tmp = join(staging, '.tmp');
  const cache = join(tmp, RIPGREP_CACHE_DIR);
  mkdirSync(cache, { recursive: true });
  const tarball = join(cache, `ripgrep-v13.0.0-10-${target}.tar.gz`);
  runInherited('tar', ['-czf', tarball, '-C', dirname(rg), 'rg']);
  return tmp;
}

/**
 * Environment for the npm install, working around the install traps.
 * @param {string} tmp the private TMPDIR from makeRipgrepTmpdir()
 */
function installEnv(tmp) {
  /** @type {NodeJS.ProcessEnv} */
  const env = {};
  // Under `npm start` the outer npm exports its own project's settings
  // (npm_config_local_prefix, npm_package_*), which must not leak into this install.
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^npm_(package_|lifecycle_|config_local_prefix$|command$)/.test(key)) env[key] = value;
  }
  Object.assign(env, {
    TMPDIR: tmp,
    npm_config_unsafe_perm: 'true', // code-server's postinstall refuses root without it
    npm_config_yes: 'true', // node-pty's postinstall runs `npx node-gyp`, which would prompt
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  });
  // node-gyp downloads Node's headers from nodejs.org unless told where local ones are.
  const nodePrefix = dirname(dirname(process.execPath));
  if (!env.npm_config_nodedir && existsSync(join(nodePrefix, 'include', 'node', 'node.h'))) {
    env.npm_config_nodedir = nodePrefix;
  }
  return env;
}

/**
 * Runs `npm install code-server@<version>` in `dir`, output to `logPath`,
 * with a heartbeat line so a 90-second install does not look hung.
 * @param {string} dir
 * @param {string} logPath
 * @param {NodeJS.ProcessEnv} env
 * @returns {Promise<void>}
 */
function npmInstall(dir, logPath, env) {
  return new Promise((resolvePromise, reject) => {
    const out = createWriteStream(logPath);
    const args = ['install', `code-server@${CODE_SERVER_VERSION}`, '--prefix', dir, '--foreground-scripts', '--no-audit', '--no-fund'];
    // A process group of its own: when this script is stopped, the compilers npm
    // started must stop too, not keep writing into a folder about to be removed.
    const child = spawn('npm', args, { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    const stopInstall = () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGTERM');
      } catch {
        // the group is already gone
      }
    };
    process.on('exit', stopInstall);
    const started = Date.now();
    const heartbeat = setInterval(() => log(`still installing (${Math.round((Date.now() - started) / 1000)} s)…`), 20_000);
    child.on('error', (error) => {
      clearInterval(heartbeat);
      process.off('exit', stopInstall);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearInterval(heartbeat);
      process.off('exit', stopInstall);
      out.end(() => {
        if (code === 0) resolvePromise();
        else reject(new Error(`npm install code-server@${CODE_SERVER_VERSION} failed (${signal ?? `exit code ${code}`})`));
      });
    });
  });
}

/** @param {string} file @param {number} lines */
function tail(file, lines) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/**
 * Installs code-server unless a finished install for this Node is cached.
 * @returns {Promise<string>} the path of the code-server binary
 */
export async function ensureCodeServer() {
  const dir = codeServerDir();
  if (isInstalled(dir)) return binaryIn(dir);
  if (process.versions.node.split('.')[0] !== '20') {
    log(`warning: code-server ${CODE_SERVER_VERSION} is made for Node 20; this is Node ${process.versions.node}`);
  }
  // kerberos builds against libkrb5-dev's gssapi.h; rg comes from Debian (see makeRipgrepTmpdir).
  ensureSystemPackages(['libkrb5-dev', 'ripgrep', 'g++', 'make', 'python3']);

  const root = cacheRoot();
  mkdirSync(root, { recursive: true });
  removeAbandonedInstalls(root);
  // Installing next to the final folder keeps the closing rename on one file system, so it is atomic.
  const staging = join(root, `.code-server-${CODE_SERVER_VERSION}.tmp-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging);
  writeFileSync(join(staging, 'package.json'), JSON.stringify({ name: 'crd-code-server-cache', private: true }, null, 2) + '\n');
  const logPath = join(staging, 'install.log');
  const failedLog = join(root, `code-server-${CODE_SERVER_VERSION}-install-failed.log`);
  const tmp = makeRipgrepTmpdir(staging);
  const started = Date.now();
  log(`installing code-server ${CODE_SERVER_VERSION} into ${dir} (about 90 s; log: ${logPath})`);
  try {
    await npmInstall(staging, logPath, installEnv(tmp));
    if (!existsSync(binaryIn(staging))) throw new Error(`npm install finished but ${binaryIn(staging)} is missing`);
    writeFileSync(
      join(staging, MARKER),
      JSON.stringify({ version: CODE_SERVER_VERSION, node: process.versions.node, nodeAbi: process.versions.modules, installedAt: new Date().toISOString() }, null, 2) + '\n',
    );
  } catch (error) {
    try {
      renameSync(logPath, failedLog);
    } catch {
      // no log was written; the error below says enough
    }
    rmSync(staging, { recursive: true, force: true });
    const lastLines = tail(failedLog, 30);
    throw new SetupError(`[setup] ${/** @type {Error} */ (error).message}\n${lastLines}\n[setup] full log: ${failedLog}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }

  // A concurrent run may have finished first; its install is as good as ours.
  if (isInstalled(dir)) {
    rmSync(staging, { recursive: true, force: true });
  } else {
    // An outdated install (other Node ABI, or unfinished) is moved aside before the swap.
    const old = join(root, `.code-server-${CODE_SERVER_VERSION}.old-${process.pid}`);
    if (existsSync(dir)) renameSync(dir, old);
    renameSync(staging, dir);
    rmSync(old, { recursive: true, force: true });
  }
  rmSync(failedLog, { force: true });
  log(`code-server ${CODE_SERVER_VERSION} installed in ${Math.round((Date.now() - started) / 1000)} s`);
  return binaryIn(dir);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // Exiting through process.exit runs the 'exit' hook that stops a running npm install.
  for (const signal of /** @type {NodeJS.Signals[]} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
    process.on(signal, () => process.exit(128 + constants.signals[signal]));
  }
  try {
    ensureSystemPackages(SYSTEM_PACKAGES);
    const binary = await ensureCodeServer();
    log(`code-server ${CODE_SERVER_VERSION} ready: ${binary}`);
  } catch (error) {
    if (error instanceof SetupError) console.error(error.message);
    else console.error('[setup] failed:', error);
    process.exit(1);
  }
}
