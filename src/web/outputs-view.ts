/**
 * What a run shows below its cell in a page with no kernel: the outputs a
 * real kernel made when the tutorial was baked, each shown so that none can
 * run script or load from another host (text as text, HTML in a sandboxed
 * frame that may load nothing, images from data: URLs, an SVG only as an
 * `<img>`); without them, a note that the output appears when the learner
 * runs the cell, and the output the author expects.
 */
import type { BakedOutput, RunOperation, Translations } from '../format/index.js';
import type { RunResult } from '../player/index.js';

/** Sizes past which an output is cut (text) or shown as its text (HTML, images); the README lists them. */
export const OUTPUT_LIMITS = {
  /** Characters of one text, stream or error output. */
  text: 100_000,
  /** Characters of one HTML output. */
  html: 500_000,
  /** Characters of one image's base64 data (about 3 MB of image). */
  image: 4_000_000
} as const;

/** What no script and no request may escape: the frame's own policy, before the author's HTML. */
const FRAME_POLICY = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`;

/** What the player is told about a run, from its baked outputs (or the author's expectation). */
export function runResult(run: RunOperation): RunResult {
  if (!run.outputs) {
    return run.error !== undefined ? { ok: false, error: run.error } : { ok: true };
  }
  const error = run.outputs.find(output => output.type === 'error');
  const text = run.outputs
    .map(output => (output.type === 'stream' || output.type === 'text' ? output.text : ''))
    .join('')
    .replace(/\n$/, '');
  const lines = text === '' ? 0 : text.split('\n').length;
  return error ? { ok: false, error: error.ename } : { ok: true, outputLines: lines, output: lines === 1 ? text : undefined };
}

/** Fill `target` with what `run` shows. */
export function showOutputs(target: HTMLElement, run: RunOperation, trans: Translations): void {
  const doc = target.ownerDocument;
  const nodes: Node[] = [];
  if (!run.outputs) {
    nodes.push(paragraph(doc, 'nc-note', trans.__('Output appears when you run it yourself.')));
    if (run.expect !== undefined && run.expect !== '') {
      nodes.push(paragraph(doc, 'nc-note', trans.__('Expected output:')), pre(doc, 'nc-expected', clip(run.expect, trans)));
    }
    if (run.alt) {
      nodes.push(paragraph(doc, 'nc-note', trans.__('Expected image: %1', run.alt)));
    }
  } else {
    for (const output of run.outputs) {
      nodes.push(outputNode(doc, output, run, trans));
    }
  }
  target.replaceChildren(...nodes);
}

function outputNode(doc: Document, output: BakedOutput, run: RunOperation, trans: Translations): Node {
  switch (output.type) {
    case 'stream':
      return pre(doc, output.name === 'stderr' ? 'nc-output nc-stderr' : 'nc-output', clip(output.text, trans));
    case 'text':
      return pre(doc, 'nc-output', clip(output.text, trans));
    case 'error':
      return pre(doc, 'nc-output nc-error', clip(`${output.ename}: ${output.evalue}`, trans));
    case 'html': {
      if (output.html.length > OUTPUT_LIMITS.html) {
        return pre(doc, 'nc-output', clip(output.text ?? trans.__('This output is too large to show here.'), trans));
      }
      const frame = doc.createElement('iframe');
      frame.className = 'nc-output nc-html';
      frame.setAttribute('sandbox', '');
      frame.setAttribute('referrerpolicy', 'no-referrer');
      frame.title = trans.__('Output of the cell');
      frame.srcdoc = FRAME_POLICY + output.html;
      return frame;
    }
    case 'image': {
      const alt = run.alt ?? output.text ?? '';
      if (output.data.length > OUTPUT_LIMITS.image) {
        return paragraph(doc, 'nc-note', alt ? trans.__('Image too large to show: %1', alt) : trans.__('This output is too large to show here.'));
      }
      const image = doc.createElement('img');
      image.className = 'nc-output nc-image';
      image.alt = alt;
      image.src = imageUrl(output.mime, output.data);
      return image;
    }
  }
}

/** A data: URL: base64 as nbformat stores PNG and JPEG; an SVG may be its text. */
export function imageUrl(mime: 'image/png' | 'image/jpeg' | 'image/svg+xml', data: string): string {
  const base64 = /^[A-Za-z0-9+/=\s]*$/.test(data);
  return base64 ? `data:${mime};base64,${data.replace(/\s+/g, '')}` : `data:${mime};charset=utf-8,${encodeURIComponent(data)}`;
}

function clip(text: string, trans: Translations): string {
  return text.length > OUTPUT_LIMITS.text
    ? `${text.slice(0, OUTPUT_LIMITS.text)}\n${trans.__('[cut: the output is longer than %1 characters]', OUTPUT_LIMITS.text)}`
    : text;
}

function pre(doc: Document, className: string, text: string): HTMLElement {
  const node = doc.createElement('pre');
  node.className = className;
  node.textContent = text;
  return node;
}

function paragraph(doc: Document, className: string, text: string): HTMLElement {
  const node = doc.createElement('p');
  node.className = className;
  node.textContent = text;
  return node;
}
