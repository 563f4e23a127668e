/**
 * The step list, a transcript (R13): each step a heading, its narration, a
 * "Go to step" button and its code on request; the current step marked
 * `aria-current="step"`.
 */
import type { TranslationBundle } from '@jupyterlab/translation';
import type { Script } from '../../format/index.js';
import { buildTranscript } from '../../format/index.js';
import { element } from './elements.js';

export class StepList {
  readonly node: HTMLElement;
  private readonly items: HTMLLIElement[] = [];

  /** `onGo(index)` when the learner goes to step `index` (0-based); without it (a follower's list), no "Go to step" buttons. */
  constructor(doc: Document, uid: string, script: Script, trans: TranslationBundle, onGo?: (index: number) => void) {
    const node = (this.node = element(doc, 'section', 'jp-NotecastPlayer-steps'));
    const heading = element(doc, 'h2', undefined, trans.__('Steps'));
    heading.id = `${uid}-steps`;
    node.setAttribute('aria-labelledby', heading.id);
    node.appendChild(heading);
    const list = element(doc, 'ol', 'jp-NotecastPlayer-stepList');
    // The tutorial's text is in its language; the buttons' words are JupyterLab's.
    const lang = script.lang ?? 'en';
    buildTranscript(script).steps.forEach((step, index) => {
      const item = element(doc, 'li', 'jp-NotecastPlayer-stepItem');
      const title = element(doc, 'h3', undefined, step.title);
      title.lang = lang;
      item.appendChild(title);
      if (step.narration) {
        const narration = element(doc, 'p', 'jp-NotecastPlayer-narration', step.narration);
        narration.lang = lang;
        item.appendChild(narration);
      }
      if (onGo) {
        const go = element(doc, 'button', 'jp-NotecastPlayer-go', trans.__('Go to step %1: %2', index + 1, step.title));
        go.type = 'button';
        go.addEventListener('click', () => onGo(index));
        item.appendChild(go);
      }
      if (step.actions.length) {
        const details = element(doc, 'details', 'jp-NotecastPlayer-code');
        details.appendChild(element(doc, 'summary', undefined, trans.__('Code for step %1', index + 1)));
        for (const action of step.actions) {
          details.appendChild(element(doc, 'p', undefined, action.text));
          if (action.code !== undefined) {
            details.appendChild(element(doc, 'pre', undefined, action.code));
          }
        }
        item.appendChild(details);
      }
      list.appendChild(item);
      this.items.push(item);
    });
    node.appendChild(list);
  }

  /** Marks step `current` (0-based) as the current one. */
  setCurrent(current: number): void {
    this.items.forEach((item, index) => {
      if (index === current) {
        item.setAttribute('aria-current', 'step');
      } else {
        item.removeAttribute('aria-current');
      }
    });
  }
}
