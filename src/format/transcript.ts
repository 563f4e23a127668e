import { countLines, describeCode, plural } from './describe.js';
import { NotebookState } from './notebook-state.js';
import { isEditOperation, type Operation, type Script } from './script.js';

/** One thing that happens in a step, told in words, with its code if any. */
export interface TranscriptAction {
  text: string;
  code?: string;
  /** Code language for highlighting: the kernel's language or `markdown`. */
  language?: string;
}

export interface TranscriptStep {
  /** 1-based step number. */
  number: number;
  title: string;
  narration: string;
  actions: TranscriptAction[];
}

export interface Transcript {
  title: string;
  description?: string;
  steps: TranscriptStep[];
}

/**
 * The accessible transcript of a script: every step's narration and, in
 * words, everything the player will do, with the code it types. Plain data;
 * `renderTranscript` turns it into Markdown, HTML or text.
 */
export function buildTranscript(script: Script): Transcript {
  const notebook = new NotebookState();
  const language = kernelLanguage(script.kernel);
  const steps = script.steps.map((step, index): TranscriptStep => {
    const actions: TranscriptAction[] = [];
    const operations = step.operations;
    for (let i = 0; i < operations.length; i++) {
      const operation = operations[i];
      const next = operations[i + 1];
      const before = notebook.clone();
      if (isEditOperation(operation)) {
        notebook.apply(operation, script);
      }
      const label = (cell: string, state = notebook) => `cell ${state.indexOf(cell) + 1}`;
      const codeLanguage = (cell: string) =>
        script.cells[cell]?.type === 'code' ? language : script.cells[cell]?.type === 'markdown' ? 'markdown' : 'text';
      switch (operation.op) {
        case 'insert-cell': {
          const type = script.cells[operation.cell]?.type ?? 'code';
          if (next?.op === 'type' && next.cell === operation.cell) {
            notebook.apply(next, script);
            i++;
            actions.push(typeAction(lines => `Creates ${type} ${label(operation.cell)} and types ${lines}`, next, codeLanguage(operation.cell)));
          } else {
            actions.push({ text: `Creates an empty ${type} ${label(operation.cell)}.` });
          }
          break;
        }
        case 'type':
          actions.push(typeAction(lines => `Types ${lines} into ${label(operation.cell)}`, operation, codeLanguage(operation.cell)));
          break;
        case 'delete-text': {
          const removed = before.get(operation.cell)?.source.slice(operation.offset, operation.offset + operation.length) ?? '';
          if (next?.op === 'type' && next.cell === operation.cell && next.offset === operation.offset) {
            notebook.apply(next, script);
            i++;
            actions.push({
              text: `Replaces ${quote(removed)} in ${label(operation.cell)} with`,
              code: next.text,
              language: codeLanguage(operation.cell)
            });
          } else {
            actions.push({ text: `Deletes ${quote(removed)} from ${label(operation.cell)}.` });
          }
          break;
        }
        case 'delete-cell':
          actions.push({ text: `Deletes ${label(operation.cell, before)}.` });
          break;
        case 'run':
          actions.push(
            operation.expect !== undefined
              ? { text: `Runs ${label(operation.cell)}. Expected output:`, code: operation.expect, language: 'text' }
              : { text: `Runs ${label(operation.cell)}.` }
          );
          break;
        case 'narrate':
          actions.push({ text: operation.text });
          break;
        case 'wait':
          actions.push({ text: `Waits ${formatSeconds(operation.duration)}.` });
          break;
        case 'pause':
          actions.push({ text: operation.prompt ? `Your turn: ${operation.prompt}` : 'Pauses until you continue.' });
          break;
      }
    }
    return { number: index + 1, title: step.title, narration: step.narration, actions };
  });
  return { title: script.title, ...(script.description ? { description: script.description } : {}), steps };
}

function typeAction(lead: (lines: string) => string, operation: Operation & { op: 'type' }, language: string): TranscriptAction {
  const about = operation.summary ?? describeCode(operation.text);
  const lines = plural(Math.max(1, countLines(operation.text)), 'line');
  return { text: `${lead(lines)}${about ? ` (${about})` : ''}:`, code: operation.text, language };
}

export type TranscriptFormat = 'markdown' | 'html' | 'text';

export function renderTranscript(transcript: Transcript, format: TranscriptFormat): string {
  switch (format) {
    case 'markdown':
      return renderMarkdown(transcript);
    case 'html':
      return renderHtml(transcript);
    case 'text':
      return renderText(transcript);
  }
}

function renderMarkdown(transcript: Transcript): string {
  const out: string[] = [`# ${escapeMarkdownLine(transcript.title)}`, ''];
  if (transcript.description) {
    out.push(escapeMarkdownLine(transcript.description), '');
  }
  for (const step of transcript.steps) {
    out.push(`## Step ${step.number} of ${transcript.steps.length}: ${escapeMarkdownLine(step.title)}`, '');
    if (step.narration) {
      out.push(...step.narration.split('\n\n').map(escapeMarkdownLine).flatMap(p => [p, '']));
    }
    for (const action of step.actions) {
      out.push(`- ${escapeMarkdownLine(action.text)}`);
      if (action.code !== undefined) {
        const fence = markdownFence(action.code);
        out.push('', `  ${fence}${action.language ?? ''}`, ...action.code.split('\n').map(line => (line ? `  ${line}` : '')), `  ${fence}`, '');
      }
    }
    out.push('');
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

function renderHtml(transcript: Transcript): string {
  const out: string[] = [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(transcript.title)} — transcript</title>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${escapeHtml(transcript.title)}</h1>`
  ];
  if (transcript.description) {
    out.push(`<p>${escapeHtml(transcript.description)}</p>`);
  }
  for (const step of transcript.steps) {
    out.push('<section>', `<h2>Step ${step.number} of ${transcript.steps.length}: ${escapeHtml(step.title)}</h2>`);
    for (const paragraph of step.narration ? step.narration.split('\n\n') : []) {
      out.push(`<p>${escapeHtml(paragraph)}</p>`);
    }
    if (step.actions.length) {
      out.push('<ol>');
      for (const action of step.actions) {
        const code =
          action.code !== undefined
            ? `<pre><code${action.language ? ` class="language-${escapeHtml(action.language)}"` : ''}>${escapeHtml(action.code)}</code></pre>`
            : '';
        out.push(`<li><p>${escapeHtml(action.text)}</p>${code}</li>`);
      }
      out.push('</ol>');
    }
    out.push('</section>');
  }
  out.push('</main>', '</body>', '</html>');
  return `${out.join('\n')}\n`;
}

function renderText(transcript: Transcript): string {
  const out: string[] = [transcript.title, '='.repeat(Math.min(transcript.title.length, 72)), ''];
  if (transcript.description) {
    out.push(transcript.description, '');
  }
  for (const step of transcript.steps) {
    out.push(`Step ${step.number} of ${transcript.steps.length}: ${step.title}`, '');
    if (step.narration) {
      out.push(step.narration, '');
    }
    for (const action of step.actions) {
      out.push(`* ${action.text}`);
      if (action.code !== undefined) {
        out.push(...action.code.split('\n').map(line => `    ${line}`));
      }
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** The fence that no line of the code can close early. */
function markdownFence(code: string): string {
  const longest = Math.max(2, ...Array.from(code.matchAll(/^ {0,3}(`+)/gm), m => m[1].length));
  return '`'.repeat(longest + 1);
}

function quote(text: string): string {
  const oneLine = text.length > 40 ? `${text.slice(0, 37)}…` : text;
  return `“${oneLine.replace(/\n/g, '⏎')}”`;
}

function escapeMarkdownLine(text: string): string {
  return text.replace(/([\\`*_{}[\]<>#|])/g, '\\$1');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);
}

export function formatSeconds(ms: number): string {
  const seconds = Math.round(ms / 100) / 10;
  return `${seconds} ${seconds === 1 ? 'second' : 'seconds'}`;
}

/** The language a kernel spec name usually runs, for code highlighting. */
export function kernelLanguage(kernel: string): string {
  if (/^python/i.test(kernel)) {
    return 'python';
  }
  if (/^ir$/i.test(kernel)) {
    return 'r';
  }
  if (/^julia/i.test(kernel)) {
    return 'julia';
  }
  return kernel;
}
