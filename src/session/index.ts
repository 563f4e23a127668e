/**
 * The playback session: the one DOM-free host of the player (player, applier
 * and keyframes on a real notebook) that the lab, the command line and the
 * bench use; the loader that makes a script of a tutorial's text; and the
 * presenter, which words the player's typed announcements through a
 * translation bundle (the lab's, or English in Node), and cuts its words into
 * the player's language and the author's; and what a broadcasting
 * player publishes in the notebook's awareness for its followers. The headless
 * session plays on a notebook of its own with a manual clock and no kernel
 * (the command line's `test` and `timeline`, the tests and the bench).
 */
export {
  BROADCAST_FIELD,
  BROADCAST_VERSION,
  READ_ONLY_ROOM_FIELD,
  broadcastersIn,
  roomReadOnlyFor,
  broadcastState,
  readBroadcast,
  type BroadcastSource,
  type Broadcaster,
  type BroadcastState
} from './broadcast-state.js';
export { HeadlessSession, playToEnd, settle, type HeadlessOptions } from './headless-session.js';
export { PlaybackSession, type PlaybackSessionOptions, type SessionFrontEnd } from './playback-session.js';
export { Presenter, type PresentOptions, type Verbosity } from './presenter.js';
export { describeState } from './state-words.js';
export { authored, languageParts, type LanguagePart } from './language-parts.js';
export {
  kindOfContent,
  loadTutorialText,
  type CompilerMessage,
  type CompileTutorial,
  type LoadedTutorial,
  type LoadOptions,
  type TutorialProblem
} from './load-tutorial.js';
