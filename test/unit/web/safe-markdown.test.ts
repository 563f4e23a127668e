import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderMarkdown, safeImage, safeLink } from '../../../src/web/index.js';

test('raw HTML in a Markdown cell is shown as text, never passed through', () => {
  const html = renderMarkdown('Hello <script>alert(1)</script> and <img src=x onerror="alert(2)">\n\n<div onclick="x()">block</div>');
  assert.ok(!/<script|<img|<div/i.test(html), html);
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.match(html, /&lt;img src=x onerror=&quot;alert\(2\)&quot;&gt;/);
});

test('links keep http, https, mailto and relative targets only', () => {
  const html = renderMarkdown(
    '[a](https://example.org/x) [b](http://example.org) [c](mailto:me@example.org) [d](../other.html#step-2) [e](javascript:alert(1)) [f](JaVaScRiPt:alert(1)) [g](data:text/html,x) [h](vbscript:x) [i](irc://x) [j](java&#9;script:alert(1))'
  );
  for (const kept of ['https://example.org/x', 'http://example.org', 'mailto:me@example.org', '../other.html#step-2']) {
    assert.ok(html.includes(`href="${kept}"`), `${kept} kept in ${html}`);
  }
  assert.equal((html.match(/href=/g) ?? []).length, 4, html);
  assert.ok(!/javascript|vbscript|data:|irc:/i.test(html.replace(/>[^<]*</g, '><')), html);
});

test("images load only from the page's own site; others become their alt text", () => {
  const html = renderMarkdown(
    '![a chart](chart.png) ![tracker](https://evil.example/t.gif) ![proto](//evil.example/t.gif) ![d](data:image/png;base64,AAAA)'
  );
  assert.match(html, /<img src="chart.png" alt="a chart" \/>/);
  assert.equal((html.match(/<img/g) ?? []).length, 1, html);
  assert.ok(html.includes('tracker') && !html.includes('evil.example'), html);
});

test('safeLink and safeImage read the scheme as a browser does', () => {
  assert.equal(safeLink(' javascript:alert(1)'), false);
  assert.equal(safeLink('java\nscript:alert(1)'), false);
  assert.equal(safeLink('&#106;avascript:alert(1)'), false);
  assert.equal(safeLink(''), false);
  assert.equal(safeLink('#step-3'), true);
  assert.equal(safeLink('HTTPS://example.org'), true);
  assert.equal(safeImage('img/a.png'), true);
  assert.equal(safeImage('//cdn.example/a.png'), false);
  assert.equal(safeImage('\\\\cdn.example/a.png'), false);
  assert.equal(safeImage('https://cdn.example/a.png'), false);
});
