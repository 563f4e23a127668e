import { basename, extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { formatBytes, userText } from '../../format/index.js';
import { recordingFromHistory, RecordingRefusedError, tutorialFromRecording } from '../../recorder/index.js';
import { displayName } from '../display-name.js';
import { describeErrno } from '../errno.js';
import { NotAFileError, TooLargeError, UsageError } from '../io.js';
import { readYStore, NotAYStoreError } from '../ystore.js';
import { writeOutput, type Command } from './command.js';

/** The largest YStore read: it is read whole into memory, as SQLite compiled to WebAssembly needs. */
export const YSTORE_LIMIT = 1024 * 1024 * 1024;

export const recordCommand: Command = {
  name: 'record',
  usage: 'notecast record --from-ystore DB --path NOTEBOOK.ipynb [--root DIR] [--since TIME] [-o OUT.md]',
  summary: "Write a notebook's history in jupyter-collaboration's YStore as a tutorial (to stdout without -o).",
  options: {
    'from-ystore': { type: 'string' },
    path: { type: 'string' },
    root: { type: 'string' },
    since: { type: 'string' },
    output: { type: 'string', short: 'o' }
  },
  minFiles: 0,
  maxFiles: 0,
  async run({ io, values }) {
    const db = values['from-ystore'] as string | undefined;
    const notebook = values.path as string | undefined;
    if (!db || !notebook) {
      throw new UsageError(`record needs --from-ystore and --path: ${recordCommand.usage}`);
    }
    const since = values.since === undefined ? undefined : parseTime(values.since as string);
    const name = displayName(db);
    // A journal beside the database means a write is under way, and its file is not whole yet.
    for (const suffix of ['-journal', '-wal']) {
      if (await io.identify(`${db}${suffix}`)) {
        io.stderr(
          `${name}: error: the database is being written (${displayName(`${db}${suffix}`)} is there): try again when the Jupyter server is idle, or stop it first; nothing was read\n`
        );
        return 1;
      }
    }
    let bytes: Uint8Array;
    try {
      bytes = await io.readFile(db, YSTORE_LIMIT);
    } catch (error) {
      const why =
        error instanceof TooLargeError
          ? `it is larger than ${formatBytes(YSTORE_LIMIT)}, the most read into memory`
          : `${describeErrno(error)}${error instanceof NotAFileError ? '; give the .jupyter_ystore.db file' : ''}`;
      io.stderr(`${name}: error: cannot read the YStore: ${why}\n`);
      return 1;
    }
    let documents;
    try {
      documents = await readYStore(bytes);
    } catch (error) {
      if (!(error instanceof NotAYStoreError)) {
        throw error;
      }
      io.stderr(
        `${name}: error: not a YStore: ${error.message}; give the .jupyter_ystore.db file jupyter-collaboration keeps in the folder its server ran in\n`
      );
      return 1;
    }
    const wanted = serverPath(notebook, (values.root as string | undefined) ?? resolve(db, '..'));
    const document = documents.find(candidate => candidate.path === wanted);
    if (!document) {
      const known = documents.map(candidate => candidate.path).filter((path): path is string => !!path);
      const listed = known.length ? `it has the history of ${known.map(path => userText(path)).join(', ')}` : 'it has the history of no notebook';
      io.stderr(
        `${name}: error: no history of ${userText(wanted)} in this YStore (${listed}); give --path as the server saw it, relative to --root (the folder the server ran in), or check that the notebook was opened with collaboration on\n`
      );
      return 1;
    }
    let written;
    try {
      const recording = recordingFromHistory(document.updates, { title: basename(wanted, extname(wanted)), since });
      if (recording.events.length === 0) {
        io.stderr(
          `${name}: warning: the history of ${userText(wanted)} ${since === undefined ? 'holds only the notebook as it was opened' : 'has no change after --since'}: the tutorial only recreates it\n`
        );
      }
      written = tutorialFromRecording(recording);
    } catch (error) {
      if (!(error instanceof RecordingRefusedError)) {
        throw error;
      }
      io.stderr(`${name}: error: cannot record ${userText(wanted)}: ${error.message}; nothing was written\n`);
      return 1;
    }
    const { markdown, notes } = written;
    const out = values.output === undefined || values.output === '-' ? '<stdout>' : displayName(values.output as string);
    for (const note of notes) {
      io.stderr(`${out}:${note.line}:1: warning: ${note.message} (recording-${note.kind})\n`);
    }
    await writeOutput(io, values.output as string | undefined, markdown);
    return 0;
  }
};

/** `--since` as ms: seconds since 1970 (as the store keeps them), or an ISO 8601 date and time. */
function parseTime(text: string): number {
  if (/^\d+(\.\d+)?$/.test(text.trim())) {
    return Number(text) * 1000;
  }
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) {
    throw new UsageError(`--since "${userText(text)}" is not a time: give seconds since 1970 or an ISO 8601 time such as 2026-12-01T14:30:00Z`);
  }
  return ms;
}

/** The notebook's path as the server names it: relative to its root, with `/`. */
function serverPath(path: string, root: string): string {
  const absolute = isAbsolute(path) ? path : resolve(path);
  const inside = relative(resolve(root), absolute);
  const chosen = inside && !inside.startsWith('..') && !isAbsolute(inside) ? inside : path;
  return chosen.split(sep).join('/').replace(/^\.\//, '');
}
