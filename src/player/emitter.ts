/**
 * A small typed event emitter whose listeners cannot hurt the emitter: a
 * listener that throws is reported to `onListenerError` and the remaining
 * listeners still run. Playback depends on this — a broken caption widget must
 * never stop the tutorial — and the report deliberately does not go through an
 * `error` event, which could throw again and loop.
 */

export type Listener<T> = (payload: T) => void;

export type ListenerErrorHandler = (error: unknown, event: string) => void;

export class Emitter<Events extends object> {
  private readonly listeners = new Map<keyof Events, Set<Listener<never>>>();

  constructor(private readonly onListenerError: ListenerErrorHandler) {}

  /** Listen to `event`; returns the function that stops listening. */
  on<K extends keyof Events>(event: K, listener: Listener<Events[K]>): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(listener);
    return () => this.off(event, listener);
  }

  off<K extends keyof Events>(event: K, listener: Listener<Events[K]>): void {
    this.listeners.get(event)?.delete(listener);
  }

  emit<K extends keyof Events>(event: K, payload: Events[K]): void {
    const set = this.listeners.get(event);
    if (!set) {
      return;
    }
    // A copy, so listeners that add or remove listeners do not change this round.
    for (const listener of [...set] as Array<Listener<Events[K]>>) {
      try {
        listener(payload);
      } catch (error) {
        this.report(error, String(event));
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }

  private report(error: unknown, event: string): void {
    try {
      this.onListenerError(error, event);
    } catch {
      // The reporter itself failed: there is nowhere safer left to report to.
    }
  }
}
