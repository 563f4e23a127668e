/**
 * `@jupyter/ydoc` builds each new cell before adding it to the document, and
 * Yjs 13.6 warns on stderr about that read ("Invalid access: Add Yjs type to a
 * document before reading data") although nothing is wrong. The command line
 * (and the bench) keep that one warning out of their output; every other
 * warning still shows. This patches the process's `console.warn`, which only a
 * program's entry point may do, so it is not part of the library: importing
 * `jupyterlab-notecast` never touches the console.
 * Returns a function that puts `console.warn` back.
 */
export function filterPrematureAccessWarnings(): () => void {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!args.some(arg => typeof arg === 'string' && arg.startsWith('Invalid access: Add Yjs type to a document'))) {
      warn(...args);
    }
  };
  return () => {
    console.warn = warn;
  };
}
