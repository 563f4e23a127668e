import { fileURLToPath } from 'node:url';

/** The repository root (tests run from lib/test/…, fixtures live in the sources). */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export function fromRoot(...parts: string[]): string {
  return [ROOT.replace(/\/$/, ''), ...parts].join('/');
}

/** Regenerate expected outputs instead of comparing: `UPDATE_FIXTURES=1 make test-unit`. */
export const UPDATE_FIXTURES = process.env.UPDATE_FIXTURES === '1';
