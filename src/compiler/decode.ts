/** Where decoding failed, as a 1-based line and column of the source. */
export interface DecodeFailure {
  reason: string;
  line: number;
  column: number;
}

/**
 * Turn tutorial bytes into text, or say where they stop being UTF-8 text.
 * A byte-order mark is dropped and CRLF line ends become LF, which leaves
 * every line and column where it was.
 */
export function decodeTutorial(input: string | Uint8Array): { text: string } | DecodeFailure {
  let text: string;
  if (typeof input === 'string') {
    text = input;
  } else {
    const invalidAt = firstInvalidUtf8(input);
    if (invalidAt >= 0) {
      const before = new TextDecoder().decode(input.subarray(0, invalidAt));
      return {
        reason: `Unexpected byte 0x${input[invalidAt].toString(16).padStart(2, '0')}, expected UTF-8 text: save the file as UTF-8`,
        ...endPosition(before)
      };
    }
    text = new TextDecoder('utf-8', { ignoreBOM: false }).decode(input);
  }
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
  }
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    return {
      reason: 'Unexpected NUL character, expected text: this looks like a binary file, not a Markdown tutorial',
      ...endPosition(text.slice(0, nul))
    };
  }
  return { text: text.replace(/\r\n?/g, '\n') };
}

/** Index of the first byte that breaks UTF-8, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
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

function endPosition(text: string): { line: number; column: number } {
  const lines = text.split(/\r\n?|\n/);
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}
