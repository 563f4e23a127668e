import { formatBytes, type BakedOutput } from '../format/index.js';
import { MAX_KEPT_OUTPUT_CHARS, type KernelOutput } from './kernel/index.js';
import { sanitizeSvg } from './svg-sanitize.js';

/**
 * How much a baked script keeps of what the kernel showed, in bytes of JSON:
 * one output, one run's outputs, the whole script's. Past one, the output is
 * replaced by a note saying so, with a warning: never cut short silently.
 * The script stays well under the 50 MiB a `.json` script may be.
 */
export const BAKE_LIMITS = {
  output: 2 * 1024 * 1024,
  run: 5 * 1024 * 1024,
  script: 20 * 1024 * 1024
} as const;

/** What is left of the script's bound, shared by its runs in order. */
export interface BakeBudget {
  scriptLeft: number;
}

export interface BakedRun {
  outputs: BakedOutput[];
  /** Why something was replaced, refused or changed, in words for the author. */
  warnings: string[];
}

/** The form of a rich output a page can show, in Jupyter's order of preference. */
const RICH_MIMES = ['text/html', 'image/svg+xml', 'image/png', 'image/jpeg', 'text/plain'] as const;

/**
 * A run's outputs as the kernel sent them, turned into what a page without a
 * kernel can show: streams and tracebacks as plain text (no terminal escape
 * codes), each rich output in the first form of `RICH_MIMES` it has that is
 * sound (a PNG that is a PNG, an SVG that sanitizes), and each bound of
 * `BAKE_LIMITS` kept.
 */
export function bakeOutputs(outputs: readonly KernelOutput[], budget: BakeBudget): BakedRun {
  const warnings: string[] = [];
  const baked: BakedOutput[] = [];
  let runSize = 0;
  for (const output of outputs) {
    const converted = convert(output, warnings);
    if (!converted) {
      continue;
    }
    const size = Buffer.byteLength(JSON.stringify(converted));
    const what = output.output_type === 'omitted' ? 'an output' : describe(converted);
    const over =
      output.output_type === 'omitted'
        ? `is past the ${formatBytes(MAX_KEPT_OUTPUT_CHARS)} one run may show while baking`
        : size > BAKE_LIMITS.output
          ? `is ${formatBytes(size)}, over the ${formatBytes(BAKE_LIMITS.output)} one baked output may be`
          : runSize + size > BAKE_LIMITS.run
            ? `would take the run's outputs over the ${formatBytes(BAKE_LIMITS.run)} one run may keep`
            : size > budget.scriptLeft
              ? `would take the script's outputs over the ${formatBytes(BAKE_LIMITS.script)} one script may keep`
              : undefined;
    if (over) {
      warnings.push(`${what} ${over}; it is replaced by a note in the script: make the output smaller (or show less of it)`);
      baked.push({ type: 'text', text: `[${what} was left out when this tutorial was baked: it ${over}.]` });
      continue;
    }
    runSize += size;
    budget.scriptLeft -= size;
    baked.push(converted);
  }
  return { outputs: baked, warnings };
}

function convert(output: KernelOutput, warnings: string[]): BakedOutput | undefined {
  switch (output.output_type) {
    case 'stream': {
      const text = plainText(output.text);
      return text ? { type: 'stream', name: output.name === 'stderr' ? 'stderr' : 'stdout', text } : undefined;
    }
    case 'error': {
      const traceback = plainText(output.traceback.join('\n'));
      return { type: 'error', ename: output.ename, evalue: plainText(output.evalue), ...(traceback ? { traceback } : {}) };
    }
    case 'omitted':
      // Its size is over every bound: `bakeOutputs` replaces it by a note.
      return { type: 'text', text: '' };
    default:
      return convertRich(output.data, warnings);
  }
}

function convertRich(data: Record<string, unknown>, warnings: string[]): BakedOutput | undefined {
  const plain = mimeText(data['text/plain']);
  const text = plain === undefined ? {} : { text: plainText(plain) };
  for (const mime of RICH_MIMES) {
    const value = mimeText(data[mime]);
    if (value === undefined) {
      continue;
    }
    if (mime === 'text/html') {
      return { type: 'html', html: value, ...text };
    }
    if (mime === 'text/plain') {
      return { type: 'text', text: plainText(value) };
    }
    if (mime === 'image/svg+xml') {
      const sanitized = sanitizeSvg(value);
      if ('refused' in sanitized) {
        warnings.push(`an SVG image was left out: ${sanitized.refused}, so it cannot be made safe to keep`);
        continue;
      }
      if (sanitized.dropped.length > 0) {
        warnings.push(`an SVG image lost what could run code or fetch anything (${sanitized.dropped.join(', ')}) when baked`);
      }
      return { type: 'image', mime, data: sanitized.svg, ...text };
    }
    const base64 = value.replace(/\s+/g, '');
    if (!isImage(base64, mime)) {
      warnings.push(`an output said to be ${mime} is not one; it was left out`);
      continue;
    }
    return { type: 'image', mime, data: base64, ...text };
  }
  const mimes = Object.keys(data);
  if (mimes.length > 0) {
    warnings.push(`an output shown only as ${mimes.slice(0, 3).join(', ')} has no form a page can show (text, HTML, PNG, JPEG, SVG); it was left out`);
  }
  return undefined;
}

/** A MIME bundle's value as text: a string, or the notebook format's list of lines. */
function mimeText(value: unknown): string | undefined {
  if (typeof value === 'string') {
    return value;
  }
  if (Array.isArray(value) && value.every(line => typeof line === 'string')) {
    return value.join('');
  }
  return undefined;
}

/** Base64 of a PNG or JPEG: the signature at its start says so. */
function isImage(base64: string, mime: 'image/png' | 'image/jpeg'): boolean {
  if (base64.length === 0 || base64.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) {
    return false;
  }
  const head = Buffer.from(base64.slice(0, 12), 'base64');
  const signature = mime === 'image/png' ? [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] : [0xff, 0xd8, 0xff];
  return signature.every((byte, i) => head[i] === byte);
}

// Terminal escape sequences (colours in tracebacks, cursor moves), as ECMA-48 defines them.
// eslint-disable-next-line no-control-regex
const ESCAPES = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;

/**
 * Text as a terminal would leave it on screen: escape sequences gone, a
 * carriage return starting its line over (a progress bar keeps its last
 * state), and no other control characters but newline and tab.
 */
export function plainText(text: string): string {
  return (
    text
      .replace(ESCAPES, '')
      .replace(/\r\n/g, '\n')
      .split('\n')
      .map(line => line.slice(line.lastIndexOf('\r') + 1))
      .join('\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
  );
}

function describe(output: BakedOutput): string {
  switch (output.type) {
    case 'stream':
      return `the ${output.name} text`;
    case 'image':
      return `an ${output.mime} image`;
    case 'html':
      return 'an HTML output';
    case 'error':
      return 'the error';
    default:
      return 'a text output';
  }
}
