/**
 * A recorded run as a `::run` or `:::run` block: the output the author saw as
 * its expected output, and `error=` when the run raised, so the tutorial
 * passes its own `notecast test`.
 *
 * Expected output is compared with line ends as `\n` (`normalizeOutput`), so
 * `\r\n` and a lone `\r` are written as `\n`. What a tutorial cannot hold (a
 * NUL, half of a surrogate pair) and the middle of a very long output become
 * `...` under `match=ellipsis`, which matches any text there.
 */
import { ELLIPSIS, normalizeOutput } from '../format/index.js';
import { attributeValue, container, fencedBlock } from './markdown-text.js';
import type { RecordedRun } from './recording.js';

/** The most characters of output written as expected output; the middle of a longer one is elided. */
export const MAX_EXPECTED_OUTPUT = 16 * 1024;

/** An exception name as `error=` takes one (the compiler's rule). */
const EXCEPTION_NAME = /^(?=.{1,200}$)[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

// A NUL, or half of a surrogate pair: a UTF-8 tutorial cannot hold them.
// eslint-disable-next-line no-control-regex
const UNWRITABLE = /(?:\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff])+/g;

export interface RunBlock {
  text: string;
  /** What the author should know about it, if anything. */
  notes: Array<{ kind: 'output-shortened' | 'error-not-named'; message: string }>;
}

export function runBlock(cellName: string, run: Pick<RecordedRun, 'output' | 'error'>): RunBlock {
  const notes: RunBlock['notes'] = [];
  let attributes = `cell=${cellName}`;
  if (run.error !== undefined) {
    if (EXCEPTION_NAME.test(run.error)) {
      attributes += ` error=${attributeValue(run.error)}`;
    } else {
      notes.push({
        kind: 'error-not-named',
        message: `Cell ${cellName} raised ${run.error ? `"${run.error}", which is not a name \`error=\` takes` : 'an error without a name'}: \`notecast test\` will report this run; give it \`error=NAME\` or change the cell.`
      });
    }
  }
  const normalized = normalizeOutput(run.output);
  let output = normalized.replace(UNWRITABLE, ELLIPSIS);
  let elided = output !== normalized;
  if (output.length > MAX_EXPECTED_OUTPUT) {
    const half = MAX_EXPECTED_OUTPUT / 2;
    const head = keepPair(output, half, -1);
    const tail = keepPair(output, output.length - half, 1);
    notes.push({
      kind: 'output-shortened',
      message: `Cell ${cellName} printed ${output.length.toLocaleString('en')} characters: the expected output keeps the first and last ${half.toLocaleString('en')}, with \`...\` between (\`match=ellipsis\`).`
    });
    output = `${output.slice(0, head)}${ELLIPSIS}${output.slice(tail)}`;
    elided = true;
  }
  if (output === '') {
    return { text: `::run{${attributes}}`, notes };
  }
  return { text: container(`run{${attributes}${elided ? ' match=ellipsis' : ''}}`, fencedBlock(output, 'text')), notes };
}

/** Move a cut off the middle of a surrogate pair, in direction `step`. */
function keepPair(text: string, at: number, step: -1 | 1): number {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff ? at + step : at;
}
