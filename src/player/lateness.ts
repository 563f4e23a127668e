/**
 * How late cues land against the clock they were scheduled on: the number a
 * benchmark needs to show that playback keeps time (target: p99 under one
 * 60 Hz frame, 16 ms, on the real clock).
 */
import type { Player } from './player.js';

export interface LatenessSummary {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export interface LatenessRecorder {
  /** Lateness of every cue applied so far, in ms, in order. */
  readonly samples: readonly number[];
  summary(): LatenessSummary;
  /** Stop recording; the samples stay. */
  stop(): void;
}

/** Record `appliedAt - scheduledAt` of every cue the player applies from now on. */
export function recordLateness(player: Player): LatenessRecorder {
  const samples: number[] = [];
  const stop = player.on('operationApplied', ({ scheduledAt, appliedAt }) => {
    samples.push(appliedAt - scheduledAt);
  });
  return { samples, summary: () => summarizeLateness(samples), stop };
}

/** Nearest-rank percentiles; all zeros for no samples. */
export function summarizeLateness(samples: readonly number[]): LatenessSummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  return { count: sorted.length, p50: rank(50), p99: rank(99), max: sorted[sorted.length - 1] ?? 0 };
}
