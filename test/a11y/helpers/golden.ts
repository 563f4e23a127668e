/**
 * Reviewed golden files (test/a11y/golden/*.txt): one line per spoken phrase.
 * `UPDATE_GOLDEN=1 make a11y` rewrites them; review the diff like code.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from '../../e2e/jupyter-server.js';

export const GOLDEN_DIR = join(REPO_ROOT, 'test', 'a11y', 'golden');
export const UPDATE_GOLDEN = process.env.UPDATE_GOLDEN === '1';

export function goldenPath(name: string): string {
  return join(GOLDEN_DIR, `${name}.txt`);
}

/** The golden lines, or undefined when the file does not exist yet. */
export function readGolden(name: string): string[] | undefined {
  const file = goldenPath(name);
  return existsSync(file) ? readFileSync(file, 'utf8').replace(/\n$/, '').split('\n') : undefined;
}

export async function writeGolden(name: string, lines: string[]): Promise<void> {
  const file = goldenPath(name);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${lines.join('\n')}\n`);
}

/** One phrase per line: newlines inside a phrase become spaces. */
export function toLines(log: string[]): string[] {
  return log.map(phrase => phrase.replace(/\s*\n\s*/g, ' '));
}
