import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as Y from 'yjs';
import { seededRandom } from '../../../src/format/keystrokes.js';
import { ListChanges, type ListChange } from '../../../src/recorder/list-changes.js';

/**
 * `ListChanges` must read every change exactly as Yjs's own `event.delta`
 * does (the recorder's edits and cell moves are built on it), for a Y.Text
 * and a Y.Array, edited locally and arriving as updates from other clients,
 * with several edits in one transaction, edits that delete what the same
 * transaction inserted, and long histories whose deletions stay in the list
 * on either side of the place it remembers. Rerun a failure with
 * LIST_CHANGES_SEED=<seed printed below>.
 */
const SEED = Number(process.env.LIST_CHANGES_SEED ?? Date.now() % 2 ** 31);
const RUNS = Number(process.env.LIST_CHANGES_RUNS ?? 60);

/** Yjs's delta without its trailing retain (which says nothing), as `ListChanges` gives it. */
function yjsDelta(event: Y.YEvent<Y.AbstractType<unknown>>): ListChange[] {
  const delta = event.delta.map(part => ({ ...part })) as ListChange[];
  while (delta.length && 'retain' in delta[delta.length - 1]) {
    delta.pop();
  }
  return delta;
}

type Edit = (doc: Y.Doc) => void;
/** Yjs types its events by their type; the recorder reads them all alike. */
type AnyEvent = Y.YEvent<Y.AbstractType<unknown>>;

function randomEdit(random: () => number, kind: 'text' | 'array'): Edit {
  const pick = (n: number) => Math.floor(random() * n);
  const pieces = ['a', 'bc', 'def', '\n', 'é😀', 'xyzw'];
  const one = (doc: Y.Doc): void => {
    const list = kind === 'text' ? doc.getText('t') : doc.getArray<number>('a');
    const length = list.length;
    if (length > 0 && random() < 0.45) {
      const at = pick(length);
      list.delete(at, 1 + pick(Math.min(4, length - at)));
    } else if (kind === 'text') {
      (list as Y.Text).insert(pick(length + 1), pieces[pick(pieces.length)]);
    } else {
      (list as Y.Array<number>).insert(
        pick(length + 1),
        Array.from({ length: 1 + pick(3) }, () => pick(1000))
      );
    }
  };
  const count = random() < 0.3 ? 2 + pick(4) : 1;
  return doc =>
    doc.transact(() => {
      for (let n = 0; n < count; n++) {
        one(doc);
      }
    });
}

for (const kind of ['text', 'array'] as const) {
  test(`every change to a Y.${kind === 'text' ? 'Text' : 'Array'} reads as Yjs's delta, locally and from other clients (seed ${SEED})`, () => {
    const random = seededRandom(SEED + (kind === 'text' ? 0 : 1));
    let compared = 0;
    for (let run = 0; run < RUNS; run++) {
      // Three writers; the reader gets their updates as a stored history or a room would give them.
      const writers = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
      const reader = new Y.Doc();
      const local = new ListChanges();
      const remote = new ListChanges();
      const observe = (doc: Y.Doc, changes: ListChanges): void => {
        const list = kind === 'text' ? doc.getText('t') : doc.getArray('a');
        list.observe(typed => {
          const event = typed as unknown as AnyEvent;
          assert.deepEqual(changes.changes(event), yjsDelta(event), `seed ${SEED}, run ${run}: ${JSON.stringify(event.delta)}`);
          compared++;
        });
      };
      observe(writers[0], local);
      observe(reader, remote);
      const edits = 40 + Math.floor(random() * 120);
      for (let n = 0; n < edits; n++) {
        const writer = writers[Math.floor(random() * writers.length)];
        const before = Y.encodeStateVector(writer);
        randomEdit(random, kind)(writer);
        const update = Y.encodeStateAsUpdate(writer, before);
        // The others hear of it now or, now and then, later and all at once.
        for (const other of writers) {
          if (other !== writer && random() < 0.8) {
            Y.applyUpdate(other, Y.encodeStateAsUpdate(writer, Y.encodeStateVector(other)));
          }
        }
        Y.applyUpdate(reader, update);
      }
      for (const writer of writers) {
        Y.applyUpdate(reader, Y.encodeStateAsUpdate(writer));
      }
    }
    assert.ok(compared > RUNS * 40, `only ${compared} changes compared`);
  });
}

test('the remembered place is dropped when a change passes by unread', () => {
  const doc = new Y.Doc();
  const text = doc.getText('t');
  const changes = new ListChanges();
  let read = true;
  let last: ListChange[] = [];
  text.observe(event => {
    if (read) {
      last = changes.changes(event as unknown as AnyEvent);
    } else {
      changes.forget(text as unknown as Y.AbstractType<unknown>);
    }
  });
  text.insert(0, 'hello world');
  text.insert(11, '!');
  read = false;
  text.insert(0, '>> ');
  read = true;
  text.insert(15, '?');
  // Had it kept the place after "!" (offset 12), the insertion would read at 12, not 15.
  assert.deepEqual(last, [{ retain: 15 }, { insert: '?' }]);
});
