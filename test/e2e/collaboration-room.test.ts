/**
 * Headless clients of a real jupyter-collaboration room (.venv-rtc), joined
 * as JupyterLab's document provider joins: they start from the file's
 * content, see each other's edits and awareness, and a path the server does
 * not have is refused with a message that names it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { joinNotebookRoom } from '../helpers/collaboration-room.js';
import { oneCellNotebook, roomSuite, until } from './room-suite.js';

const suite = roomSuite({ 'shared.ipynb': oneCellNotebook('x = 1') });

test("two clients of a room start from the file and see each other's edits and awareness", { timeout: 60_000 }, async () => {
  const first = await suite.join('shared.ipynb', { user: { username: 'first' } });
  const second = await suite.join('shared.ipynb');
  assert.equal(first.room, second.room);
  assert.match(first.room, /^json:notebook:/);
  assert.deepEqual(
    second.notebook.cells.map(cell => cell.getSource()),
    ['x = 1']
  );

  first.notebook.cells[0].updateSource(5, 5, '\nprint(x)');
  await until(() => second.notebook.cells[0]?.getSource() === 'x = 1\nprint(x)', "the second client has the first one's edit");

  first.notebook.awareness.setLocalStateField('probe', 42);
  await until(
    () => second.notebook.awareness.getStates().get(first.notebook.awareness.clientID)?.probe === 42,
    "the second client sees the first one's awareness"
  );
});

test('a notebook the server does not have is refused, naming it', { timeout: 30_000 }, async () => {
  await assert.rejects(joinNotebookRoom(suite.server.url, 'missing.ipynb', { timeoutMs: 10_000 }), /missing\.ipynb/);
});
