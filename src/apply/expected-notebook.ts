import { NotebookState, type EditOperation, type Script, type TypeOperation } from '../format/index.js';

/** Part of a `type` operation's text: `text` at `index` of `operation.text`. */
export interface TypedPart {
  index: number;
  text: string;
}

/** Keystrokes of one `type` operation in a row, not yet in the state. */
interface PendingTyping {
  operation: TypeOperation;
  /** Where in `operation.text` the keystrokes start. */
  index: number;
  text: string;
}

/**
 * The notebook as the tutorial expects it, followed edit by edit and
 * keystroke by keystroke, on plain data. The script must be a validated one
 * (compiled, or checked by `validateScript`), as for `Keyframes`.
 *
 * Adding one keystroke to a `NotebookState` copies the cell's whole source,
 * so typing a long block that way is quadratic: the keystrokes of a run are
 * kept aside and added as one edit when the state is next read.
 */
export class ExpectedNotebook {
  private current: NotebookState;
  /** A state handed in (a keyframe) is its giver's too: the first edit works on a copy. */
  private shared = true;
  private pending: PendingTyping | undefined;

  constructor(
    private readonly script: Pick<Script, 'cells'>,
    state: NotebookState = new NotebookState()
  ) {
    this.current = state;
  }

  /** The state now, typing included. Read it, never change it. */
  get state(): NotebookState {
    this.flush();
    return this.current;
  }

  /** Start again from `state`, which is shared, not copied. */
  reset(state: NotebookState): void {
    this.pending = undefined;
    this.current = state;
    this.shared = true;
  }

  /** The cell's index, or -1 (typing not yet added moves no cell, so nothing is added). */
  indexOf(id: string): number {
    return this.current.indexOf(id);
  }

  /** Apply one edit; for `type`, only `typed` of it when given. */
  apply(operation: EditOperation, typed?: TypedPart): void {
    if (operation.op === 'type' && typed) {
      const pending = this.pending;
      if (pending && pending.operation === operation && pending.index + pending.text.length === typed.index) {
        pending.text += typed.text;
      } else {
        this.flush();
        this.pending = { operation, index: typed.index, text: typed.text };
      }
      return;
    }
    this.writable().apply(operation, this.script, true);
  }

  private writable(): NotebookState {
    this.flush();
    if (this.shared) {
      this.current = this.current.clone();
      this.shared = false;
    }
    return this.current;
  }

  private flush(): void {
    const pending = this.pending;
    if (pending) {
      this.pending = undefined;
      this.writable().apply({ ...pending.operation, offset: pending.operation.offset + pending.index, text: pending.text }, this.script, true);
    }
  }
}
