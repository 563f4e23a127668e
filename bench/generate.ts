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
