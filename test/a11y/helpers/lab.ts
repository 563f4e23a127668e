/**
 * A real JupyterLab for the accessibility tests, on top of the end-to-end harness
 * (test/e2e/jupyter-server.ts, test/e2e/browser.ts): one server per test file, pages opened
 * with or without the Notecast extension, notebooks, commands and themes.
 */
import { rm, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { openLab, type LabPage, type OpenLabOptions } from '../../e2e/browser.js';
import { startJupyterServer, type JupyterServer, type JupyterServerOptions } from '../../e2e/jupyter-server.js';

export { launchBrowser, type LabPage } from '../../e2e/browser.js';
export { REPO_ROOT, type JupyterServer } from '../../e2e/jupyter-server.js';

/** The npm package name: disabling it disables every Notecast plugin. */
export const EXTENSION_NAME = 'jupyterlab-notecast';
export const PLUGIN_ID = 'jupyterlab-notecast:plugin';

export function startServer(options: JupyterServerOptions = {}): Promise<JupyterServer> {
  return startJupyterServer(options);
}

/**
 * The server's private JUPYTER_CONFIG_DIR. The harness keeps every folder of a server next to
 * its root (`<base>/root`, `<base>/config`, …); openLabWith() checks in the page that the
 * switch below really took effect, so a change to that layout fails loudly, not silently.
 */
function configDir(server: JupyterServer): string {
  return join(dirname(server.rootDir), 'config');
}

/**
 * Turns the Notecast extension on or off for the next page load. JupyterLab's server reads
 * `<config dir>/labconfig/page_config.json` (its `disabledExtensions`) on every `/lab` request
 * — the file `jupyter labextension disable` writes — so one server serves both the baseline
 * (without Notecast) and the real thing.
 */
export async function setNotecastEnabled(server: JupyterServer, enabled: boolean): Promise<void> {
  const file = join(configDir(server), 'labconfig', 'page_config.json');
  if (enabled) {
    await rm(file, { force: true });
    return;
  }
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify({ disabledExtensions: { [EXTENSION_NAME]: true } }, null, 2));
}

/** Opens a fresh Lab (`?reset`) with Notecast on or off, and proves which one it got. */
export async function openLabWith(browser: Browser, server: JupyterServer, notecast: boolean, options: OpenLabOptions = {}): Promise<LabPage> {
  await setNotecastEnabled(server, notecast);
  const lab = await openLab(browser, server.url, options);
  const state = await lab.page.evaluate(
    id => ({ registered: window.jupyterapp!.hasPlugin(id), activated: window.jupyterapp!.isPluginActivated(id) }),
    PLUGIN_ID
  );
  const expected = { registered: notecast, activated: notecast };
  if (state.registered !== expected.registered || state.activated !== expected.activated) {
    await lab.context.close();
    throw new Error(`Asked for Notecast ${notecast ? 'on' : 'off'}, got ${JSON.stringify(state)}`);
  }
  return lab;
}

export async function execute(page: Page, command: string, args: Record<string, unknown> = {}): Promise<unknown> {
  return page.evaluate(([id, a]) => window.jupyterapp!.commands.execute(id, a), [command, args] as const);
}

/** The notebook panel in front. */
export const CURRENT_NOTEBOOK = '.jp-NotebookPanel:not(.lm-mod-hidden)';

/**
 * Opens a notebook (a new python3 one, or `path` below the server root) and waits until its
 * kernel is idle and its first cell is rendered, so that a scan sees a settled page.
 */
export async function openNotebook(page: Page, path?: string, timeoutMs = 60_000): Promise<void> {
  if (path) await execute(page, 'docmanager:open', { path, factory: 'Notebook' });
  else await execute(page, 'notebook:create-new', { kernelName: 'python3' });
  await page.locator(`${CURRENT_NOTEBOOK} .jp-Notebook .jp-Cell`).first().waitFor({ state: 'visible', timeout: timeoutMs });
  await waitForKernelIdle(page, timeoutMs);
}

/** Waits until the notebook in front has a kernel and it is idle. */
export async function waitForKernelIdle(page: Page, timeoutMs = 60_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const widget = (window.jupyterapp as unknown as { shell: { currentWidget: unknown } }).shell.currentWidget as {
        sessionContext?: { session?: { kernel?: { status: string } | null } | null };
      } | null;
      return widget?.sessionContext?.session?.kernel?.status === 'idle';
    },
    undefined,
    { timeout: timeoutMs, polling: 100 }
  );
}

export type ThemeName = 'JupyterLab Light' | 'JupyterLab Dark';

/** Switches the theme with JupyterLab's own command and waits until it is painted. */
export async function changeTheme(page: Page, theme: ThemeName): Promise<void> {
  const light = theme === 'JupyterLab Light' ? 'true' : 'false';
  const current = await page.evaluate(() => document.body.dataset.jpThemeName);
  if (current === theme) return;
  await execute(page, 'apputils:change-theme', { theme });
  await page.waitForFunction(
    ([name, isLight]) => document.body.dataset.jpThemeName === name && document.body.dataset.jpThemeLight === isLight,
    [theme, light] as const,
    { timeout: 30_000 }
  );
  // The theme's CSS is applied when the attribute flips; give layout one frame to settle.
  await page.evaluate(() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/** Lets pending animations, transitions and idle work finish before a scan. */
export async function settle(page: Page, ms = 300): Promise<void> {
  // Finite animations only: a spinner that never ends must not hang the test.
  await page.evaluate(async () => {
    const finite = document.getAnimations().filter(a => Number.isFinite(a.effect?.getComputedTiming().endTime ?? Infinity));
    const done = Promise.all(finite.map(a => a.finished.catch(() => undefined)));
    await Promise.race([done, new Promise(resolve => setTimeout(resolve, 2_000))]);
  });
  await page.waitForTimeout(ms);
}

/**
 * A fresh Lab is settled when its Launcher has rendered every card and their icons: the
 * Launcher appears up to a few seconds after `restored`, and a scan taken earlier sees a
 * different page (that difference would make the baseline flaky).
 */
export async function waitForLauncher(page: Page, timeoutMs = 30_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const launcher = document.querySelector('.jp-Launcher');
      if (!launcher || launcher.closest('.lm-mod-hidden')) return false;
      const cards = launcher.querySelectorAll('.jp-LauncherCard');
      const images = [...launcher.querySelectorAll<HTMLImageElement>('.jp-LauncherCard-icon img')];
      return cards.length > 0 && images.every(image => image.complete);
    },
    undefined,
    { timeout: timeoutMs, polling: 100 }
  );
  await settle(page);
}

/**
 * Saves a plugin's user settings on the server, as the Settings Editor does (raw JSON5 text;
 * `'{}'` restores the defaults). A Lab opened afterwards starts with them.
 */
export async function saveSettings(page: Page, pluginId: string, raw: string): Promise<void> {
  await page.evaluate(
    ([id, text]) =>
      (window.jupyterapp as unknown as { serviceManager: { settings: { save(id: string, raw: string): Promise<void> } } }).serviceManager.settings.save(
        id,
        text
      ),
    [pluginId, raw] as const
  );
}
