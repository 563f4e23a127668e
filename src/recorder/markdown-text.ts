/**
 * Writing values into a tutorial's Markdown so that the compiler reads back
 * exactly what was meant: code byte for byte, attribute values with any
 * character, and titles and narration as plain text (never markup).
 */

/**
 * A fenced block holding `text` exactly: the compiler takes the lines between
 * the fences, so a trailing newline is a last, empty line. The fence is longer
 * than any run of backticks in the text, so no line inside can close it.
 */
export function fencedBlock(text: string, info = ''): string {
  let longest = 0;
  for (const run of text.matchAll(/`+/g)) {
    longest = Math.max(longest, run[0].length);
  }
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${text}\n${fence}`;
}

/**
 * `:::name{attributes}` holding `body`, closed by as many colons: a line of
 * colons inside the body (even inside its fenced code) would close a
 * container opened with no more colons than it has, so the container's
 * colons outnumber the longest such line.
 */
export function container(opening: string, body: string): string {
  let longest = 0;
  for (const line of body.matchAll(/^[ \t]*(:{3,})/gm)) {
    longest = Math.max(longest, line[1].length);
  }
  const colons = ':'.repeat(Math.max(3, longest + 1));
  return `${colons}${opening}\n${body}\n${colons}`;
}

/**
 * A quoted attribute value. Attribute values end at their quote and cannot
 * span lines, so quotes, `&`, and control characters (newlines, tabs) are
 * written as character references, which the compiler decodes.
 */
export function attributeValue(value: string): string {
  // eslint-disable-next-line no-control-regex
  return `"${value.replace(/[&"<\u0000-\u001f\u007f]/g, char => `&#${char.charCodeAt(0)};`)}"`;
}

/**
 * Text that Markdown reads back as these words exactly, and still reads well
 * to the author who edits it: only the marks that could start markup are
 * escaped (emphasis, code, links, HTML, entities, `#` anywhere since a
 * heading drops its closing #s, and at the start of the
 * line headings, quotes, lists, directives); line breaks become spaces,
 * since a title or a paragraph is one line of speech.
 */
export function plainProse(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>&!~|{}#]/g, char => `\\${char}`)
    .replace(/^([#+=:-]|\d+(?=[.)]))/, match => (/^\d/.test(match) ? `${match}\\` : `\\${match}`));
}

/** A YAML scalar that reads back as `text`: a JSON string is a YAML double-quoted string. */
export function yamlString(text: string): string {
  return JSON.stringify(text);
}

/**
 * Characters no tutorial can hold, so that no cell holding them can be
 * written: `\r` (the compiler reads `\r\n` and `\r` as `\n`), NUL and
 * half of a surrogate pair (a tutorial is UTF-8 text).
 */
// eslint-disable-next-line no-control-regex
export const UNWRITABLE = /\r|\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The first character of `text` no tutorial can hold: where, and what it is in words. */
export function unwritableIn(text: string): { at: number; what: string } | undefined {
  const found = UNWRITABLE.exec(text);
  if (!found) {
    return undefined;
  }
  const what =
    found[0] === '\r'
      ? 'a carriage return (\\r, a Windows or old Mac line end)'
      : found[0] === '\u0000'
        ? 'a NUL character (\\0)'
        : `half of a character (the lone surrogate U+${found[0].charCodeAt(0).toString(16).toUpperCase()})`;
  return { at: found.index, what };
}
