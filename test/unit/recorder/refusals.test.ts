import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as Y from 'yjs';
import { compile } from '../../../src/compiler/index.js';
import { outputMatches, type Script } from '../../../src/format/index.js';
import { recordingFromHistory, RecordingRefusedError, tutorialFromRecording, type Recording, type StoredUpdate } from '../../../src/recorder/index.js';
import { replay } from '../../helpers/editing-session.js';

/**
 * What `notecast record` refuses, and what it carries: a document that is not
 * a notebook as Jupyter lays one out is refused where it is read, saying what
 * was found; text a tutorial cannot hold is refused naming the cell; the rest
 * is written so that it compiles and plays back to the same notebook.
 */

/** A history: the starting state (one good cell), then each change as its own update, a second apart. */
function history(...changes: Array<(doc: Y.Doc) => void>): StoredUpdate[] {
  const doc = new Y.Doc();
  const cells = doc.getArray<unknown>('cells');
  cells.push([cellMap('c0', 'code', new Y.Text('a = 1'))]);
  const updates: StoredUpdate[] = [{ update: Y.encodeStateAsUpdate(doc), timestamp: 0 }];
  let clock = 0;
  doc.on('update', (update: Uint8Array) => updates.push({ update, timestamp: clock }));
  for (const change of changes) {
    clock += 1000;
    doc.transact(() => change(doc));
  }
  doc.destroy();
  return updates;
}

function cellMap(id: unknown, type: unknown, source: unknown): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  map.set('id', id);
  map.set('cell_type', type);
  map.set('source', source);
  return map;
}

const cellsOf = (doc: Y.Doc) => doc.getArray<unknown>('cells');

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof RecordingRefusedError, `refused, not ${String(error)}`);
    return error.message;
  }
  assert.fail('expected a refusal');
}

test('documents that are not notebooks are refused, saying what was found where', () => {
  const shapes: Array<[string, StoredUpdate[], RegExp]> = [
    ['a number among the cells', history(doc => cellsOf(doc).push([42])), /cell 2 is the number 42, not a cell/],
    ['text among the cells', history(doc => cellsOf(doc).insert(0, ['print(1)'])), /cell 1 is the text "print\(1\)", not a cell/],
    ['a plain object among the cells', history(doc => cellsOf(doc).push([{ id: 'x', source: 'y' }])), /cell 2 is a plain object, not a cell/],
    [
      'a source that is a number',
      history(doc => cellsOf(doc).push([cellMap('c1', 'code', 7)])),
      /the source of cell 2 \(id "c1"\) is the number 7, not text/
    ],
    [
      'a source that is a Y.Map',
      history(doc => cellsOf(doc).push([cellMap('c1', 'code', new Y.Map())])),
      /the source of cell 2 \(id "c1"\) is a Y\.Map, not text/
    ],
    [
      'a source set to a Y.Array later',
      history(doc => (cellsOf(doc).get(0) as Y.Map<unknown>).set('source', new Y.Array())),
      /the source of cell 1 \(id "c0"\) is a Y\.Array/
    ],
    ['a cell without an id', history(doc => cellsOf(doc).push([cellMap(undefined, 'code', new Y.Text('x'))])), /cell 2 has no id/],
    [
      'an unknown cell type',
      history(doc => cellsOf(doc).push([cellMap('c1', 'heading', new Y.Text('x'))])),
      /cell 2 \(id "c1"\) has the cell type the text "heading"/
    ],
    [
      'an embedded object in a source',
      history(doc => ((cellsOf(doc).get(0) as Y.Map<unknown>).get('source') as Y.Text).insertEmbed(0, { image: 'x' })),
      /holds an embedded object|had an embedded object inserted/
    ]
  ];
  for (const [what, updates, expected] of shapes) {
    const message = refusal(() => recordingFromHistory(updates, { title: 'T' }));
    assert.match(message, expected, what);
    assert.match(message, /^it is not a notebook as Jupyter writes one: .*; the history was not written by Jupyter/, what);
  }
});

test('`cells` that is text or a map, not a list, is refused', () => {
  for (const [what, make] of [
    ['text', (doc: Y.Doc) => doc.getText('cells').insert(0, 'hello')],
    ['a map', (doc: Y.Doc) => doc.getMap('cells').set('a', 1)]
  ] as const) {
    const doc = new Y.Doc();
    make(doc);
    const updates = [{ update: Y.encodeStateAsUpdate(doc), timestamp: 0 }];
    doc.destroy();
    assert.match(
      refusal(() => recordingFromHistory(updates, { title: 'T' })),
      /`cells`|cell 1 is the text "h"/,
      what
    );
  }
});

test('an update that is not a Yjs update is refused, with its time', () => {
  const updates = [...history(), { update: new Uint8Array([1, 200, 3, 4, 5]), timestamp: 5000 }];
  assert.match(
    refusal(() => recordingFromHistory(updates, { title: 'T' })),
    /update stored at 1970-01-01T00:00:05\.000Z is not a Yjs update/
  );
});

function recording(initial: Recording['initial'], events: Recording['events'] = [], fields: Partial<Recording> = {}): Recording {
  return { title: 'T', kernel: 'python3', startedAt: 0, endedAt: 10_000, initial, events, ...fields };
}

function compiled(markdown: string): Script {
  const result = compile(markdown);
  assert.ok(result.script, result.file.messages.map(String).join('\n'));
  return result.script;
}

test('a cell holding \\r\\n, a lone \\r, NUL or half a character is refused, naming the cell and the line', () => {
  for (const [text, what] of [
    ['a = 1\r\nb = 2', /cell 2 \(id "win"\) holds a carriage return .* on its line 1/],
    ['a = 1\nb = 2\rc', /cell 2 \(id "win"\) holds a carriage return .* on its line 2/],
    ['x\u0000', /holds a NUL character/],
    ['\ud83d', /half of a character \(the lone surrogate U\+D83D\)/]
  ] as const) {
    const cells = [
      { id: 'ok', type: 'code' as const, source: 'fine' },
      { id: 'win', type: 'code' as const, source: text }
    ];
    assert.match(
      refusal(() => tutorialFromRecording(recording(cells))),
      what
    );
    // Typed in later, too.
    const typed = recording(cells.slice(0, 1), [
      { kind: 'insert-cell', at: 1000, index: 1, cell: { id: 'win', type: 'code', source: '' } },
      { kind: 'edit', at: 2000, id: 'win', offset: 0, remove: 0, insert: text }
    ]);
    assert.match(
      refusal(() => tutorialFromRecording(typed)),
      what
    );
  }
});

test('kernel names the format does not take are refused; a blank title gets one', () => {
  for (const kernel of ['py`thon', 'my kernel', 'pythön', '']) {
    assert.match(
      refusal(() => tutorialFromRecording(recording([], [], { kernel }))),
      /kernel is named .*choose such a kernel/,
      kernel
    );
  }
  for (const title of [' ', '\t\n', '']) {
    const script = compiled(tutorialFromRecording(recording([{ id: 'a', type: 'code', source: 'x' }], [], { title })).markdown);
    assert.equal(script.title, 'Recorded tutorial');
  }
});

test('a run that raised gets error=, and outputs are written as `notecast test` compares them', () => {
  const cell = { id: 'a', type: 'code' as const, source: 'boom()' };
  const outputs = ['line 1\r\nline 2\rline 3\n', 'before\u0000after\n', `${'x'.repeat(100)}\n`.repeat(2000), 'half \ud800 a pair'];
  const { markdown, notes } = tutorialFromRecording(
    recording(
      [cell],
      [
        { kind: 'run', at: 1000, id: 'a', source: 'boom()', output: 'partial\n', error: 'ZeroDivisionError' },
        { kind: 'run', at: 2000, id: 'a', source: 'boom()', output: '', error: 'not a name!' },
        ...outputs.map((output, n) => ({ kind: 'run' as const, at: 3000 + n * 1000, id: 'a', source: 'boom()', output }))
      ]
    )
  );
  const runs = compiled(markdown).steps.flatMap(step => step.operations.filter(op => op.op === 'run'));
  assert.equal(runs[0].op === 'run' && runs[0].error, 'ZeroDivisionError');
  assert.equal(runs[1].op === 'run' && runs[1].error, undefined);
  assert.ok(notes.some(note => note.kind === 'error-not-named'));
  assert.ok(notes.some(note => note.kind === 'output-shortened'));
  outputs.forEach((output, n) => {
    const run = runs[2 + n];
    assert.ok(run.op === 'run' && run.expect !== undefined && outputMatches(run.expect, output, run.match), `output ${n} is expected as printed`);
    assert.ok(run.op === 'run' && (run.expect ?? '').length < 20_000);
  });
});

test('one digit changed in a 600 KB cell is a replace with a short find, found first where the change is', () => {
  let source = '';
  for (let row = 0; source.length < 600_000; row++) {
    source += `row_${row} = ${(row * 7919) % 10_007}\n`;
  }
  const at = source.indexOf('=', 471_000) + 2;
  const changed = `${source.slice(0, at)}${source[at] === '9' ? '8' : '9'}${source.slice(at + 1)}`;
  const { markdown } = tutorialFromRecording(
    recording([{ id: 'big', type: 'code', source }], [{ kind: 'edit', at: 5000, id: 'big', offset: at, remove: 1, insert: changed[at] }])
  );
  const find = /find="([^"]*)"/.exec(markdown)?.[1];
  assert.ok(find !== undefined && find.length <= 12, `find="${find}"`);
  assert.deepEqual(replay(compiled(markdown)), [{ type: 'code', source: changed }]);
});
