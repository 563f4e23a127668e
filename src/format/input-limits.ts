/**
 * How big an input Notecast reads, in bytes, wherever it is read (the
 * `notecast` command, the compiler, the validator, the JupyterLab player).
 * The compiler and the validator hold several views of the input while they
 * work (a syntax tree, positions, messages), so an input past these sizes
 * would exhaust memory instead of getting a message. The README's "The
 * `notecast` command" documents them.
 */
export const INPUT_LIMITS = {
  /** A Markdown tutorial: 10 MiB. */
  markdown: 10 * 1024 * 1024,
  /** A compiled `.json` script: 50 MiB. */
  json: 50 * 1024 * 1024
} as const;

export type InputKind = keyof typeof INPUT_LIMITS;

const WHAT: Record<InputKind, string> = { markdown: 'a Markdown tutorial', json: 'a .json script' };
const ADVICE: Record<InputKind, string> = {
  markdown: 'split the tutorial into several smaller ones',
  json: 'compile it from smaller tutorials'
};

/**
 * The message for an input past its limit: what was found (the size when it
 * is known), what is allowed, and what to do.
 */
export function tooLargeReason(kind: InputKind | undefined, size: number | undefined): string {
  const limit = kind ? INPUT_LIMITS[kind] : Math.max(...Object.values(INPUT_LIMITS));
  const found = size === undefined ? `more than ${formatBytes(limit)}` : `${size.toLocaleString('en')} bytes (${formatBytes(size)})`;
  const expected = kind ? `at most ${formatBytes(limit)} for ${WHAT[kind]}` : `at most ${formatBytes(limit)}, the most any input may be`;
  return `Unexpected input of ${found}, expected ${expected}: ${kind ? ADVICE[kind] : 'give a smaller file'}`;
}

/** "10 MiB", "1.5 MiB", "300 KiB", "12 bytes" */
export function formatBytes(bytes: number): string {
  const units: Array<[string, number]> = [
    ['GiB', 1024 ** 3],
    ['MiB', 1024 ** 2],
    ['KiB', 1024]
  ];
  for (const [unit, size] of units) {
    if (bytes >= size) {
      const value = bytes / size;
      return `${Number.isInteger(value) ? value : value.toFixed(1)} ${unit}`;
    }
  }
  return `${bytes} byte${bytes === 1 ? '' : 's'}`;
}

/** The UTF-8 length of a string, without encoding it. */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) {
      // Two bytes below U+0800, three above; a surrogate pair is four in all (2 + 2).
      bytes += code < 0x800 ? 1 : code >= 0xd800 && code <= 0xdfff ? 1 : 2;
    }
  }
  return bytes;
}
