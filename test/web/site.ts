/**
 * A static site for the web player's browser tests: the built bundle (build/web, from
 * `npm run build:web`) under /web/, the tutorials under /tutorials/, and pages the tests
 * write, each with a strict Content-Security-Policy (no inline script or style), served from
 * 127.0.0.1. Every request the browser makes is routed: one to another host fails the test.
 */
import { existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../e2e/browser.js';
import { fromRoot } from '../helpers/paths.js';
import { serveStatic, type StaticServer } from '../e2e/static-server.js';

/** What a page of a test may do: scripts and styles from the site only; images also as data: URLs. */
export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-src 'self'; object-src 'none'";

export interface WebSite {
  dir: string;
  server: StaticServer;
  /** Write a page at `name` (e.g. `basics.html`) with `body` (HTML) and the player's script and stylesheet. */
  page(name: string, body: string, options?: { lang?: string }): string;
  /** Write any file of the site. */
  file(name: string, text: string): void;
  stop(): Promise<void>;
}

export async function startWebSite(): Promise<WebSite> {
  const bundle = fromRoot('build', 'web', 'notecast-player.js');
  if (!existsSync(bundle)) throw new Error(`${bundle} not found: run \`npm run build:web\` (make web) first.`);
  const dir = mkdtempSync(join(tmpdir(), 'notecast-web-'));
  symlinkSync(fromRoot('build', 'web'), join(dir, 'web'));
  symlinkSync(fromRoot('tutorials'), join(dir, 'tutorials'));
  const server = await serveStatic(dir);
  return {
    dir,
    server,
    page(name, body, options = {}) {
      writeFileSync(
        join(dir, name),
        `<!doctype html>
<html lang="${options.lang ?? 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${STRICT_CSP}">
<title>Notecast web player test</title>
<link rel="stylesheet" href="/web/notecast-player.css">
<script type="module" src="/web/notecast-player.js"></script>
</head>
<body>
<main>
<h1>A page with a tutorial</h1>
${body}
</main>
</body>
</html>
`
      );
      return `${server.url}/${name}`;
    },
    file(name, text) {
      writeFileSync(join(dir, name), text);
    },
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  /** Every URL the page asked for (data: URLs aside). */
  requests: string[];
  /** Requests to any host but 127.0.0.1: refused, and listed here for the test to fail on. */
  foreign: string[];
  pageErrors: Error[];
  /** CSP violations the page reported. */
  cspViolations: string[];
}

/** A new context and page whose every request is checked; `options` as Playwright's newContext. */
export async function openWatchedPage(browser: Browser, options: Parameters<Browser['newContext']>[0] = {}): Promise<WatchedPage> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const watched: WatchedPage = { context, page, requests: [], foreign: [], pageErrors: [], cspViolations: [] };
  await context.route('**/*', async route => {
    const url = new URL(route.request().url());
    watched.requests.push(url.href);
    if (url.hostname !== '127.0.0.1') {
      watched.foreign.push(url.href);
      await route.abort('blockedbyclient');
    } else {
      await route.continue();
    }
  });
  page.on('pageerror', error => watched.pageErrors.push(error));
  page.on('console', message => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) watched.cspViolations.push(message.text());
  });
  return watched;
}

/** Wait until the player on `page` (the first, or `selector`) has loaded: a state other than `loading`. */
export async function waitForPlayer(page: Page, selector = 'notecast-player'): Promise<string> {
  await page.waitForFunction(sel => {
    const player = document.querySelector<HTMLElement & { state?: string }>(sel);
    return player?.state !== undefined && player.state !== 'loading';
  }, selector);
  return page.evaluate(sel => document.querySelector<HTMLElement & { state: string }>(sel)!.state, selector);
}

/** The site and a browser for the tests of one file: started before them, stopped after them. */
export function webSuite(): { readonly site: WebSite; readonly browser: Browser } {
  const suite = {} as { site: WebSite; browser: Browser };
  before(async () => {
    suite.site = await startWebSite();
    suite.browser = await launchBrowser();
  });
  after(async () => {
    await suite.browser?.close();
    await suite.site?.stop();
  });
  return suite;
}

/** `<notecast-player>` as the tests drive it (its JavaScript API). */
export interface PlayerElement extends HTMLElement {
  state: string;
  step: number;
  speed: number;
  play(): Promise<void>;
  pause(): Promise<void>;
  seek(step: number): Promise<void>;
}
