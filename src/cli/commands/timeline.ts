import { userText } from '../../format/index.js';
import { MAX_SPEED, MIN_SPEED } from '../../player/index.js';
import { UsageError } from '../io.js';
import { buildTimeline, renderTimeline } from '../timeline.js';
import { renderScript, type Command } from './command.js';

export const timelineCommand: Command = {
  name: 'timeline',
  usage: 'notecast timeline TUTORIAL.md|SCRIPT.json [--speed X] [--json]',
  summary: "Each step's start and duration, what a screen reader hears, and where playback waits for the kernel or the learner.",
  options: { speed: { type: 'string', short: 's', default: '1' }, json: { type: 'boolean' }, output: { type: 'string', short: 'o' } },
  minFiles: 1,
  maxFiles: 1,
  run(context) {
    const speed = Number(context.values.speed);
    if (!Number.isFinite(speed) || speed < MIN_SPEED || speed > MAX_SPEED) {
      throw new UsageError(`--speed must be a number from ${MIN_SPEED} to ${MAX_SPEED}, not "${userText(String(context.values.speed))}"`);
    }
    return renderScript(context, async script => {
      const timeline = await buildTimeline(script, speed);
      return context.values.json ? `${JSON.stringify(timeline, null, 2)}\n` : renderTimeline(timeline);
    });
  }
};
