import { INPUT_LIMITS } from '../format/index.js';

export { formatBytes, INPUT_LIMITS, type InputKind } from '../format/index.js';

/** The most any input may be, whatever its kind: what stdin is read up to before its kind is known. */
export const LARGEST_INPUT = Math.max(...Object.values(INPUT_LIMITS));
