/**
 * Media emulation and geometry: reduced motion, forced colours, a 320 px viewport,
 * target sizes, and whether anything covers an element.
 */
import type { Page } from 'playwright-core';

export async function emulateReducedMotion(page: Page): Promise<void> {
  await page.emulateMedia({ reducedMotion: 'reduce' });
}

export async function emulateForcedColors(page: Page): Promise<void> {
  await page.emulateMedia({ forcedColors: 'active' });
}

/** 320 CSS px wide: WCAG 1.4.10's reflow width (1280 px at 400 % zoom). */
export async function useNarrowViewport(page: Page, width = 320, height = 640): Promise<void> {
  await page.setViewportSize({ width, height });
}

export interface TargetSize {
  description: string;
  width: number;
  height: number;
}

/**
 * The rendered size of every interactive element inside `selector` that is visible:
 * buttons, inputs, selects, summaries, links, and ARIA widgets. WCAG 2.5.8 asks ≥ 24×24 CSS px
 * (or enough spacing); the player aims for the size itself.
 */
export async function targetSizes(page: Page, selector: string): Promise<TargetSize[]> {
  return page.evaluate(sel => {
    const root = document.querySelector(sel);
    if (!root) return [];
    const interactive = root.querySelectorAll<HTMLElement>(
      'button, input, select, textarea, summary, a[href], [role=button], [role=slider], [role=checkbox], [tabindex]:not([tabindex="-1"])'
    );
    const sizes: TargetSize[] = [];
    for (const element of interactive) {
      const rect = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      if (rect.width === 0 || rect.height === 0 || style.visibility === 'hidden') continue;
      // A checkbox inside its <label> is targeted through the whole label.
      const label = element instanceof HTMLInputElement && element.type === 'checkbox' ? element.closest('label') : null;
      const box = label ? label.getBoundingClientRect() : rect;
      const name = (element.getAttribute('aria-label') || element.textContent || (element as HTMLInputElement).labels?.[0]?.textContent || element.tagName)
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, 60);
      sizes.push({
        description: `${element.tagName.toLowerCase()} "${name}"`,
        width: Math.round(box.width * 10) / 10,
        height: Math.round(box.height * 10) / 10
      });
    }
    return sizes;
  }, selector);
}

/**
 * Which element is painted on top at the centre and corners of `selector`'s visible box:
 * every point must belong to the element itself (or its descendants). Returns what covers it.
 */
export async function coveringElements(page: Page, selector: string): Promise<string[]> {
  return page.evaluate(sel => {
    const target = document.querySelector(sel);
    if (!target) return [`no ${sel}`];
    // The part of the element its scroll containers show: a cell scrolled half under the
    // notebook's toolbar is covered only where it is scrolled away, which is not "covered".
    let { left, top, right, bottom } = target.getBoundingClientRect();
    for (let el = target.parentElement; el; el = el.parentElement) {
      const overflow = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      if (/(auto|scroll)/.test(overflow.overflowX + overflow.overflowY) && box.width > 0 && box.height > 0) {
        left = Math.max(left, box.left);
        top = Math.max(top, box.top);
        right = Math.min(right, box.right);
        bottom = Math.min(bottom, box.bottom);
      }
    }
    left = Math.max(left, 0);
    top = Math.max(top, 0);
    right = Math.min(right, window.innerWidth) - 1;
    bottom = Math.min(bottom, window.innerHeight) - 1;
    if (right <= left || bottom <= top) return [`${sel} is not in the viewport`];
    const points: Array<[number, number]> = [
      [(left + right) / 2, (top + bottom) / 2],
      [left + 2, top + 2],
      [right - 2, top + 2],
      [left + 2, bottom - 2],
      [right - 2, bottom - 2]
    ];
    const covers = new Set<string>();
    for (const [x, y] of points) {
      const hit = document.elementFromPoint(x, y);
      if (hit && !target.contains(hit) && !hit.contains(target)) {
        covers.add(`${hit.tagName.toLowerCase()}.${String(hit.className).split(/\s+/).join('.')}`);
      }
    }
    return [...covers];
  }, selector);
}

/** Whether the page scrolls sideways (reflow fails) — the document, not inner scrollers. */
export async function hasHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
}

export interface FocusedEditorGeometry {
  /** The focused cell's editor box, rounded: [left, top, width, height], or undefined. */
  box?: [number, number, number, number];
  /** What is painted over it (see coveringElements). */
  covered: string[];
}

/**
 * Whether anything covers the cell editor that really has focus — found from
 * `document.activeElement`, not a selector — and where that editor is, so a caller can
 * wait until it stops moving before judging.
 */
export async function focusedEditorGeometry(page: Page): Promise<FocusedEditorGeometry> {
  const marked = await page.evaluate(() => {
    document.querySelectorAll('[data-notecast-focused-editor]').forEach(el => el.removeAttribute('data-notecast-focused-editor'));
    const editor = document.activeElement?.closest('.cm-editor');
    if (!editor) return undefined;
    editor.setAttribute('data-notecast-focused-editor', '');
    const r = editor.getBoundingClientRect();
    return [Math.round(r.left), Math.round(r.top), Math.round(r.width), Math.round(r.height)] as [number, number, number, number];
  });
  if (!marked) return { covered: ['focus is not in a cell editor'] };
  return { box: marked, covered: await coveringElements(page, '[data-notecast-focused-editor]') };
}
