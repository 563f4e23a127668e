/**
 * Where an offset in the text the tutorial expects lands in the text the
 * learner actually has. The two differ only by the learner's edits, so the
 * common prefix and suffix are the tutorial's own text: an offset inside
 * them maps exactly; an offset inside the learner's changed region maps to
 * its end, after what the learner wrote, so their text stays whole.
 */
export function mapOffset(expected: string, actual: string, offset: number): number {
  if (expected === actual) {
    return offset;
  }
  const { prefix, suffix } = commonEnds(expected, actual);
  if (offset <= prefix) {
    return offset;
  }
  if (offset >= expected.length - suffix) {
    return offset + (actual.length - expected.length);
  }
  return actual.length - suffix;
}

/** Lengths of the longest common prefix and (non-overlapping) suffix. */
export function commonEnds(a: string, b: string): { prefix: number; suffix: number } {
  const limit = Math.min(a.length, b.length);
  let prefix = 0;
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) {
    prefix++;
  }
  // Never split a surrogate pair between the common part and the change.
  if (prefix > 0 && prefix < limit && isHighSurrogate(a.charCodeAt(prefix - 1))) {
    prefix--;
  }
  let suffix = 0;
  while (suffix < limit - prefix && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) {
    suffix++;
  }
  if (suffix > 0 && suffix < limit - prefix && isLowSurrogate(a.charCodeAt(a.length - suffix))) {
    suffix--;
  }
  return { prefix, suffix };
}

/** The single replacement that turns `from` into `to`: delete `remove` at `at`, insert `insert`. */
export function minimalEdit(from: string, to: string): { at: number; remove: number; insert: string } | null {
  if (from === to) {
    return null;
  }
  const { prefix, suffix } = commonEnds(from, to);
  return { at: prefix, remove: from.length - prefix - suffix, insert: to.slice(prefix, to.length - suffix) };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
