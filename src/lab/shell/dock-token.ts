/**
 * Where players and follower panels dock in this shell, for Notecast's own
 * plugins: one `PlayerDock`, built once the shell is known (JupyterLab's, or
 * Jupyter Notebook 7's, which is only known after the plugins start).
 */
import { Token } from '@lumino/coreutils';
import type { PlayerDock } from './player-dock.js';

/**
 * The dock, once the shell is known. A plugin's service that is itself a
 * promise would be awaited by the plugin registry before any plugin that
 * needs it starts; and Notebook 7's shell is known only once every plugin
 * has started: the promise is carried in an object instead.
 */
export interface PendingDock {
  readonly ready: Promise<PlayerDock>;
}

export const NotecastDock = new Token<PendingDock>(
  'jupyterlab-notecast:dock',
  'Where Notecast docks its players beside their notebooks in this shell, for its own plugins.'
);
