/** Command ids (keep them stable: users remap their shortcuts by these names). */
export namespace CommandIDs {
  export const open = 'notecast:open';
  export const togglePlay = 'notecast:toggle-play';
  export const nextStep = 'notecast:next-step';
  export const previousStep = 'notecast:previous-step';
  export const takeOver = 'notecast:take-over';
  export const resume = 'notecast:resume';
  export const restart = 'notecast:restart';
  export const repeatNarration = 'notecast:repeat-narration';
  export const showShortcuts = 'notecast:show-shortcuts';
  /** Runs the cells the kernel needs for the current step; never automatic. */
  export const runToHere = 'notecast:run-cells-up-to-here';
  /** What the router runs for `/lab?notecast=<path>` (url-route.ts); not in the palette. */
  export const openFromUrl = 'notecast:open-from-url';
}

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
export const SINGLE_KEYS: Record<string, string> = {
  k: CommandIDs.togglePlay,
  j: CommandIDs.previousStep,
  l: CommandIDs.nextStep
};
