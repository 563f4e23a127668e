/**
 * Command ids (keep them stable: users remap their shortcuts by these names).
 * JupyterLab's `CommandIDs` namespaces, as a frozen object: the same
 * `CommandIDs.nextStep` at each use, without a TypeScript namespace.
 */
export const CommandIDs = Object.freeze({
  open: 'notecast:open',
  togglePlay: 'notecast:toggle-play',
  nextStep: 'notecast:next-step',
  previousStep: 'notecast:previous-step',
  takeOver: 'notecast:take-over',
  resume: 'notecast:resume',
  restart: 'notecast:restart',
  repeatNarration: 'notecast:repeat-narration',
  showShortcuts: 'notecast:show-shortcuts',
  /** Runs the cells the kernel needs for the current step; never automatic. */
  runToHere: 'notecast:run-cells-up-to-here',
  /** The recorder (recording/commands.ts). */
  startRecording: 'notecast:start-recording',
  stopRecording: 'notecast:stop-recording',
  recordingNewStep: 'notecast:recording-new-step',
  /** The classroom over jupyter-collaboration (classroom/commands.ts); offered only with collaboration. */
  broadcast: 'notecast:broadcast',
  follow: 'notecast:follow',
  stopFollowing: 'notecast:stop-following',
  makeMyCopy: 'notecast:make-my-copy',
  /** What the router runs for `/lab?notecast=<path>` (shell/url-route.ts); not in the palette. */
  openFromUrl: 'notecast:open-from-url'
} as const);

/** One of the ids above. */
export type CommandID = (typeof CommandIDs)[keyof typeof CommandIDs];

/** The commands a player acts on, in the order the shortcut dialog lists them. */
export const PLAYER_COMMANDS = [
  CommandIDs.togglePlay,
  CommandIDs.previousStep,
  CommandIDs.nextStep,
  CommandIDs.takeOver,
  CommandIDs.resume,
  CommandIDs.restart,
  CommandIDs.repeatNarration,
  CommandIDs.runToHere,
  CommandIDs.showShortcuts
] as const;

/** Single keys while focus is inside the player, when the setting allows them (R4). */
export const SINGLE_KEYS: Readonly<Record<string, CommandID>> = {
  k: CommandIDs.togglePlay,
  j: CommandIDs.previousStep,
  l: CommandIDs.nextStep
};
