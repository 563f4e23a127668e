import { escapeControlCharacters } from '../format/index.js';

/**
 * A writer for stdout or stderr that survives the reader going away. When
 * `notecast compile x.md | head -c 10` closes the pipe, Node reports EPIPE as
 * an 'error' event that would crash with a stack trace; here the writer just
 * stops writing and the command ends with its own exit status. Any other
 * write failure (`> /dev/full`) goes to `onFailure`.
 *
 * On a terminal, control characters are shown escaped, so a tutorial's text
 * cannot send escape sequences to it; redirected output stays byte for byte.
 */
export function streamWriter(stream: NodeJS.WriteStream, onFailure: (error: NodeJS.ErrnoException) => void): (text: string) => void {
  let closed = false;
  let listening = false;
  return text => {
    if (closed) {
      return;
    }
    if (!listening) {
      listening = true;
      stream.on('error', (error: NodeJS.ErrnoException) => {
        closed = true;
        if (error.code !== 'EPIPE') {
          onFailure(error);
        }
      });
    }
    stream.write(stream.isTTY ? escapeControlCharacters(text) : text);
  };
}
