/** Building the player's DOM: tutorial text always goes in as `textContent`, never as markup. */

/** A `tag` element of `doc` with `className` and, when given, `text` as its text. */
export function element<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * `aria-disabled`, not `disabled`: a disabled control stays focusable and
 * keeps its place in the toolbar's arrow-key order (APG toolbar).
 */
export function setDisabled(node: HTMLElement, disabled: boolean): void {
  if (disabled) {
    node.setAttribute('aria-disabled', 'true');
  } else {
    node.removeAttribute('aria-disabled');
  }
  if (node instanceof HTMLSelectElement || (node instanceof HTMLInputElement && node.type !== 'range')) {
    // Native form controls ignore aria-disabled: block changes, keep focus.
    node.classList.toggle('jp-mod-disabled', disabled);
  }
}
