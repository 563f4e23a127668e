import { INPUT_LIMITS } from '../format/index.js';

/** The largest tutorial the compiler accepts, in bytes of Markdown (format's `INPUT_LIMITS`). */
export const MAX_MARKDOWN_BYTES = INPUT_LIMITS.markdown;

/**
 * How deeply blocks may nest: quotes in lists in quotes, nested lists,
 * directive containers inside each other. Real tutorials stay under 6; the
 * Markdown parser's cost grows with the square of the depth, and a limit
 * keeps every input fast.
 */
export const MAX_NESTING = 32;

/**
 * How many emphasis and link marks (`*`, `_`, `[`, `]`) one paragraph may
 * hold. The parser matches them with a cost that grows with their number in
 * the paragraph (5,000 nested `*` take 15 s); 300 is far more than prose
 * uses (a paragraph with 20 bold phrases and 20 links has 160).
 */
export const MAX_INLINE_MARKS = 300;

/**
 * How long one paragraph may be, in characters (256 Ki, some 40,000 words:
 * hours of speech). The parser holds its whole state for a paragraph at once
 * (about 80 bytes per character), and a paragraph that may hold an inline
 * construct across its lines cannot be parsed in pieces, so this bounds what
 * one paragraph costs (about 20 MB) however large the tutorial.
 */
export const MAX_PARAGRAPH_CHARS = 256 * 1024;
