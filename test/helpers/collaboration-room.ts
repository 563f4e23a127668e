/**
 * A headless client of a jupyter-collaboration room, joined the way
 * JupyterLab's document provider (@jupyter/docprovider 5.0.4) joins it: a
 * document session from `api/collaboration/session/<path>`, then y-websocket's
 * `WebsocketProvider` on `api/collaboration/room/<format>:<type>:<fileId>`,
 * carrying the session id and the notebook's own awareness. In Node, `ws`
 * stands in for the browser's WebSocket. The server is expected to run
 * without a token or XSRF check (galata's test config).
 */
import { YNotebook } from '@jupyter/ydoc';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';

/** What the server answers for a document session (`requestDocSession`). */
export interface DocumentSession {
  format: string;
  type: string;
  fileId: string;
  sessionId: string;
}

export interface RoomClient {
  /** The shared notebook, synced with the room. */
  notebook: YNotebook;
  provider: WebsocketProvider;
  /** The room's name: `<format>:<type>:<fileId>`. */
  room: string;
  /** Leaves the room and disposes of the notebook. Idempotent. */
  dispose(): void;
}

export interface JoinOptions {
  /** How long to wait for the session and the first sync; default 30 s. */
  timeoutMs?: number;
  /** The awareness `user` field (the frontend sets the server's identity there). */
  user?: Record<string, string>;
}

/** Close codes with which the server refuses a client (the docprovider's list). */
const REFUSALS: Record<number, string> = {
  1003: 'the document session is unknown or expired',
  4400: 'bad request',
  4404: 'no such file',
  4500: 'internal server error'
};

/** Asks the server for a document session on `path` (relative to its root), as the frontend does before connecting. */
export async function requestDocumentSession(serverUrl: string, path: string, timeoutMs = 30_000): Promise<DocumentSession> {
  const url = `${serverUrl}/api/collaboration/session/${encodeURIComponent(path)}`;
  const response = await fetch(url, {
    method: 'PUT',
    body: JSON.stringify({ format: 'json', type: 'notebook' }),
    signal: AbortSignal.timeout(timeoutMs)
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(
      `PUT ${url} answered ${response.status}: ${text.slice(0, 500)}; is jupyter-collaboration installed, and is ${path} in the server's root?`
    );
  }
  const session = JSON.parse(text) as Partial<DocumentSession>;
  if (!session.format || !session.type || !session.fileId || !session.sessionId) {
    throw new Error(`PUT ${url} answered ${text.slice(0, 500)}, expected {format, type, fileId, sessionId}`);
  }
  return session as DocumentSession;
}

/**
 * Joins the room of the notebook at `path` on the server at `serverUrl` (no
 * trailing slash) and resolves once the first sync is done, with the
 * notebook holding the room's content.
 */
export async function joinNotebookRoom(serverUrl: string, path: string, options: JoinOptions = {}): Promise<RoomClient> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const session = await requestDocumentSession(serverUrl, path, timeoutMs);
  // As JupyterLab's notebook model makes its shared model, before the provider connects.
  const notebook = YNotebook.create();
  if (options.user) {
    notebook.awareness.setLocalStateField('user', options.user);
  }
  const room = `${session.format}:${session.type}:${session.fileId}`;
  // In Node, every provider adds a listener for the process's 'exit'; a room of
  // 30 clients is expected here, not a leak.
  process.setMaxListeners(process.getMaxListeners() + 1);
  const provider = new WebsocketProvider(`${serverUrl.replace(/^http/, 'ws')}/api/collaboration/room`, room, notebook.ydoc, {
    disableBc: true,
    params: { sessionId: session.sessionId },
    awareness: notebook.awareness,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket
  });
  let disposed = false;
  const dispose = (): void => {
    if (!disposed) {
      disposed = true;
      provider.destroy();
      notebook.dispose();
      process.setMaxListeners(Math.max(10, process.getMaxListeners() - 1));
    }
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no sync with room ${room} (${path}) at ${serverUrl} within ${timeoutMs} ms`)), timeoutMs);
      const onClose = (event: { code: number; reason: string }) => {
        const refusal = REFUSALS[event.code];
        if (refusal) {
          clearTimeout(timer);
          reject(new Error(`room ${room} (${path}) at ${serverUrl} closed the connection: ${refusal} (${event.code} ${event.reason})`));
        }
      };
      const onSync = (synced: boolean) => {
        if (synced) {
          clearTimeout(timer);
          provider.off('sync', onSync);
          provider.off('connection-close', onClose);
          resolve();
        }
      };
      provider.on('sync', onSync);
      provider.on('connection-close', onClose);
    });
  } catch (error) {
    dispose();
    throw error;
  }
  // The docprovider marks the document with its room once synced.
  notebook.ydoc.getMap('state').set('document_id', room);
  return { notebook, provider, room, dispose };
}
