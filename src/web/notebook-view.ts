/**
 * The notebook as a page shows it: a read-only DOM view that follows a real
 * `@jupyter/ydoc` notebook (the one the session plays into), redrawn once a
 * frame after the document changed, cell by cell, by id. Code is coloured by
 * Lezer, a Markdown cell that ran is rendered safely, and below a code cell
 * that ran is what it showed (outputs-view.ts).
 */
import type { YNotebook } from '@jupyter/ydoc';
import type { Parser } from '@lezer/common';
import type { RunOperation, Translations } from '../format/index.js';
import { showCode } from './highlight.js';
import { showOutputs } from './outputs-view.js';
import { renderMarkdown } from './safe-markdown.js';

interface CellNodes {
  item: HTMLLIElement;
  label: HTMLElement;
  source: HTMLElement;
  outputs: HTMLElement;
  /** What was last drawn, to redraw only what changed. */
  drawn: { text: string; type: string; rendered: boolean; run: RunOperation | undefined; number: number } | undefined;
}

export class NotebookView {
  readonly node: HTMLElement;
  private readonly list: HTMLOListElement;
  private readonly cells = new Map<string, CellNodes>();
  private readonly runs = new Map<string, RunOperation>();
  private activeCell: string | undefined;
  private frame: number | undefined;
  private readonly onTransaction = () => this.schedule();

  constructor(
    private readonly notebook: YNotebook,
    private readonly trans: Translations,
    private parser: Parser | undefined,
    /** The tutorial's language: the cells are the author's text. */
    lang: string
  ) {
    const doc = document;
    this.node = doc.createElement('section');
    this.node.className = 'nc-notebook';
    this.node.setAttribute('part', 'notebook');
    this.node.setAttribute('aria-label', trans.__('Notebook'));
    this.list = doc.createElement('ol');
    this.list.className = 'nc-cells';
    this.list.lang = lang;
    this.node.appendChild(this.list);
    notebook.ydoc.on('afterTransaction', this.onTransaction);
    this.render();
  }

  /** Colour code with `parser` from now on (the grammar arrives after the first view). */
  setParser(parser: Parser | undefined): void {
    this.parser = parser;
    for (const nodes of this.cells.values()) nodes.drawn = undefined;
    this.schedule();
  }

  /** The cell the tutorial is working in, highlighted (undefined: none). */
  setActive(cellId: string | undefined): void {
    if (cellId === this.activeCell) return;
    this.cells.get(this.activeCell ?? '')?.item.classList.remove('nc-active');
    this.activeCell = cellId;
    this.cells.get(cellId ?? '')?.item.classList.add('nc-active');
  }

  /** A cell ran (or a Markdown cell was rendered): show what it showed. */
  setRun(cellId: string, run: RunOperation): void {
    this.runs.set(cellId, run);
    this.schedule();
  }

  /** After a seek: the runs that happened before the step the notebook is now at. */
  resetRuns(runs: ReadonlyMap<string, RunOperation>): void {
    this.runs.clear();
    for (const [cell, run] of runs) this.runs.set(cell, run);
    this.schedule();
  }

  /** The cells' sources as shown, in order (what the tests compare with the expected notebook). */
  sources(): string[] {
    this.render();
    return [...this.list.children].map(item => (item as HTMLElement).dataset.source ?? '');
  }

  /** Draw now what changed. */
  render(): void {
    if (this.frame !== undefined) {
      cancelAnimationFrame(this.frame);
      this.frame = undefined;
    }
    const seen = new Set<string>();
    const items: HTMLElement[] = [];
    this.notebook.cells.forEach((cell, index) => {
      seen.add(cell.id);
      let nodes = this.cells.get(cell.id);
      if (!nodes) {
        nodes = this.createCell(cell.id);
        this.cells.set(cell.id, nodes);
      }
      this.drawCell(nodes, cell.getSource(), cell.cell_type, index + 1);
      items.push(nodes.item);
    });
    for (const [id, nodes] of this.cells) {
      if (!seen.has(id)) {
        nodes.item.remove();
        this.cells.delete(id);
      }
    }
    // Move only what is out of place, so a cell being read keeps its node.
    items.forEach((item, index) => {
      if (this.list.children[index] !== item) this.list.insertBefore(item, this.list.children[index] ?? null);
    });
  }

  dispose(): void {
    this.notebook.ydoc.off('afterTransaction', this.onTransaction);
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
  }

  private schedule(): void {
    this.frame ??= requestAnimationFrame(() => {
      this.frame = undefined;
      this.render();
    });
  }

  private createCell(id: string): CellNodes {
    const doc = document;
    const item = doc.createElement('li');
    item.className = 'nc-cell';
    item.dataset.id = id;
    item.setAttribute('part', 'cell');
    const label = doc.createElement('span');
    label.className = 'nc-cell-label';
    const source = doc.createElement('div');
    source.className = 'nc-source';
    const outputs = doc.createElement('div');
    outputs.className = 'nc-outputs';
    outputs.setAttribute('part', 'outputs');
    item.append(label, source, outputs);
    if (id === this.activeCell) item.classList.add('nc-active');
    return { item, label, source, outputs, drawn: undefined };
  }

  private drawCell(nodes: CellNodes, text: string, type: string, number: number): void {
    const run = this.runs.get(nodes.item.dataset.id ?? '');
    const rendered = type === 'markdown' && run !== undefined;
    const drawn = nodes.drawn;
    if (drawn && drawn.text === text && drawn.type === type && drawn.rendered === rendered && drawn.run === run && drawn.number === number) {
      return;
    }
    nodes.item.dataset.source = text;
    nodes.item.classList.toggle('nc-markdown', type === 'markdown');
    nodes.item.classList.toggle('nc-code', type === 'code');
    nodes.label.textContent =
      type === 'markdown'
        ? this.trans.__('Cell %1, Markdown', number)
        : type === 'code'
          ? this.trans.__('Cell %1, code', number)
          : this.trans.__('Cell %1', number);
    if (!drawn || drawn.text !== text || drawn.type !== type || drawn.rendered !== rendered) {
      if (rendered) {
        const body = document.createElement('div');
        body.className = 'nc-rendered';
        // renderMarkdown lets no raw HTML of the author's through, nor unsafe links (safe-markdown.ts).
        const template = document.createElement('template');
        template.innerHTML = renderMarkdown(text);
        body.appendChild(template.content);
        nodes.source.replaceChildren(body);
      } else {
        const pre = document.createElement('pre');
        const code = document.createElement('code');
        pre.appendChild(code);
        showCode(code, text, type === 'code' ? this.parser : undefined);
        nodes.source.replaceChildren(pre);
      }
    }
    if (!drawn || drawn.run !== run || drawn.type !== type) {
      if (run && type === 'code') showOutputs(nodes.outputs, run, this.trans);
      else nodes.outputs.replaceChildren();
    }
    nodes.drawn = { text, type, rendered, run, number };
  }
}
