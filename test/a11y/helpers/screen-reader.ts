/**
 * What a screen reader would say: `@guidepup/virtual-screen-reader` running inside the page.
 *
 * The package ships a self-contained browser build (`lib/esm/index.browser.js`, an ES module
 * with no imports). It is served from node_modules through a Playwright route on the page's own
 * origin — nothing is fetched from the network — and loaded with a dynamic `import()`, so the
 * page keeps its own origin, cookies and CSP.
 *
 * The virtual screen reader logs live-region changes as `polite: <text>` / `assertive: <text>`
 * in its spoken phrase log, interleaved with what it says for focus moves; `announcements()`
 * keeps the former. `recordAnnouncer()` is an independent second record: a MutationObserver
 * on the Notecast announcer itself, with timestamps, which the throttle tests need.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

const require = createRequire(import.meta.url);

/** The browser build, found through the package's own `package.json` (its exports hide the file). */
export const VSR_BROWSER_BUILD = join(dirname(require.resolve('@guidepup/virtual-screen-reader/package.json')), 'lib', 'esm', 'index.browser.js');

/** A path no JupyterLab route uses; the route answers it from node_modules. */
export const VSR_URL_PATH = '/__notecast-a11y__/virtual-screen-reader.js';

let bundle: string | undefined;

/** Serves the virtual screen reader to every page of the context (call before opening Lab). */
export async function serveVirtualScreenReader(context: BrowserContext): Promise<void> {
  bundle ??= readFileSync(VSR_BROWSER_BUILD, 'utf8');
  await context.route(`**${VSR_URL_PATH}`, route => route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: bundle! }));
}

interface VirtualInPage {
  start(options: { container: Node; displayCursor?: boolean }): Promise<void>;
  stop(): Promise<void>;
  spokenPhraseLog(): Promise<string[]>;
  clearSpokenPhraseLog(): Promise<void>;
  lastSpokenPhrase(): Promise<string>;
  next(): Promise<void>;
  previous(): Promise<void>;
}

declare global {
  interface Window {
    __notecastVirtual?: VirtualInPage;
  }
}

/**
 * Loads the virtual screen reader into the page (the context must be served first) and starts
 * it on `document.body`, where the announcer lives. Its log starts empty.
 */
export async function startScreenReader(page: Page): Promise<void> {
  await page.evaluate(async path => {
    if (!window.__notecastVirtual) {
      const module = (await import(/* webpackIgnore: true */ new URL(path, location.origin).href)) as {
        virtual: VirtualInPage;
      };
      window.__notecastVirtual = module.virtual;
    }
    await window.__notecastVirtual.start({ container: document.body, displayCursor: false });
    await window.__notecastVirtual.clearSpokenPhraseLog();
  }, VSR_URL_PATH);
}

export async function stopScreenReader(page: Page): Promise<void> {
  await page.evaluate(() => window.__notecastVirtual?.stop());
}

/** Everything the virtual screen reader said since it started or was last cleared. */
export async function spokenPhraseLog(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__notecastVirtual!.spokenPhraseLog());
}

export async function clearSpokenPhraseLog(page: Page): Promise<void> {
  await page.evaluate(() => window.__notecastVirtual!.clearSpokenPhraseLog());
}

export interface Announcement {
  politeness: 'polite' | 'assertive';
  text: string;
}

/** The live-region announcements in a spoken phrase log, in order. */
export function announcements(log: string[]): Announcement[] {
  const found: Announcement[] = [];
  for (const phrase of log) {
    const match = /^(polite|assertive): ([\s\S]*)$/.exec(phrase);
    if (match) found.push({ politeness: match[1] as Announcement['politeness'], text: match[2] });
  }
  return found;
}

/** A golden-file line per announcement: `polite: Step 1 of 3: …`. */
export function announcementLines(log: string[]): string[] {
  return announcements(log).map(a => `${a.politeness}: ${a.text}`);
}

// ---- a direct record of the announcer --------------------------------------------------------

export interface AnnouncerRecord {
  /** Milliseconds since recording started. */
  at: number;
  politeness: string;
  text: string;
}

declare global {
  interface Window {
    __notecastAnnouncerLog?: AnnouncerRecord[];
  }
}

/**
 * Records every non-empty text the announcer's live regions take, with a timestamp, by
 * observing `selector` (the announcer) — independent of the virtual screen reader.
 */
export async function recordAnnouncer(page: Page, selector: string): Promise<void> {
  await page.evaluate(sel => {
    const root = document.querySelector(sel);
    if (!root) throw new Error(`no ${sel} to record`);
    const start = performance.now();
    const log: AnnouncerRecord[] = (window.__notecastAnnouncerLog = []);
    const regionOf = (node: Node | null): Element | null =>
      (node instanceof Element ? node : (node?.parentElement ?? null))?.closest('[aria-live]') ?? null;
    new MutationObserver(mutations => {
      const touched = new Set<Element>();
      for (const m of mutations) {
        const region = regionOf(m.target);
        if (region && root.contains(region)) touched.add(region);
      }
      for (const region of touched) {
        const text = (region.textContent ?? '').replace(/\s+/g, ' ').trim();
        if (text) log.push({ at: Math.round(performance.now() - start), politeness: region.getAttribute('aria-live') ?? '', text });
      }
    }).observe(root, { childList: true, subtree: true, characterData: true });
  }, selector);
}

export async function announcerLog(page: Page): Promise<AnnouncerRecord[]> {
  return page.evaluate(() => window.__notecastAnnouncerLog ?? []);
}
