/**
 * Where players and follower panels dock in this shell, for Notecast's own
 * plugins: one `PlayerDock`, built once the shell is known (JupyterLab's, or
 * Jupyter Notebook 7's, which is only known after the plugins start).
 */
import { Token } from '@lumino/coreutils';
import type { PlayerDock } from './player-dock.js';

export const NotecastDock = new Token<Promise<PlayerDock>>(
  'jupyterlab-notecast:dock',
  'Where Notecast docks its players beside their notebooks in this shell, for its own plugins.'
);
