import type { Yaml } from 'mdast';
import { isMap, isScalar, parseDocument, type Pair } from 'yaml';
import type { Reporter } from './report.js';
import { didYouMean } from './suggest.js';

/** What the front matter sets, with defaults filled in. */
export interface FrontMatter {
  title?: string;
  description?: string;
  kernel: string;
  /** Typing speed in characters per second. */
  speed: number;
  /** Narration pace in words per minute. */
  pace: number;
}

export const DEFAULT_KERNEL = 'python3';
export const DEFAULT_SPEED = 15;
export const DEFAULT_PACE = 170;
export const SPEED_RANGE: [number, number] = [1, 200];
export const PACE_RANGE: [number, number] = [60, 600];

const KEYS = ['title', 'description', 'kernel', 'speed', 'pace'];

/**
 * Read the YAML front matter. Problems are reported at the line of the key
 * (or of the YAML error) in the tutorial, not in the YAML block.
 */
export function readFrontMatter(node: Yaml | undefined, report: Reporter): FrontMatter {
  const result: FrontMatter = { kernel: DEFAULT_KERNEL, speed: DEFAULT_SPEED, pace: DEFAULT_PACE };
  if (!node) {
    report.error(
      'Missing front matter with a title: start the file with `---`, a line `title: Your title`, and `---`',
      { line: 1, column: 1 },
      'missing-title'
    );
    return result;
  }
  // The YAML text starts on the line after the opening `---`.
  const firstLine = (node.position?.start.line ?? 1) + 1;
  const at = (offset: number | undefined) => {
    const before = node.value.slice(0, offset ?? 0).split('\n');
    return { line: firstLine + before.length - 1, column: before[before.length - 1].length + 1 };
  };
  const yamlDocument = parseDocument(node.value, { prettyErrors: false, uniqueKeys: true });
  if (yamlDocument.errors.length) {
    const error = yamlDocument.errors[0];
    report.error(
      `Invalid YAML in front matter: ${error.message.split('\n')[0]}; write one \`key: value\` per line`,
      at(error.pos[0]),
      'invalid-front-matter'
    );
    return result;
  }
  const contents = yamlDocument.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) {
    report.error('Missing `title` in front matter: add a line `title: Your title`', node, 'missing-title');
    return result;
  }
  if (!isMap(contents)) {
    report.error('Unexpected front matter, expected `key: value` lines such as `title: Your title`', at(contents.range?.[0]), 'invalid-front-matter');
    return result;
  }
  for (const pair of contents.items as Pair[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const keyAt = at(isScalar(pair.key) ? pair.key.range?.[0] : undefined);
    const value = isScalar(pair.value) ? pair.value.value : pair.value === null ? null : undefined;
    switch (key) {
      case 'title':
      case 'description': {
        if (typeof value !== 'string' && typeof value !== 'number') {
          report.error(`Unexpected value for \`${key}\`, expected text on the same line`, keyAt, 'invalid-front-matter');
        } else if (String(value).trim() === '') {
          report.error(`Unexpected empty \`${key}\`, expected text`, keyAt, key === 'title' ? 'missing-title' : 'invalid-front-matter');
        } else {
          result[key] = String(value).trim();
        }
        break;
      }
      case 'kernel':
        if (typeof value !== 'string' || !/^[A-Za-z0-9_.-]+$/.test(value)) {
          report.error(
            'Unexpected value for `kernel`, expected a kernel spec name such as `python3` (see `jupyter kernelspec list`)',
            keyAt,
            'invalid-front-matter'
          );
        } else {
          result.kernel = value;
        }
        break;
      case 'speed':
      case 'pace': {
        const [min, max] = key === 'speed' ? SPEED_RANGE : PACE_RANGE;
        const unit = key === 'speed' ? 'characters per second' : 'words per minute';
        if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
          report.error(
            `Unexpected value for \`${key}\`, expected a number of ${unit} from ${min} to ${max}`,
            keyAt,
            'invalid-front-matter'
          );
        } else {
          result[key] = value;
        }
        break;
      }
      default:
        report.warn(
          `Unknown front matter key \`${key}\`${didYouMean(key, KEYS)} (known keys: ${KEYS.join(', ')})`,
          keyAt,
          'unknown-front-matter-key'
        );
    }
  }
  if (result.title === undefined && !report.hasErrors) {
    report.error('Missing `title` in front matter: add a line `title: Your title`', node, 'missing-title');
  }
  return result;
}
