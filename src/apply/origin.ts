/**
 * The Yjs transaction origin of every edit the player makes. Undo managers
 * track only their own origins, so these edits never enter the learner's undo
 * history; and any local change with another origin is, by elimination, the
 * learner's.
 */
export const PLAYER_ORIGIN = 'notecast:player';
