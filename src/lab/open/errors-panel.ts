/** A tutorial that cannot play: its errors, with line and column, and Try again. */
import { DOMUtils } from '@jupyterlab/apputils';
import type { TranslationBundle } from '@jupyterlab/translation';
import { Widget } from '@lumino/widgets';

/** Shown instead of a player when a tutorial has errors: nothing plays. */
export class TutorialErrorsPanel extends Widget {
  constructor(path: string, problems: Array<{ text: string; severity: 'error' | 'warning' }>, trans: TranslationBundle, onRetry: () => void) {
    super();
    this.id = DOMUtils.createDomID();
    this.addClass('jp-NotecastErrors');
    this.addClass('jp-Notecast');
    this.title.label = trans.__('Tutorial errors: %1', path);
    this.title.closable = true;
    const doc = this.node.ownerDocument;
    const node = doc.createElement('div');
    node.className = 'jp-NotecastErrors-region';
    node.setAttribute('role', 'region');
    node.setAttribute('aria-label', trans.__('Tutorial errors: %1', path));
    this.node.appendChild(node);
    const heading = doc.createElement('h2');
    heading.textContent = trans.__('%1 cannot play', path);
    node.appendChild(heading);
    const intro = doc.createElement('p');
    const errors = problems.filter(p => p.severity === 'error').length;
    intro.textContent = trans._n(
      'Fix this error in the tutorial, save it, then press Try again. Nothing was played.',
      'Fix these %1 errors in the tutorial, save it, then press Try again. Nothing was played.',
      errors
    );
    node.appendChild(intro);
    const list = doc.createElement('ul');
    for (const problem of problems) {
      const item = doc.createElement('li');
      item.className = `jp-NotecastErrors-${problem.severity}`;
      item.textContent = problem.severity === 'error' ? trans.__('Error: %1', problem.text) : trans.__('Warning: %1', problem.text);
      list.appendChild(item);
    }
    node.appendChild(list);
    const retry = doc.createElement('button');
    retry.type = 'button';
    retry.className = 'jp-NotecastPlayer-button';
    retry.textContent = trans.__('Try again');
    retry.addEventListener('click', onRetry);
    node.appendChild(retry);
  }
}
