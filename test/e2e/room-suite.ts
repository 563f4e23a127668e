/**
 * One jupyter-collaboration server (.venv-rtc, with Notecast's server extension as the package
 * installs it) for the tests of one file, and headless clients of its rooms
 * (test/helpers/collaboration-room.ts) that leave when the file's tests are done.
 */
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { joinNotebookRoom, type JoinOptions, type RoomClient } from '../helpers/collaboration-room.js';
import { RTC_JUPYTER, sleep, startJupyterServer, type JupyterServer } from './jupyter-server.js';

export interface RoomSuite {
  readonly server: JupyterServer;
  /** Joins the room of the notebook at `path`, as `username` when given. */
  join(path: string, options?: JoinOptions): Promise<RoomClient>;
}

/** Starts the server before the file's tests with `files` in its root; stops it, and every client, after them. */
export function roomSuite(files: Record<string, string>): RoomSuite {
  const clients: RoomClient[] = [];
  let server: JupyterServer | undefined;
  before(
    async () => {
      server = await startJupyterServer({ jupyter: RTC_JUPYTER, files });
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
  return {
    get server(): JupyterServer {
      assert.ok(server, 'the server has not started');
      return server;
    },
    async join(path, options) {
      assert.ok(server, 'the server has not started');
      const client = await joinNotebookRoom(server.url, path, options);
      clients.push(client);
      return client;
    }
  };
}

/** A notebook file of one code cell, `first`, holding `source`. */
export function oneCellNotebook(source: string): string {
  return JSON.stringify({
    cells: [{ cell_type: 'code', id: 'first', metadata: {}, source, outputs: [], execution_count: null }],
    metadata: {},
    nbformat: 4,
    nbformat_minor: 5
  });
}

/** Waits until `done()` holds, failing with what it waited for after `ms`. */
export async function until(done: () => boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done()) {
    assert.ok(Date.now() < deadline, `timed out waiting until ${what}`);
    await sleep(20);
  }
}
