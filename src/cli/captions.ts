import { splitCaption, type Caption, type NarrateOperation, type Script } from '../format/index.js';
import { buildTimeline } from './timeline.js';

/**
 * The tutorial's narration as captions, timed as the player says it at
 * speed 1 (`notecast timeline`; the time the kernel and the learner take
 * counts as zero): each step's narration from the step's start for as long
 * as the step gives it, each `:::say` from when it is said for its duration.
 * A cue never runs into the next stretch of narration.
 */
export async function buildCaptions(script: Script): Promise<Caption[]> {
  const timeline = await buildTimeline(script, 1);
  const stretches: Caption[] = [];
  for (const step of timeline.steps) {
    const source = script.steps[step.index];
    if (source.narration.trim()) {
      stretches.push({ start: step.start, end: step.start + source.narrationMs, text: source.narration });
    }
    // The player says each `:::say` once, in order: its announcements pair with the step's narrate operations.
    const says = source.operations.filter((operation): operation is NarrateOperation => operation.op === 'narrate');
    const heard = step.announcements.filter(announcement => announcement.kind === 'narration');
    heard.forEach((announcement, i) => {
      const say = says[i];
      if (say?.text.trim()) {
        stretches.push({ start: announcement.at, end: announcement.at + say.duration, text: say.text });
      }
    });
  }
  stretches.sort((a, b) => a.start - b.start);
  const captions = stretches.flatMap((stretch, i) => {
    const next = stretches[i + 1]?.start;
    const end = next !== undefined && next > stretch.start ? Math.min(stretch.end, next) : stretch.end;
    return splitCaption(stretch.text, stretch.start, Math.max(end, stretch.start + 1));
  });
  // WebVTT wants cues in order of their start, even where a stretch had less time than it has cues.
  return captions.sort((a, b) => a.start - b.start);
}
