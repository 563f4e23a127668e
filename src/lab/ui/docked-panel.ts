/**
 * What the player and the follower panel share as widgets docked beside a
 * notebook: a closable tab whose node holds one `role=region` element, focus
 * moved into it when it is activated (opened, or revealed from a tab) unless
 * it is already inside, and disposal when it is closed.
 */
import { DOMUtils } from '@jupyterlab/apputils';
import type { Message } from '@lumino/messaging';
import { Widget } from '@lumino/widgets';
import { element } from './elements.js';

export interface DockedPanelOptions {
  /** The tab's label and its tooltip. */
  label: string;
  caption: string;
  /** The region's accessible name. */
  regionLabel: string;
  /** The region's classes, besides `jp-Notecast`. */
  regionClass: string;
}

export abstract class DockedPanel extends Widget {
  /** The `role=region` element, named by `regionLabel`. */
  readonly region: HTMLDivElement;

  constructor(options: DockedPanelOptions) {
    super();
    this.id = DOMUtils.createDomID();
    // The dock makes this widget's node a tabpanel; the region is inside it.
    this.addClass('jp-NotecastPlayerPanel');
    this.title.label = options.label;
    this.title.caption = options.caption;
    this.title.closable = true;
    this.region = element(this.node.ownerDocument, 'div', `${options.regionClass} jp-Notecast`);
    this.region.setAttribute('role', 'region');
    this.region.setAttribute('aria-label', options.regionLabel);
    this.node.appendChild(this.region);
  }

  /** Where focus goes when the panel is activated and focus is not inside it yet. */
  protected abstract focusTarget(): HTMLElement;

  protected override onActivateRequest(msg: Message): void {
    super.onActivateRequest(msg);
    if (!this.region.contains(document.activeElement)) {
      this.focusTarget().focus();
    }
  }

  protected override onCloseRequest(msg: Message): void {
    super.onCloseRequest(msg);
    this.dispose();
  }
}
