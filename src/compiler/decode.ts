import { firstInvalidUtf8, firstLoneSurrogate } from '../format/index.js';

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
    // A string handed in (not read from bytes) can hold half of a surrogate
    // pair, which no file can: it would reach the notebook as U+FFFD.
    const lone = firstLoneSurrogate(input);
    if (lone >= 0) {
      return {
        reason: `Unexpected lone surrogate U+${input.charCodeAt(lone).toString(16).toUpperCase()}, expected text: half of a character cannot be typed into a notebook`,
        ...endPosition(input.slice(0, lone))
      };
    }
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

function endPosition(text: string): { line: number; column: number } {
  const lines = text.split(/\r\n?|\n/);
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}
