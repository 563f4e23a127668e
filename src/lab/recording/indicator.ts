/**
 * The "Recording 1:23" sign in a notebook's toolbar while it is recorded.
 *
 * A timer (`role="timer"`, which screen readers do not read out on every
 * change) so the elapsed time can tick without flooding the live regions:
 * starting and stopping are announced once, through the announcer. No
 * animation: a steady red dot and the word say it (R17, reduced motion).
 */
import type { TranslationBundle } from '@jupyterlab/translation';
import { Widget } from '@lumino/widgets';

export class RecordingIndicator extends Widget {
  private readonly time: HTMLElement;
  private readonly timer: number;

  constructor(
    private readonly startedAt: number,
    trans: TranslationBundle
  ) {
    super();
    this.addClass('jp-NotecastRecording');
    const dot = document.createElement('span');
    dot.className = 'jp-NotecastRecording-dot';
    dot.setAttribute('aria-hidden', 'true');
    const label = document.createElement('span');
    label.textContent = trans.__('Recording');
    this.time = document.createElement('span');
    this.time.className = 'jp-NotecastRecording-time';
    this.time.setAttribute('role', 'timer');
    this.time.setAttribute('aria-label', trans.__('Time recorded'));
    this.node.append(dot, label, this.time);
    this.update();
    this.timer = window.setInterval(() => this.update(), 1000);
  }

  /** Elapsed time as m:ss (h:mm:ss past an hour). */
  static format(ms: number): string {
    const seconds = Math.max(0, Math.floor(ms / 1000));
    const h = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    const s = String(seconds % 60).padStart(2, '0');
    return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
  }

  dispose(): void {
    window.clearInterval(this.timer);
    super.dispose();
  }

  protected onUpdateRequest(): void {
    this.time.textContent = RecordingIndicator.format(Date.now() - this.startedAt);
  }
}
