// Starts and stops one code-server (VS Code 1.100 in the browser) for a run:
// fresh profile, the extension loaded from a folder, optional untrusted mode and
// Chinese UI. Used by `npm start` and the e2e tests.
//
//   const server = await startCodeServer({ workspace, port: await findFreePort() });
//   … drive server.workspaceUrl with playwright …
//   await server.stop();
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureCodeServer } from './ensure-code-server.mjs';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * @typedef {object} StartOptions
 * @property {string} [workspace] folder to open; without it the browser decides via `?folder=`
 * @property {number} [port] default: $CRD_PORT, else 8080
 * @property {string} [host] default 127.0.0.1
 * @property {string[]} [extensions] built extension folders to load; default the repo itself
 * @property {string} [vsix] a packaged extension to install into the fresh profile with code-server's
 *   --install-extension, as a user installs it, instead of loading folders
 * @property {boolean} [untrusted] start with workspace trust on, so the folder opens in restricted mode
 * @property {'en' | 'zh-cn'} [locale] default 'en'
 * @property {Record<string, unknown>} [settings] merged over the seeded user settings
 * @property {string} [runRoot] where the fresh run folder is made; default <repo>/test-output/code-server
 * @property {string} [userDataDir] an earlier run's user data folder, to open the window again with its state (workspace storage); default a fresh one in the run folder
 * @property {number} [timeoutMs] how long to wait for /healthz; default 60 s
 * @property {string} [codeServerBin] default: installed on demand by ensureCodeServer()
 */

/**
 * @typedef {object} RunningCodeServer
 * @property {string} url base URL, ending in '/'
 * @property {string} workspaceUrl url opened on the workspace (or the base url without one)
 * @property {number} port
 * @property {number} pid process (and process group) id
 * @property {string} runDir
 * @property {string} logPath code-server's stdout and stderr
 * @property {string} userDataDir
 * @property {string} extensionsDir
 * @property {string} [installed] the folder the .vsix was installed to, when `vsix` was given
 * @property {Promise<number | null>} exited resolves with the exit code (null if killed) when the server process ends
 * @property {() => Promise<void>} stop kills the whole process group and waits until it is gone
 */

const BASE_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.settings.enableNaturalLanguageSearch': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  // These reach for the internet; the network here is closed.
  'npm.fetchOnlinePackageInfo': false,
  'json.schemaDownload.enable': false,
  'typescript.disableAutomaticTypeAcquisition': true,
  'git.autofetch': false,
};

const TRUSTED_SETTINGS = { 'security.workspace.trust.enabled': false };

// Trust on, but no modal at startup: the folder simply opens in restricted mode.
const UNTRUSTED_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.emptyWindow': false,
  'security.workspace.trust.untrustedFiles': 'open',
  'security.workspace.trust.banner': 'always',
};

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function findFreePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * @param {number} port
 * @param {string} host
 * @returns {Promise<boolean>}
 */
function isPortFree(port, host) {
  return new Promise((resolveFree) => {
    const server = createServer();
    server.once('error', () => resolveFree(false));
    server.listen(port, host, () => server.close(() => resolveFree(true)));
  });
}

/** @param {string} url @returns {Promise<boolean>} */
function isHealthy(url) {
  return new Promise((resolveHealthy) => {
    const request = get(url, { timeout: 1000 }, (response) => {
      response.resume();
      resolveHealthy(response.statusCode === 200);
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolveHealthy(false));
  });
}

/** @param {string} file @param {unknown} value */
function writeJson(file, value) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
}

/**
 * Links a built extension folder into the extensions dir under the name
 * VS Code expects for an installed extension: <publisher>.<name>-<version>.
 * @param {string} extensionsDir
 * @param {string} folder
 */
function linkExtension(extensionsDir, folder) {
  const manifestPath = join(folder, 'package.json');
  if (!existsSync(manifestPath)) throw new Error(`Not an extension folder (no package.json): ${folder}`);
  const { publisher, name, version } = JSON.parse(readFileSync(manifestPath, 'utf8'));
  symlinkSync(resolve(folder), join(extensionsDir, `${publisher}.${name}-${version}`), 'dir');
}

/**
 * Installs a .vsix into the profile as `code --install-extension` does for a
 * user, and returns the folder it went to.
 * @param {string} entry code-server's entry script
 * @param {string} vsix
 * @param {string} userDataDir
 * @param {string} extensionsDir
 * @param {NodeJS.ProcessEnv} env
 * @returns {string}
 */
function installVsix(entry, vsix, userDataDir, extensionsDir, env) {
  const result = spawnSync(process.execPath, [entry, '--install-extension', vsix, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
  if (result.status !== 0 || !/successfully installed/.test(output)) throw new Error(`code-server --install-extension ${vsix} failed (exit code ${result.status}):\n${output}`);
  const { publisher, name, version } = installedManifest(vsix, extensionsDir);
  return join(extensionsDir, `${publisher}.${name}-${version}`);
}

/**
 * The manifest of the one extension installed from `vsix`, as the profile's extensions.json records it.
 * @param {string} vsix @param {string} extensionsDir
 * @returns {{ publisher: string, name: string, version: string }}
 */
function installedManifest(vsix, extensionsDir) {
  /** @type {{ identifier: { id: string }, version: string, relativeLocation: string }[]} */
  const entries = JSON.parse(readFileSync(join(extensionsDir, 'extensions.json'), 'utf8'));
  if (entries.length !== 1) throw new Error(`installing ${vsix} left ${entries.length} extensions in ${extensionsDir}`);
  return JSON.parse(readFileSync(join(extensionsDir, entries[0].relativeLocation, 'package.json'), 'utf8'));
}

/**
 * An extension folder written into a profile that already has an extensions.json
 * (an installed .vsix): VS Code loads only what that file lists.
 * @param {string} extensionsDir @param {string} folderName @param {string} id @param {string} version
 */
function registerExtensionFolder(extensionsDir, folderName, id, version) {
  const file = join(extensionsDir, 'extensions.json');
  if (!existsSync(file)) return;
  const location = join(extensionsDir, folderName);
  const entries = JSON.parse(readFileSync(file, 'utf8'));
  entries.push({
    identifier: { id },
    version,
    location: { $mid: 1, fsPath: location, external: pathToFileURL(location).href, path: location, scheme: 'file' },
    relativeLocation: folderName,
    metadata: { installedTimestamp: Date.now(), source: 'resource' },
  });
  writeFileSync(file, JSON.stringify(entries));
}

/**
 * The real Chinese language pack cannot be downloaded here, and without one
 * VS Code falls back to English. A stub pack with no translations is enough
 * for VS Code to switch to zh-cn, so extensions get their zh-cn strings.
 * @param {string} userDataDir
 * @param {string} extensionsDir
 */
function installChineseLanguagePackStub(userDataDir, extensionsDir) {
  const publisher = 'crd-test';
  const name = 'zh-cn-language-pack-stub';
  const version = '0.0.1';
  const packDir = join(extensionsDir, `${publisher}.${name}-${version}`);
  const translations = join(packDir, 'translations', 'main.i18n.json');
  writeJson(join(packDir, 'package.json'), {
    name,
    publisher,
    version,
    displayName: 'Chinese (Simplified) language pack stub for tests',
    engines: { vscode: '^1.100.0' },
    categories: ['Language Packs'],
    contributes: {
      localizations: [
        {
          languageId: 'zh-cn',
          languageName: 'Chinese Simplified',
          localizedLanguageName: '中文(简体)',
          translations: [{ id: 'vscode', path: './translations/main.i18n.json' }],
        },
      ],
    },
  });
  writeJson(translations, { version: '1.0.0', contents: {} });
  writeJson(join(userDataDir, 'languagepacks.json'), {
    'zh-cn': {
      hash: createHash('md5').update(`${publisher}.${name}@${version}`).digest('hex'),
      label: '中文(简体)',
      extensions: [{ extensionIdentifier: { id: `${publisher}.${name}` }, version }],
      translations: { vscode: translations },
    },
  });
  writeJson(join(userDataDir, 'User', 'argv.json'), { locale: 'zh-cn' });
  registerExtensionFolder(extensionsDir, `${publisher}.${name}-${version}`, `${publisher}.${name}`, version);
}

/**
 * Sends `signal` to the process group led by `pid`.
 * @param {number} pid
 * @param {NodeJS.Signals | 0} signal
 * @returns {boolean} false when no process of the group is left
 */
function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ESRCH') return false;
    throw error;
  }
}

/** @param {number} pid @param {number} ms @returns {Promise<boolean>} true when the group is gone */
async function waitForGroupExit(pid, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!signalGroup(pid, 0)) return true;
    await sleep(100);
  }
  return !signalGroup(pid, 0);
}

/** The URL that opens `folder` in the workbench. @param {string} url @param {string} folder */
export function folderUrl(url, folder) {
  // Slashes stay readable; everything else that needs it is escaped.
  return `${url}?folder=${encodeURIComponent(folder).replace(/%2F/g, '/')}`;
}

/**
 * Starts code-server with a fresh profile and waits until it answers /healthz.
 * @param {StartOptions} [options]
 * @returns {Promise<RunningCodeServer>}
 */
export async function startCodeServer(options = {}) {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? Number(process.env.CRD_PORT || 8080);
  const timeoutMs = options.timeoutMs ?? 60_000;
  const codeServerBin = options.codeServerBin ?? (await ensureCodeServer());

  // Without this check /healthz of whatever already listens there would pass for ours.
  if (!(await isPortFree(port, host))) {
    throw new Error(`Port ${port} on ${host} is already in use; set CRD_PORT to another port.`);
  }

  const runRoot = options.runRoot ?? join(REPO_ROOT, 'test-output', 'code-server');
  mkdirSync(runRoot, { recursive: true });
  const runDir = mkdtempSync(join(runRoot, `run-${new Date().toISOString().replace(/[:.]/g, '-')}-`));
  const home = join(runDir, 'home');
  const userDataDir = options.userDataDir ?? join(runDir, 'data');
  const extensionsDir = join(runDir, 'extensions');
  for (const dir of [home, userDataDir, extensionsDir]) mkdirSync(dir, { recursive: true });

  writeJson(join(userDataDir, 'User', 'settings.json'), {
    ...BASE_SETTINGS,
    ...(options.untrusted ? UNTRUSTED_SETTINGS : TRUSTED_SETTINGS),
    ...options.settings,
  });
  // Own HOME and XDG folders, or code-server and git write into the user's home.
  const env = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    XDG_CACHE_HOME: join(home, '.cache'),
  };
  // The same Node that built code-server's native modules runs it (they are ABI-bound).
  const entry = realpathSync(codeServerBin);
  const installed = options.vsix ? installVsix(entry, options.vsix, userDataDir, extensionsDir, env) : undefined;
  if (!options.vsix) for (const folder of options.extensions ?? [REPO_ROOT]) linkExtension(extensionsDir, folder);
  if (options.locale === 'zh-cn') installChineseLanguagePackStub(userDataDir, extensionsDir);
  // Written up front so code-server does not generate one with a random password.
  const configPath = join(runDir, 'code-server.yaml');
  writeFileSync(configPath, `bind-addr: ${host}:${port}\nauth: none\ncert: false\n`);

  const args = [
    '--auth', 'none',
    '--bind-addr', `${host}:${port}`,
    '--config', configPath,
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    ...(options.untrusted ? [] : ['--disable-workspace-trust']),
    ...(options.workspace ? [options.workspace] : []),
  ];
  const logPath = join(runDir, 'code-server.log');
  const logFd = openSync(logPath, 'a');
  // detached: a process group of its own, so stop() reaches the extension hosts too.
  const child = spawn(process.execPath, [entry, ...args], { cwd: runDir, env, detached: true, stdio: ['ignore', logFd, logFd] });
  closeSync(logFd);
  const pid = child.pid;
  if (pid === undefined) throw new Error(`Could not start code-server (${codeServerBin}); see ${logPath}`);

  let exitStatus = /** @type {string | undefined} */ (undefined); // set once the process has ended
  const exited = new Promise((resolveExit) => {
    child.on('exit', (code, signal) => {
      exitStatus = signal ?? `exit code ${code}`;
      resolveExit(code);
    });
  });
  // A crashed or forgotten caller must not leave code-server running.
  const killOnExit = () => signalGroup(pid, 'SIGKILL');
  process.on('exit', killOnExit);

  let stopping = /** @type {Promise<void> | undefined} */ (undefined);
  const stop = () => {
    stopping ??= (async () => {
      signalGroup(pid, 'SIGTERM');
      if (!(await waitForGroupExit(pid, 10_000))) {
        signalGroup(pid, 'SIGKILL');
        await waitForGroupExit(pid, 5_000);
      }
      await Promise.race([exited, sleep(1000)]);
      process.off('exit', killOnExit);
    })();
    return stopping;
  };

  const url = `http://${host}:${port}/`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exitStatus !== undefined) {
      await stop();
      throw new Error(`code-server exited during startup (${exitStatus}); see ${logPath}`);
    }
    if (await isHealthy(`${url}healthz`)) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer ${url}healthz within ${timeoutMs / 1000} s; see ${logPath}`);
    }
    await sleep(200);
  }

  return {
    url,
    workspaceUrl: options.workspace ? folderUrl(url, options.workspace) : url,
    port,
    pid,
    runDir,
    logPath,
    userDataDir,
    extensionsDir,
    ...(installed ? { installed } : {}),
    exited,
    stop,
  };
}

/** A run root in the OS temp folder, for callers that clean up after themselves. */
export function tempRunRoot() {
  return mkdtempSync(join(tmpdir(), 'crd-code-server-'));
}
