import { compile } from '../src/compiler/index.js';
import type { Operation, Script, Step } from '../src/format/index.js';

/**
 * A long tutorial for benchmarks: `steps` steps, each with narration, a new
 * cell, a run, and every few steps an append, a replace and a pause.
 */
export function generateTutorial(steps: number): string {
  const parts = ['---', 'title: Generated benchmark tutorial', 'description: Many steps of typical content.', '---', ''];
  for (let i = 0; i < steps; i++) {
    parts.push(
      `# Step ${i + 1}: compute value ${i}`,
      '',
      `In this step we define \`value_${i}\` from the previous result, print it, and check that it is what`,
      `we expect. At 10:30 the ratio was 3:17; *nothing* here is special, it is just typical prose.`,
      '',
      `:::type{cell=c${i} summary="defines value_${i}"}`,
      '```python',
      `value_${i} = ${i} * 2 + 1`,
      `print("value", ${i}, value_${i})`,
      '```',
      ':::',
      '',
      '::run',
      ''
    );
    if (i % 5 === 4) {
      parts.push(
        `:::type{cell=c${i}}`,
        '```python',
        `assert value_${i} == ${i * 2 + 1}`,
        '```',
        ':::',
        '',
        `:::replace{cell=c${i} find="* 2"}`,
        '```python',
        '* 2 ',
        '```',
        ':::',
        '',
        ':::pause',
        'Try changing the multiplier and run the cell again.',
        ':::',
        ''
      );
    }
  }
  return parts.join('\n');
}

/**
 * A long tutorial of short steps, for scaling runs: 50,000 steps stay under
 * the 10 MiB Markdown limit (about 150 bytes a step). Each step narrates,
 * types a new cell and runs it; every fifth step also replaces text in its
 * cell and pauses for the learner.
 */
export function generateCompactTutorial(steps: number): string {
  const parts = ['---', 'title: Generated scaling tutorial', '---', ''];
  for (let i = 0; i < steps; i++) {
    parts.push(
      `# Step ${i + 1}`,
      '',
      `We define \`v${i}\` and print it.`,
      '',
      `:::type{cell=c${i}}`,
      '```python',
      `v${i} = ${i} * 2`,
      '```',
      ':::',
      '',
      '::run',
      ''
    );
    if (i % 5 === 4) {
      parts.push(`:::replace{cell=c${i} find="* 2"}`, '```python', '* 3', '```', ':::', '', '::pause', '');
    }
  }
  return parts.join('\n');
}

/**
 * A long script without compiling a long tutorial (the compiler's own
 * scaling is measured apart): the compiled script of a generated tutorial of
 * at most 1,000 steps, repeated until it has `steps` steps. Each repetition
 * gets its own cells (`c4` becomes `c4_2` in the third) after the cells of
 * the ones before it.
 */
export function generateScript(steps: number): Script {
  const base = compile(generateTutorial(Math.min(steps, 1000))).script;
  if (!base) {
    throw new Error('the generated tutorial does not compile');
  }
  const cellsPerRepeat = base.steps
    .flatMap(step => step.operations)
    .reduce((count, operation) => count + (operation.op === 'insert-cell' ? 1 : operation.op === 'delete-cell' ? -1 : 0), 0);
  const cells: Script['cells'] = {};
  const scriptSteps: Step[] = [];
  for (let repeat = 0; scriptSteps.length < steps; repeat++) {
    const rename = (id: string) => (repeat === 0 ? id : `${id}_${repeat}`);
    for (const [id, info] of Object.entries(base.cells)) {
      cells[rename(id)] = { ...info, name: rename(info.name) };
    }
    for (const step of base.steps.slice(0, steps - scriptSteps.length)) {
      scriptSteps.push({
        ...step,
        operations: step.operations.map((operation): Operation => {
          if (!('cell' in operation) || operation.cell === undefined) {
            return operation;
          }
          const moved = { ...operation, cell: rename(operation.cell) };
          return moved.op === 'insert-cell' ? { ...moved, index: moved.index + repeat * cellsPerRepeat } : moved;
        })
      });
    }
  }
  return { ...base, cells, steps: scriptSteps };
}
