/**
 * Loaded before every test file (`node --test --import`): keeps the test output readable and
 * makes an unexpected console warning or error fail the run.
 *
 * `@jupyter/ydoc` builds each new cell before adding it to its document, and Yjs warns about that
 * read ("Invalid access: Add Yjs type to a document before reading data") although nothing is
 * wrong: thousands of times per run. That one warning is dropped here, as the command line drops
 * it (`filterPrematureAccessWarnings`). Any other `console.warn` or `console.error` still shows,
 * and the test file's process then ends with exit code 1, which fails the file: a warning nobody
 * expected is a finding, not noise. A test that means to provoke one replaces `console.warn` /
 * `console.error` itself for that moment (the replacement is what is called).
 */
const PREMATURE_ACCESS = 'Invalid access: Add Yjs type to a document';

const unexpected: string[] = [];

function watch(level: 'warn' | 'error'): void {
  const original = console[level].bind(console);
  console[level] = (...args: unknown[]) => {
    if (args.some(arg => typeof arg === 'string' && arg.startsWith(PREMATURE_ACCESS))) {
      return;
    }
    unexpected.push(`console.${level}: ${args.map(arg => (arg instanceof Error ? (arg.stack ?? arg.message) : String(arg))).join(' ')}`);
    original(...args);
  };
}

watch('warn');
watch('error');

process.on('exit', code => {
  if (unexpected.length > 0 && code === 0) {
    process.stderr.write(
      `\n${unexpected.length} unexpected console message(s) in ${process.argv[1] ?? 'this test file'}; the first:\n  ${unexpected[0].slice(0, 2000)}\n`
    );
    process.exitCode = 1;
  }
});
