/**
 * The prose the project documents itself in: README.md, the files beside it and every page of
 * docs/, with the code blocks in them, for the tests of what those pages show.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fromRoot, ROOT } from '../../helpers/paths.js';

export interface CodeBlock {
  /** `file:line` of the opening fence, relative to the repository. */
  where: string;
  /** The fence's info string: its language and anything after it. */
  info: string;
  text: string;
}

function markdownUnder(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? markdownUnder(path) : name.endsWith('.md') ? [path] : [];
  });
}

/** README.md, CONTRIBUTING.md, SECURITY.md, CHANGELOG.md and docs/**\/*.md, relative to the repository. */
export function documentationFiles(): string[] {
  return [...['README.md', 'CONTRIBUTING.md', 'SECURITY.md', 'CHANGELOG.md'].map(name => fromRoot(name)), ...markdownUnder(fromRoot('docs'))].map(path =>
    relative(ROOT, path)
  );
}

/** Every fenced code block of a Markdown file (backticks or tildes, a longer fence holding shorter ones). */
export function codeBlocks(file: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  let open: { fence: string; info: string; line: number; lines: string[] } | undefined;
  readFileSync(fromRoot(file), 'utf8')
    .split('\n')
    .forEach((line, index) => {
      const fence = /^\s*(`{3,}|~{3,})(.*)$/.exec(line);
      if (open === undefined) {
        if (fence) {
          open = { fence: fence[1], info: fence[2].trim(), line: index + 1, lines: [] };
        }
      } else if (fence && fence[2].trim() === '' && fence[1][0] === open.fence[0] && fence[1].length >= open.fence.length) {
        blocks.push({ where: `${file}:${open.line}`, info: open.info, text: open.lines.join('\n') + '\n' });
        open = undefined;
      } else {
        open.lines.push(line);
      }
    });
  return blocks;
}
