/**
 * The services Notecast's plugins provide one another and other extensions:
 * the tracker of open players, the announcer, the preferences. Interfaces
 * only, importing nothing of Notecast's own, so that another extension can
 * use or implement them without Notecast's internals.
 */
import type { IWidgetTracker } from '@jupyterlab/apputils';
import { Token } from '@lumino/coreutils';
import type { ISignal } from '@lumino/signaling';
import type { Widget } from '@lumino/widgets';

/**
 * One open tutorial player, as other extensions see it: where it plays, its
 * state and step, and the controls a learner has.
 */
export interface INotecastPlayer extends Widget {
  /** The tutorial file's path, from the server's root. */
  readonly tutorialPath: string;
  /** The notebook it plays into. */
  readonly notebookPath: string;
  /**
   * The player's state: `idle`, `playing`, `waiting-for-kernel`,
   * `waiting-for-learner`, `paused`, `taken-over`, `ended` or `error`.
   */
  readonly state: string;
  /** The current step, from 0. */
  readonly step: number;
  /** How many steps the tutorial has. */
  readonly stepCount: number;
  /** Why the player stopped for good (its notebook closed, its file deleted…), if it did. */
  readonly stoppedReason: string | undefined;
  /** Emitted when the state, the step or what the player shows changes. */
  readonly changed: ISignal<INotecastPlayer, void>;
  /** Play, or pause when playing. */
  togglePlay(): Promise<void>;
  nextStep(): Promise<void>;
  previousStep(): Promise<void>;
  /** Go to the start of step `step` (from 0), as the step list does; runs nothing. */
  seek(step: number): Promise<void>;
}

/** The open tutorial players, one per tutorial, each docked beside its notebook. */
export interface INotecastTracker extends IWidgetTracker<INotecastPlayer> {
  /** The player playing into the notebook at `notebookPath`, if one is open. */
  playerFor(notebookPath: string): INotecastPlayer | undefined;
  /** The player of the tutorial at `tutorialPath`, if one is open. */
  playerOf(tutorialPath: string): INotecastPlayer | undefined;
  /**
   * The player commands act on: the one whose panel or notebook last had focus,
   * else the current widget's, else the only one.
   */
  readonly activePlayer: INotecastPlayer | undefined;
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

/** A run of a message in one language: `lang` when it is not the live regions' own. */
export interface AnnouncedPart {
  text: string;
  lang?: string;
}

export interface AnnounceOptions {
  /** A newer replaceable message drops this one while it still waits. */
  replace?: boolean;
  /** False: always the live region, never diverted (speech's own fallback). */
  divertible?: boolean;
  /** It says narration (the sender knows: from the announcement's kind, never from its words). */
  narration?: boolean;
  /** The language of its words (the tutorial's, for narration), when not the regions' own. */
  lang?: string;
}

/** The one announcer of the app (docs/explanation/accessibility.md, R8): polite and assertive live regions. */
export interface INotecastAnnouncer {
  /**
   * Say `message` in the polite or the assertive live region: a string, or
   * runs by language (the author's words inside the player's sentence).
   */
  announce(message: string | readonly AnnouncedPart[], politeness?: 'polite' | 'assertive', options?: AnnounceOptions): void;
  /** Empty both regions and drop what is queued. */
  clear(): void;
}

export const INotecastAnnouncer = new Token<INotecastAnnouncer>(
  'jupyterlab-notecast:announcer',
  'The live regions through which Notecast speaks to screen readers.'
);

export type ReducedMotionSetting = 'system' | 'on' | 'off';

/** The learner's preferences, from the settings registry (schema/plugin.json), R22. */
export interface Preferences {
  speed: number;
  stepMode: boolean;
  reducedMotion: ReducedMotionSetting;
  verbosity: 'full' | 'brief';
  singleKeyShortcuts: boolean;
  /** Also speak the narration with the browser's speech synthesis (R11); off by default. */
  speech: boolean;
  /** The synthesised voice's own volume, 0–1. */
  speechVolume: number;
  /** Where "Make my copy" saves a broadcast notebook's copy, from the server's root; '' is next to the notebook. */
  copyFolder: string;
}

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
