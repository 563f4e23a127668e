/**
 * An APG toolbar: one tab stop, the arrow keys, Home and End move between
 * its buttons (roving tabindex), and a disabled button stays focusable
 * (`aria-disabled`) so a screen-reader user still finds it.
 */
export class Toolbar {
  readonly node: HTMLElement;
  private readonly buttons: HTMLButtonElement[] = [];
  private current = 0;

  constructor(label: string) {
    this.node = document.createElement('div');
    this.node.className = 'nc-toolbar';
    this.node.setAttribute('role', 'toolbar');
    this.node.setAttribute('aria-label', label);
    this.node.setAttribute('part', 'toolbar');
    this.node.addEventListener('keydown', event => this.onKey(event));
    this.node.addEventListener('focusin', event => {
      const index = this.buttons.indexOf(event.target as HTMLButtonElement);
      if (index >= 0) this.setCurrent(index);
    });
  }

  /** A button: `keys` is its `aria-keyshortcuts`; `action` is not called while it is disabled. */
  add(className: string, action: () => void, keys?: string): HTMLButtonElement {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = `nc-button ${className}`;
    button.setAttribute('part', `button ${className.replace(/^nc-/, '')}`);
    if (keys) button.setAttribute('aria-keyshortcuts', keys);
    button.tabIndex = this.buttons.length === 0 ? 0 : -1;
    button.addEventListener('click', () => {
      if (button.getAttribute('aria-disabled') !== 'true') action();
    });
    this.buttons.push(button);
    this.node.appendChild(button);
    return button;
  }

  /** Show or hide a button; a hidden one leaves the arrow-key order. */
  setShown(button: HTMLButtonElement, shown: boolean): void {
    button.hidden = !shown;
    if (!shown && this.buttons[this.current] === button) this.setCurrent(this.visible()[0] ?? 0);
  }

  private visible(): number[] {
    return this.buttons.flatMap((button, index) => (button.hidden ? [] : [index]));
  }

  private setCurrent(index: number): void {
    this.current = index;
    this.buttons.forEach((button, i) => (button.tabIndex = i === index ? 0 : -1));
  }

  private onKey(event: KeyboardEvent): void {
    const visible = this.visible();
    const at = visible.indexOf(this.current);
    let next: number | undefined;
    if (event.key === 'ArrowRight') next = visible[(at + 1) % visible.length];
    else if (event.key === 'ArrowLeft') next = visible[(at - 1 + visible.length) % visible.length];
    else if (event.key === 'Home') next = visible[0];
    else if (event.key === 'End') next = visible[visible.length - 1];
    if (next === undefined) return;
    event.preventDefault();
    this.setCurrent(next);
    this.buttons[next].focus();
  }
}

/** Enable or disable a button the APG way: focusable, announced as unavailable. */
export function setDisabled(button: HTMLElement, disabled: boolean): void {
  if (disabled) button.setAttribute('aria-disabled', 'true');
  else button.removeAttribute('aria-disabled');
}
