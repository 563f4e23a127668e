/**
 * What a cell's outputs showed as text, for a recorded run's expected
 * output: streams, and the plain-text form of results and displays, in
 * order (errors are not expected output; images have no text).
 */
export function outputsText(outputs: readonly unknown[]): string {
  let text = '';
  for (const output of outputs as ReadonlyArray<Record<string, unknown> | null>) {
    if (output?.output_type === 'stream') {
      text += joined(output.text);
    } else if (output?.output_type === 'execute_result' || output?.output_type === 'display_data') {
      const plain = (output.data as Record<string, unknown> | undefined)?.['text/plain'];
      if (plain !== undefined) {
        text += `${joined(plain).replace(/\n$/, '')}\n`;
      }
    }
  }
  return text;
}

/** The name of the exception in a cell's outputs (`ename` of its error output), if it raised. */
export function outputsError(outputs: readonly unknown[]): string | undefined {
  for (const output of outputs as ReadonlyArray<Record<string, unknown> | null>) {
    if (output?.output_type === 'error') {
      return typeof output.ename === 'string' ? output.ename : '';
    }
  }
  return undefined;
}

/** nbformat keeps multi-line text as a string or a list of lines. */
function joined(value: unknown): string {
  return Array.isArray(value) ? value.join('') : typeof value === 'string' ? value : '';
}
