/** Where bytes stop being UTF-8: the offending byte and its 1-based line and column. */
export interface InvalidUtf8 {
  byte: number;
  line: number;
  column: number;
}

const fatal = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8', { ignoreBOM: true });
const REPLACEMENT = '\ufffd';

/**
 * Decode UTF-8 text, or say where it is not UTF-8. Linear: the platform's
 * decoder replaces each bad sequence with U+FFFD, and the text before the
 * first replacement that the bytes did not spell out themselves (EF BF BD)
 * is exactly the valid prefix, so its UTF-8 length is the bad byte's offset.
 */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { invalid: InvalidUtf8 } {
  try {
    return { text: fatal.decode(bytes) };
  } catch {
    return { invalid: locateInvalidUtf8(bytes) };
  }
}

function locateInvalidUtf8(bytes: Uint8Array): InvalidUtf8 {
  const text = lenient.decode(bytes);
  let offset = 0;
  let counted = 0;
  for (let index = text.indexOf(REPLACEMENT); index >= 0; index = text.indexOf(REPLACEMENT, index + 1)) {
    offset += Buffer.byteLength(text.slice(counted, index), 'utf8');
    counted = index;
    if (bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd) {
      // A real U+FFFD in the file: valid, keep looking.
      offset += 3;
      counted = index + 1;
      continue;
    }
    return { byte: bytes[offset], ...position(text, index) };
  }
  // Unreachable when the fatal decoder failed; answer the end rather than throw.
  return { byte: bytes[bytes.length - 1] ?? 0, ...position(text, text.length) };
}

function position(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: index - lineStart + 1 };
}
