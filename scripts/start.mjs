// `npm start`: this extension in code-server (VS Code in the browser), opened on
// a fresh copy of the sample workspace. Ctrl-C stops everything it started.
//
//   CRD_PORT=8081 npm start                  another port (default 8080)
//   npm start -- --extension <folder>        load another built extension instead of building this one
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { setInterval } from 'node:timers';
import { BuildError, buildExtension } from './build-extension.mjs';
import { REPO_ROOT, startCodeServer } from './code-server.mjs';
import { SetupError, ensureCodeServer, ensureSystemPackages } from './ensure-code-server.mjs';
import { prepareSampleWorkspace } from './sample-workspace.mjs';

/** @param {string} message */
function log(message) {
  console.log(`[start] ${message}`);
}

const { values } = parseArgs({ options: { extension: { type: 'string' } } });

/** @type {import('./code-server.mjs').RunningCodeServer | undefined} */
let server;
let shuttingDown = false;

/** @param {string} reason */
async function shutdown(reason) {
  if (shuttingDown) return;
  shuttingDown = true;
  if (server) {
    log(`${reason}: stopping code-server…`);
    await server.stop();
    log('stopped');
  }
  // A server still starting up is killed by code-server.mjs's exit hook.
  process.exit(0);
}
for (const signal of /** @type {NodeJS.Signals[]} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
  process.on(signal, () => void shutdown(signal));
}
// `kill <npm pid>` reaches only npm's `sh -c`, never this script, which would be left
// running with code-server under init. Being re-parented is how we notice.
const parentPid = process.ppid;
setInterval(() => {
  if (process.ppid !== parentPid) void shutdown('parent process exited');
}, 1000).unref();

try {
  ensureSystemPackages();
  const codeServerBin = await ensureCodeServer();
  const extension = values.extension ? resolve(values.extension) : REPO_ROOT;
  if (!values.extension) buildExtension();
  const workspace = prepareSampleWorkspace();
  const port = Number(process.env.CRD_PORT || 8080);
  log(`starting code-server on 127.0.0.1:${port}…`);
  server = await startCodeServer({ workspace, port, host: '127.0.0.1', extensions: [extension], codeServerBin });
  log(`workspace: ${workspace}`);
  log(`log:       ${server.logPath}`);
  log(`open ${server.workspaceUrl}`);
  log('Ctrl-C stops it.');
  const code = await server.exited;
  if (!shuttingDown) {
    log(`code-server exited on its own (exit code ${code}); see ${server.logPath}`);
    process.exit(1);
  }
} catch (error) {
  if (error instanceof SetupError || error instanceof BuildError) console.error(error.message);
  else console.error(`[start] ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
