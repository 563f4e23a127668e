/**
 * The Notecast player: a pure, deterministic playback engine for a script.
 * It decides what happens when; a `PlayerHost` makes it happen on a notebook.
 */
export { Player, MAX_SPEED, MIN_SPEED, type PlaybackCursor, type PlayerEvents, type PlayerOptions } from './player.js';
export type { EditConflict, PlayerHost, RunResult } from './host.js';
export { EVENTS, STATES, TRANSITIONS, transition, type PlayerEvent, type PlayerState } from './state-machine.js';
export { ManualClock, realClock, realScheduler, type Cancel, type Clock, type Scheduler } from './clock.js';
export { stepLabel, type Announcement, type Politeness } from './announcements.js';
export type { TypedText } from './cues.js';
export type { Listener, ListenerErrorHandler } from './emitter.js';
