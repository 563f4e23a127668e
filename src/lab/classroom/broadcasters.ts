/**
 * Who is broadcasting in a notebook's room, read from its shared document's
 * awareness (classroom/teacher-broadcast.ts publishes there). The room's awareness reaches a
 * tab just after the document does, so a notebook just opened may not know
 * yet: `awaitBroadcaster` waits a little for it. The opener (a tutorial
 * opened in a broadcast notebook) and the classroom (Follow) share this.
 */
import type { YNotebook } from '@jupyter/ydoc';
import { broadcastersIn, type Broadcaster } from '../../session/index.js';

/** Everyone broadcasting in the notebook's room but this tab, the latest first. */
export function broadcastersOf(notebook: YNotebook): Broadcaster[] {
  const { awareness } = notebook;
  return broadcastersIn(awareness.getStates(), awareness.clientID);
}

/** The first broadcaster `accept` takes, now or within `ms`; undefined when none came. */
export function awaitBroadcaster(
  notebook: YNotebook,
  ms: number,
  accept: (broadcaster: Broadcaster) => boolean = () => true
): Promise<Broadcaster | undefined> {
  const find = (): Broadcaster | undefined => broadcastersOf(notebook).find(accept);
  const found = find();
  if (found) {
    return Promise.resolve(found);
  }
  const { awareness } = notebook;
  return new Promise(resolve => {
    const done = (broadcaster: Broadcaster | undefined): void => {
      clearTimeout(timer);
      awareness.off('change', look);
      resolve(broadcaster);
    };
    const look = (): void => {
      const broadcaster = find();
      if (broadcaster) done(broadcaster);
    };
    const timer = setTimeout(() => done(undefined), ms);
    awareness.on('change', look);
  });
}
