import { readFile, writeFile } from 'node:fs/promises';
import type { CliIO } from './io.js';

/** The real terminal and file system. */
export const nodeIO: CliIO = {
  stdout: text => void process.stdout.write(text),
  stderr: text => void process.stderr.write(text),
  readFile: path => readFile(path),
  writeFile: (path, text) => writeFile(path, text, 'utf8')
};
