/**
 * The cell the player works in: outlined (a theme-coloured class, R15-safe)
 * and scrolled into view, never focused (R16), so the learner sees where the
 * typing goes without losing their place.
 */
import type { Cell } from '@jupyterlab/cells';
import type { NotebookPanel } from '@jupyterlab/notebook';

/** The class on the cell the player is typing into. */
export const ACTIVE_CELL_CLASS = 'jp-Notecast-activeCell';

export class CellHighlight {
  private marked: Cell | undefined;
  private lastCell: string | undefined;

  constructor(private readonly panel: NotebookPanel) {}

  /** The last cell the player worked in, for Take over to put the learner there. */
  get lastCellId(): string | undefined {
    return this.lastCell;
  }

  /** Mark the cell and scroll it into view (always when the mark moves), without focus. */
  follow(cellId: string, scroll: boolean): void {
    const widget = cellWidget(this.panel, cellId);
    if (!widget) {
      return;
    }
    this.lastCell = cellId;
    if (this.marked !== widget) {
      this.clear();
      widget.addClass(ACTIVE_CELL_CLASS);
      this.marked = widget;
      scroll = true;
    }
    if (scroll) {
      const index = this.panel.content.widgets.indexOf(widget);
      void this.panel.content.scrollToItem(index, 'smart').catch(() => undefined);
    }
  }

  clear(): void {
    if (this.marked && !this.marked.isDisposed) {
      this.marked.removeClass(ACTIVE_CELL_CLASS);
    }
    this.marked = undefined;
  }
}

/** The cell's widget in the panel, if it is there. */
export function cellWidget(panel: NotebookPanel, cellId: string): Cell | undefined {
  return panel.content.widgets.find(widget => widget.model.id === cellId);
}
