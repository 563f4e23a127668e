/**
 * Captions as WebVTT (https://www.w3.org/TR/webvtt1/): a cue per stretch of
 * narration, split to be read at a glance, its text escaped so that nothing
 * in it is taken for markup or for the cue's timing line.
 */

export interface Caption {
  /** ms from the start. */
  start: number;
  end: number;
  text: string;
}

/** What one cue may hold: at most this many lines of at most this many characters, as broadcast captions do. */
export const CAPTION_LINES = 2;
export const CAPTION_LINE_LENGTH = 42;

/**
 * `text` over `start`…`end` as cues of at most `CAPTION_LINES` lines of
 * `CAPTION_LINE_LENGTH` characters (a longer word stands on a line of its
 * own), each cue's time in proportion to its length.
 */
export function splitCaption(text: string, start: number, end: number): Caption[] {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length === 0) {
    return [];
  }
  const lines = wrap(words);
  const cues: string[][] = [];
  for (let i = 0; i < lines.length; i += CAPTION_LINES) {
    cues.push(lines.slice(i, i + CAPTION_LINES));
  }
  const total = cues.reduce((sum, cue) => sum + cue.join(' ').length, 0);
  const span = Math.max(end - start, cues.length);
  const captions: Caption[] = [];
  let used = 0;
  for (const cue of cues) {
    const from = start + Math.round((span * used) / total);
    used += cue.join(' ').length;
    const to = start + Math.round((span * used) / total);
    captions.push({ start: from, end: Math.max(to, from + 1), text: cue.join('\n') });
  }
  return captions;
}

/** Words into lines of at most `CAPTION_LINE_LENGTH` characters. */
function wrap(words: string[]): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && line.length + 1 + word.length > CAPTION_LINE_LENGTH) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  lines.push(line);
  return lines;
}

/** A WebVTT file of `captions`, which must be in order of their start. */
export function writeWebVtt(captions: readonly Caption[]): string {
  const cues = captions.map(
    (caption, index) => `${index + 1}\n${timestamp(caption.start)} --> ${timestamp(caption.end)}\n${escapeCueText(caption.text)}\n`
  );
  return ['WEBVTT\n', ...cues].join('\n');
}

/**
 * Cue text as WebVTT reads it: `&`, `<` and `>` as references (so no cue has
 * a tag, or `-->`), and no empty line, which would end the cue.
 */
export function escapeCueText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .split(/\r\n|\r|\n/)
    .map(line => line.trim())
    .filter(Boolean)
    .join('\n');
}

/** `hh:mm:ss.ttt` */
function timestamp(ms: number): string {
  const whole = Math.max(0, Math.round(ms));
  const hours = Math.floor(whole / 3_600_000);
  const minutes = Math.floor((whole % 3_600_000) / 60_000);
  const seconds = Math.floor((whole % 60_000) / 1000);
  const millis = whole % 1000;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}.${String(millis).padStart(3, '0')}`;
}
