import { stat } from 'node:fs/promises';
import { basename, extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { formatBytes, plural, userText } from '../../format/index.js';
import { recordingFromHistory, RecordingRefusedError, tutorialFromRecording } from '../../recorder/index.js';
import { chooseDocument, type ChosenDocument, type NotebookNow } from '../choose-document.js';
import { displayName } from '../display-name.js';
import { describeErrno } from '../errno.js';
import { defaultFileIdDatabase, FILE_ID_LIMITS, readFileIds, type FileIdRecord } from '../file-ids.js';
import { NotAFileError, TooLargeError, UsageError, type CliIO } from '../io.js';
import { DatabaseShapeError, ReadLimitError } from '../sqlite-file.js';
import { readYStore, YSTORE_LIMITS, type StoredDocument } from '../ystore.js';
import { writeOutput, type Command } from './command.js';

export const recordCommand: Command = {
  name: 'record',
  usage: 'notecast record --from-ystore DB --path NOTEBOOK.ipynb [--root DIR] [--fileid-db DB] [--since TIME] [-o OUT.md]',
  summary: "Write a notebook's history in jupyter-collaboration's YStore as a tutorial (to stdout without -o).",
  options: {
    'from-ystore': { type: 'string' },
    'fileid-db': { type: 'string' },
    path: { type: 'string' },
    root: { type: 'string' },
    since: { type: 'string' },
    output: { type: 'string', short: 'o' }
  },
  minFiles: 0,
  maxFiles: 0,
  inputOptions: ['from-ystore', 'fileid-db'],
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
      if (db !== '-' && (await io.identify(`${db}${suffix}`))) {
        io.stderr(
          `${name}: error: the database is being written (${displayName(`${db}${suffix}`)} is there): try again when the Jupyter server is idle, or stop it first; nothing was read\n`
        );
        return 1;
      }
    }
    const bytes = await readDatabaseFile(io, db, YSTORE_LIMITS.fileBytes, 'the YStore', 'give the .jupyter_ystore.db file');
    if (typeof bytes === 'string') {
      io.stderr(`${name}: error: ${bytes}\n`);
      return 1;
    }
    let documents;
    try {
      documents = await readYStore(bytes);
    } catch (error) {
      if (error instanceof ReadLimitError) {
        io.stderr(`${name}: error: ${limitReached(error)}\n`);
        return 1;
      }
      if (!(error instanceof DatabaseShapeError)) {
        throw error;
      }
      io.stderr(
        `${name}: error: not a YStore: ${error.message}; give the .jupyter_ystore.db file jupyter-collaboration keeps in the folder its server ran in\n`
      );
      return 1;
    }
    const root = resolve((values.root as string | undefined) ?? resolve(db, '..'));
    const wanted = serverPath(notebook, root);
    const candidates = documents.filter(candidate => candidate.path === wanted);
    if (!candidates.length) {
      const known = [...new Set(documents.map(candidate => candidate.path).filter((path): path is string => !!path))];
      const listed = known.length ? `it has the history of ${known.map(path => userText(path)).join(', ')}` : 'it has the history of no notebook';
      io.stderr(
        `${name}: error: no history of ${userText(wanted)} in this YStore (${listed}); give --path as the server saw it, relative to --root (the folder the server ran in), or check that the notebook was opened with collaboration on\n`
      );
      return 1;
    }
    const now: NotebookNow = { path: wanted, onDisk: resolve(root, wanted) };
    let fileIds: { records: FileIdRecord[]; file: string } | undefined;
    if (candidates.length > 1) {
      now.inode = (await stat(now.onDisk).catch(() => undefined))?.ino;
      const explicit = values['fileid-db'] as string | undefined;
      const file = explicit ?? defaultFileIdDatabase();
      const records = await readFileIdRecords(io, file, candidates, explicit !== undefined);
      if (records === 'failed') {
        return 1;
      }
      fileIds = records && { records, file };
    }
    const chosen = chooseDocument(candidates, now, fileIds?.records) as ChosenDocument;
    if (candidates.length > 1) {
      io.stderr(`${name}: warning: ${severalDocuments(wanted, candidates, chosen, fileIds?.file)}\n`);
    }
    let written;
    try {
      const recording = recordingFromHistory(chosen.document.updates, { title: basename(wanted, extname(wanted)), since });
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

/** A database file's bytes, or why it cannot be read (for a message). */
async function readDatabaseFile(io: CliIO, path: string, limit: number, what: string, hint: string): Promise<Uint8Array | string> {
  try {
    return await io.readFile(path, limit);
  } catch (error) {
    const why =
      error instanceof TooLargeError
        ? `it is larger than ${formatBytes(limit)}, the most read into memory`
        : `${describeErrno(error)}${error instanceof NotAFileError ? `; ${hint}` : ''}`;
    return `cannot read ${what}: ${why}`;
  }
}

/**
 * jupyter-server-fileid's records of the candidates' file ids; undefined
 * when its default database is not there or not readable (a note says so),
 * `failed` when the one given with --fileid-db cannot be read (reported).
 */
async function readFileIdRecords(
  io: CliIO,
  file: string,
  candidates: readonly StoredDocument[],
  explicit: boolean
): Promise<FileIdRecord[] | undefined | 'failed'> {
  if (!explicit && !(await io.identify(file))) {
    return undefined;
  }
  const name = displayName(file);
  const bytes = await readDatabaseFile(io, file, FILE_ID_LIMITS.fileBytes, "jupyter-server-fileid's database", 'give its file_id_manager.db');
  let problem = typeof bytes === 'string' ? bytes : undefined;
  if (typeof bytes !== 'string') {
    try {
      return await readFileIds(
        bytes,
        candidates.map(document => document.fileId).filter((id): id is string => id !== undefined)
      );
    } catch (error) {
      if (!(error instanceof DatabaseShapeError || error instanceof ReadLimitError)) {
        throw error;
      }
      problem = error instanceof ReadLimitError ? limitReached(error) : `not jupyter-server-fileid's database: ${error.message}`;
    }
  }
  if (explicit) {
    io.stderr(`${name}: error: ${problem}; give the file_id_manager.db of the server that kept the YStore (\`jupyter --data-dir\` shows its folder)\n`);
    return 'failed';
  }
  io.stderr(`${name}: warning: ${problem}; it is not used\n`);
  return undefined;
}

function limitReached(error: ReadLimitError): string {
  const what = error.bound === 'rows' ? `${error.limit.toLocaleString('en-US')} rows` : formatBytes(error.limit);
  return `it holds more than ${what} of notebook history, the most read: copy the notebook's own rows into a smaller database (README, "From jupyter-collaboration's history") and give that`;
}

/** The note when several documents have the notebook's path: which one is recorded, and why. */
function severalDocuments(path: string, candidates: readonly StoredDocument[], chosen: ChosenDocument, fileIdFile: string | undefined): string {
  const describe = (document: StoredDocument): string => `${userText(document.room)} (last changed ${new Date(document.lastChange).toISOString()})`;
  const others = candidates.filter(document => document !== chosen.document);
  const why =
    chosen.reason === 'file-id'
      ? `the file id ${displayName(fileIdFile ?? '')} gives ${userText(path)} now`
      : fileIdFile
        ? `the one changed last (${displayName(fileIdFile)} does not tell which is the file there now)`
        : "the one changed last; give --fileid-db with the server's file_id_manager.db to take the file id it gives the path";
  return `${plural(candidates.length, 'document')} in this YStore have the path ${userText(path)} (the notebook was deleted and made again, or uploaded over): recording ${describe(chosen.document)}, ${why}; not ${others.map(describe).join(', ')}`;
}

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

/**
 * The notebook's path as the server names it: relative to its root, with
 * `/`. A relative `--path` is already relative to the root (whatever the
 * current folder); an absolute one is a path on disk, inside the root.
 */
function serverPath(path: string, root: string): string {
  const absolute = isAbsolute(path) ? path : resolve(root, path);
  const inside = relative(root, absolute);
  const chosen = inside && !inside.startsWith('..') && !isAbsolute(inside) ? inside : path;
  return chosen.split(sep).join('/').replace(/^\.\//, '');
}
