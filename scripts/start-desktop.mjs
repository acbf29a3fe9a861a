// `npm run start:desktop`: this extension in a desktop VS Code (`code` on PATH),
// as an extension under development, opened on a fresh copy of the sample workspace.
import { spawnSync } from 'node:child_process';
import { BuildError, buildExtension } from './build-extension.mjs';
import { REPO_ROOT } from './code-server.mjs';
import { onPath } from './ensure-code-server.mjs';
import { prepareSampleWorkspace } from './sample-workspace.mjs';

if (!onPath('code')) {
  console.error('[start] No desktop VS Code ("code") on PATH; use "npm start" for VS Code in the browser.');
  process.exit(1);
}
try {
  buildExtension();
} catch (error) {
  if (error instanceof BuildError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
const workspace = prepareSampleWorkspace();
console.log(`[start] workspace: ${workspace}`);
const result = spawnSync('code', [`--extensionDevelopmentPath=${REPO_ROOT}`, workspace], { stdio: 'inherit' });
process.exit(result.status ?? 1);
