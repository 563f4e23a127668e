import { countLines, describeCode, plural } from './describe.js';
import { NotebookState } from './notebook-state.js';
import type { CellInfo, NarrationBlock, Script, TypeOperation } from './script.js';
import { englishTranslations } from './translations.js';
import { userText } from './user-text.js';
import { yourTurnPrompt } from './your-turn.js';

/** One thing that happens in a step, told in words, with its code if any. */
export interface TranscriptAction {
  text: string;
  code?: string;
  /**
   * Code language for highlighting: the kernel's language or `markdown`.
   * It comes from the script (the kernel name), so renderers only use it
   * when it is a plain language token (see `languageToken`).
   */
  language?: string;
  /**
   * Present when this is narration between actions (`:::say`), not
   * something the player does: its structure, as the step's `blocks`.
   */
  narration?: NarrationBlock[];
}

export interface TranscriptStep {
  /** 1-based step number. */
  number: number;
  title: string;
  narration: string;
  /** The narration's structure: paragraphs, lists and tables of text runs. */
  blocks: NarrationBlock[];
  actions: TranscriptAction[];
}

/**
 * Plain data, every string exactly as the script has it: the renderers
 * escape for their format, so the same transcript can be shown as Markdown,
 * HTML, text or DOM text nodes.
 */
export interface Transcript {
  title: string;
  /** The language the tutorial's own text is in (BCP 47); the transcript's words are English. */
  lang: string;
  description?: string;
  steps: TranscriptStep[];
}

/**
 * The accessible transcript of a validated script: every step's narration
 * and, in words, everything the player will do, with the code it types.
 * `renderTranscript` turns it into Markdown, HTML or text.
 *
 * One pass over the operations, keeping the expected notebook up to date;
 * what an action tells about the notebook *before* an edit (the text a
 * deletion removes, a deleted cell's number) is read before applying it, so
 * no step copies the notebook.
 */
export function buildTranscript(script: Script): Transcript {
  const notebook = new NotebookState();
  const language = kernelLanguage(script.kernel);
  const cellInfo = (cell: string): CellInfo | undefined => (Object.hasOwn(script.cells, cell) ? script.cells[cell] : undefined);
  const label = (cell: string) => `cell ${notebook.indexOf(cell) + 1}`;
  const codeLanguage = (cell: string) => {
    const type = cellInfo(cell)?.type;
    return type === 'code' ? language : type === 'markdown' ? 'markdown' : 'text';
  };
  // The script is valid, so the notebook's own checks (a new cell's id is
  // free: a search of the whole notebook) would only cost time.
  const apply = (operation: Parameters<NotebookState['apply']>[0]) => notebook.apply(operation, script, true);
  const steps = script.steps.map((step, index): TranscriptStep => {
    const actions: TranscriptAction[] = [];
    const operations = step.operations;
    for (let i = 0; i < operations.length; i++) {
      const operation = operations[i];
      const next = operations[i + 1];
      switch (operation.op) {
        case 'insert-cell': {
          apply(operation);
          const type = cellInfo(operation.cell)?.type ?? 'code';
          if (next?.op === 'type' && next.cell === operation.cell) {
            apply(next);
            i++;
            actions.push(typeAction(lines => `Creates ${type} ${label(operation.cell)} and types ${lines}`, next, codeLanguage(operation.cell), type));
          } else {
            const info = cellInfo(operation.cell);
            actions.push({
              text: info?.answer
                ? `Creates an empty ${type} ${label(operation.cell)} for your answer${info.placeholder ? ` (${quote(info.placeholder)})` : ''}.`
                : `Creates an empty ${type} ${label(operation.cell)}.`
            });
          }
          break;
        }
        case 'type':
          apply(operation);
          actions.push(
            typeAction(lines => `Types ${lines} into ${label(operation.cell)}`, operation, codeLanguage(operation.cell), cellInfo(operation.cell)?.type)
          );
          break;
        case 'delete-text': {
          const removed = notebook.get(operation.cell)?.source.slice(operation.offset, operation.offset + operation.length) ?? '';
          apply(operation);
          if (next?.op === 'type' && next.cell === operation.cell && next.offset === operation.offset) {
            apply(next);
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
        case 'delete-cell': {
          const deleted = label(operation.cell);
          apply(operation);
          actions.push({ text: `Deletes ${deleted}.` });
          break;
        }
        case 'run': {
          const image = operation.alt !== undefined ? `an image: ${operation.alt}` : undefined;
          actions.push(
            operation.expect !== undefined
              ? { text: `Runs ${label(operation.cell)}. Expected output${image ? ` (and ${image})` : ''}:`, code: operation.expect, language: 'text' }
              : { text: `Runs ${label(operation.cell)}.${image ? ` Expected output, ${image}` : ''}` }
          );
          break;
        }
        case 'narrate':
          actions.push({ text: operation.text, narration: operation.blocks ?? textBlocks(operation.text) });
          break;
        case 'wait':
          actions.push({ text: `Waits ${formatSeconds(operation.duration)}.` });
          break;
        case 'pause': {
          const text = operation.prompt ? yourTurnPrompt(operation.prompt, englishTranslations) : 'Pauses until you continue.';
          actions.push({ text: operation.cell ? `${text} (Write your answer in ${label(operation.cell)}.)` : text });
          break;
        }
        case 'point':
          actions.push({
            text: operation.wait
              ? `Points at the control that runs the command “${userText(operation.command)}”, and waits until you run it.`
              : `Points at the control that runs the command “${userText(operation.command)}”.`
          });
          break;
      }
    }
    return { number: index + 1, title: step.title, narration: step.narration, blocks: step.blocks ?? textBlocks(step.narration), actions };
  });
  return { title: script.title, lang: script.lang ?? 'en', ...(script.description ? { description: script.description } : {}), steps };
}

/** Narration without structure of its own: its paragraphs, separated by a blank line. */
function textBlocks(text: string): NarrationBlock[] {
  return text
    .split('\n\n')
    .filter(part => part.trim())
    .map(part => ({ kind: 'paragraph', content: [{ text: part }] }));
}

/** `cellType`: a `#` line is a comment in code and a heading in Markdown (describe.ts). */
function typeAction(
  lead: (lines: string) => string,
  operation: TypeOperation,
  language: string,
  cellType: CellInfo['type'] | undefined
): TranscriptAction {
  const about = operation.summary ?? describeCode(operation.text, cellType);
  const lines = plural(Math.max(1, countLines(operation.text)), 'line');
  return { text: `${lead(lines)}${about ? ` (${about})` : ''}:`, code: operation.text, language };
}

/** Removed text, quoted on one line and cut between graphemes when long. */
function quote(text: string): string {
  return `“${userText(text.replace(/\r\n|\r|\n/g, '⏎'))}”`;
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

/** A step's actions as the transcript shows them: runs of things the player does, between narration. */
export type TranscriptPart = { kind: 'actions'; actions: TranscriptAction[]; first: number } | { kind: 'narration'; blocks: NarrationBlock[] };

/** `first`: the 1-based number of the run's first action, so numbering goes on across narration. */
export function transcriptParts(actions: readonly TranscriptAction[]): TranscriptPart[] {
  const parts: TranscriptPart[] = [];
  let counted = 0;
  for (const action of actions) {
    if (action.narration) {
      parts.push({ kind: 'narration', blocks: action.narration });
      continue;
    }
    const last = parts[parts.length - 1];
    if (last?.kind === 'actions') {
      last.actions.push(action);
    } else {
      parts.push({ kind: 'actions', actions: [action], first: counted + 1 });
    }
    counted++;
  }
  return parts;
}
