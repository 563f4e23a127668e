/** Notecast's icon: the launcher's card, the palette and `.notecast.json` files. */
import { LabIcon } from '@jupyterlab/ui-components';

export const notecastIcon = new LabIcon({
  name: 'notecast:tutorial',
  svgstr:
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path class="jp-icon3" fill="#616161" d="M4 3h16a1 1 0 0 1 1 1v16a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1zm1 2v14h14V5H5zm4 3 7 4-7 4V8z"/></svg>'
});
