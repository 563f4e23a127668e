/**
 * What a run's outputs come to for the learner who hears them: how many
 * lines, and the start of their text, for saying one short line. Plain data
 * (nbformat outputs), so it is tested in Node.
 */
import type * as nbformat from '@jupyterlab/nbformat';

/** No more of the output's text is taken than a short line could be. */
const OUTPUT_START = 200;

/**
 * The start of what a run printed and returned as text, in order: its
 * streams and plain-text results. An output with no plain text (an image)
 * has none to say, so there is none.
 */
export function outputStart(outputs: nbformat.IOutput[]): string | undefined {
  let text = '';
  for (const output of outputs) {
    if (output.output_type === 'stream') {
      text += joinText(output.text as string | string[]);
    } else if (output.output_type === 'execute_result' || output.output_type === 'display_data') {
      const plain = (output as nbformat.IExecuteResult).data['text/plain'] as string | string[] | undefined;
      if (plain === undefined) {
        return undefined;
      }
      text += joinText(plain);
    }
    if (text.length > OUTPUT_START) {
      break;
    }
  }
  return text.slice(0, OUTPUT_START);
}

function joinText(text: string | string[]): string {
  return Array.isArray(text) ? text.join('') : text;
}

export function countOutputLines(outputs: nbformat.IOutput[]): number {
  let lines = 0;
  for (const output of outputs) {
    if (output.output_type === 'stream') {
      lines += textLines(output.text as string | string[]);
    } else if (output.output_type === 'execute_result' || output.output_type === 'display_data') {
      const data = (output as nbformat.IExecuteResult).data;
      const plain = data['text/plain'] as string | string[] | undefined;
      lines += plain !== undefined ? textLines(plain) : 1;
    }
  }
  return lines;
}

function textLines(text: string | string[]): number {
  const joined = Array.isArray(text) ? text.join('') : text;
  if (!joined) {
    return 0;
  }
  return joined.replace(/\n$/, '').split('\n').length;
}
