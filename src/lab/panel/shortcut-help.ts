/** The shortcut help (docs/explanation/accessibility.md, R7): built from the live keybinding registry, so it shows remapped keys. */
import { Dialog, showDialog } from '@jupyterlab/apputils';
import type { TranslationBundle } from '@jupyterlab/translation';
import { CommandRegistry } from '@lumino/commands';
import { Widget } from '@lumino/widgets';
import { PLAYER_COMMANDS } from '../command-ids.js';

export async function showShortcutHelp(commands: CommandRegistry, singleKeys: boolean, trans: TranslationBundle): Promise<void> {
  const body = new Widget();
  body.addClass('jp-NotecastShortcuts');
  const doc = body.node.ownerDocument;
  const table = doc.createElement('table');
  const caption = doc.createElement('caption');
  caption.textContent = trans.__(
    'Shortcuts work while focus is in a tutorial player or in its notebook outside a cell editor. Change them in Settings → Keyboard Shortcuts.'
  );
  table.appendChild(caption);
  const head = doc.createElement('tr');
  for (const heading of [trans.__('Command'), trans.__('Keys')]) {
    const th = doc.createElement('th');
    th.scope = 'col';
    th.textContent = heading;
    head.appendChild(th);
  }
  table.appendChild(head);
  const addRow = (label: string, keys: string): void => {
    const row = doc.createElement('tr');
    const name = doc.createElement('th');
    name.scope = 'row';
    name.textContent = label;
    const value = doc.createElement('td');
    value.textContent = keys;
    row.append(name, value);
    table.appendChild(row);
  };
  for (const id of PLAYER_COMMANDS) {
    const keys = new Set<string>();
    for (const binding of commands.keyBindings) {
      if (binding.command === id) {
        keys.add(binding.keys.map(key => CommandRegistry.formatKeystroke(key)).join(trans.__(', then ')));
      }
    }
    addRow(commands.label(id) || id, keys.size ? [...keys].join(trans.__(' or ')) : trans.__('No shortcut'));
  }
  if (singleKeys) {
    addRow(trans.__('Inside the player (single keys)'), trans.__('K: play or pause, J: previous step, L: next step'));
  }
  body.node.appendChild(table);
  await showDialog({ title: trans.__('Notecast keyboard shortcuts'), body, buttons: [Dialog.okButton({ label: trans.__('Close') })] });
}
