/** An SVG kept in a baked script: nothing in it may run code or fetch anything. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sanitizeSvg } from '../../../src/cli/svg-sanitize.js';

function kept(source: string): string {
  const result = sanitizeSvg(source);
  assert.ok('svg' in result, `refused: ${'refused' in result ? result.refused : ''}`);
  return result.svg;
}

test('a plain picture is kept as it was', () => {
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><g fill="red"><circle cx="5" cy="5" r="4"/></g><text x="1">a &amp; b</text></svg>';
  assert.equal(kept(svg), svg);
});

test('scripts and foreignObject go with everything inside them, whatever their prefix or case', () => {
  const svg = kept(
    '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><svg:SCRIPT><![CDATA[alert(2)]]></svg:SCRIPT>' +
      '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml"><iframe src="x"/></div></foreignObject><rect/></svg>'
  );
  assert.equal(svg, '<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>');
});

test('event handlers and links out of the picture are dropped; links inside it stay', () => {
  const svg = kept(
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" onload="alert(1)">' +
      '<a href="javascript:alert(1)"><use xlink:href="#dot" onClick=\'x()\'/></a>' +
      '<image href="https://example.com/track.png"/><use href=" jav&#x61;script:x"/></svg>'
  );
  assert.doesNotMatch(svg, /onload|onClick|javascript|example\.com|jav/i);
  assert.match(svg, /<use xlink:href="#dot"\/>/);
});

test('styles that fetch are dropped, in attributes and in style elements, escaped or not', () => {
  const svg = kept(
    '<svg xmlns="http://www.w3.org/2000/svg"><style>@import "https://x/y.css";</style><style><![CDATA[rect{fill:url(#g)}]]></style>' +
      '<rect style="fill:u&#x72;l(https://x/p)"/><rect fill="url(#g)"/><rect style="background:\\75rl(https://x)"/></svg>'
  );
  assert.doesNotMatch(svg, /https|import/);
  assert.match(svg, /rect\{fill:url\(#g\)\}/);
  assert.match(svg, /<rect fill="url\(#g\)"\/>/);
});

test('animations that set a link are dropped', () => {
  const svg = kept('<svg xmlns="http://www.w3.org/2000/svg"><a><set attributeName="href" to="javascript:alert(1)"/><text>go</text></a></svg>');
  assert.doesNotMatch(svg, /set|javascript/);
});

test('comments, processing instructions (the XML declaration too) and a plain doctype go', () => {
  const svg = kept('<?xml version="1.0"?><?xml-stylesheet href="https://x/s.css"?><!DOCTYPE svg><!-- hi --><svg xmlns="http://www.w3.org/2000/svg"/>');
  assert.equal(svg, '<svg xmlns="http://www.w3.org/2000/svg"/>');
});

test('what cannot be read safely is refused, never passed through', () => {
  for (const source of [
    '<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg>&x;</svg>',
    '<svg><rect width=10/></svg>',
    '<svg><g></svg>',
    '<svg><rect/>',
    '<svg><!-- open',
    '<div>not a picture</div>',
    '<svg><rect x="1" <script>alert(1)</script>/></svg>'
  ]) {
    assert.ok('refused' in sanitizeSvg(source), source);
  }
});
