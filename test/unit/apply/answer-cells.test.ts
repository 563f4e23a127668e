import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { YNotebook } from '@jupyter/ydoc';
import type * as Y from 'yjs';
import { Keyframes, NotebookApplier } from '../../../src/apply/index.js';
import { compile } from '../../../src/compiler/index.js';
import { isEditOperation, type Script } from '../../../src/format/index.js';

const notebooks: YNotebook[] = [];
afterEach(() => notebooks.splice(0).forEach(notebook => notebook.dispose()));

const TUTORIAL = `---
title: Answers
---

# Set up

:::type{cell=data}
\`\`\`python
numbers = [3, 1, 2]
\`\`\`
:::

::cell{cell=answer placeholder="Sort the numbers"}

:::pause{cell=answer}
Sort the numbers.
:::

# Go on

:::type{cell=next}
\`\`\`python
print(numbers)
\`\`\`
:::
`;

function compiled(): Script {
  const result = compile(TUTORIAL);
  assert.ok(result.script, result.file.messages.map(message => message.reason).join('\n'));
  return result.script;
}

function sourceOf(notebook: YNotebook, id: string): string | undefined {
  return (notebook.cells.find(cell => cell.id === id) as { ysource: Y.Text } | undefined)?.ysource.toJSON();
}

function learnerTypes(notebook: YNotebook, id: string, text: string): void {
  const cell = notebook.cells.find(c => c.id === id) as unknown as { ysource: Y.Text };
  notebook.transact(() => cell.ysource.insert(cell.ysource.length, text), true);
}

function played(script: Script, steps: number): { notebook: YNotebook; applier: NotebookApplier } {
  const notebook = YNotebook.create();
  notebooks.push(notebook);
  const applier = new NotebookApplier(notebook, script);
  for (const step of script.steps.slice(0, steps)) {
    for (const operation of step.operations) {
      if (isEditOperation(operation)) {
        assert.equal(applier.apply(operation), undefined);
      }
    }
  }
  return { notebook, applier };
}

test('::cell with a placeholder compiles to an empty answer cell that a pause names', () => {
  const script = compiled();
  assert.deepEqual(script.cells.answer, { name: 'answer', type: 'code', answer: true, placeholder: 'Sort the numbers' });
  const pause = script.steps[0].operations.find(operation => operation.op === 'pause');
  assert.equal(pause?.op === 'pause' ? pause.cell : undefined, 'answer');
  assert.equal(new Keyframes(script).at(1).get('answer')?.source, '');
});

test("restoring a step keeps the learner's text in an answer cell", () => {
  const script = compiled();
  const { notebook, applier } = played(script, 1);
  learnerTypes(notebook, 'answer', 'numbers.sort()');
  const keyframes = new Keyframes(script);
  applier.restore(keyframes.at(1));
  assert.equal(sourceOf(notebook, 'answer'), 'numbers.sort()');
  applier.restore(keyframes.at(2));
  assert.equal(sourceOf(notebook, 'answer'), 'numbers.sort()', 'seeking on keeps it too');
  assert.equal(sourceOf(notebook, 'next'), 'print(numbers)');
  assert.ok(!applier.matchesExpected(), 'their answer still counts as theirs, so a restore that removes the cell keeps a copy first');
});

test("a restore that leaves an answer cell empty leaves the notebook exactly the tutorial's", () => {
  const script = compiled();
  const { notebook, applier } = played(script, 1);
  applier.restore(new Keyframes(script).at(2));
  assert.ok(applier.matchesExpected());
  assert.equal(sourceOf(notebook, 'answer'), '');
});

test("restoring still replaces the learner's changes to the tutorial's own cells", () => {
  const script = compiled();
  const { notebook, applier } = played(script, 1);
  learnerTypes(notebook, 'data', '\nnumbers.append(4)');
  learnerTypes(notebook, 'answer', 'sorted(numbers)');
  applier.restore(new Keyframes(script).at(1));
  assert.equal(sourceOf(notebook, 'data'), 'numbers = [3, 1, 2]');
  assert.equal(sourceOf(notebook, 'answer'), 'sorted(numbers)');
});

test('a script that types into an answer cell, or pauses on a cell that is not one, is invalid', async () => {
  const { validateScript } = await import('../../../src/format/index.js');
  const script = compiled();
  const typing = structuredClone(script);
  typing.steps[1].operations.push({ op: 'type', at: 9000, cell: 'answer', offset: 0, text: 'x', duration: 0 });
  assert.match(validateScript(typing).problems[0]?.message ?? '', /is an answer cell/);
  const pausing = structuredClone(script);
  pausing.steps[1].operations.push({ op: 'pause', at: 9000, cell: 'data' });
  assert.match(validateScript(pausing).problems[0]?.message ?? '', /is not an answer cell/);
  assert.deepEqual(validateScript(script).problems, []);
});
