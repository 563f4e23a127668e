import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import { didYouMean, userText } from '../format/index.js';
import { attributeSpans } from './directive-syntax.js';
import type { Place, Reporter } from './report.js';

/** What one directive attribute accepts. */
export type AttributeSpec =
  | { kind: 'cell'; required?: boolean }
  /** `nonEmpty`: no empty or blank value, unless `blankIsText` (`find=" "` replaces a space). */
  | { kind: 'text'; required?: boolean; nonEmpty?: boolean; blankIsText?: boolean }
  /** `or`: words accepted instead of a number (`speed=instant`), kept as strings. */
  | { kind: 'number'; required?: boolean; min: number; max: number; unit: string; or?: readonly string[] }
  | { kind: 'choice'; required?: boolean; values: readonly string[] }
  /** A bare word that switches something on (`::point{… wait}`): true when given. */
  | { kind: 'flag'; required?: false };

export type AttributeSpecs = Record<string, AttributeSpec>;

/** Parsed attribute values: cell names and text as strings, numbers as numbers, flags as `true`. */
export type AttributeValues = Record<string, string | number | boolean | undefined>;

/**
 * Bare words (unknown attributes without a value) right after a text
 * attribute: the rest of a value with spaces written without quotes, by the
 * text attribute they belong to.
 */
function spilledWords(
  entries: Array<[string, string | null | undefined]>,
  specs: AttributeSpecs,
  quoted: (key: string) => boolean
): Map<string, string[]> {
  const spilled = new Map<string, string[]>();
  let owner: string | undefined;
  for (const [key, raw] of entries) {
    const known = Object.hasOwn(specs, key);
    if (known) {
      owner = specs[key].kind === 'text' && raw && !quoted(key) ? key : undefined;
    } else if (owner && !raw) {
      spilled.set(owner, [...(spilled.get(owner) ?? []), key]);
    } else {
      owner = undefined;
    }
  }
  return spilled;
}

/** Where a directive's attribute is written, for messages about it; the directive itself when it has no such attribute. */
export type AttributePlace = (key: string) => Place;

/** An attribute written twice: what was written first and second, and where the second is. */
export interface RepeatedAttribute {
  key: string;
  first: string;
  second: string;
  place: Place;
}

/** How a directive's attributes are written: where each is, whether it is quoted, which are written twice. */
export interface AttributeSyntax {
  place: AttributePlace;
  quoted: (key: string) => boolean;
  repeated: RepeatedAttribute[];
}

/** How `node`'s attributes are written in `source` (the first line of the directive). */
export function attributePlaces(node: ContainerDirective | LeafDirective, source: string): AttributeSyntax {
  const start = node.position?.start;
  if (start?.offset === undefined) {
    return { place: () => node, quoted: () => false, repeated: [] };
  }
  const newline = source.indexOf('\n', start.offset);
  const line = source.slice(start.offset, newline < 0 ? source.length : newline);
  const spans = attributeSpans(line);
  const at = (index: number) => ({ line: start.line, column: start.column + index, offset: start.offset! + index });
  const repeated: RepeatedAttribute[] = [];
  for (const [key, { repeated: twice }] of spans) {
    if (twice) {
      const { first, second } = twice;
      repeated.push({
        key,
        first: line.slice(first.start, first.end),
        second: line.slice(second.start, second.end),
        place: { start: at(second.start), end: at(second.end) }
      });
    }
  }
  return {
    place: key => {
      const span = spans.get(key);
      return span ? { start: at(span.start), end: at(span.end) } : node;
    },
    quoted: key => spans.get(key)?.quoted ?? false,
    repeated
  };
}

/** Cell names become nbformat cell ids, so they keep to the id alphabet. */
export const CELL_NAME = /^[A-Za-z0-9_-]{1,40}$/;

/**
 * Check a directive's attributes against its specs. Every problem is
 * reported at the attribute it is about (a missing one at the directive); returns undefined when any attribute is wrong,
 * so the directive is skipped rather than half applied.
 */
export function readAttributes(
  node: ContainerDirective | LeafDirective,
  specs: AttributeSpecs,
  report: Reporter,
  { place, quoted, repeated }: AttributeSyntax = { place: () => node, quoted: () => false, repeated: [] }
): AttributeValues | undefined {
  // No prototype: an attribute named `constructor` or `__proto__` is just an unknown attribute.
  const values: AttributeValues = Object.create(null) as AttributeValues;
  let ok = true;
  const given = node.attributes ?? {};
  const where = `\`${node.type === 'containerDirective' ? ':::' : '::'}${node.name}\``;
  const entries = Object.entries(given);
  // `summary=prints the top word` reads as `summary=prints` and three bare words: said once, as
  // the missing quotes it is, rather than as three unknown attributes.
  const spilled = spilledWords(entries, specs, quoted);
  for (const [text, words] of spilled) {
    const value = [given[text], ...words].join(' ');
    report.error(
      `Unexpected spaces in the value of \`${text}\` on ${where}: a value with spaces needs quotes, \`${text}="${userText(value)}"\``,
      place(text),
      'invalid-attribute'
    );
    ok = false;
  }
  // The parser keeps only the last of an attribute written twice: which one the author meant is unknown.
  for (const { key, first, second, place: at } of repeated) {
    if (Object.hasOwn(specs, key)) {
      report.error(
        `Unexpected \`${userText(key)}\` written twice on ${where} (\`${userText(first)}\`, then \`${userText(second)}\`), expected it once: remove one of them`,
        at,
        'duplicate-attribute'
      );
      ok = false;
    }
  }
  const spilledKeys = new Set([...spilled.values()].flat());
  for (const [key, raw] of entries) {
    const spec = Object.hasOwn(specs, key) ? specs[key] : undefined;
    if (!spec && spilledKeys.has(key)) {
      continue;
    }
    if (!spec) {
      const known = Object.keys(specs);
      report.error(
        `Unknown attribute \`${userText(key)}\` on ${where}${didYouMean(key, known)}${known.length ? ` (it takes ${known.map(k => `\`${k}\``).join(', ')})` : ' (it takes no attributes)'}`,
        place(key),
        'unknown-attribute'
      );
      ok = false;
      continue;
    }
    const checked = checkValue(spec, key, raw ?? '', where);
    if (typeof checked === 'string') {
      report.error(checked, place(key), 'invalid-attribute');
      ok = false;
    } else {
      values[key] = checked.value;
    }
  }
  for (const [key, spec] of Object.entries(specs)) {
    if (spec.required && !Object.hasOwn(given, key)) {
      report.error(
        `Missing attribute \`${key}\` on ${where}: write \`${node.type === 'containerDirective' ? ':::' : '::'}${node.name}{${key}=…}\``,
        node,
        'missing-attribute'
      );
      ok = false;
    }
  }
  return ok ? values : undefined;
}

/** The value an attribute holds, or why it is wrong. */
function checkValue(spec: AttributeSpec, key: string, value: string, where: string): { value: string | number | boolean } | string {
  switch (spec.kind) {
    case 'flag':
      return value === '' || value === 'true'
        ? { value: true }
        : `Unexpected \`${key}=${userText(value)}\` on ${where}: \`${key}\` takes no value, write it on its own (\`{… ${key}}\`)`;
    case 'cell':
      return CELL_NAME.test(value)
        ? { value }
        : `Unexpected cell name \`${userText(value)}\` in \`${key}\`, expected 1 to 40 letters, digits, \`-\` or \`_\``;
    case 'text':
      return spec.nonEmpty && (spec.blankIsText ? value : value.trim()) === '' ? `Unexpected empty \`${key}\` on ${where}, expected text` : { value };
    case 'number': {
      if (spec.or?.includes(value)) {
        return { value };
      }
      const number = /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : NaN;
      return Number.isFinite(number) && number >= spec.min && number <= spec.max
        ? { value: number }
        : `Unexpected \`${key}=${userText(value)}\` on ${where}, expected a number of ${spec.unit} from ${spec.min} to ${spec.max}${spec.or?.length ? `, or ${spec.or.map(word => `\`${word}\``).join(' or ')}` : ''}`;
    }
    case 'choice':
      return spec.values.includes(value)
        ? { value }
        : `Unexpected \`${key}=${userText(value)}\` on ${where}, expected ${spec.values.map(v => `\`${v}\``).join(' or ')}${didYouMean(value, spec.values)}`;
  }
}
