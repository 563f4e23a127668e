import type { Code, RootContent, Yaml } from 'mdast';
import type { Point } from 'unist';
import { VFile } from 'vfile';
import { didYouMean, SCRIPT_VERSION, tooLargeReason, userText, utf8Length, type Script } from '../format/index.js';
import { attributePlaces, readAttributes } from './attributes.js';
import { decodeTutorial } from './decode.js';
import { directives, type DirectiveNode } from './directives/index.js';
import { DEFAULT_LANG, readFrontMatter, type FrontMatter } from './front-matter.js';
import { MAX_MARKDOWN_BYTES } from './markdown-limits.js';
import { plainText, tidy } from './narration.js';
import { narrationBlocks, narrationText } from './narration-blocks.js';
import { findTooDeep } from './nesting.js';
import { parseTutorialSections } from './parse.js';
import { Reporter } from './report.js';
import { StructureChecker } from './structure.js';
import { TutorialBuilder } from './tutorial-builder.js';

export interface CompileOptions {
  /** The tutorial's path, used in messages. */
  path?: string;
}

export interface CompileResult {
  /** The script, present when there were no errors (warnings allowed). */
  script?: Script;
  /** The tutorial as a VFile; `file.messages` are its positioned diagnostics. */
  file: VFile;
}

/**
 * Compile a Markdown tutorial into a script. Never throws: every problem,
 * even an unexpected one, is a positioned message on `file`.
 *
 * `script` is there only when there was no error (warnings allowed); it is
 * validated against the script's JSON Schema and ready for a `Player` or a
 * `PlaybackSession`. Each message has a `line`, a `column`, a `reason` and a
 * `ruleId`, and `String(message)` reads `file:line:column: reason`.
 *
 * @param input - the tutorial's Markdown, as text or UTF-8 bytes (BOM allowed).
 * @param options - `path` names the file in messages.
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { compile } from 'jupyterlab-notecast/compiler';
 *
 * const { script, file } = compile(readFileSync('lesson.md'), { path: 'lesson.md' });
 * for (const message of file.messages) {
 *   console.error(String(message)); // lesson.md:12:1: ...
 * }
 * if (script) {
 *   console.log(`${script.steps.length} steps`);
 * }
 * ```
 */
export function compile(input: string | Uint8Array, options: CompileOptions = {}): CompileResult {
  const file = new VFile({ path: options.path });
  const report = new Reporter(file);
  try {
    const decoded = decodeTutorial(input);
    if (!('text' in decoded)) {
      report.error(decoded.reason, { line: decoded.line, column: decoded.column }, 'not-utf8');
      return { file };
    }
    const text = decoded.text;
    file.value = text;
    const size = typeof input === 'string' ? utf8Length(text) : input.length;
    if (size > MAX_MARKDOWN_BYTES) {
      report.error(tooLargeReason('markdown', size), { line: 1, column: 1 }, 'too-large');
      return { file };
    }
    // Refused before parsing: the parser's time grows with the square of these.
    const tooDeep = findTooDeep(text);
    if (tooDeep) {
      report.error(tooDeep.reason, { line: tooDeep.line, column: tooDeep.column }, tooDeep.ruleId);
      return { file };
    }
    const script = build(text, report);
    return report.hasErrors || !script ? { file } : { script, file };
  } catch (error) {
    report.error(
      `Unexpected internal error (${error instanceof Error ? error.message : String(error)}); please report it with this tutorial attached`,
      { line: 1, column: 1 },
      'internal-error'
    );
    return { file };
  }
}

/**
 * Compile the tutorial a section at a time (see parse.ts): each section's
 * nodes are checked and compiled as soon as it is parsed, and then let go,
 * so the whole document's tree is never held at once.
 */
function build(source: string, report: Reporter): Script | undefined {
  // Structure messages come before the others, as when the whole tree was checked first.
  const structureReport = new Reporter(new VFile({ path: report.file.path }));
  const structure = new StructureChecker(source, structureReport);
  let front: { options: FrontMatter; builder: TutorialBuilder; node: Yaml | undefined; messages: number } | undefined;
  const state = { warnedOutside: false };
  const end: Point = parseTutorialSections(source, section => {
    if (!front) {
      const node = section.children[0]?.type === 'yaml' ? section.children[0] : undefined;
      const options = readFrontMatter(node, report);
      front = { options, builder: new TutorialBuilder(options, report), node, messages: report.file.messages.length };
    }
    const broken = structure.check(section);
    for (const node of section.children) {
      if (node !== front.node) {
        compileNode(node, front.builder, broken, report, source, state);
      }
    }
  });
  // In the order a whole-tree check gave: front matter, structure, then the rest.
  if (!front) {
    return undefined;
  }
  report.file.messages.splice(front.messages, 0, ...structureReport.file.messages);
  const { builder, options } = front;
  builder.finish();
  if (builder.steps.length === 0) {
    report.error('Unexpected end of file with no steps, expected at least one heading such as `# Getting started`', end, 'no-steps');
  }
  if (report.hasErrors) {
    return undefined;
  }
  return {
    version: SCRIPT_VERSION,
    title: options.title as string,
    ...(options.description ? { description: options.description } : {}),
    ...(options.lang !== DEFAULT_LANG ? { lang: options.lang } : {}),
    kernel: options.kernel,
    cells: builder.cells,
    steps: builder.steps
  };
}

/** One top-level node of the tutorial: a step's heading, its narration, a directive. */
function compileNode(
  node: RootContent,
  builder: TutorialBuilder,
  broken: Set<DirectiveNode>,
  report: Reporter,
  source: string,
  state: { warnedOutside: boolean }
): void {
  if (node.type === 'heading') {
    const title = tidy(plainText(node)).replace(/\n/g, ' ');
    if (!title) {
      report.error('Unexpected empty heading, expected a step title after the `#`', node, 'empty-title');
    }
    builder.startStep(title || '(untitled)', node.position?.start);
    return;
  }
  if (!builder.inStep) {
    if (isDirective(node)) {
      report.error(
        `Unexpected \`${node.type === 'containerDirective' ? ':::' : '::'}${userText(node.name)}\` before the first heading: start a step with a heading such as \`# Getting started\` first`,
        node,
        'outside-step'
      );
    } else if (!state.warnedOutside && node.type !== 'thematicBreak' && node.type !== 'definition') {
      state.warnedOutside = true;
      report.warn(
        'Unexpected text before the first heading: it belongs to no step and is not played; put it under a heading, or into `description` in the front matter',
        node,
        'outside-step'
      );
    }
    return;
  }
  if (isDirective(node)) {
    if (!broken.has(node)) {
      compileDirective(node, builder, report, source);
    }
  } else if (node.type === 'code' && indentedDirective(node, source)) {
    // Four spaces before `::run` make it an indented code block: it would silently never run.
    const line = indentedDirective(node, source)!;
    report.error(
      `Unexpected indentation before \`${userText(line, 60)}\`: indented 4 spaces or more, Markdown reads it as a code block and it never plays; start the directive at the beginning of its line`,
      node,
      'malformed-directive'
    );
  } else if (node.type === 'code') {
    report.warn(
      'Unexpected code block outside a directive: it is not typed into the notebook; wrap it in `:::type{cell=NAME}` … `:::` to type it, or indent it under a list item to show it as prose',
      node,
      'code-outside-directive'
    );
  } else {
    builder.addNarration(narrationText(node, source), narrationBlocks(node, source), node.position?.start.line);
  }
}

function compileDirective(node: DirectiveNode, builder: TutorialBuilder, report: Reporter, source: string): void {
  const directive = directives.get(node.name);
  const marker = node.type === 'containerDirective' ? ':::' : '::';
  if (!directive) {
    report.error(
      `Unknown directive \`${marker}${userText(node.name)}\`${didYouMean(node.name, directives.keys(), name => `\`${marker}${name}\``)} (known: ${Array.from(directives.keys()).join(', ')})`,
      node,
      'unknown-directive'
    );
    return;
  }
  if (!directive.forms.includes(node.type)) {
    report.error(`Unexpected \`${marker}${node.name}\`, expected ${directive.usage}`, node, 'wrong-directive-form');
    return;
  }
  const errors = report.errorCount;
  const syntax = attributePlaces(node, source);
  const attributes = readAttributes(node, directive.attributes, report, syntax);
  const { place } = syntax;
  if (attributes) {
    directive.compile({ node, attributes, place, builder, report, source });
  }
  const name = node.attributes?.cell;
  if (report.errorCount > errors && typeof name === 'string') {
    builder.reject(name);
  }
}

function isDirective(node: RootContent): node is DirectiveNode {
  return node.type === 'containerDirective' || node.type === 'leafDirective';
}

/** The first line of an indented code block that is a directive (`::run`, `:::type{…}`), if any. */
function indentedDirective(node: Code, source: string): string | undefined {
  const start = node.position?.start.offset;
  if (start === undefined || /^(`{3}|~{3})/.test(source.slice(start, start + 3))) {
    return undefined; // a fenced block: code the author meant to show
  }
  return node.value
    .split('\n')
    .find(line => /^:{2,}[A-Za-z]/.test(line.trim()))
    ?.trim();
}
