import type { Yaml } from 'mdast';
import { isMap, isNode, isScalar, parseDocument, type Pair, type Scalar } from 'yaml';
import { didYouMean, LineIndex, userText } from '../format/index.js';
import type { Reporter } from './report.js';

/** What the front matter sets, with defaults filled in. */
export interface FrontMatter {
  title?: string;
  description?: string;
  kernel: string;
  /** Typing speed in characters per second. */
  speed: number;
  /** Narration pace in words per minute. */
  pace: number;
  /** The language the tutorial is written in, a BCP 47 tag such as `en` or `fr-CA`. */
  lang: string;
}

export const DEFAULT_KERNEL = 'python3';
export const DEFAULT_SPEED = 15;
export const DEFAULT_PACE = 170;
export const DEFAULT_LANG = 'en';
export const SPEED_RANGE: [number, number] = [1, 200];
export const PACE_RANGE: [number, number] = [60, 600];

const KEYS = ['title', 'description', 'kernel', 'speed', 'pace', 'lang'];

/** A BCP 47 language tag as tutorials use them: a language, then subtags (`en`, `fr`, `pt-BR`, `zh-Hant-TW`). */
export const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/;

/**
 * Read the YAML front matter. Problems are reported at the line of the key
 * (or of the YAML error) in the tutorial, not in the YAML block.
 */
export function readFrontMatter(node: Yaml | undefined, report: Reporter): FrontMatter {
  const result: FrontMatter = { kernel: DEFAULT_KERNEL, speed: DEFAULT_SPEED, pace: DEFAULT_PACE, lang: DEFAULT_LANG };
  if (!node) {
    report.error(
      'Missing front matter with a title: start the file with `---`, a line `title: Your title`, and `---`',
      { line: 1, column: 1 },
      'missing-title'
    );
    return result;
  }
  // The YAML text starts on the line after the opening `---`; one line
  // index for all positions, so thousands of keys cost no more than one each.
  const firstLine = (node.position?.start.line ?? 1) + 1;
  const lines = new LineIndex(node.value);
  const at = (offset: number | undefined) => {
    const point = lines.position(offset ?? 0);
    return { line: firstLine + point.line - 1, column: point.column };
  };
  // Duplicate keys are found below with a set: the YAML library's own check
  // compares each key with all before it (40,000 keys took 49 s).
  const yamlDocument = parseDocument(node.value, { prettyErrors: false, uniqueKeys: false });
  if (yamlDocument.errors.length) {
    const error = yamlDocument.errors[0];
    // `title: Lists: a tour` is the usual cause of YAML's nested-mapping error: a colon in a value.
    const line = node.value.slice(node.value.lastIndexOf('\n', error.pos[0] - 1) + 1).split('\n')[0];
    const colon = /^(\s*[\w-]+):\s+([^'"].*:\s.*)$/.exec(line);
    const fix =
      error.code === 'BLOCK_AS_IMPLICIT_KEY' || /nested mappings/i.test(error.message)
        ? colon
          ? `; a value with a colon needs quotes: \`${colon[1].trim()}: "${userText(colon[2].trim().replace(/"/g, '\\"'), 120)}"\``
          : '; a value with a colon in it needs quotes'
        : '; write one `key: value` per line';
    report.error(`Invalid YAML in front matter: ${userText(error.message.split('\n')[0], 160)}${fix}`, at(error.pos[0]), 'invalid-front-matter');
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
  const seen = new Map<string, number>();
  for (const pair of contents.items as Pair[]) {
    const key = isScalar(pair.key) ? scalarText(pair.key) : String(pair.key);
    const keyAt = at(isNode(pair.key) ? pair.key.range?.[0] : undefined);
    const firstAt = seen.get(key);
    if (firstAt !== undefined) {
      report.error(
        `Unexpected second \`${userText(key)}\` in front matter (the first is on line ${firstAt}), expected each key once: remove one`,
        keyAt,
        'invalid-front-matter'
      );
      continue;
    }
    seen.set(key, keyAt.line);
    const tagged = isNode(pair.value) && pair.value.tag !== undefined;
    if (isNode(pair.value) && pair.value.tag !== undefined) {
      report.warn(
        `Unexpected tag \`${userText(pair.value.tag.replace(/^tag:yaml\.org,2002:/, '!!'))}\` on \`${userText(key)}\`: Notecast does not use YAML tags and reads the value as written after it; remove the tag`,
        at(pair.value.range?.[0]),
        'dropped-tag'
      );
    }
    const value = isScalar(pair.value) ? pair.value.value : pair.value === null ? null : undefined;
    // Text keeps the characters the author wrote: `1.50` stays "1.50", `007` stays "007".
    const text = isScalar(pair.value) ? scalarText(pair.value) : pair.value === null ? '' : undefined;
    switch (key) {
      case 'title':
      case 'description': {
        if (text === undefined) {
          report.error(`Unexpected value for \`${key}\`, expected text on the same line`, keyAt, 'invalid-front-matter');
        } else if (text.trim() === '') {
          report.error(`Unexpected empty \`${key}\`, expected text`, keyAt, key === 'title' ? 'missing-title' : 'invalid-front-matter');
        } else {
          result[key] = text.trim();
        }
        break;
      }
      case 'kernel':
        if (text === undefined || !/^[A-Za-z0-9_.-]+$/.test(text)) {
          report.error(
            'Unexpected value for `kernel`, expected a kernel spec name such as `python3` (see `jupyter kernelspec list`)',
            keyAt,
            'invalid-front-matter'
          );
        } else {
          result.kernel = text;
        }
        break;
      case 'lang':
        if (text === undefined || !LANGUAGE_TAG.test(text.trim())) {
          report.error(
            'Unexpected value for `lang`, expected a language tag such as `en`, `fr` or `pt-BR` (the language the tutorial is written in)',
            keyAt,
            'invalid-front-matter'
          );
        } else {
          result.lang = text.trim();
        }
        break;
      case 'speed':
      case 'pace': {
        const [min, max] = key === 'speed' ? SPEED_RANGE : PACE_RANGE;
        const unit = key === 'speed' ? 'characters per second' : 'words per minute';
        // A tagged number (`!!str 20`) is read as written, like tagged text.
        const number = typeof value === 'number' ? value : tagged && text !== undefined && /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
        if (!Number.isFinite(number) || number < min || number > max) {
          report.error(`Unexpected value for \`${key}\`, expected a number of ${unit} from ${min} to ${max}`, keyAt, 'invalid-front-matter');
        } else {
          result[key] = number;
        }
        break;
      }
      default:
        report.warn(
          `Unknown front matter key \`${userText(key)}\`${didYouMean(key, KEYS)} (known keys: ${KEYS.join(', ')})`,
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

/**
 * A scalar as text: strings as parsed (quotes and escapes resolved), other
 * plain scalars (numbers, booleans, `null`) exactly as written, so a title
 * `1.50` or `007` is not turned into a number first.
 */
function scalarText(scalar: Scalar): string {
  if (typeof scalar.value === 'string') {
    return scalar.value;
  }
  const source = (scalar as Scalar & { source?: unknown }).source;
  if (typeof source === 'string') {
    return source;
  }
  // YAML's core schema has no other scalars (no timestamps): a null is empty.
  const value = scalar.value;
  return typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' ? String(value) : '';
}
