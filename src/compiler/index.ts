/** Markdown tutorials → Notecast scripts, with positioned diagnostics. */
export { compile, type CompileOptions, type CompileResult } from './compile.js';
export { directives, type Directive } from './directives/index.js';
export { DEFAULT_KERNEL, DEFAULT_PACE, DEFAULT_SPEED, type FrontMatter } from './front-matter.js';
export type { RuleId } from './report.js';
export { SPEED_RANGE } from './front-matter.js';
export { GAP_AFTER, readingMs, stepOpeningMs, typingMs } from './timing.js';
