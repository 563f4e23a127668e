import { writeFileSync } from 'node:fs';

/**
 * Preloaded into a measured command (`node --import`): when the process
 * exits, write its peak resident set size, in bytes, to the file named by
 * `NOTECAST_PEAK_RSS_FILE`. The command itself runs unchanged.
 */
const file = process.env.NOTECAST_PEAK_RSS_FILE;
if (file) {
  process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS * 1024)));
}
