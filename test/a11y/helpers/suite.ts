/**
 * The per-file setup every accessibility test file shares: the end-to-end suite's server (with
 * the fixtures) and Chromium, and a fresh page (browser context) per test, with Notecast on or
 * off and the virtual screen reader served.
 */
import type { Browser, Page } from 'playwright-core';
import { useSuite as useServerAndBrowser } from '../../e2e/suite.js';
import { openLabWith, type JupyterServer, type LabPage } from './lab.js';
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
  const suite = useServerAndBrowser({ server: { copy: FIXTURES }, lab: false });
  return {
    get server() {
      return suite.server;
    },
    get browser() {
      return suite.browser;
    },
    async openLab(options = {}) {
      const lab = suite.adopt(await openLabWith(suite.browser, suite.server, options.notecast ?? true, { beforeLoad: options.beforeLoad }));
      await serveVirtualScreenReader(lab.context);
      return lab;
    }
  };
}
