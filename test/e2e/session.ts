/**
 * One end-to-end run: the built extension in a fresh code-server on a fresh copy
 * of the sample workspace, driven by Debian's chromium through playwright-core.
 *
 * Output goes to the git-ignored `test-output/e2e/<lang>/`: the numbered step
 * screenshots, and after a failure `FAILED-<test>.png`, the code-server log and
 * the browser console. The server's own run folder (profile, extension host
 * logs) is kept there after a failure and removed after a clean run.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Lang } from '../../src/core/lang';
import { launchBrowser, type Browser } from '../support/browser';
import { REPO_ROOT } from './uiText';
import { StepShots, Workbench } from './workbench';

type CodeServerModule = typeof import('../../scripts/code-server.mjs', { with: { 'resolution-mode': 'import' } });
type RunningCodeServer = Awaited<ReturnType<CodeServerModule['startCodeServer']>>;

/** Debian packages this suite needs: the browser, Chinese glyphs in screenshots, the real adr-tools, pdftotext (poppler-utils) for the exported quote's PDF. */
const E2E_PACKAGES = ['chromium', 'fonts-wqy-microhei', 'adr-tools', 'libkrb5-dev', 'ripgrep', 'poppler-utils'];

export const E2E_OUTPUT = join(REPO_ROOT, 'test-output', 'e2e');

let prepared: Promise<void> | undefined;

/** The .vsix the journey installs: $CRD_VSIX when `npm test` packaged it already, else packaged by prepareOnce(). */
export let VSIX = process.env.CRD_VSIX ?? '';

/**
 * Once per mocha process: the Debian packages, code-server, and the .vsix a
 * user installs (`npm run package`'s build), which each run installs into its
 * fresh profile with code-server's --install-extension.
 */
export function prepareOnce(): Promise<void> {
  prepared ??= (async () => {
    const { ensureSystemPackages, ensureCodeServer } = await import('../../scripts/ensure-code-server.mjs');
    ensureSystemPackages(E2E_PACKAGES);
    await ensureCodeServer();
    if (!VSIX) {
      const { describePackage, packageExtension } = await import('../../scripts/package.mjs');
      const built = packageExtension({ out: join(E2E_OUTPUT, 'custom-request-desk.vsix'), stage: join(E2E_OUTPUT, 'package-stage') });
      console.log(`    [e2e] packaged ${built.vsix}: ${describePackage(built)}`);
      VSIX = built.vsix;
    }
  })();
  return prepared;
}

/** Filesystem-safe name of a test title. */
function fileSafe(title: string): string {
  return title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 80) || 'test';
}

export class E2eSession {
  readonly outDir: string;
  readonly workbench: Workbench;
  private failed = false;
  private stopped = false;

  private constructor(
    readonly lang: Lang,
    readonly workspace: string,
    readonly server: RunningCodeServer,
    private readonly browser: Browser,
    readonly page: Page,
    private readonly consoleLines: string[],
    outDir: string,
  ) {
    this.outDir = outDir;
    this.workbench = new Workbench(page, new StepShots(outDir));
  }

  /**
   * Starts everything for one language and opens the workbench. Whatever was
   * started before a failure is stopped again before the error is rethrown.
   */
  static async start(lang: Lang, userSettings: Record<string, unknown> = {}): Promise<E2eSession> {
    await prepareOnce();
    const { startCodeServer, findFreePort } = await import('../../scripts/code-server.mjs');
    const { prepareSampleWorkspace } = await import('../../scripts/sample-workspace.mjs');

    const outDir = join(E2E_OUTPUT, lang);
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });

    const workspace = prepareSampleWorkspace();
    let server: RunningCodeServer | undefined;
    let browser: Browser | undefined;
    const consoleLines: string[] = [];
    try {
      server = await startCodeServer({
        workspace,
        port: await findFreePort(),
        locale: lang,
        vsix: VSIX,
        runRoot: join(outDir, 'server'),
        // VS Code in the browser saves after a 1 s delay by default; the desktop default
        // (off) makes "unsaved, Ctrl+S, saved" a visible, deterministic sequence.
        settings: { 'files.autoSave': 'off', ...userSettings },
      });
      browser = await launchBrowser({ locale: lang === 'zh-cn' ? 'zh-CN' : 'en-US' });
      // The editor steps paste through the real clipboard (Workbench.paste).
      await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
      const page = browser.page;
      page.on('console', (message) => consoleLines.push(`[${message.type()}] ${message.text()}`));
      page.on('pageerror', (error) => consoleLines.push(`[pageerror] ${error.message}`));
      const session = new E2eSession(lang, workspace, server, browser, page, consoleLines, outDir);
      await session.workbench.open(server.workspaceUrl);
      return session;
    } catch (error) {
      if (browser) {
        await browser.page.screenshot({ path: join(outDir, 'FAILED-start.png') }).catch(() => undefined);
        await browser.close();
      }
      if (server) {
        await server.stop();
        copyFileSync(server.logPath, join(outDir, 'code-server.log'));
      }
      writeFileSync(join(outDir, 'browser-console.log'), consoleLines.join('\n') + '\n');
      throw error;
    }
  }

  /**
   * After a failed test: its screenshot, the estimate form's HTML as it stood,
   * the workbench's notifications (the toasts showing, then the whole list),
   * the browser console and the code-server log.
   */
  async recordFailure(testTitle: string): Promise<void> {
    this.failed = true;
    const base = join(this.outDir, `FAILED-${fileSafe(testTitle)}`);
    await this.page.screenshot({ path: `${base}.png` }).catch(() => undefined);
    writeFileSync(`${base}.form.html`, (await this.formHtml()) ?? '<!-- the estimate form was not open -->\n');
    writeFileSync(`${base}.notifications.txt`, await this.notifications());
    writeFileSync(join(this.outDir, 'browser-console.log'), this.consoleLines.join('\n') + '\n');
    copyFileSync(this.server.logPath, join(this.outDir, 'code-server.log'));
  }

  /** The estimate form's document as it stands: the webview frame that holds its #editor. */
  private async formHtml(): Promise<string | undefined> {
    for (const frame of this.page.frames()) {
      if (frame === this.page.mainFrame()) continue;
      if ((await frame.locator('#editor').count().catch(() => 0)) > 0) return frame.content().catch(() => undefined);
    }
    return undefined;
  }

  /** The toasts on screen, then every notification of the session from the notification centre. */
  private async notifications(): Promise<string> {
    const read = (selector: string) => this.page.locator(selector).allTextContents().catch(() => [] as string[]);
    const toasts = await read('.notifications-toasts .notification-toast .notification-list-item-message');
    let all: string[] = [];
    try {
      await this.workbench.closeQuickInput();
      await this.workbench.runCommand('Notifications: Show Notifications');
      await this.page.locator('.notifications-center').waitFor({ state: 'visible', timeout: 5_000 });
      all = await read('.notifications-center .notification-list-item-message');
    } catch {
      all = ['(the notification centre could not be opened)'];
    }
    return [`Showing when the step failed (${toasts.length}):`, ...toasts, '', `All notifications (${all.length}):`, ...all, ''].join('\n');
  }

  /** Runs a program in the workspace and returns its stdout. */
  run(command: string, args: string[]): string {
    return execFileSync(command, args, { cwd: this.workspace, encoding: 'utf8' });
  }

  /** Closes the browser, stops code-server (its whole process group) and cleans up. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await this.browser.close();
    await this.server.stop();
    if (this.failed) {
      // Everything stays for a look: the log (complete now the server has stopped) and the workspace.
      copyFileSync(this.server.logPath, join(this.outDir, 'code-server.log'));
      const keptWorkspace = join(this.outDir, 'workspace');
      if (existsSync(this.workspace)) cpSync(this.workspace, keptWorkspace, { recursive: true });
      console.log(`    [e2e] output of the failed run: ${this.outDir}`);
    } else {
      rmSync(join(this.outDir, 'server'), { recursive: true, force: true });
    }
    // prepareSampleWorkspace() made <tmp>/crd-sample-XXXX/robofleet-platform.
    rmSync(join(this.workspace, '..'), { recursive: true, force: true });
  }
}
