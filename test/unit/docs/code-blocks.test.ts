/**
 * What the README and the documentation show is valid: every Markdown block that holds a
 * tutorial or a directive compiles, and every `notecast` command line they show uses a command
 * and options the CLI has. The README's example tutorial is also checked, compiled and turned into
 * a transcript by the real command, on temporary files.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { compile } from '../../../src/compiler/index.js';
import { fromRoot } from '../../helpers/paths.js';
import { codeBlocks, documentationFiles, type CodeBlock } from './documents.js';

const blocks: CodeBlock[] = documentationFiles().flatMap(codeBlocks);
const DIRECTIVE = /^\s*:{2,}[a-z]/m;

/**
 * A fragment (a directive shown alone) is compiled in the smallest tutorial around it: front
 * matter, a step, and a cell for each name it refers to but does not create, holding the text its
 * `find=` looks for, so that the directive itself is what is checked.
 */
function inContext(fragment: string): string {
  if (/^---\n/.test(fragment)) {
    return fragment;
  }
  const created = new Set([...fragment.matchAll(/::(?:type|cell)\{[^}]*\bcell=([\w-]+)/g)].map(match => match[1]));
  const referred = new Set([...fragment.matchAll(/\b(?:cell|after)=([\w-]+)/g)].map(match => match[1]).filter(name => !created.has(name)));
  const found = [...fragment.matchAll(/\bfind=(?:"([^"]*)"|'([^']*)')/g)].map(match =>
    (match[1] ?? match[2]).replace(/&quot;/g, '"').replace(/&#39;/g, "'")
  );
  const cells = [...(referred.size > 0 ? referred : ['context'])].map(
    name => `:::type{cell=${name}}\n\`\`\`python\n${found.join('\n') || 'x = 1'}\n\`\`\`\n:::\n`
  );
  const step = /^#/m.test(fragment) ? '' : '# Example\n\n';
  return `---\ntitle: Example\n---\n\n# Context\n\n${cells.join('\n')}\n${step}${fragment}`;
}

const tutorials = blocks.filter(block => /^(markdown|md)\b/.test(block.info) && (DIRECTIVE.test(block.text) || /^---\n/.test(block.text)));

test('the documentation shows tutorials and directives to check', () => {
  assert.ok(tutorials.length >= 10, `only ${tutorials.length} blocks found`);
  assert.ok(tutorials.some(block => block.where.startsWith('README.md:')));
});

for (const block of tutorials) {
  test(`${block.where}: the tutorial or directive shown compiles`, () => {
    const { script, file } = compile(inContext(block.text), { path: block.where });
    const errors = file.messages.filter(message => message.fatal).map(String);
    assert.deepEqual(errors, []);
    assert.ok(script);
  });
}

test('a fragment that is not valid fails the check (the wrapper does not hide errors)', () => {
  assert.equal(compile(inContext(':::type{cell=a}\n```python\nx\n```\n'), {}).script, undefined);
  assert.equal(compile(inContext('::wait{s=9999}\n'), {}).script, undefined);
});

function notecast(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [fromRoot('bin', 'notecast.js'), ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Each `notecast …` command line shown: in shell and CI blocks, and in the command reference's table. */
function commandLines(): { where: string; line: string }[] {
  const shown = blocks
    .filter(block => /^(sh|bash|console|yaml|shell)\b/.test(block.info))
    .flatMap(block =>
      block.text
        .replace(/\\\n\s*/g, ' ')
        .split('\n')
        .map(line => /(?:^|[\s$])(?:npx )?(notecast [^#|&;]*)/.exec(line)?.[1].trim())
        .filter((line): line is string => line !== undefined)
        .map(line => ({ where: block.where, line }))
    );
  const reference = 'docs/reference/cli.md';
  const table = [...readFileSync(fromRoot(reference), 'utf8').matchAll(/^\| `(notecast [^`]+)`/gm)].map(match => ({
    where: reference,
    line: match[1].replace(/\\\|/g, '|')
  }));
  return [...shown, ...table];
}

test('every notecast command line shown uses a command and options the command line has', () => {
  const lines = commandLines();
  assert.ok(lines.length >= 10, `only ${lines.length} command lines found`);
  const help = new Map<string, string>();
  const wrong: string[] = [];
  for (const { where, line } of lines) {
    const [, command, ...rest] = line.split(/\s+/);
    if (!help.has(command)) {
      const run = notecast(command, '--help');
      help.set(command, run.status === 0 ? run.stdout : '');
    }
    const usage = help.get(command)!;
    if (usage === '') {
      wrong.push(`${where}: notecast ${command} is not a command`);
      continue;
    }
    for (const option of rest.flatMap(token => /^\[?(--?[a-z][\w-]*)/.exec(token)?.[1] ?? [])) {
      if (!new RegExp(`(^|[\\s\\[|])${option}\\b`).test(usage)) {
        wrong.push(`${where}: notecast ${command} has no option ${option}`);
      }
    }
  }
  assert.deepEqual(wrong, []);
});

test("the README's tutorial passes notecast check, compiles and has a transcript, as the README says", () => {
  const readme = codeBlocks('README.md').find(block => block.info === 'markdown');
  assert.ok(readme, 'the README shows a tutorial');
  const dir = mkdtempSync(join(tmpdir(), 'notecast-readme-'));
  try {
    const tutorial = join(dir, 'hello.md');
    writeFileSync(tutorial, readme.text);
    const check = notecast('check', tutorial);
    assert.equal(check.status, 0, check.stdout + check.stderr);
    assert.match(check.stdout + check.stderr, /checked 1 file: 0 errors, 0 warnings/);
    const compiled = notecast('compile', tutorial, '-o', join(dir, 'hello.json'));
    assert.equal(compiled.status, 0, compiled.stderr);
    const script = JSON.parse(readFileSync(join(dir, 'hello.json'), 'utf8')) as { steps: unknown[] };
    assert.equal(script.steps.length, 1);
    const transcript = notecast('transcript', tutorial);
    assert.equal(transcript.status, 0, transcript.stderr);
    assert.match(transcript.stdout, /Names and values/);
    assert.match(transcript.stdout, /greeting = "Hello, notebook!"/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
