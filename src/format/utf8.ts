/**
 * UTF-8 checks shared by every reader of author files (a Markdown tutorial,
 * a `.json` script): bytes that are not UTF-8 are refused with the place they
 * stop being text, never decoded to U+FFFD and carried on silently.
 */

/** Index of the first byte that breaks UTF-8 (a stray continuation byte, an overlong or truncated sequence, a surrogate, a code point past U+10FFFF), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i];
    let extra: number;
    let min: number;
    if (byte < 0x80) {
      i++;
      continue;
    } else if (byte >= 0xc2 && byte <= 0xdf) {
      extra = 1;
      min = 0x80;
    } else if (byte >= 0xe0 && byte <= 0xef) {
      extra = 2;
      min = 0x800;
    } else if (byte >= 0xf0 && byte <= 0xf4) {
      extra = 3;
      min = 0x10000;
    } else {
      return i;
    }
    if (i + extra >= bytes.length) {
      return i;
    }
    let code = byte & (0xff >> (extra + 2));
    for (let k = 1; k <= extra; k++) {
      const next = bytes[i + k];
      if ((next & 0xc0) !== 0x80) {
        return i;
      }
      code = (code << 6) | (next & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
      return i;
    }
    i += extra + 1;
  }
  return -1;
}

/** Where UTF-8 decoding failed: the byte, and its 1-based line and column (UTF-16 units, as editors count). */
export interface Utf8Failure {
  message: string;
  offset: number;
  line: number;
  column: number;
}

/**
 * Bytes as text, or where they stop being UTF-8. A leading byte-order mark is
 * dropped (it is not part of the text). Lines end at LF, CR or CRLF.
 */
export function decodeUtf8(bytes: Uint8Array): { text: string } | Utf8Failure {
  const invalidAt = firstInvalidUtf8(bytes);
  if (invalidAt < 0) {
    return { text: new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes) };
  }
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < invalidAt; i++) {
    const byte = bytes[i];
    if (byte === 0x0a || (byte === 0x0d && bytes[i + 1] !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  // Everything before the bad byte is valid, so it decodes exactly (a BOM at
  // the very start is no column).
  const column = new TextDecoder('utf-8', { ignoreBOM: lineStart > 0 }).decode(bytes.subarray(lineStart, invalidAt)).length + 1;
  return {
    message: `Unexpected byte 0x${bytes[invalidAt].toString(16).padStart(2, '0')}, expected UTF-8 text: save the file as UTF-8`,
    offset: invalidAt,
    line,
    column
  };
}

/**
 * The index of the first surrogate in `text` that is not half of a pair, or
 * -1. Text from bytes never has one (UTF-8 cannot encode it), but a string
 * handed in can, and a lone half reaches a notebook (saved as UTF-8) as U+FFFD.
 */
export function firstLoneSurrogate(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return i;
    }
    if (code >= 0xdc00 && code <= 0xdfff) {
      return i;
    }
  }
  return -1;
}
