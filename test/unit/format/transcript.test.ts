import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { micromark } from 'micromark';
import { compile } from '../../../src/compiler/index.js';
import { buildTranscript, countLines, describeCode, renderTranscript, validateScript, type Script } from '../../../src/format/index.js';
import { fromRoot } from '../../helpers/paths.js';
import { oneCellScript } from '../../helpers/scripts.js';

const tutorial = `---
title: <script>alert(1)</script> & co
---

# Step <img src=x onerror=alert(1)>

Narration with <b>tags</b>.

:::type{cell=a}
\`\`\`python
print("<hr>")
\`\`\`
:::

::run

:::pause
Edit <i>this</i>.
:::
`;

test('the HTML transcript escapes titles, narration, prompts and code', () => {
  const { script } = compile(tutorial);
  assert.ok(script);
  const html = renderTranscript(buildTranscript(script), 'html');
  assert.ok(!/<script>|<img|<b>|<i>|<hr>/.test(html), html);
  assert.match(html, /&#60;script&#62;alert\(1\)&#60;\/script&#62; &#38; co/);
  assert.match(html, /<h2>Step 1 of 1: Step &#60;img src=x onerror=alert\(1\)&#62;<\/h2>/);
  assert.match(html, /<pre><code class="language-python">print\(&#34;&#60;hr&#62;&#34;\)<\/code><\/pre>/);
});

test('the transcript tells every action in words, with the code', () => {
  const { script } = compile(tutorial);
  assert.ok(script);
  const text = renderTranscript(buildTranscript(script), 'text');
  assert.match(text, /Step 1 of 1: Step <img/);
  assert.match(text, /\* Creates code cell 1 and types 1 line \(prints\):\n {4}print\("<hr>"\)/);
  assert.match(text, /\* Runs cell 1\./);
  assert.match(text, /\* Your turn: Edit <i>this<\/i>\./);
});

test('markdown transcripts fence code that itself holds backticks', () => {
  const fenced = tutorial.replace('```python\nprint("<hr>")\n```', '````python\n```\nx\n````');
  const { script } = compile(fenced);
  assert.ok(script);
  const markdown = renderTranscript(buildTranscript(script), 'markdown');
  assert.match(markdown, /\n {2}````python\n {2}```\n {2}x\n {2}````\n/);
});

test('code is described in a few words, never read out', () => {
  assert.equal(describeCode('def mean(values):\n    return sum(values) / len(values)'), 'defines mean');
  assert.equal(describeCode('import statistics\nx = 3\nprint(x)'), 'imports statistics, assigns x, prints');
  assert.equal(describeCode('from collections import Counter'), 'imports Counter from collections');
});

test('lines are counted as code, not as the newline that joins it to a cell', () => {
  assert.equal(countLines('x = 1'), 1);
  assert.equal(countLines('\ny = x + 1\nprint(y)'), 2);
  assert.equal(countLines('import os\n'), 1);
  assert.equal(countLines('a\n\nb'), 3);
  assert.equal(countLines(''), 0);
});

/** A valid script with one code cell that gets `code` typed into it and is run. */
function scriptTyping(code: string, fields: { kernel?: string; title?: string } = {}): Script {
  const { script, problems } = validateScript(
    oneCellScript(
      [
        { op: 'insert-cell', at: 0, cell: 'a', index: 0 },
        { op: 'type', at: 0, cell: 'a', offset: 0, text: code, duration: 10, summary: 'code' },
        { op: 'run', at: 10, cell: 'a' }
      ],
      { ...fields, step: 'One' }
    )
  );
  assert.deepEqual(problems, []);
  assert.ok(script);
  return script;
}

/** The Markdown transcript as a CommonMark renderer that allows raw HTML shows it. */
function renderedMarkdown(script: Script): string {
  return micromark(renderTranscript(buildTranscript(script), 'markdown'), { allowDangerousHtml: true, allowDangerousProtocol: true });
}

function codeBlocks(html: string): string[] {
  const decode = (text: string) =>
    text
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
  return Array.from(html.matchAll(/<pre><code(?: class="[^"]*")?>([^<]*)<\/code><\/pre>/g), match => decode(match[1]));
}

test('a kernel name from a JSON script never reaches the fence line as markup', () => {
  for (const kernel of ['x\n<script>alert(1)</script>', 'x`\n<img src=x onerror=alert(1)>', 'x ```\n<img src=x onerror=alert(1)>']) {
    const html = renderedMarkdown(scriptTyping('print(1)', { kernel }));
    assert.doesNotMatch(html, /<script|<img/, html);
    // The language is dropped rather than escaped: an info string is no place for prose.
    assert.ok(html.includes('<pre><code>print(1)\n</code></pre>'), html);
  }
});

test('a plain language token stays on the fence and in the HTML class', () => {
  const script = scriptTyping('int main() {}', { kernel: 'c++' });
  assert.match(renderTranscript(buildTranscript(script), 'markdown'), /\n {2}```c\+\+\n {2}int main\(\) \{\}\n {2}```\n/);
  assert.match(renderTranscript(buildTranscript(script), 'html'), /<pre><code class="language-c\+\+">int main\(\) \{\}<\/code><\/pre>/);
  const unsafe = renderTranscript(buildTranscript(scriptTyping('x', { kernel: 'a" onclick="alert(1)' })), 'html');
  assert.match(unsafe, /<pre><code>x<\/code><\/pre>/);
});

test('no line of typed code closes the transcript fence early: indented, tab-indented or tilde fences', () => {
  for (const code of [
    'x\n\t```\n<img src=x onerror=alert(1)>\n',
    'x\n   ````\n<script>alert(1)</script>',
    '~~~\n<img src=x onerror=alert(1)>\n~~~',
    '`````````'
  ]) {
    const html = renderedMarkdown(scriptTyping(code));
    assert.doesNotMatch(html, /<script|<img/, html);
    assert.deepEqual(codeBlocks(html), [`${code}\n`], html);
  }
});

test('transcripts show control characters in the script as visible escapes', () => {
  const script = scriptTyping('print("\u001b[31mred")', { title: 'Fake\r\u001b[2K0 errors' });
  for (const format of ['markdown', 'html', 'text'] as const) {
    const output = renderTranscript(buildTranscript(script), format);
    // eslint-disable-next-line no-control-regex
    assert.doesNotMatch(output, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/, format);
    assert.ok(output.includes('\\u001b[31mred'), format);
  }
  assert.match(renderTranscript(buildTranscript(script), 'text'), /^Fake \\u001b\[2K0 errors\n/);
});

test('text that a step deletes is quoted without splitting a character', () => {
  const { script, problems } = validateScript(
    oneCellScript(
      [
        { op: 'insert-cell', at: 0, cell: 'a', index: 0 },
        { op: 'type', at: 0, cell: 'a', offset: 0, text: '😀'.repeat(50), duration: 10 },
        { op: 'delete-text', at: 10, cell: 'a', offset: 0, length: 100 }
      ],
      { step: 'One' }
    )
  );
  assert.deepEqual(problems, []);
  assert.ok(script);
  const text = buildTranscript(script).steps[0].actions[1].text;
  assert.doesNotMatch(text, /\p{Cs}/u, 'no lone surrogate');
  assert.match(text, /^Deletes “(😀)+…” from cell 1\.$/u);
});

test("the tutorials' Markdown transcripts read as their narration and code", () => {
  for (const name of readdirSync(fromRoot('tutorials')).filter(file => file.endsWith('.md'))) {
    const { script } = compile(readFileSync(fromRoot('tutorials', name)));
    assert.ok(script, name);
    const markdown = renderTranscript(buildTranscript(script), 'markdown');
    // Plain prose needs no escapes: the raw Markdown is as readable as the rendering.
    assert.doesNotMatch(markdown, /\\/, name);
    const html = micromark(markdown);
    const blocks = codeBlocks(html);
    for (const step of script.steps) {
      for (const operation of step.operations) {
        if (operation.op === 'type') {
          assert.ok(blocks.includes(`${operation.text}\n`), `${name}: typed code is shown as it is`);
        }
      }
    }
  }
});

test('building a transcript makes no copy of the notebook per action', () => {
  // 50,000 cells, each created, typed into, edited and run: copying the notebook per action
  // would make this quadratic (tens of seconds); linear, it takes a fraction of a second.
  const cells: Script['cells'] = {};
  const operations: Script['steps'][number]['operations'] = [];
  for (let i = 0; i < 50_000; i++) {
    cells[`c${i}`] = { name: `c${i}`, type: 'code' };
    operations.push(
      { op: 'insert-cell', at: i, cell: `c${i}`, index: i },
      { op: 'type', at: i, cell: `c${i}`, offset: 0, text: `x = ${i}`, duration: 0 },
      { op: 'delete-text', at: i, cell: `c${i}`, offset: 0, length: 1 },
      { op: 'run', at: i, cell: `c${i}` }
    );
  }
  const script: Script = { version: 1, title: 'Big', kernel: 'python3', cells, steps: [{ title: 'All', narration: '', narrationMs: 0, operations }] };
  const transcript = buildTranscript(script);
  assert.equal(transcript.steps[0].actions.length, 150_000);
  assert.equal(transcript.steps[0].actions.at(-1)?.text, 'Runs cell 50000.');
  assert.equal(transcript.steps[0].actions.at(-2)?.text, 'Deletes “x” from cell 50000.');
});

test('a prompt that starts with "Your turn" is not prefixed twice, in the transcript as in the player', async () => {
  const { yourTurnPrompt, englishTranslations } = await import('../../../src/format/index.js');
  assert.equal(yourTurnPrompt('Your turn: add a fourth meeting.', englishTranslations), 'Your turn: add a fourth meeting.');
  assert.equal(yourTurnPrompt('Add a fourth meeting.', englishTranslations), 'Your turn: Add a fourth meeting.');
  const french = {
    ...englishTranslations,
    __: (text: string, ...args: Array<string | number>) => (text === 'Your turn' ? 'À vous' : englishTranslations.__(text, ...args))
  };
  assert.equal(yourTurnPrompt('À vous : ajoutez une réunion.', french), 'À vous : ajoutez une réunion.', "in the learner's language too");
});
