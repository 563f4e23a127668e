import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { compile } from '../../../src/compiler/index.js';
import { kindOfPath, stringifyScript } from '../../../src/format/index.js';
import { kindOfContent, loadTutorialText, type CompileTutorial } from '../../../src/session/index.js';
import { fromRoot } from '../../helpers/paths.js';

const tutorial = readFileSync(fromRoot('tutorials', '01-python-basics.md'), 'utf8');

/** The compiler, counting how often loading asked for it. */
function counted() {
  const asked = { count: 0 };
  const compiler = (): CompileTutorial => {
    asked.count++;
    return compile;
  };
  return { asked, compiler };
}

test('a tutorial is told from a script by its name, or by its first character', () => {
  assert.equal(kindOfPath('a/b.JSON'), 'json');
  assert.equal(kindOfPath('a/b.md'), 'markdown');
  assert.equal(kindOfContent('\uFEFF \n {"version": 1}'), 'json');
  assert.equal(kindOfContent(new TextEncoder().encode('\uFEFF\t{')), 'json');
  assert.equal(kindOfContent('# Title\n{'), 'markdown');
});

test('a Markdown tutorial compiles into the same script as the compiler makes', async () => {
  const { asked, compiler } = counted();
  const loaded = await loadTutorialText(tutorial, { path: 't.md', compiler });
  assert.equal(asked.count, 1);
  assert.deepEqual(loaded.script, compile(tutorial).script);
  assert.deepEqual(
    loaded.problems.filter(p => p.severity === 'error'),
    []
  );
});

test('a compiled script loads without the compiler, and the same script comes back', async () => {
  const { asked, compiler } = counted();
  const script = compile(tutorial).script;
  assert.ok(script);
  const loaded = await loadTutorialText(stringifyScript(script), { path: 't.json', kind: 'json', compiler });
  assert.equal(asked.count, 0, 'the compiler is not needed for JSON');
  assert.deepEqual(loaded.script, script);
  assert.deepEqual(loaded.problems, []);
});

test('problems are positioned in the text, with their rule', async () => {
  const { compiler } = counted();
  const markdown = await loadTutorialText('---\ntitle: T\n---\n\n## Step\n\n:::nosuch\nx\n:::\n', { path: 't.md', compiler });
  const problem = markdown.problems.find(p => p.line === 7);
  assert.ok(problem, JSON.stringify(markdown.problems));
  assert.equal(problem.column, 1);
  assert.match(problem.message, /nosuch/);

  const json = await loadTutorialText('{\n  "version": 1,\n  "title": 3\n}', { path: 's.json', compiler });
  assert.equal(json.script, undefined);
  assert.ok(json.problems.length > 0);
  assert.ok(json.problems.every(p => p.severity === 'error' && p.ruleId !== undefined && p.line !== undefined));

  const broken = await loadTutorialText('{ "version": ', { path: 's.json', compiler });
  assert.equal(broken.script, undefined);
  assert.equal(broken.problems[0].line, 1);
});

test('text over the limit for its kind is one too-large problem, before any parsing', async () => {
  const { asked, compiler } = counted();
  const loaded = await loadTutorialText(new Uint8Array(10 * 1024 * 1024 + 1).fill(0x61), { path: 't.md', compiler });
  assert.equal(asked.count, 0);
  assert.equal(loaded.script, undefined);
  assert.deepEqual(
    loaded.problems.map(p => [p.ruleId, p.line, p.column, p.severity]),
    [['too-large', 1, 1, 'error']]
  );
});
