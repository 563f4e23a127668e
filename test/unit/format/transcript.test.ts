import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compile } from '../../../src/compiler/index.js';
import { buildTranscript, countLines, describeCode, renderTranscript } from '../../../src/format/index.js';

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
