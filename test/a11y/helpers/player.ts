/**
 * The Notecast player as the tests see it: only through its DOM contract (roles, names,
 * classes named in the brief) and its commands — never through its internals.
 */
import type { Locator, Page } from 'playwright-core';
import { axeConfig } from './axe.js';
import { execute } from './lab.js';

/** Tutorials the tests play, copied into each test server's root. */
export const FIXTURES = ['test/a11y/fixtures/a11y-check.md', 'test/a11y/fixtures/broken.md'];
export const TUTORIAL = 'test/a11y/fixtures/a11y-check.md';
export const TUTORIAL_TITLE = 'Accessibility check';
export const STEP_COUNT = 4;
export const BROKEN_TUTORIAL = 'test/a11y/fixtures/broken.md';
/** Where the "tutorial with errors" panel is. */
export const ERRORS_SELECTOR = '.jp-NotecastErrors';

export const COMMANDS = [
  'notecast:toggle-play',
  'notecast:next-step',
  'notecast:previous-step',
  'notecast:take-over',
  'notecast:resume',
  'notecast:restart',
  'notecast:repeat-narration',
  'notecast:show-shortcuts'
] as const;

export interface PlayerParts {
  root: Locator;
  toolbar: Locator;
  playPause: Locator;
  previous: Locator;
  next: Locator;
  takeOver: Locator;
  resume: Locator;
  speed: Locator;
  stepMode: Locator;
  slider: Locator;
  caption: Locator;
}

export function player(page: Page): PlayerParts {
  const root = page.locator(axeConfig.playerSelector).first();
  const toolbar = root.getByRole('toolbar', { name: 'Tutorial player' });
  return {
    root,
    toolbar,
    playPause: toolbar.getByRole('button', { name: /^(Play|Pause)$/ }),
    previous: toolbar.getByRole('button', { name: 'Previous step', exact: true }),
    next: toolbar.getByRole('button', { name: 'Next step', exact: true }),
    takeOver: toolbar.getByRole('button', { name: 'Take over', exact: true }),
    resume: toolbar.getByRole('button', { name: 'Resume', exact: true }),
    speed: toolbar.getByLabel('Speed'),
    stepMode: toolbar.getByRole('checkbox', { name: 'Stop after each step' }),
    slider: root.getByRole('slider', { name: 'Step' }),
    caption: root.locator('.jp-NotecastPlayer-caption')
  };
}

/** Opens a tutorial with `notecast:open` and waits for its player (or errors panel). */
export async function openTutorial(page: Page, path = TUTORIAL, timeoutMs = 60_000): Promise<void> {
  await execute(page, 'notecast:open', { path });
  const selector = path === BROKEN_TUTORIAL ? ERRORS_SELECTOR : axeConfig.playerSelector;
  await page.locator(selector).first().waitFor({ state: 'visible', timeout: timeoutMs });
}

/** The dialog in front, if any. */
export function dialog(page: Page): Locator {
  return page.locator('.jp-Dialog').last();
}

/** Waits for the "run code" consent dialog and accepts it with the keyboard. */
export async function acceptConsent(page: Page, timeoutMs = 15_000): Promise<void> {
  const allow = dialog(page).getByRole('button', { name: 'Allow running code' });
  await allow.waitFor({ state: 'visible', timeout: timeoutMs });
  await allow.focus();
  await page.keyboard.press('Enter');
  await dialog(page).waitFor({ state: 'detached', timeout: timeoutMs });
}

/** The slider's spoken value, e.g. "Step 2 of 4: Add one". */
export async function stepValueText(page: Page): Promise<string> {
  return (await player(page).slider.getAttribute('aria-valuetext')) ?? '';
}

/** Waits until the slider says `Step n of …`. */
export async function waitForStep(page: Page, n: number, timeoutMs = 60_000): Promise<void> {
  await page.waitForFunction(
    ([sel, prefix]) => {
      const slider = document.querySelector(`${sel} [role=slider], ${sel} input[type=range]`);
      return (slider?.getAttribute('aria-valuetext') ?? '').startsWith(prefix);
    },
    [axeConfig.playerSelector, `Step ${n} of `] as const,
    { timeout: timeoutMs, polling: 50 }
  );
}

/** Waits until the Play/Pause toggle is labelled `label`. */
export async function waitForToggle(page: Page, label: 'Play' | 'Pause', timeoutMs = 60_000): Promise<void> {
  await player(page).toolbar.getByRole('button', { name: label, exact: true }).waitFor({ state: 'visible', timeout: timeoutMs });
}

/** Waits until the tutorial ended (the slider's value says "finished"). */
export async function waitForEnd(page: Page, timeoutMs = 90_000): Promise<void> {
  await page.waitForFunction(
    sel => /finished/i.test(document.querySelector(`${sel} input[type=range], ${sel} [role=slider]`)?.getAttribute('aria-valuetext') ?? ''),
    axeConfig.playerSelector,
    { timeout: timeoutMs, polling: 100 }
  );
}

/** The source of every cell of the notebook in front, from its model (never the DOM). */
export async function cellSources(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const shell = (window.jupyterapp as unknown as { shell: { widgets(area: string): Iterable<unknown> } }).shell;
    for (const widget of shell.widgets('main')) {
      const panel = widget as { content?: { model?: { sharedModel?: { cells: Array<{ getSource(): string }> } } }; node: HTMLElement };
      if (panel.node.classList.contains('jp-NotebookPanel') && panel.content?.model?.sharedModel) {
        return panel.content.model.sharedModel.cells.map(cell => cell.getSource());
      }
    }
    return [];
  });
}

/** The keybindings JupyterLab registered for Notecast commands (live registry). */
export async function notecastKeyBindings(page: Page): Promise<Array<{ command: string; keys: string[]; selector: string }>> {
  return page.evaluate(() => {
    const commands = (
      window.jupyterapp as unknown as { commands: { keyBindings: ReadonlyArray<{ command: string; keys: readonly string[]; selector: string }> } }
    ).commands;
    return commands.keyBindings.filter(b => b.command.startsWith('notecast:')).map(b => ({ command: b.command, keys: [...b.keys], selector: b.selector }));
  });
}

/** Every keybinding in the live registry. */
export async function allKeyBindings(page: Page): Promise<Array<{ command: string; keys: string[]; selector: string }>> {
  return page.evaluate(() => {
    const commands = (
      window.jupyterapp as unknown as { commands: { keyBindings: ReadonlyArray<{ command: string; keys: readonly string[]; selector: string }> } }
    ).commands;
    return commands.keyBindings.map(b => ({ command: b.command, keys: [...b.keys], selector: b.selector }));
  });
}

/** Waits until no cell of any open notebook shows the running prompt `[*]`. */
export async function waitForNoRunningCell(page: Page, timeoutMs = 60_000): Promise<void> {
  await page.waitForFunction(
    () => ![...document.querySelectorAll('.jp-Cell .jp-InputPrompt')].some(prompt => prompt.textContent?.includes('*')),
    undefined,
    { timeout: timeoutMs, polling: 50 }
  );
}

/** Waits until a toolbar control is enabled (no aria-disabled="true"). */
export async function waitForEnabled(control: Locator, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await control.getAttribute('aria-disabled')) === 'true') {
    if (Date.now() > deadline) throw new Error(`${String(control)} stayed disabled`);
    await new Promise(done => setTimeout(done, 50));
  }
}

/**
 * Plays the fixture with the keyboard from the toolbar's Play/Pause, through the learner's
 * turn at step 3, to the end, and waits for its last run and last messages. `beforePlay`
 * runs once focus is on Play (e.g. to start the virtual screen reader).
 */
export async function playThroughWithKeyboard(page: Page, beforePlay?: () => Promise<void>): Promise<void> {
  const p = player(page);
  await p.playPause.focus();
  await beforePlay?.();
  await page.keyboard.press('Enter');
  await acceptConsent(page);
  await waitForStep(page, 3);
  await waitForToggle(page, 'Play');
  await p.playPause.focus();
  await page.keyboard.press('Enter');
  await waitForEnd(page);
  await waitForNoRunningCell(page);
  await page.waitForTimeout(500);
}
