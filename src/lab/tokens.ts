/**
 * The services Notecast's plugins provide one another (and other extensions):
 * the tracker of open players, the announcer, the preferences.
 */
import type { IWidgetTracker } from '@jupyterlab/apputils';
import { Token } from '@lumino/coreutils';
import type { ISignal } from '@lumino/signaling';
import type { Announcer } from './announce/index.js';
import type { PlayerPanel } from './panel/lazy.js';
import type { Preferences } from './settings/index.js';

/** The open tutorial players, one per tutorial, each docked beside its notebook. */
export interface INotecastTracker extends IWidgetTracker<PlayerPanel> {
  /** The player playing into the notebook at `notebookPath`, if one is open. */
  playerFor(notebookPath: string): PlayerPanel | undefined;
  /** The player of the tutorial at `tutorialPath`, if one is open. */
  playerOf(tutorialPath: string): PlayerPanel | undefined;
  /**
   * The player commands act on: the one whose panel or notebook last had focus,
   * else the current widget's, else the only one.
   */
  readonly activePlayer: PlayerPanel | undefined;
}

export const INotecastTracker = new Token<INotecastTracker>(
  'jupyterlab-notecast:tracker',
  'The open Notecast tutorial players; find the player of a notebook with playerFor(path).'
);

export interface OpenOptions {
  /** Load the tutorial again even when a player for it is open (its file changed). */
  reload?: boolean;
  /**
   * The step the player was at (0-based), when restoring it after a reload. The
   * player starts there if the notebook holds that step; else where the
   * notebook's own mark says (session/tutorial-session.ts).
   */
  step?: number;
  /**
   * The step to open at, from 1, as a link gives it (`?notecast=…&step=3`,
   * unchecked text): the player seeks there once open, as the step list does,
   * and runs nothing; a step the tutorial does not have opens at the start
   * with a notice.
   */
  arriveAt?: string;
  /** Reopened after a reload (by the layout restorer): focus stays where the restored layout put it. */
  restoring?: boolean;
  /**
   * Play into this notebook rather than the one the tutorial's folder gives
   * (the learner's copy of a broadcast notebook, classroom/my-copy.ts); it must exist
   * and carry the tutorial's mark.
   */
  notebook?: string;
  /**
   * Open this very file, not its translation into the learner's language
   * (`intro.fr.md` for `intro.md` in a French JupyterLab): the learner chose it
   * with the player's language switch.
   */
  exactLanguage?: boolean;
}

/** The one announcer of the app (docs/explanation/accessibility.md, R8): polite and assertive live regions. */
export type INotecastAnnouncer = Announcer;

export const INotecastAnnouncer = new Token<INotecastAnnouncer>(
  'jupyterlab-notecast:announcer',
  'The live regions through which Notecast speaks to screen readers.'
);

/** The learner's Notecast preferences (R22), live from the settings registry. */
export interface INotecastPreferences {
  readonly current: Preferences;
  /** Emitted when a setting or the system's reduced-motion preference changes. */
  readonly changed: ISignal<INotecastPreferences, Preferences>;
  /** Store a preference changed in the player (speed, step mode) in the user's settings. */
  set(key: 'speed' | 'stepMode', value: number | boolean): Promise<void>;
}

export const INotecastPreferences = new Token<INotecastPreferences>(
  'jupyterlab-notecast:preferences',
  "The learner's Notecast preferences (speed, step mode, verbosity, motion, speech, shortcuts)."
);
