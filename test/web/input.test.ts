/**
 * The web player with what a page may give it: a missing or broken `src`, a script that fails
 * validation, a tutorial with compile errors, markup where text belongs (in narration, titles,
 * cells and outputs), baked outputs, `try-url` of every kind, and a page in French. The player
 * shows and announces what went wrong in its own area; the rest of the page is untouched.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { compile } from '../../src/compiler/index.js';
import type { Script } from '../../src/format/index.js';
import { fromRoot } from '../helpers/paths.js';
import { openWatchedPage, waitForPlayer, webSuite, type PlayerElement, type WatchedPage } from './site.js';

const suite = webSuite();

async function withPage(run: (watched: WatchedPage) => Promise<void>, options?: Parameters<Browser['newContext']>[0]): Promise<void> {
  const watched = await openWatchedPage(suite.browser, options);
  try {
    await run(watched);
    assert.deepEqual(watched.foreign, [], 'no request leaves 127.0.0.1');
    assert.deepEqual(
      watched.pageErrors.map(error => error.message),
      [],
      'no uncaught error in the page'
    );
  } finally {
    await watched.context.close();
  }
}

/** The player's message area and its assertive live region's text. */
async function problem(page: Page): Promise<{ message: string; alert: string; heading: string | null }> {
  await page.waitForFunction(() => document.querySelector<PlayerElement>('notecast-player')!.state === 'failed');
  return page.evaluate(() => {
    const root = document.querySelector('notecast-player')!.shadowRoot!;
    return {
      message: root.querySelector('.nc-message')!.textContent ?? '',
      alert: document.querySelector('notecast-player > .notecast-live [aria-live="assertive"]')!.textContent ?? '',
      heading: document.querySelector('h1')?.textContent ?? null
    };
  });
}

test('a missing src says it could not be read (HTTP 404), in the player, announced once', async () => {
  await withPage(async ({ page }) => {
    await page.goto(suite.site.page('missing.html', '<notecast-player src="nowhere.md"></notecast-player>'));
    const { message, alert, heading } = await problem(page);
    assert.match(message, /nowhere\.md cannot play/);
    assert.match(message, /nowhere\.md could not be read \(HTTP 404\)/);
    assert.match(alert, /nowhere\.md could not be read \(HTTP 404\)/);
    assert.equal(heading, 'A page with a tutorial', 'the page is untouched');
    assert.equal(await page.locator('notecast-player').getByRole('button', { name: 'Play' }).isVisible(), false, 'no controls for nothing');
  });
});

test('a tutorial with errors lists them positioned as file:line:column', async () => {
  suite.site.file('broken.md', readFileSync(fromRoot('test/a11y/fixtures/broken.md'), 'utf8'));
  await withPage(async ({ page }) => {
    await page.goto(suite.site.page('broken.html', '<notecast-player src="broken.md"></notecast-player>'));
    const { message } = await problem(page);
    assert.match(message, /broken\.md:\d+:\d+: /);
  });
});

test('a .json script that fails validation, and one that is not JSON, are shown with their positions', async () => {
  suite.site.file('invalid.json', JSON.stringify({ version: 1, title: 'x', kernel: 'python3', cells: {}, steps: [{ title: 's' }] }, null, 2));
  suite.site.file('not-json.json', '{ "version": 1,\n  oops }');
  await withPage(async ({ page }) => {
    await page.goto(suite.site.page('invalid.html', '<notecast-player src="invalid.json"></notecast-player>'));
    assert.match((await problem(page)).message, /invalid\.json:\d+:\d+: /);
    await page.goto(suite.site.page('not-json.html', '<notecast-player src="not-json.json"></notecast-player>'));
    assert.match((await problem(page)).message, /not-json\.json:2:\d+: /);
  });
});

const MARKUP = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>';

test('markup in the title, narration, cells and outputs is shown as text, never run or loaded', async () => {
  const markdown = `---
title: "Title ${MARKUP.replace(/"/g, "'")}"
---

# Step ${MARKUP}

Narration ${MARKUP}

:::type{cell=code}
\`\`\`python
print("${MARKUP.replace(/"/g, "'")}")
\`\`\`
:::

:::run
\`\`\`text
${MARKUP}
\`\`\`
:::

:::type{cell=notes type=markdown}
\`\`\`markdown
Notes ${MARKUP} [link](javascript:window.pwned=3)
\`\`\`
:::

:::run
:::
`;
  suite.site.file('markup.md', markdown);
  const { script } = compile(markdown, { path: 'markup.md' });
  assert.ok(script);
  const code = script.steps[0].operations.find(operation => operation.op === 'run')!;
  Object.assign(code, {
    outputs: [
      { type: 'stream', name: 'stdout', text: MARKUP },
      { type: 'html', html: `<b>bold</b>${MARKUP}<img src="http://evil.example/t.gif">` },
      { type: 'image', mime: 'image/svg+xml', data: `<svg xmlns="http://www.w3.org/2000/svg"><script>parent.pwned=4</script></svg>`, text: 'svg' },
      { type: 'error', ename: 'ValueError', evalue: MARKUP }
    ]
  });
  suite.site.file('markup.json', JSON.stringify(script));
  // No CSP on this page: what keeps the markup inert must be the player, not the policy.
  for (const src of ['markup.md', 'markup.json']) {
    await withPage(async ({ page }) => {
      suite.site.file(
        `markup-${src}.html`,
        `<!doctype html><html lang="en"><head><title>t</title><script type="module" src="/web/notecast-player.js"></script></head><body><h1>Page</h1><notecast-player src="${src}"></notecast-player></body></html>`
      );
      await page.goto(`${suite.site.server.url}/markup-${src}.html`);
      await waitForPlayer(page);
      await page.evaluate(() => document.querySelector<PlayerElement>('notecast-player')!.seek(99));
      await page.waitForFunction(() => document.querySelector<PlayerElement>('notecast-player')!.state === 'ended');
      await page.waitForTimeout(500);
      const found = await page.evaluate(() => {
        const root = document.querySelector('notecast-player')!.shadowRoot!;
        const all = [...document.querySelectorAll('*'), ...root.querySelectorAll('*')];
        return {
          pwned: (window as unknown as { pwned?: number }).pwned,
          images: all.filter(node => node.tagName === 'IMG').map(node => node.getAttribute('src')?.slice(0, 30)),
          scripts: all.filter(node => node.tagName === 'SCRIPT').length,
          links: all.filter(node => node.tagName === 'A').map(node => node.getAttribute('href')),
          frames: [...root.querySelectorAll('iframe')].map(frame => ({ sandbox: frame.getAttribute('sandbox'), srcdoc: frame.srcdoc.slice(0, 120) })),
          title: root.querySelector('.nc-title')!.textContent,
          text: root.textContent + document.body.textContent
        };
      });
      assert.equal(found.pwned, undefined, `${src}: nothing ran`);
      assert.equal(found.scripts, 1, `${src}: only the page's own script element`);
      assert.ok(
        found.images.every(image => image?.startsWith('data:image/svg+xml')),
        `${src}: ${JSON.stringify(found.images)}`
      );
      assert.ok(
        found.links.every(href => href === null),
        `${src}: the javascript: link is no link: ${JSON.stringify(found.links)}`
      );
      assert.match(found.title ?? '', /Title <img src=x onerror=/);
      assert.ok(found.text.includes('Narration <img src=x onerror="window.pwned=1"><script>'), `${src}: narration as text`);
      if (src === 'markup.json') {
        assert.deepEqual(
          found.frames.map(frame => frame.sandbox),
          ['']
        );
        assert.match(found.frames[0].srcdoc, /^<meta http-equiv="Content-Security-Policy" content="default-src 'none'/);
        assert.ok(found.text.includes('ValueError: <img src=x'), 'the error as text');
      }
    });
  }
});

function bakedScript(): Script {
  const { script } = compile(readFileSync(fromRoot('tutorials/01-python-basics.md'), 'utf8'), { path: '01-python-basics.md' });
  assert.ok(script);
  const runs = script.steps.flatMap(step => step.operations.filter(operation => operation.op === 'run'));
  Object.assign(runs[0], { outputs: [{ type: 'stream', name: 'stdout', text: 'Hello, notebook!\n' }] });
  Object.assign(runs[1], {
    alt: 'A red square',
    outputs: [
      { type: 'image', mime: 'image/png', data: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==' }
    ]
  });
  return script;
}

test("baked outputs are shown (text, an image with the author's alt); a run not baked says so and shows what is expected", async () => {
  suite.site.file('baked.json', JSON.stringify(bakedScript()));
  await withPage(async ({ page }) => {
    await page.goto(suite.site.page('baked.html', '<notecast-player src="baked.json"></notecast-player>'));
    await waitForPlayer(page);
    await page.evaluate(() => document.querySelector<PlayerElement>('notecast-player')!.seek(5));
    await page.waitForFunction(() => document.querySelector<PlayerElement>('notecast-player')!.step === 5);
    await page.waitForTimeout(300);
    const outputs = page.locator('notecast-player .nc-outputs');
    assert.equal((await outputs.nth(0).textContent())?.trim(), 'Hello, notebook!');
    assert.equal(await outputs.nth(1).locator('img').getAttribute('alt'), 'A red square');
    assert.match((await outputs.nth(2).textContent()) ?? '', /Output appears when you run it yourself\.Expected output:3 meetings, 80 minutes in all/);
  });
});

test('try-url: a JupyterLite address gets the tutorial and the step; javascript: shows a message and no button', async () => {
  await withPage(async ({ page, context }) => {
    await page.goto(
      suite.site.page('try.html', '<notecast-player src="/tutorials/01-python-basics.md" step="3" try-url="/lite/lab/index.html"></notecast-player>')
    );
    await waitForPlayer(page);
    await page.waitForFunction(() => document.querySelector<PlayerElement>('notecast-player')!.step === 3);
    const button = page.locator('notecast-player').getByRole('button', { name: 'Try it' });
    assert.equal(await button.isVisible(), true);
    const description = await button.evaluate(
      node => (node.getRootNode() as ShadowRoot).getElementById(node.getAttribute('aria-describedby')!)!.textContent
    );
    assert.equal(description, 'Opens this tutorial at step 3 in a real notebook, in a new tab.');
    const [popup] = await Promise.all([context.waitForEvent('page'), button.click()]);
    assert.equal(popup.url(), `${suite.site.server.url}/lite/lab/index.html?notecast=tutorials%2F01-python-basics.md&step=3`);
    await popup.close();
    await page.evaluate(() => document.querySelector('notecast-player')!.setAttribute('try-url', 'javascript:alert(1)//lab'));
    assert.equal(await button.isVisible(), false);
    assert.match((await page.locator('notecast-player .nc-message').textContent()) ?? '', /must start with http: or https:/);
  });
});

test('a page in French: the player speaks French, the tutorial keeps its language, and its translation is offered', async () => {
  await withPage(async ({ page }) => {
    await page.goto(suite.site.page('fr.html', '<notecast-player src="/tutorials/01-python-basics.md"></notecast-player>', { lang: 'fr' }));
    await waitForPlayer(page);
    const player = page.locator('notecast-player');
    assert.equal(await player.getByRole('button', { name: 'Lecture' }).count(), 1);
    assert.equal(await player.getByRole('region', { name: /^Lecteur/ }).getAttribute('aria-label'), 'Lecteur de tutoriel\u00a0: Python basics');
    assert.match((await player.locator('input[type=range]').getAttribute('aria-valuetext')) ?? '', /^Étape 1 sur 6/);
    assert.equal(await player.locator('.nc-title').getAttribute('lang'), 'en');
    const menu = player.locator('select.nc-language');
    await menu.waitFor({ state: 'visible' });
    await menu.selectOption('/tutorials/01-python-basics.fr.md');
    await page.waitForFunction(() => document.querySelector('notecast-player')!.getAttribute('src')!.endsWith('.fr.md'));
    await waitForPlayer(page);
    await page.waitForFunction(() => document.querySelector('notecast-player')!.shadowRoot!.querySelector('.nc-title')!.getAttribute('lang') === 'fr');
  });
});
