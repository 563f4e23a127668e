/**
 * The per-file setup every accessibility test file shares: one JupyterLab server with the
 * fixtures, one Chromium, and a fresh page (browser context) per test.
 */
import { after, before } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openLabWith, startServer, type JupyterServer, type LabPage } from './lab.js';
import { FIXTURES } from './player.js';
import { serveVirtualScreenReader } from './screen-reader.js';

export interface Suite {
  readonly server: JupyterServer;
  readonly browser: Browser;
  /**
   * A fresh Lab with Notecast (virtual screen reader served, not started). `beforeLoad` runs
   * on the new page before JupyterLab loads (e.g. `page.addInitScript`).
   */
  openLab(options?: { notecast?: boolean; beforeLoad?: (page: Page) => Promise<void> }): Promise<LabPage>;
}

export function useSuite(): Suite {
  let server: JupyterServer | undefined;
  let browser: Browser | undefined;
  const opened: LabPage[] = [];
  before(
    async () => {
      server = await startServer({ copy: FIXTURES });
      browser = await launchBrowser();
    },
    { timeout: 150_000 }
  );
  after(
    async () => {
      for (const lab of opened) await lab.context.close().catch(() => undefined);
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
    async openLab(options = {}) {
      const lab = await openLabWith(browser!, server!, options.notecast ?? true, { beforeLoad: options.beforeLoad });
      await serveVirtualScreenReader(lab.context);
      opened.push(lab);
      return lab;
    }
  };
}
