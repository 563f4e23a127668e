/**
 * `::point{command=ID}` in the lab: the part of the interface that runs a
 * JupyterLab command, found, ringed (a class the theme colours, `Highlight`
 * in forced colours, animated only without reduced motion) and described to
 * screen readers through `aria-describedby`, with words that say what and
 * where it is and its shortcut ("Run this cell and advance, in the notebook
 * toolbar, Shift+Enter"). Playback never focuses it (R16) and never clicks
 * it: the learner does.
 *
 * Where it looks, in order: a toolbar button (JupyterLab marks them with
 * `data-command`), in this notebook's toolbar first; a side bar tab (for the
 * commands that show a side panel); the menu bar, by the path of menus that
 * leads to the command. A command found nowhere on screen is described with
 * the command palette, which runs every command.
 */
import type { JupyterFrontEnd } from '@jupyterlab/application';
import type { NotebookPanel } from '@jupyterlab/notebook';
import type { TranslationBundle } from '@jupyterlab/translation';
import { CommandRegistry } from '@lumino/commands';
import type { Menu, Widget } from '@lumino/widgets';

/** The class on the element pointed at. */
export const POINTED_CLASS = 'jp-Notecast-pointed';
/** The visually hidden element that describes it. */
export const POINT_DESCRIPTION_ID = 'notecast-point-description';

/**
 * Commands that show a side panel, by the id of that panel's widget: its
 * side bar tab is what the learner clicks (`data-id` on the tab).
 */
const SIDE_PANELS: Record<string, string> = {
  'filebrowser:toggle-main': 'filebrowser',
  'filebrowser:activate': 'filebrowser',
  'running:show-panel': 'jp-running-sessions',
  'toc:show-panel': 'table-of-contents',
  'extensionmanager:show-panel': 'extensionmanager.main-view',
  'debugger:show-panel': 'jp-debugger-sidebar',
  'property-inspector:show-panel': 'jp-property-inspector'
};

/** Where the command was found, and the words that describe it. */
export interface PointedAt {
  /** Where it is: toolbar button, side bar tab, menu, command palette, or a command this JupyterLab lacks. */
  where: 'toolbar' | 'side-bar' | 'menu' | 'palette' | 'unknown';
  /** What a screen reader hears, and the caption shows. */
  description: string;
  /** The element ringed, if one is on screen. */
  element?: HTMLElement;
}

export class PointHighlight {
  private marked: { element: HTMLElement; describedBy: string | null } | undefined;

  constructor(
    private readonly app: JupyterFrontEnd,
    private readonly panel: NotebookPanel,
    private readonly trans: TranslationBundle
  ) {}

  /** Find what runs `command`, ring it and describe it; never focus or click it. */
  point(command: string): PointedAt {
    this.clear();
    const found = this.find(command);
    if (found.element) {
      this.mark(found.element, found.description);
    }
    return found;
  }

  /** Take the ring and the description away. */
  clear(): void {
    const marked = this.marked;
    this.marked = undefined;
    if (!marked) {
      return;
    }
    marked.element.classList.remove(POINTED_CLASS);
    if (marked.describedBy === null) {
      marked.element.removeAttribute('aria-describedby');
    } else {
      marked.element.setAttribute('aria-describedby', marked.describedBy);
    }
    const description = marked.element.ownerDocument.getElementById(POINT_DESCRIPTION_ID);
    description?.remove();
  }

  /** Where `command` is and how to say it, without marking anything. */
  find(command: string): PointedAt {
    const { trans } = this;
    const commands = this.app.commands;
    if (!commands.hasCommand(command)) {
      return {
        where: 'unknown',
        description: trans.__(
          'This tutorial points at the command %1, which this JupyterLab does not have: an extension it needs may be missing.',
          command
        )
      };
    }
    const label = commandLabel(commands, command);
    const shortcut = shortcutOf(commands, command);
    const withShortcut = (text: string): string => (shortcut ? trans.__('%1, %2', text, shortcut) : text);
    const button = this.toolbarButton(command);
    if (button) {
      const name = accessibleName(button) || label;
      const inNotebook = this.panel.toolbar.node.contains(button);
      return {
        where: 'toolbar',
        element: button,
        description: withShortcut(inNotebook ? trans.__('The %1 button in the notebook toolbar', name) : trans.__('The %1 button in the toolbar', name))
      };
    }
    const tab = this.sideBarTab(command);
    if (tab) {
      return { where: 'side-bar', element: tab, description: withShortcut(trans.__('The %1 tab in the side bar', label)) };
    }
    const menu = this.menuPath(command);
    if (menu) {
      return {
        where: 'menu',
        element: menu.element,
        description: withShortcut(trans.__('%1, in the %2 menu', menu.path[menu.path.length - 1], menu.path.slice(0, -1).join(' › ')))
      };
    }
    const palette = shortcutOf(commands, 'apputils:activate-command-palette');
    return {
      where: 'palette',
      description: withShortcut(
        palette
          ? trans.__('%1, in the command palette (%2)', label, palette)
          : trans.__('%1, in the command palette (View menu, Activate Command Palette)', label)
      )
    };
  }

  private mark(element: HTMLElement, description: string): void {
    const doc = element.ownerDocument;
    let node = doc.getElementById(POINT_DESCRIPTION_ID);
    if (!node) {
      node = doc.createElement('div');
      node.id = POINT_DESCRIPTION_ID;
      node.className = 'jp-Notecast-visuallyHidden';
      doc.body.appendChild(node);
    }
    node.textContent = description;
    const describedBy = element.getAttribute('aria-describedby');
    element.setAttribute('aria-describedby', describedBy ? `${describedBy} ${POINT_DESCRIPTION_ID}` : POINT_DESCRIPTION_ID);
    element.classList.add(POINTED_CLASS);
    this.marked = { element, describedBy };
  }

  private toolbarButton(command: string): HTMLElement | undefined {
    const selector = `[data-command="${CSS.escape(command)}"]`;
    const own = this.panel.toolbar.node.querySelector<HTMLElement>(selector);
    if (own && isShown(own)) {
      return own;
    }
    return [...this.panel.node.ownerDocument.querySelectorAll<HTMLElement>(selector)].find(isShown);
  }

  private sideBarTab(command: string): HTMLElement | undefined {
    const id = SIDE_PANELS[command];
    if (!id) {
      return undefined;
    }
    const tab = this.panel.node.ownerDocument.querySelector<HTMLElement>(`.jp-SideBar .lm-TabBar-tab[data-id="${CSS.escape(id)}"]`);
    return tab && isShown(tab) ? tab : undefined;
  }

  /** The menus that lead to `command` in the menu bar, and the menu bar's item for the first. */
  private menuPath(command: string): { path: string[]; element?: HTMLElement } | undefined {
    const bar = menuBar(this.app);
    if (!bar) {
      return undefined;
    }
    for (const [index, menu] of bar.menus.entries()) {
      const path = pathIn(menu, command, 0);
      if (path) {
        const item = bar.contentNode.children[index] as HTMLElement | undefined;
        return { path: [menu.title.label, ...path], ...(item && isShown(item) ? { element: item } : {}) };
      }
    }
    return undefined;
  }
}

/** The labels from `menu` down to the item that runs `command`, if any (menus nest a few levels at most). */
function pathIn(menu: Menu, command: string, depth: number): string[] | undefined {
  for (const item of menu.items) {
    if (item.type === 'command' && item.command === command) {
      return [item.label];
    }
    if (item.type === 'submenu' && item.submenu && depth < 4) {
      const below = pathIn(item.submenu, command, depth + 1);
      if (below) {
        return [item.submenu.title.label, ...below];
      }
    }
  }
  return undefined;
}

/** JupyterLab's main menu bar, in the shell's `menu` area (absent in some front ends). */
function menuBar(app: JupyterFrontEnd): { menus: readonly Menu[]; contentNode: HTMLElement } | undefined {
  const shell = app.shell as JupyterFrontEnd.IShell & { widgets?: (area: string) => Iterable<Widget> };
  try {
    for (const widget of shell.widgets?.('menu') ?? []) {
      const candidate = widget as unknown as { menus?: readonly Menu[]; contentNode?: HTMLElement };
      if (Array.isArray(candidate.menus) && candidate.contentNode) {
        return { menus: candidate.menus, contentNode: candidate.contentNode };
      }
    }
  } catch {
    // A shell without a `menu` area (Notebook 7 has its own): no menu path.
  }
  return undefined;
}

/** The command's label, without the trailing dots of a menu item that opens a dialog. */
function commandLabel(commands: CommandRegistry, command: string): string {
  return (commands.label(command) || commands.caption(command) || command).replace(/\s*(…|\.\.\.)$/, '');
}

/** The command's first single-chord key binding, as JupyterLab shows it ("Shift+Enter"). */
export function shortcutOf(commands: CommandRegistry, command: string): string | undefined {
  const binding = commands.keyBindings.find(b => b.command === command && b.keys.length === 1);
  return binding ? CommandRegistry.formatKeystroke(binding.keys[0]) : undefined;
}

function accessibleName(element: HTMLElement): string {
  const labelled = element.getAttribute('aria-label') ?? element.querySelector('[aria-label]')?.getAttribute('aria-label');
  const text = (labelled ?? element.textContent ?? '').trim() || (element.getAttribute('title') ?? '');
  // Toolbar names and titles carry the shortcut too ("Run this cell (Shift+Enter)"): said once, at the end.
  return text.replace(/\s*\([^)]*\)\s*$/, '').trim();
}

function isShown(element: HTMLElement): boolean {
  return element.getClientRects().length > 0;
}
