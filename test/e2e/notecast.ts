/**
 * Helpers for driving the Notecast player in a real JupyterLab: open a
 * tutorial, read the player's state, the notebook's cells and what the
 * announcer said. Everything reads the page as a user or a screen reader
 * would (roles, names, text), except the notebook's cells, read from its model.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { REPO_ROOT } from './jupyter-server.js';

export const SETTINGS_FILE = 'jupyterlab-notecast/plugin.jupyterlab-settings';
/** Notecast's settings, by plugin id (what the settings registry calls them). */
export const SETTINGS_PLUGIN = 'jupyterlab-notecast:plugin';

/**
 * The tutorials' Markdown files, to copy into a test server: only these, so a notebook
 * that `make demo` left in tutorials/ does not make the player continue it.
 */
export const TUTORIAL_FILES = readdirSync(join(REPO_ROOT, 'tutorials'))
  .filter(name => name.endsWith('.md'))
  .sort()
  .map(name => `tutorials/${name}`);

export interface CellSnapshot {
  id: string;
  type: string;
  source: string;
  /** Text of the outputs: streams, text/plain results, `ename: evalue` for errors. */
  output: string;
  executionCount: number | null;
}

/**
 * One message a live region said. `lang`: the line's own language, '' when it
 * speaks the region's; `english`: the runs in it marked `lang="en"`.
 */
export interface Spoken {
  text: string;
  politeness: string;
  lang: string;
  english: string[];
}

/**
 * Record every message the announcer speaks, from the start of the page:
 * each message is a child added to one of its live regions.
 */
export async function recordAnnouncements(page: Pick<Page, 'addInitScript'>): Promise<void> {
  await page.addInitScript(() => {
    const log: Spoken[] = [];
    (window as unknown as { __notecastSpoken: typeof log }).__notecastSpoken = log;
    const observer = new MutationObserver(records => {
      for (const record of records) {
        const region = record.target as HTMLElement;
        const politeness = region.getAttribute?.('aria-live');
        if (!politeness) continue;
        for (const node of record.addedNodes) {
          const line = node as HTMLElement;
          const english = [...(line.querySelectorAll?.('[lang="en"]') ?? [])].map(run => run.textContent ?? '');
          log.push({ text: line.textContent ?? '', politeness, lang: line.lang ?? '', english });
        }
      }
    });
    const start = (): void => observer.observe(document.body, { childList: true, subtree: true });
    if (document.body) start();
    else document.addEventListener('DOMContentLoaded', start);
  });
}

export async function spoken(page: Page): Promise<Spoken[]> {
  return page.evaluate(() => [...((window as unknown as { __notecastSpoken?: Spoken[] }).__notecastSpoken ?? [])]);
}

export async function waitForSpoken(page: Page, pattern: RegExp, timeout = 30_000): Promise<string> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const found = (await spoken(page)).find(entry => pattern.test(entry.text));
    if (found) return found.text;
    await page.waitForTimeout(100);
  }
  throw new Error(`nothing matching ${pattern} was announced; heard:\n${(await spoken(page)).map(e => e.text).join('\n')}`);
}

/**
 * Run a JupyterLab command in the page, as the palette would, and wait for it. Its result
 * stays in the page: a widget (what `docmanager:open` returns) cannot be serialised.
 */
export async function execute(page: Page, command: string, args: Record<string, unknown> = {}): Promise<void> {
  await page.evaluate(
    async ([id, a]) => {
      await window.jupyterapp!.commands.execute(id, a);
    },
    [command, args] as const
  );
}

/**
 * Changes a setting the way the Settings Editor does: through JupyterLab's settings registry in
 * the page, so every plugin that follows the setting sees the change at once.
 */
export async function setSetting(page: Page, plugin: string, key: string, value: unknown): Promise<void> {
  await page.evaluate(
    async ([pluginId, k, v]) => {
      // Galata's in-page helpers (loaded by the test server's config) hand out a plugin's service;
      // getPlugin() uses the app that the `app` getter looks up and keeps, so read that first.
      const galata = (window as unknown as { galata: { app: unknown; getPlugin(id: string): Promise<unknown> } }).galata;
      if (!galata.app) throw new Error('galata has no app');
      const registry = (await galata.getPlugin('@jupyterlab/apputils-extension:settings')) as {
        set(plugin: string, key: string, value: unknown): Promise<void>;
      };
      await registry.set(pluginId, k, v);
    },
    [plugin, key, value] as const
  );
}

/** Start a command without waiting for it to finish (one that shows a dialog finishes when it closes). */
export async function start(page: Page, command: string, args: Record<string, unknown> = {}): Promise<void> {
  await page.evaluate(([id, a]) => void window.jupyterapp!.commands.execute(id, a), [command, args] as const);
}

export function playerFor(page: Page, title: string): Locator {
  return page.getByRole('region', { name: `Tutorial player: ${title}`, exact: true });
}

/** Bring a player's tab to the front (another player may share its dock area). */
export async function revealPlayer(page: Page, title: string): Promise<void> {
  await page.evaluate(label => {
    const app = window.jupyterapp as unknown as {
      shell: { widgets(area: string): Iterable<{ id: string; node: HTMLElement }>; activateById(id: string): void };
    };
    for (const widget of app.shell.widgets('main')) {
      if ([...widget.node.querySelectorAll('[role=region]')].some(region => region.getAttribute('aria-label') === label)) {
        app.shell.activateById(widget.id);
      }
    }
  }, `Tutorial player: ${title}`);
}

/** Opens a tutorial with `notecast:open` and returns its player once it shows. */
export async function openTutorial(page: Page, path: string, title: string): Promise<Locator> {
  await execute(page, 'notecast:open', { path });
  const player = playerFor(page, title);
  await player.waitFor({ state: 'visible', timeout: 60_000 });
  return player;
}

/** The player's visible status line: "Playing · Step 2 of 6: Names and values". */
export async function status(player: Locator): Promise<string> {
  return (await player.locator('.jp-NotecastPlayer-status').textContent()) ?? '';
}

export async function waitForStatus(player: Locator, pattern: RegExp, timeout = 60_000): Promise<string> {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    last = await status(player);
    if (pattern.test(last)) return last;
    await player.page().waitForTimeout(100);
  }
  throw new Error(`the player's status never matched ${pattern}; last: "${last}"`);
}

/** The cells of the open notebook at `path`, from its shared model. */
export async function notebookCells(page: Page, path: string): Promise<CellSnapshot[]> {
  return page.evaluate(notebookPath => {
    // The parts of nbformat's outputs and of @jupyter/ydoc's shared cells read here.
    type Output = { output_type: string; text?: string | string[]; ename?: string; evalue?: string; data?: Record<string, string | string[]> };
    type SharedCell = { id: string; cell_type: string; getSource(): string; toJSON(): { outputs?: Output[]; execution_count?: number | null } };
    type AnyWidget = { context?: { path: string }; content?: { model?: { sharedModel: { cells: SharedCell[] } } } };
    const app = window.jupyterapp as unknown as { shell: { widgets(area: string): Iterable<AnyWidget> } };
    for (const widget of app.shell.widgets('main')) {
      if (widget.context?.path === notebookPath && widget.content?.model) {
        return widget.content.model.sharedModel.cells.map(cell => {
          const json = cell.toJSON();
          const output = (json.outputs ?? [])
            .map(o => {
              if (o.output_type === 'stream') return Array.isArray(o.text) ? o.text.join('') : o.text;
              if (o.output_type === 'error') return `${o.ename}: ${o.evalue}`;
              const plain = o.data?.['text/plain'];
              return Array.isArray(plain) ? plain.join('') : (plain ?? '');
            })
            .join('');
          return {
            id: cell.id,
            type: cell.cell_type,
            source: cell.getSource(),
            output,
            executionCount: json.execution_count ?? null
          };
        });
      }
    }
    throw new Error(`no open notebook at ${notebookPath}`);
  }, path);
}

/** What `notecast notebook` says the tutorial ends with: cell ids, types and sources. */
export function expectedNotebook(tutorial: string): Array<{ id: string; type: string; source: string }> {
  const json = execFileSync(process.execPath, [join(REPO_ROOT, 'bin/notecast.js'), 'notebook', join(REPO_ROOT, tutorial)], {
    encoding: 'utf8'
  });
  const notebook = JSON.parse(json) as { cells: Array<{ id: string; cell_type: string; source: string | string[] }> };
  return notebook.cells.map(cell => ({
    id: cell.id,
    type: cell.cell_type,
    source: Array.isArray(cell.source) ? cell.source.join('') : cell.source
  }));
}

/** The outputs the tutorial's `:::run` blocks expect, by cell id, for the cells the notebook ends with (not those deleted later). */
export function expectedOutputs(tutorial: string): Map<string, string> {
  const kept = new Set(expectedNotebook(tutorial).map(cell => cell.id));
  const json = execFileSync(process.execPath, [join(REPO_ROOT, 'bin/notecast.js'), 'compile', join(REPO_ROOT, tutorial)], {
    encoding: 'utf8'
  });
  const script = JSON.parse(json) as { steps: Array<{ operations: Array<{ op: string; cell?: string; expect?: string }> }> };
  const outputs = new Map<string, string>();
  for (const step of script.steps) {
    for (const operation of step.operations) {
      if (operation.op === 'run' && operation.expect !== undefined && operation.cell && kept.has(operation.cell)) {
        outputs.set(operation.cell, operation.expect);
      } else if (operation.op === 'delete-cell' && operation.cell) {
        // A cell the tutorial deletes later (a scratch cell) is not in the final notebook.
        outputs.delete(operation.cell);
      }
    }
  }
  return outputs;
}

/** Press a key with focus on the player's Play/Pause button (a keyboard user's way in). */
export async function pressInPlayer(player: Locator, key: string): Promise<void> {
  const toggle = player.getByRole('toolbar', { name: 'Tutorial player' }).getByRole('button', { name: /^(Play|Pause)$/ });
  await toggle.focus();
  await player.page().keyboard.press(key);
}

/** Accept the consent dialog with the keyboard. */
export async function allowRunningCode(page: Page): Promise<void> {
  const allow = page.getByRole('button', { name: 'Allow running code' });
  await allow.waitFor({ state: 'visible', timeout: 15_000 });
  await allow.focus();
  await page.keyboard.press('Enter');
  await allow.waitFor({ state: 'detached', timeout: 15_000 });
}

/**
 * From a player that is playing, continue with Alt+Shift+P at each "Your
 * turn" until the tutorial has ended; any other stop (paused, stopped, taken
 * over) fails, as does a tutorial that never ends. `timeout`: per stretch of
 * playing (the first may wait for a kernel to start).
 */
export async function continueToEnd(player: Locator, timeout = 180_000): Promise<void> {
  for (let guard = 0; guard < 50; guard++) {
    const now = await waitForStatus(player, /^(Ended|Your turn|Paused|Stopped|You have control)/, timeout);
    if (now.startsWith('Ended')) return;
    if (!now.startsWith('Your turn')) throw new Error(`playback stopped unexpectedly: ${now}`);
    await pressInPlayer(player, 'Alt+Shift+P');
    await waitForStatus(player, /^(Playing|Running code|Ended)/, 10_000);
  }
  throw new Error('the tutorial never ended');
}
