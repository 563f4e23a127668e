/**
 * Every document a source file cites is in the repository: a Markdown link to a Markdown file, a
 * path into docs/, or a document named in capitals (the README, the changelog). Lower-case names
 * without a folder (a lesson, a translation) are examples of the user's files, not citations.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { test } from 'node:test';
import { fromRoot, ROOT } from '../../helpers/paths.js';

/** Folders that hold no source of ours: installed packages, build output, recorded fixtures. */
const SKIP = new Set([
  'node_modules',
  'lib',
  'build',
  'dist',
  '.git',
  '.venv',
  '.venv-rtc',
  'labextension',
  'locale',
  'fixtures',
  'golden',
  'baseline',
  '__pycache__'
]);
const TEXT = /\.(ts|mts|mjs|js|py|md|json|css|toml|txt|ya?ml|cfg|sh)$|^(Makefile|Dockerfile|run)$/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      return SKIP.has(name) || (name.startsWith('.') && name !== '.ci') ? [] : sources(path);
    }
    return TEXT.test(name) && name !== 'package-lock.json' ? [path] : [];
  });
}

/** The command line's usage names for a user's file, not documents of ours. */
const PLACEHOLDERS = new Set(['TUTORIAL.md', 'OUT.md']);

/** The documents `text` cites, with the line of each. */
export function citations(text: string): { target: string; line: number }[] {
  const found: { target: string; index: number }[] = [];
  const links: [number, number][] = [];
  // A Markdown link to a document, with or without an anchor.
  for (const match of text.matchAll(/\]\(([^)\s#]+\.md)(?:#[^)\s]*)?\)/g)) {
    links.push([match.index, match.index + match[0].length]);
    if (!/^[a-z]+:/.test(match[1])) {
      found.push({ target: match[1], index: match.index });
    }
  }
  // A path into docs/, or a document named in capitals, outside those links.
  for (const match of text.matchAll(/(?<![\w/.-])((?:\.\.?\/)*docs\/[\w./-]+\.md|[A-Z][A-Z0-9_-]*\.md)\b/g)) {
    if (!links.some(([from, to]) => match.index >= from && match.index < to) && !PLACEHOLDERS.has(match[1])) {
      found.push({ target: match[1], index: match.index });
    }
  }
  return found.sort((a, b) => a.index - b.index).map(({ target, index }) => ({ target, line: text.slice(0, index).split('\n').length }));
}

/** Pages `make docs` generates from the code (the API reference, the layer table); Sphinx checks links to them. */
const GENERATED = [fromRoot('docs', 'api') + sep, fromRoot('docs', '_generated') + sep];

/** Whether `target`, cited from `file`, names a file of the repository (relative to the file, or to the root). */
function exists(file: string, target: string): boolean {
  return [resolve(dirname(file), target), resolve(ROOT, target)].some(
    path => path.startsWith(ROOT) && (existsSync(path) || GENERATED.some(folder => path.startsWith(folder)))
  );
}

test('the citation finder sees links, docs/ paths and capitalised names, not example file names', () => {
  const md = '.md';
  const text = `See [the guide](docs/how-to/install${md}#pip), docs/explanation/gone${md} and NOTES${md}.\nRun notecast check lesson${md} intro.fr${md} TUTORIAL${md}.`;
  assert.deepEqual(
    citations(text).map(c => `${c.line}: ${c.target}`),
    [`1: docs/how-to/install${md}`, `1: docs/explanation/gone${md}`, `1: NOTES${md}`]
  );
});

test('every document cited by code, tests, scripts, the Makefile, the README and docs/ is in the repository', () => {
  // docs/_templates/ holds pages copied next to generated ones at build time; Sphinx checks their links.
  const files = sources(ROOT).filter(file => !relative(ROOT, file).startsWith(join('docs', '_templates')));
  assert.ok(files.some(file => file.endsWith('Makefile')) && files.some(file => file.includes(`${join('docs', 'explanation')}`)));
  const missing = files.flatMap(file =>
    citations(readFileSync(file, 'utf8'))
      .filter(({ target }) => !exists(file, target))
      .map(({ target, line }) => `${relative(ROOT, file)}:${line}: ${target}`)
  );
  assert.deepEqual(missing, [], 'cite a page of docs/ (or a file that is in the repository) instead');
});

test('the files beside the README are there', () => {
  for (const name of ['README.md', 'CONTRIBUTING.md', 'SECURITY.md', 'CHANGELOG.md', 'LICENSE', '.readthedocs.yaml']) {
    assert.ok(existsSync(fromRoot(name)), name);
  }
});
