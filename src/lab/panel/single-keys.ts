/** K/J/L while focus is in the player, when the learner turned single keys on (R4), but never in a form control. */
import type { CommandRegistry } from '@lumino/commands';
import { SINGLE_KEYS } from '../command-ids.js';

/** Listens on `node`; `enabled()` is the learner's setting. The commands get `args` (the player's id). */
export function listenForSingleKeys(node: HTMLElement, commands: CommandRegistry, enabled: () => boolean, args: { player: string }): void {
  node.addEventListener('keydown', event => {
    if (!enabled() || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) {
      return;
    }
    const target = event.target as HTMLElement;
    if (target.closest('input, select, textarea, [contenteditable]')) {
      return;
    }
    const command = SINGLE_KEYS[event.key.toLowerCase()];
    if (command) {
      event.preventDefault();
      event.stopPropagation();
      void commands.execute(command, args);
    }
  });
}
