/**
 * Keyboard-only helpers: where focus is, in words, and moving it with keys alone.
 */
import type { Page } from 'playwright-core';

/** A short, stable description of `document.activeElement`. */
export interface FocusDescription {
  tag: string;
  role: string | null;
  /** Accessible-ish name: aria-label, labelled-by text, label text, or own text. */
  name: string;
  id: string;
  classes: string;
  /** Is it inside this selector (e.g. the player)? */
  inside: Record<string, boolean>;
  /** For CodeMirror editors: the index of the notebook cell it belongs to, else -1. */
  cellIndex: number;
}

export async function describeFocus(page: Page, within: string[] = []): Promise<FocusDescription> {
  return page.evaluate(selectors => {
    const element = document.activeElement as HTMLElement | null;
    const el = element ?? document.body;
    const labelledBy = el.getAttribute('aria-labelledby');
    const byId = labelledBy
      ? labelledBy
          .split(/\s+/)
          .map(id => document.getElementById(id)?.textContent ?? '')
          .join(' ')
      : '';
    const labels = (el as HTMLInputElement).labels;
    // A label's text without the text of the control inside it (a <select>'s options).
    const labelText =
      labels && labels.length
        ? [...labels]
            .map(label => {
              const copy = label.cloneNode(true) as HTMLElement;
              copy.querySelectorAll('select, input, textarea, button').forEach(control => control.remove());
              return copy.textContent ?? '';
            })
            .join(' ')
        : '';
    const name = (el.getAttribute('aria-label') || byId || labelText || el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 80);
    const cell = el.closest('.jp-Cell');
    const cells = cell ? [...(cell.parentElement?.querySelectorAll(':scope > .jp-Cell') ?? [])] : [];
    const inside: Record<string, boolean> = {};
    for (const selector of selectors) inside[selector] = el.closest(selector) !== null;
    return {
      tag: el.tagName.toLowerCase(),
      role: el.getAttribute('role'),
      name,
      id: el.id,
      classes: typeof el.className === 'string' ? el.className : '',
      inside,
      cellIndex: cell ? cells.indexOf(cell) : -1
    };
  }, within);
}

/** One line for logs and assertion messages. */
export function focusLine(focus: FocusDescription): string {
  return `${focus.tag}${focus.role ? `[role=${focus.role}]` : ''}${focus.id ? `#${focus.id}` : ''} "${focus.name}"`;
}

/**
 * Presses `key` until `done(focus)` holds or `max` presses were made; returns the focus
 * trail (one description per press), so a test can show where focus went.
 */
export async function pressUntil(
  page: Page,
  key: string,
  done: (focus: FocusDescription) => boolean,
  options: { max?: number; within?: string[] } = {}
): Promise<{ reached: boolean; trail: FocusDescription[] }> {
  const trail: FocusDescription[] = [];
  for (let i = 0; i < (options.max ?? 60); i++) {
    await page.keyboard.press(key);
    const focus = await describeFocus(page, options.within);
    trail.push(focus);
    if (done(focus)) return { reached: true, trail };
  }
  return { reached: false, trail };
}

/** Whether focus is in a text editor (CodeMirror, input, textarea, contenteditable). */
export async function focusIsInEditor(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return !!el && (el.isContentEditable || el.matches('input:not([type=range]):not([type=checkbox]), textarea') || !!el.closest('.cm-editor'));
  });
}

/** Lumino keystroke ("Alt Shift P", "Accel K") → Playwright's ("Alt+Shift+P", "Control+K"). */
export function toPlaywrightKeys(keystroke: string): string {
  return keystroke
    .trim()
    .split(/\s+/)
    .map(part => (part === 'Accel' || part === 'Ctrl' ? 'Control' : part === 'Cmd' ? 'Meta' : part))
    .join('+');
}
