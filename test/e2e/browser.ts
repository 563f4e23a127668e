/**
 * Drives Debian's Chromium with playwright-core, and opens JupyterLab in it.
 *
 * Playwright's own browser builds cannot be downloaded here (never run
 * `playwright install`); `make setup` installs Debian's `chromium` instead.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** NOTECAST_CHROMIUM overrides the browser binary. */
export const CHROMIUM_PATH = process.env.NOTECAST_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Root needs --no-sandbox; the network flags stop Chromium's own background
 * requests, which this machine's closed network refuses many at a time.
 */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run'
];

/** `extraArgs`: more Chromium switches, e.g. a host resolver that knows only 127.0.0.1. */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} not found: run \`make setup\` (or set NOTECAST_CHROMIUM).`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/** The parts of `window.jupyterapp` (exposed by galata's server config) that tests use. */
export interface ExposedLab {
  started: Promise<void>;
  restored: Promise<void>;
  hasPlugin(id: string): boolean;
  isPluginActivated(id: string): boolean;
  commands: { execute(id: string, args?: Record<string, unknown>): Promise<unknown> };
}

declare global {
  interface Window {
    jupyterapp?: ExposedLab;
  }
}

export interface LabPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors in the page, in order. */
  pageErrors: Error[];
  /** Messages the page logged with console.error, in order. */
  consoleErrors: string[];
}

export interface OpenLabOptions {
  /** A path below the server root to open, e.g. `tutorials/intro.md`. */
  path?: string;
  timeoutMs?: number;
  /** Runs on the new page before JupyterLab loads (e.g. `page.addInitScript`). */
  beforeLoad?: (page: Page) => Promise<void>;
  /** Extra query parameters for the /lab URL, e.g. `{ notecast: 'tutorials/intro.md' }`. */
  query?: Record<string, string>;
}

/**
 * Opens JupyterLab in a new browser context (`@axe-core/playwright` refuses
 * pages that have none) and waits until the app has started and restored its
 * layout. `?reset` drops any workspace an earlier page saved.
 */
export async function openLab(browser: Browser, serverUrl: string, options: OpenLabOptions = {}): Promise<LabPage> {
  const timeout = options.timeoutMs ?? 60_000;
  const context = await browser.newContext();
  const page = await context.newPage();
  const pageErrors: Error[] = [];
  const consoleErrors: string[] = [];
  page.on('pageerror', error => pageErrors.push(error));
  page.on('console', message => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });

  await options.beforeLoad?.(page);
  const extra = Object.entries(options.query ?? {})
    .map(([key, value]) => `&${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('');
  const tree = options.path ? `/tree/${options.path.split('/').map(encodeURIComponent).join('/')}` : '';
  await page.goto(`${serverUrl}/lab${tree}?reset${extra}`, { timeout });
  await page.waitForFunction(() => window.jupyterapp !== undefined, undefined, { timeout });
  await page.evaluate(async () => {
    await window.jupyterapp!.started;
    await window.jupyterapp!.restored;
  });
  // The splash screen covers the shell until the layout is painted.
  await page.locator('#jupyterlab-splash').waitFor({ state: 'detached', timeout });
  await page.locator('#jp-main-dock-panel').waitFor({ state: 'visible', timeout });
  return { context, page, pageErrors, consoleErrors };
}

/**
 * Opens a page of Jupyter Notebook 7 (`tree`, `tree/<folder>`, `notebooks/<file>?…`) in a new
 * browser context, and waits until the app has started and its page's document is in the main
 * area. `beforeLoad` runs on the context, so tabs the page opens get it too.
 */
export async function openNotebookApp(
  browser: Browser,
  serverUrl: string,
  options: { path?: string; timeoutMs?: number; beforeLoad?: (context: BrowserContext) => Promise<void> } = {}
): Promise<LabPage> {
  const context = await browser.newContext();
  await options.beforeLoad?.(context);
  const lab = watchPage(context, await context.newPage());
  await lab.page.goto(`${serverUrl}/${options.path ?? 'tree'}`, { timeout: options.timeoutMs ?? 60_000 });
  await waitForNotebookApp(lab.page, options.timeoutMs);
  return lab;
}

/** Records a page's errors, as `openLab` does. */
export function watchPage(context: BrowserContext, page: Page): LabPage {
  const pageErrors: Error[] = [];
  const consoleErrors: string[] = [];
  page.on('pageerror', error => pageErrors.push(error));
  page.on('console', message => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  return { context, page, pageErrors, consoleErrors };
}

/** Waits for Notebook 7's app on `page` to start and put its document in the main area. */
export async function waitForNotebookApp(page: Page, timeoutMs = 60_000): Promise<void> {
  await page.waitForFunction(() => window.jupyterapp !== undefined, undefined, { timeout: timeoutMs });
  await page.evaluate(async () => {
    await window.jupyterapp!.started;
    await window.jupyterapp!.restored;
  });
  await page.locator('#main-panel').waitFor({ state: 'visible', timeout: timeoutMs });
}
