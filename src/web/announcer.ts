/**
 * The player's live regions: one polite, one assertive, created empty and
 * hidden by the clip pattern (still read by screen readers). They sit in the
 * element's own light DOM, slotted into the shadow root, so that anything
 * watching the page's document for live regions hears them too. Polite messages
 * wait a moment and go out together, and a newer "where you are" replaces an
 * older one, so dragging the step slider says only where it stopped.
 */
import type { LanguagePart } from '../session/index.js';

/** How long polite messages gather before they are said. */
export const POLITE_DELAY_MS = 300;

export interface Message {
  parts: LanguagePart[];
  /** A message that says where the learner is: a newer one replaces it while both wait. */
  position?: boolean;
}

export class Announcer {
  readonly node: HTMLElement;
  private readonly polite: HTMLElement;
  private readonly assertive: HTMLElement;
  private pending: Message[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    this.node = document.createElement('div');
    this.node.className = 'notecast-live';
    this.node.slot = 'announcer';
    this.polite = region('polite');
    this.assertive = region('assertive');
    this.node.append(this.polite, this.assertive);
  }

  /** Say `message` politely, soon. */
  say(message: Message): void {
    if (message.position) this.pending = this.pending.filter(waiting => !waiting.position);
    this.pending.push(message);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), POLITE_DELAY_MS);
  }

  /** Say `parts` now, interrupting: for errors and for what the learner must act on. */
  alert(parts: LanguagePart[]): void {
    fill(this.assertive, [parts]);
  }

  /** Say what waits now. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length)
      fill(
        this.polite,
        this.pending.map(message => message.parts)
      );
    this.pending = [];
  }

  dispose(): void {
    clearTimeout(this.timer);
  }
}

function region(politeness: 'polite' | 'assertive'): HTMLElement {
  const node = document.createElement('div');
  node.setAttribute('aria-live', politeness);
  node.setAttribute('aria-atomic', 'true');
  node.className = `nc-live-${politeness}`;
  return node;
}

/** Replace a region's text with the messages, the author's words marked with their language. */
function fill(node: HTMLElement, messages: LanguagePart[][]): void {
  const children: Node[] = [];
  messages.forEach((parts, index) => {
    // Messages said together stay sentences: "Cell 1 ran. Step 3 of 6: …".
    if (index > 0) children.push(document.createTextNode(/[.!?…:]$/.test(messages[index - 1].map(part => part.text).join('')) ? ' ' : '. '));
    for (const part of parts) {
      if (part.lang) {
        const span = document.createElement('span');
        span.lang = part.lang;
        span.textContent = part.text;
        children.push(span);
      } else {
        children.push(document.createTextNode(part.text));
      }
    }
  });
  node.replaceChildren(...children);
}
