/** Keystrokes as `aria-keyshortcuts` spells them (docs/explanation/accessibility.md, R4). */
import { Platform } from '@lumino/domutils';

/** Lumino's "Accel Alt Shift P" → ARIA's "Control+Alt+Shift+P" (Meta on a Mac). */
export function ariaKeys(keystroke: string): string {
  return keystroke
    .trim()
    .split(/\s+/)
    .map(part => {
      switch (part) {
        case 'Accel':
          return Platform.IS_MAC ? 'Meta' : 'Control';
        case 'Ctrl':
          return 'Control';
        case 'Cmd':
          return 'Meta';
        default:
          return part;
      }
    })
    .join('+');
}
