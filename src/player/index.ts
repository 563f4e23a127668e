/**
 * The Notecast player: a pure, deterministic playback engine for a script.
 * It decides what happens when; a `PlayerHost` makes it happen on a notebook.
 * What it has to say it emits as typed `Announcement`s (a `kind` and data,
 * never sentences), which `src/session`'s presenter words.
 */
export { Player, MAX_SPEED, MIN_SPEED, type PlaybackCursor, type PlayerEvents, type PlayerOptions } from './player.js';
export type { EditConflict, PlayerHost, RunResult } from './host.js';
export { EVENTS, STATES, TRANSITIONS, transition, type PlayerEvent, type PlayerState } from './state-machine.js';
export { ManualClock, realClock, realScheduler, type Cancel, type Clock, type Scheduler } from './clock.js';
export {
  type AnnouncedCell,
  type Announcement,
  type AnnouncementKind,
  type ConflictAnnouncement,
  type DeletingAnnouncement,
  type FailedAnnouncement,
  type FinishedAnnouncement,
  type NarrationAnnouncement,
  type Politeness,
  type RaisedAnnouncement,
  type RanAnnouncement,
  type ReplacingAnnouncement,
  type ResumingAnnouncement,
  type StepReachedAnnouncement,
  type StepStartedAnnouncement,
  type TookOverAnnouncement,
  type TypingAnnouncement,
  type YourTurnAnnouncement
} from './announcements.js';
export type { TypedText } from './cues.js';
export type { Listener, ListenerErrorHandler } from './emitter.js';
