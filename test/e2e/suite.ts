/**
 * The per-file setup every end-to-end test file shares: one JupyterLab server,
 * one Chromium, and one Lab page opened before the first test; everything
 * closed after the last, even when a step failed. Pages a test opens itself
 * with `openLab` are closed there too.
 */
import { after, before } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, openLab, type LabPage, type OpenLabOptions } from './browser.js';
import { startJupyterServer, type JupyterServer, type JupyterServerOptions } from './jupyter-server.js';

export interface SuiteOptions {
  /** The server's files and settings; a function runs inside `before` (e.g. to compile a fixture). */
  server?: JupyterServerOptions | (() => JupyterServerOptions);
  /** How the shared page is opened, e.g. `{ beforeLoad: recordAnnouncements }`; `false`: no shared page. */
  lab?: OpenLabOptions | false;
}

export interface Suite {
  readonly server: JupyterServer;
  readonly browser: Browser;
  /** The Lab page opened before the first test. */
  readonly lab: LabPage;
  /** Another fresh Lab page (its own browser context), closed after the last test. */
  openLab(options?: OpenLabOptions): Promise<LabPage>;
  /** Close a page opened some other way after the last test too. */
  adopt(page: LabPage): LabPage;
}

export function useSuite(options: SuiteOptions = {}): Suite {
  let server: JupyterServer | undefined;
  let browser: Browser | undefined;
  let lab: LabPage | undefined;
  const opened: LabPage[] = [];
  before(
    async () => {
      const serverOptions = typeof options.server === 'function' ? options.server() : options.server;
      server = await startJupyterServer(serverOptions);
      browser = await launchBrowser();
      if (options.lab !== false) {
        lab = await openLab(browser, server.url, options.lab);
      }
    },
    { timeout: 150_000 }
  );
  after(
    async () => {
      // Each step runs even if an earlier one failed, so nothing is left running.
      for (const page of opened) await page.context.close().catch(() => undefined);
      await browser?.close().catch(() => undefined);
      await server?.stop();
    },
    { timeout: 30_000 }
  );
  return {
    get server() {
      return server!;
    },
    get browser() {
      return browser!;
    },
    get lab() {
      return lab!;
    },
    async openLab(pageOptions = {}) {
      return this.adopt(await openLab(browser!, server!.url, pageOptions));
    },
    adopt(page) {
      opened.push(page);
      return page;
    }
  };
}

/** Uncaught page errors and console errors that mention Notecast, for a "no errors" test. */
export function notecastErrors(lab: LabPage): string[] {
  return [...lab.pageErrors.map(error => `${error.message}\n${error.stack ?? ''}`), ...lab.consoleErrors].filter(text => /notecast/i.test(text));
}
