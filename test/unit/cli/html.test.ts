/**
 * `notecast html`'s page, without a browser (test/e2e/web-html.test.ts plays it in Chromium):
 * the tutorial's text stays data whatever it holds, the CSP allows exactly the page's own code,
 * and the command's usage and output rules.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { compile } from '../../../src/compiler/index.js';
import { jsonForScriptElement, onePage, SCRIPT_ID } from '../../../src/cli/one-file-page.js';
import { runCli } from './run-cli.js';

const HOSTILE = '</script><script>alert(1)</script><!-- <img src=x onerror=alert(2)>';

function hostileScript() {
  const markdown = `---\ntitle: "${HOSTILE.replace(/"/g, '\\"')}"\n---\n\n# Step ${HOSTILE}\n\n${HOSTILE}\n\n:::type{cell=a}\n\`\`\`python\nprint("${HOSTILE.replace(/"/g, '\\"')}")\n\`\`\`\n:::\n`;
  const { script, file } = compile(markdown, { path: 'hostile.md' });
  assert.ok(script, file.messages.map(String).join('; '));
  return script;
}

test('a tutorial holding </script>, <!-- and markup stays JSON data in the page and reads back unchanged', () => {
  const script = hostileScript();
  const page = onePage(script, { lang: 'en', name: 'hostile.md', player: 'console.log(1)' });
  assert.equal(page.match(/<script/gi)?.length, 2, 'the JSON and the player: no third script element');
  assert.equal(page.match(/<\/script>/gi)?.length, 2);
  const json = /<script type="application\/json" id="notecast-script" data-name="hostile\.md">(.*?)<\/script>/s.exec(page)?.[1];
  assert.ok(json, `the ${SCRIPT_ID} element`);
  assert.ok(!json.includes('<'), 'no < at all inside the JSON');
  assert.deepEqual(JSON.parse(json), JSON.parse(JSON.stringify(script)));
  assert.match(page, /<title>&lt;\/script&gt;&lt;script&gt;alert\(1\)/, 'the title as text');
  assert.equal(jsonForScriptElement({ a: '</b>' }), '{"a":"\\u003c/b>"}');
});

test("the page's CSP allows its own player by hash, inline styles, data: URLs, and nothing from any host", () => {
  const player = 'customElements.define("x-y", class extends HTMLElement {})';
  const page = onePage(hostileScript(), { lang: 'fr', name: 't.md', player });
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(page)?.[1] ?? '';
  const hash = createHash('sha256').update(player).digest('base64');
  assert.match(csp, /^default-src 'none'; /);
  assert.ok(csp.includes(`script-src 'sha256-${hash}'`), csp);
  assert.doesNotMatch(csp, /https?:|\*|'unsafe-eval'/, 'no host, no wildcard, no eval');
  assert.doesNotMatch(/script-src [^;]*/.exec(csp)?.[0] ?? '', /unsafe/, 'no inline script but the player');
  assert.match(page, /^<!doctype html>\n<html lang="fr">/);
  assert.throws(() => onePage(hostileScript(), { lang: 'en', name: 't.md', player: 'x="</script>"' }), /cannot be inlined/);
});

test('notecast html: a bad --lang is a usage error, -o over the input is refused, a broken tutorial writes nothing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'notecast-html-unit-'));
  try {
    const tutorial = join(dir, 'lesson.md');
    writeFileSync(tutorial, readFileSync(new URL('../../../../tutorials/01-python-basics.md', import.meta.url)));
    const badLang = await runCli('html', tutorial, '--lang', 'fr"><script>', '-o', join(dir, 'x.html'));
    assert.equal(badLang.code, 2);
    assert.match(badLang.stderr, /--lang "fr"><script>" is not a language tag \(e\.g\. en, fr, pt-BR\)/);
    const over = await runCli('html', tutorial, '-o', tutorial);
    assert.equal(over.code, 2, over.stderr);
    assert.ok(readFileSync(tutorial, 'utf8').startsWith('---'), 'the tutorial is kept');
    const broken = join(dir, 'broken.md');
    writeFileSync(broken, '# No front matter\n\n::run{cell=nowhere}\n');
    const out = join(dir, 'broken.html');
    const failed = await runCli('html', broken, '-o', out);
    assert.equal(failed.code, 1);
    assert.match(failed.stderr, /broken\.md:\d+:\d+: error: /);
    assert.throws(() => readFileSync(out), /ENOENT/, 'no page written');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
