import type { Script } from './script.js';

/**
 * Write a script as JSON that reads and diffs well in review: indented
 * structure, one operation per line. It parses back to the same value.
 */
export function stringifyScript(script: Script): string {
  const steps = script.steps.map(step => {
    const { operations, ...rest } = step;
    const head = JSON.stringify(rest, null, 2).slice(0, -2).replace(/\n/g, '\n    ');
    const ops = operations.map(operation => `        ${JSON.stringify(operation)}`).join(',\n');
    return `    ${head},\n      "operations": [${ops ? `\n${ops}\n      ` : ''}]\n    }`;
  });
  const { steps: _steps, ...top } = script;
  const head = JSON.stringify(top, null, 2).slice(0, -2);
  return `${head},\n  "steps": [\n${steps.join(',\n')}\n  ]\n}\n`;
}
