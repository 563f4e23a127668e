/**
 * The `find=` text of a `:::replace`: the shortest stretch of a cell's text
 * around a change whose first occurrence is where the change is, since the
 * compiler replaces the first occurrence of `find`.
 *
 * Whether a stretch of length L fits somewhere around the change only gets
 * truer as L grows (a longer stretch around a first occurrence is one too),
 * so the length is found by doubling and then halving. Each length is tried
 * with `indexOf` at the few places it could start, or, when there are many,
 * with one pass of a rolling hash over the text before the change: a cell of
 * a repeated line, where the only first occurrence starts in the first line,
 * costs a few dozen passes rather than one search per place.
 */

/** The stretch `[start, end)` of `text` holding `[from, to)`, not empty, found first where it is. */
export function findableStretch(text: string, from: number, to: number): { start: number; end: number } {
  const shortest = Math.max(1, to - from);
  // Stretches cut at a surrogate pair's middle are skipped, so a length may fail where the next one fits.
  const pairs = /[\ud800-\udfff]/.test(text);
  const fitsNear = (length: number) =>
    stretchOf(text, from, to, length) ?? (pairs && length < text.length ? stretchOf(text, from, to, length + 1) : undefined);
  let low = shortest - 1;
  let high = shortest;
  while (high < text.length && !fitsNear(high)) {
    low = high;
    high = Math.min(text.length, high * 2);
  }
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (fitsNear(middle)) {
      high = middle;
    } else {
      low = middle;
    }
  }
  return stretchOf(text, from, to, high) ?? stretchOf(text, from, to, high + 1) ?? { start: 0, end: text.length };
}

/** Above this many places to try, one hashing pass is cheaper than a search at each. */
const DIRECT_TRIES = 32;

/** The stretch of exactly `length` around `[from, to)` found first where it is, the one reaching furthest back. */
function stretchOf(text: string, from: number, to: number, length: number): { start: number; end: number } | undefined {
  const lowest = Math.max(0, to - length);
  const highest = Math.min(from, text.length - length);
  if (highest < lowest) {
    return undefined;
  }
  const whole = (start: number) => !splitsPair(text, start) && !splitsPair(text, start + length);
  if (highest - lowest < DIRECT_TRIES) {
    for (let start = lowest; start <= highest; start++) {
      if (whole(start) && text.indexOf(text.slice(start, start + length)) === start) {
        return { start, end: start + length };
      }
    }
    return undefined;
  }
  const isFirst = firstOccurrences(text, length, highest);
  for (let start = lowest; start <= highest; start++) {
    if (!whole(start)) {
      continue;
    }
    if (isFirst(start)) {
      return { start, end: start + length };
    }
  }
  return undefined;
}

/** Two polynomial hashes: the first (30 bits, a small integer to V8) places a stretch in the table, the second tells apart most that share it. */
const HIGH = { modulus: 1_073_741_789, base: 65_599 };
const LOW = { modulus: 2_147_483_629, base: 31_337 };

/**
 * For every stretch of `length` starting at or before `last`, whether it is
 * the first with its text: an open-addressing table of where each hash is
 * first seen, filled as the hashes roll along the text. Two stretches with
 * both hashes equal are taken as equal (a collision could only make the
 * stretch chosen longer, never wrong).
 */
function firstOccurrences(text: string, length: number, last: number): (start: number) => boolean {
  const high = roller(HIGH, text, length);
  const low = roller(LOW, text, length);
  const highs = new Int32Array(last + 1);
  const lows = new Int32Array(last + 1);
  let size = 1024;
  while (size < 2 * (last + 1)) {
    size *= 2;
  }
  const slots = new Int32Array(size).fill(-1);
  const slotOf = (start: number) => {
    let slot = highs[start] & (size - 1);
    while (slots[slot] >= 0 && highs[slots[slot]] !== highs[start]) {
      slot = (slot + 1) & (size - 1);
    }
    return slot;
  };
  for (let start = 0; start <= last; start++) {
    highs[start] = high.hash;
    lows[start] = low.hash;
    const slot = slotOf(start);
    if (slots[slot] < 0) {
      slots[slot] = start;
    }
    if (start < last) {
      high.roll(start);
      low.roll(start);
    }
  }
  return start => {
    const first = slots[slotOf(start)];
    return first === start || (lows[first] !== lows[start] && text.indexOf(text.slice(start, start + length)) === start);
  };
}

/** The hash of the stretch of `length` at 0, and a step to the next stretch. */
function roller({ modulus, base }: { modulus: number; base: number }, text: string, length: number) {
  let power = 1;
  for (let i = 1; i < length; i++) {
    power = (power * base) % modulus;
  }
  const state = {
    hash: 0,
    /** From the stretch at `start` to the one at `start + 1`. */
    roll(start: number) {
      const dropped = (state.hash - ((text.charCodeAt(start) * power) % modulus) + modulus) % modulus;
      state.hash = (dropped * base + text.charCodeAt(start + length)) % modulus;
    }
  };
  for (let i = 0; i < length; i++) {
    state.hash = (state.hash * base + text.charCodeAt(i)) % modulus;
  }
  return state;
}

/** Whether `at` falls between the two halves of a surrogate pair. */
function splitsPair(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return at > 0 && at < text.length && code >= 0xdc00 && code <= 0xdfff && /[\ud800-\udbff]/.test(text[at - 1]);
}
