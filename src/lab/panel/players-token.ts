/**
 * Notecast's own handle on its players, for its plugins only: the tracker
 * itself, whose players reach their sessions. Other extensions get the same
 * tracker through `INotecastTracker`, which shows only what they need.
 */
import { Token } from '@lumino/coreutils';
import type { NotecastTracker } from './tracker.js';

export const NotecastPlayers = new Token<NotecastTracker>(
  'jupyterlab-notecast:players',
  "Notecast's tracker of its players with their sessions, for Notecast's own plugins."
);
