/**
 * How big an input the command line reads. The compiler and the validator
 * hold several copies of the input while they work (a syntax tree, positions,
 * messages), so an input past these sizes would exhaust memory instead of
 * giving a message. The README's "The `notecast` command" documents them.
 */
export const INPUT_LIMITS = {
  /** A Markdown tutorial: 10 MiB. */
  markdown: 10 * 1024 * 1024,
  /** A compiled `.json` script: 50 MiB. */
  json: 50 * 1024 * 1024
} as const;

export type InputKind = keyof typeof INPUT_LIMITS;

/** The most any input may be, whatever its kind: what stdin is read up to before its kind is known. */
export const LARGEST_INPUT = Math.max(...Object.values(INPUT_LIMITS));

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
