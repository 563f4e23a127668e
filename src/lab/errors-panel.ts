/** A tutorial that cannot play: its errors, with line and column, and Try again. */
import { DOMUtils } from '@jupyterlab/apputils';
import { Widget } from '@lumino/widgets';

/** Shown instead of a player when a tutorial has errors: nothing plays. */
export class TutorialErrorsPanel extends Widget {
  constructor(path: string, problems: Array<{ text: string; severity: 'error' | 'warning' }>, onRetry: () => void) {
    super();
    this.id = DOMUtils.createDomID();
    this.addClass('jp-NotecastErrors');
    this.addClass('jp-Notecast');
    this.title.label = `Tutorial errors: ${path}`;
    this.title.closable = true;
    const doc = this.node.ownerDocument;
    const node = doc.createElement('div');
    node.className = 'jp-NotecastErrors-region';
    node.setAttribute('role', 'region');
    node.setAttribute('aria-label', `Tutorial errors: ${path}`);
    this.node.appendChild(node);
    const heading = doc.createElement('h2');
    heading.textContent = `${path} cannot play`;
    node.appendChild(heading);
    const intro = doc.createElement('p');
    const errors = problems.filter(p => p.severity === 'error').length;
    intro.textContent = `Fix ${errors === 1 ? 'this error' : `these ${errors} errors`} in the tutorial, save it, then press Try again. Nothing was played.`;
    node.appendChild(intro);
    const list = doc.createElement('ul');
    for (const problem of problems) {
      const item = doc.createElement('li');
      item.className = `jp-NotecastErrors-${problem.severity}`;
      item.textContent = `${problem.severity === 'error' ? 'Error' : 'Warning'}: ${problem.text}`;
      list.appendChild(item);
    }
    node.appendChild(list);
    const retry = doc.createElement('button');
    retry.type = 'button';
    retry.className = 'jp-NotecastPlayer-button';
    retry.textContent = 'Try again';
    retry.addEventListener('click', onRetry);
    node.appendChild(retry);
  }
}
