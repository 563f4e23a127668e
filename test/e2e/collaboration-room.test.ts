/**
 * Headless clients of a real jupyter-collaboration room (.venv-rtc), joined
 * as JupyterLab's document provider joins: they start from the file's
 * content, see each other's edits and awareness, and a path the server does
 * not have is refused with a message that names it.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { joinNotebookRoom, type RoomClient } from '../helpers/collaboration-room.js';
import { RTC_JUPYTER, sleep, startJupyterServer, type JupyterServer } from './jupyter-server.js';

const NOTEBOOK = JSON.stringify({
  cells: [{ cell_type: 'code', id: 'first', metadata: {}, source: 'x = 1', outputs: [], execution_count: null }],
  metadata: {},
  nbformat: 4,
  nbformat_minor: 5
});

let server: JupyterServer;
const clients: RoomClient[] = [];

before(
  async () => {
    server = await startJupyterServer({ jupyter: RTC_JUPYTER, files: { 'shared.ipynb': NOTEBOOK } });
  },
  { timeout: 90_000 }
);

after(
  async () => {
    for (const client of clients) client.dispose();
    await server?.stop();
  },
  { timeout: 30_000 }
);

async function until(done: () => boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done()) {
    assert.ok(Date.now() < deadline, `timed out waiting until ${what}`);
    await sleep(20);
  }
}

test("two clients of a room start from the file and see each other's edits and awareness", { timeout: 60_000 }, async () => {
  const first = await joinNotebookRoom(server.url, 'shared.ipynb', { user: { username: 'first' } });
  clients.push(first);
  const second = await joinNotebookRoom(server.url, 'shared.ipynb');
  clients.push(second);
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
  await assert.rejects(joinNotebookRoom(server.url, 'missing.ipynb', { timeoutMs: 10_000 }), /missing\.ipynb/);
});
