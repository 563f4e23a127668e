/**
 * Every output format against hostile text: each payload goes into every
 * string a script can carry, the script is checked to be one the player
 * would accept, and each output is read the way its consumer reads it —
 * the Markdown transcript through a real CommonMark renderer with raw HTML
 * allowed, the HTML transcript as HTML, the text transcript as a terminal
 * would, and the JSON outputs (compiled script, notebook) parsed back.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { micromark } from 'micromark';
import { playToNotebook } from '../../src/apply/index.js';
import {
  buildTranscript,
  NotebookState,
  isEditOperation,
  parseScriptJson,
  renderTranscript,
  stringifyScript,
  validateScript,
  type Script
} from '../../src/format/index.js';

const PAYLOADS: Array<{ name: string; text: string }> = [
  { name: 'script element', text: '<script>alert(1)</script>' },
  { name: 'img with onerror', text: '<img src=x onerror=alert(1)>' },
  { name: 'svg with onload', text: '<svg onload=alert(1)>' },
  { name: 'backtick fence run', text: '```\n<script>alert(1)</script>\n```' },
  { name: 'long backtick run', text: '``````````<img src=x onerror=alert(1)>' },
  { name: 'tilde fence run', text: '~~~\n<img src=x onerror=alert(1)>\n~~~' },
  { name: 'tab-indented fence', text: 'x\n\t```\n<img src=x onerror=alert(1)>\n' },
  { name: 'space-indented fences', text: 'x\n ```\n  ~~~\n   ````\n<script>alert(1)</script>' },
  { name: 'backticks and newline (a kernel name)', text: 'k`x\n<img src=x onerror=alert(1)>' },
  { name: 'newline then HTML', text: 'a\n<script>alert(1)</script>' },
  { name: 'blank line then HTML block', text: 'a\n\n<img src=x onerror=alert(1)>' },
  { name: 'carriage returns', text: 'a\r<script>alert(1)</script>\r\n<img src=x onerror=alert(1)>' },
  { name: 'bare javascript: URL', text: 'javascript:alert(1)' },
  { name: 'javascript: link', text: '[x](javascript:alert(1))' },
  { name: 'javascript: image', text: '![x](javascript:alert(1))' },
  { name: 'javascript: autolink', text: '<javascript:alert(1)>' },
  { name: 'javascript: reference definition', text: '[x]\n\n[x]: javascript:alert(1)' },
  { name: 'HTML comment', text: '<!-- <script>alert(1)</script> -->' },
  { name: 'unclosed HTML comment', text: '<!--' },
  { name: 'CDATA', text: '<![CDATA[<script>alert(1)</script>]]>' },
  { name: 'processing instruction', text: '<?php echo 1; ?>' },
  { name: 'entity tricks', text: '&lt;script&gt;alert(1)&lt;/script&gt; &#60;img src=x onerror=alert(1)&#62; &amp;' },
  { name: 'closing pre and code', text: '</code></pre><script>alert(1)</script>' },
  { name: 'closing title and textarea', text: '</title></textarea><img src=x onerror=alert(1)>' },
  { name: 'attribute breakout', text: '" onmouseover="alert(1)" x=\' onfocus=\'alert(1)' },
  { name: 'backslash before markup', text: '\\<script>alert(1)\\</script> \\[x](javascript:alert(1))' },
  { name: 'Markdown structure', text: '# h\n- item\n> quote\n1. one\n    indented\n---\n===\n| a | b |' },
  { name: 'closing hashes of a heading', text: 'title ## \n#' },
  { name: 'setext underline', text: 'a\n---\nb\n===' },
  { name: 'emphasis and code spans', text: '*a* _b_ **c** `d` ``e``' },
  { name: 'trailing spaces before a newline', text: 'a  \nb\\\nc' },
  { name: 'HTML block kinds', text: '<div>\n\n<img src=x onerror=alert(1)>\n\n</div>\n<pre>\n<style>x</style>' },
  { name: 'terminal escapes', text: '\u001b[2J\u001b[1;1H0 errors\u001b[31m\u0007\u009b2J' },
  { name: 'NUL, backspace and DEL', text: 'a\u0000b\u0008c\u007fd' },
  { name: 'bidirectional overrides', text: 'x \u202e\u2066evil\u2069 y' },
  { name: 'text that looks like transcript structure', text: 'Step 9 of 9: forged\n* Runs cell 9.\n## Step 9 of 9: forged' }
];

/**
 * A script with the payload in every string a script carries (the kernel
 * name too, unless one is given); it passes validation.
 */
function hostileScript(payload: string, kernel = payload): Script {
  const prefix = 'x = 1';
  const value = {
    version: 1,
    title: payload,
    description: payload,
    kernel,
    cells: {
      a: { name: payload, type: 'code' },
      b: { name: payload, type: 'markdown' },
      c: { name: payload, type: 'raw' }
    },
    steps: [
      {
        title: payload,
        narration: `${payload}\n\n${payload}`,
        // The payload as every kind of narration structure: link text and address, image alt and source, list, table.
        blocks: [
          { kind: 'paragraph', content: [{ text: payload }, { text: payload, href: payload }, { text: payload, image: payload }] },
          {
            kind: 'paragraph',
            content: [
              { text: payload, href: `https://example.org/?q=${encodeURIComponent(payload)}` },
              { text: payload, image: `x.png#${encodeURIComponent(payload)}` }
            ]
          },
          { kind: 'list', ordered: true, items: [[{ text: payload }], [{ text: payload, href: payload }]] },
          { kind: 'table', header: [[{ text: payload }]], rows: [[[{ text: payload, image: payload }]]] }
        ],
        narrationMs: 0,
        operations: [
          { op: 'insert-cell', at: 0, cell: 'a', index: 0 },
          { op: 'type', at: 0, cell: 'a', offset: 0, text: `${prefix}\n${payload}`, duration: 10, summary: payload },
          { op: 'run', at: 10, cell: 'a', expect: payload },
          { op: 'narrate', at: 10, text: payload, blocks: [{ kind: 'list', ordered: false, items: [[{ text: payload, href: payload }]] }], duration: 10 },
          { op: 'run', at: 10, cell: 'a', alt: payload },
          { op: 'pause', at: 20, prompt: payload },
          { op: 'delete-text', at: 20, cell: 'a', offset: 0, length: prefix.length },
          { op: 'type', at: 20, cell: 'a', offset: 0, text: payload, duration: 10 },
          { op: 'insert-cell', at: 30, cell: 'b', index: 1 },
          { op: 'type', at: 30, cell: 'b', offset: 0, text: payload, duration: 10 },
          { op: 'insert-cell', at: 40, cell: 'c', index: 2 },
          { op: 'type', at: 40, cell: 'c', offset: 0, text: payload, duration: 10 },
          { op: 'delete-text', at: 50, cell: 'c', offset: 0, length: payload.length },
          { op: 'delete-cell', at: 50, cell: 'c' }
        ]
      },
      {
        title: `${payload} (again)`,
        narration: payload,
        narrationMs: 0,
        operations: [{ op: 'type', at: 0, cell: 'b', offset: 0, text: payload, duration: 10, summary: payload }]
      }
    ]
  };
  const { script, problems } = validateScript(value);
  assert.deepEqual(problems, [], 'the hostile script is one the player accepts');
  assert.ok(script);
  return script;
}

// What a terminal acts on: C0 controls but tab and newline, DEL, C1 controls,
// and the bidirectional overrides and isolates.
// eslint-disable-next-line no-control-regex
const TERMINAL_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

const TERMINAL_CONTROL_GLOBAL = new RegExp(TERMINAL_CONTROL.source, 'gu');

/** What the transcript shows of the payload: line endings as \n, controls made visible. */
function shown(payload: string): string {
  return payload.replace(/\r\n?/g, '\n').replace(TERMINAL_CONTROL_GLOBAL, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function assertNoControlCharacters(output: string): void {
  const found = TERMINAL_CONTROL.exec(output);
  assert.equal(found, null, `a control character (U+${found?.[0].charCodeAt(0).toString(16).padStart(4, '0')}) reached the output`);
}

interface Element {
  name: string;
  attributes: Map<string, string>;
  closing: boolean;
}

/**
 * The tags of an HTML text, strictly: every `<` must open a well-formed tag
 * (`<name attr="value">` or `</name>`); a `<` that does not (a comment,
 * CDATA, a processing instruction, a stray bracket) fails the test, as does
 * an `&` that is not a character reference. Text between tags is decoded.
 */
function parseHtml(html: string): { elements: Element[]; text: string[] } {
  const elements: Element[] = [];
  const text: string[] = [];
  const tag = /<(\/?)([a-z][a-z0-9]*)((?:\s+[a-z-]+="[^"<>]*")*)\s*\/?>/y;
  let position = 0;
  for (;;) {
    const next = html.indexOf('<', position);
    text.push(decode(html.slice(position, next < 0 ? html.length : next)));
    if (next < 0) {
      break;
    }
    if (html.startsWith('<!doctype html>', next)) {
      position = next + '<!doctype html>'.length;
      continue;
    }
    tag.lastIndex = next;
    const match = tag.exec(html);
    assert.ok(match, `a "<" that is no tag of the page: ${JSON.stringify(html.slice(next, next + 40))}`);
    const attributes = new Map<string, string>();
    for (const [, key, value] of match[3].matchAll(/([a-z-]+)="([^"]*)"/g)) {
      attributes.set(key, decode(value));
    }
    elements.push({ name: match[2], attributes, closing: match[1] === '/' });
    position = tag.lastIndex;
  }
  return { elements, text };
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

function decode(text: string): string {
  return text.replace(/&([^;\s]*);?/g, (reference, body: string) => {
    const numeric = /^#(?:x([0-9a-f]+)|([0-9]+))$/i.exec(body);
    if (numeric) {
      return String.fromCodePoint(parseInt(numeric[1] ?? numeric[2], numeric[1] ? 16 : 10));
    }
    assert.ok(Object.hasOwn(NAMED, body) && reference.endsWith(';'), `an "&" that is no character reference: ${JSON.stringify(reference)}`);
    return NAMED[body];
  });
}

const CODE_CLASS = /^language-[A-Za-z0-9_+.#-]{1,32}$/;

/** No element but the allowed ones, no attribute but the allowed ones, and none that runs script. */
function assertOnlyAllowedMarkup(elements: Element[], allowed: Record<string, Record<string, RegExp>>): void {
  for (const element of elements) {
    assert.ok(Object.hasOwn(allowed, element.name), `a <${element.name}> element appeared`);
    for (const [key, value] of element.attributes) {
      assert.ok(!/^on/i.test(key), `an event handler attribute ${key}="${value}" appeared`);
      // An address never runs script; alt text is text, and may say anything.
      assert.ok(key === 'alt' || !/javascript:/i.test(value), `a javascript: URL appeared in ${key}="${value}"`);
      assert.ok(Object.hasOwn(allowed[element.name], key), `an attribute ${key} appeared on <${element.name}>`);
      assert.match(value, allowed[element.name][key], `<${element.name} ${key}="${value}">`);
    }
  }
}

/** The text of every `<pre><code>` block, decoded. */
function codeBlocks(html: string): string[] {
  return Array.from(html.matchAll(/<pre><code(?: class="[^"]*")?>([^<]*)<\/code><\/pre>/g), match => decode(match[1]));
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A link or an image the reader may follow: the web, mail, a relative path; never `javascript:` and the like. */
const SAFE_URL = /^(https?:|mailto:|[^:]*$)/i;

const MARKDOWN_ALLOWED: Record<string, Record<string, RegExp>> = {
  h1: {},
  h2: {},
  p: {},
  ul: {},
  ol: {},
  li: {},
  a: { href: SAFE_URL },
  img: { src: SAFE_URL, alt: /[\s\S]*/ },
  pre: {},
  code: { class: CODE_CLASS }
};

const HTML_ALLOWED: Record<string, Record<string, RegExp>> = {
  html: { lang: /^en$/ },
  head: {},
  meta: { charset: /^utf-8$/ },
  title: {},
  body: {},
  main: {},
  section: {},
  h1: { lang: /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/ },
  h2: {},
  span: { lang: /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/ },
  p: { lang: /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/ },
  ol: { start: /^[0-9]+$/, lang: /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/ },
  ul: { lang: /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/ },
  li: {},
  br: {},
  a: { href: SAFE_URL },
  img: { src: SAFE_URL, alt: /[\s\S]*/ },
  table: { lang: /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/ },
  thead: {},
  tbody: {},
  tr: {},
  th: { scope: /^col$/ },
  td: {},
  pre: {},
  code: { class: CODE_CLASS }
};

/** The payload in every field, with itself as the kernel name and with a real one (so code has a language). */
function hostileScripts(payload: string): Script[] {
  return [hostileScript(payload), hostileScript(payload, 'python3')];
}

for (const { name, text: payload } of PAYLOADS) {
  test(`Markdown transcript, rendered by CommonMark with raw HTML allowed, has no live element: ${name}`, () => {
    for (const script of hostileScripts(payload)) {
      const markdown = renderTranscript(buildTranscript(script), 'markdown');
      assertNoControlCharacters(markdown);
      const html = micromark(markdown, { allowDangerousHtml: true, allowDangerousProtocol: true });
      const { elements, text } = parseHtml(html);
      assertOnlyAllowedMarkup(elements, MARKDOWN_ALLOWED);
      // The transcript's own structure survives: one title, two step headings; the first step's
      // actions in two lists around its `:::say`, itself a list, and the narration's list and table (as a list).
      const opened = (element: string) => elements.filter(({ name, closing }) => name === element && !closing).length;
      assert.deepEqual([opened('h1'), opened('h2'), opened('ul'), opened('ol')], [1, 2, 5, 1], html);
      // And the payload reads as the text it is: code exactly, prose up to white space.
      assert.ok(codeBlocks(html).includes(`${shown(payload)}\n`), `the typed code is shown exactly:\n${html}`);
      assert.ok(collapse(text.join(' ')).includes(collapse(shown(payload))), `the payload is shown as text:\n${markdown}\n${html}`);
    }
  });

  test(`HTML transcript has only the page's own markup: ${name}`, () => {
    for (const script of hostileScripts(payload)) {
      const html = renderTranscript(buildTranscript(script), 'html');
      assertNoControlCharacters(html);
      const { elements, text } = parseHtml(html);
      assertOnlyAllowedMarkup(elements, HTML_ALLOWED);
      assert.equal(elements.filter(element => element.name === 'section' && !element.closing).length, 2);
      assert.ok(codeBlocks(html).includes(shown(payload)), 'the typed code is shown exactly');
      assert.ok(text.includes(shown(payload)), 'the title, description and narration are shown as text');
    }
  });

  test(`text transcript has no character a terminal acts on: ${name}`, () => {
    for (const script of hostileScripts(payload)) {
      const text = renderTranscript(buildTranscript(script), 'text');
      assertNoControlCharacters(text);
      // Step titles stay whole on their own line.
      const title = shown(payload).replace(/\n/g, ' ');
      const lines = text.split('\n');
      assert.ok(lines.includes(`Step 1 of 2: ${title}`) && lines.includes(`Step 2 of 2: ${title} (again)`), text);
      const typed = shown(payload).replace(/\n/g, '\n    ');
      assert.ok(text.includes(`\n    ${typed}\n`), 'the typed code is shown, indented');
    }
  });

  test(`compiled script JSON and the notebook carry the payload exactly, as data: ${name}`, () => {
    const script = hostileScript(payload);
    const json = stringifyScript(script);
    assert.deepEqual(JSON.parse(json), script);
    assert.deepEqual(parseScriptJson(json).script, script);

    const notebook = JSON.parse(JSON.stringify(playToNotebook(script))) as {
      cells: Array<{ source: string | string[] }>;
      metadata: { kernelspec: { name: string } };
    };
    const expected = new NotebookState();
    for (const operation of script.steps.flatMap(step => step.operations)) {
      if (isEditOperation(operation)) {
        expected.apply(operation, script);
      }
    }
    const source = (cell: { source: string | string[] }) => (Array.isArray(cell.source) ? cell.source.join('') : cell.source);
    assert.deepEqual(
      notebook.cells.map(source),
      expected.cells.map(cell => cell.source)
    );
    assert.ok(notebook.cells.every(cell => source(cell).includes(payload)));
    assert.equal(notebook.metadata.kernelspec.name, payload);
  });
}
