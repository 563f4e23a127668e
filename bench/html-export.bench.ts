import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { ONE_FILE_PLAYER } from '../src/cli/one-file-player.js';
import { onePage } from '../src/cli/one-file-page.js';
import { compile } from '../src/compiler/index.js';
import { stepDuration } from '../src/format/index.js';
import type { BenchRow } from './measure.js';

/**
 * A narrated screencast's bitrate, assumed (not measured): a 1080p screen recording of mostly
 * still text and code, H.264 with speech, is about 1 Mbit/s.
 */
export const SCREENCAST_BITS_PER_SECOND = 1_000_000;

const TUTORIALS = new URL('../../tutorials/', import.meta.url);

/**
 * `notecast html`: each tutorial's one-file page (player, styles, catalogs and script inside),
 * as written and gzipped (as a web server or an LMS sends it), against a screencast of the same
 * playback: the script's duration at 1× times SCREENCAST_BITS_PER_SECOND.
 */
export function benchHtmlExport(): BenchRow[] {
  const player = readFileSync(ONE_FILE_PLAYER, 'utf8');
  const rows: BenchRow[] = [
    { measure: 'one-file player alone (gzipped)', value: `${kib(Buffer.byteLength(player))} (${kib(gzipSync(player).length)})` },
    { measure: 'screencast bitrate assumed (1080p, speech)', value: `${SCREENCAST_BITS_PER_SECOND / 1e6} Mbit/s` }
  ];
  for (const name of readdirSync(TUTORIALS)
    .filter(file => file.endsWith('.md'))
    .sort()) {
    const { script, file } = compile(readFileSync(new URL(name, TUTORIALS), 'utf8'), { path: name });
    if (!script) throw new Error(`${name} does not compile: ${file.messages.map(String).join('; ')}`);
    const page = Buffer.from(onePage(script, { lang: script.lang ?? 'en', name, player }));
    const seconds = script.steps.reduce((total, step) => total + stepDuration(step), 0) / 1000;
    const video = (seconds * SCREENCAST_BITS_PER_SECOND) / 8;
    const ratio = page.length / video;
    rows.push({
      measure: `${name}: page (gzipped) vs ${seconds.toFixed(0)} s of screencast`,
      value: `${kib(page.length)} (${kib(gzipSync(page).length)}) vs ${(video / 1024 / 1024).toFixed(1)} MiB: ${(ratio * 100).toFixed(1)}%`,
      target: '< 1 screencast',
      ok: ratio < 1
    });
  }
  return rows;
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KiB`;
}
