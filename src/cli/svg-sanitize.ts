/**
 * An SVG made safe to keep in a baked script: rebuilt from its tags, with
 * what could run code or fetch anything dropped. A page shows it with
 * `<img>`, which runs no script and loads nothing; this is for every other
 * way the file may be opened (saved and opened on its own, inlined by a
 * later page). Markup this reader does not understand is refused, never
 * passed through.
 */

export type SanitizedSvg = { svg: string; dropped: string[] } | { refused: string };

/** Elements dropped with everything inside them. */
const DROPPED_ELEMENTS = new Set(['script', 'foreignobject', 'iframe', 'embed', 'object', 'handler', 'listener']);

/** Animations that can set an attribute: dropped when they target a link. */
const ANIMATIONS = new Set(['set', 'animate', 'animatemotion', 'animatetransform', 'animatecolor']);

const NAME = /^[A-Za-z_][\w.:-]*$/;

export function sanitizeSvg(source: string): SanitizedSvg {
  const dropped = new Set<string>();
  const out: string[] = [];
  /** Open elements, and how deep inside a dropped one we are. */
  const open: string[] = [];
  let skipDepth = 0;
  let sawSvg = false;
  let i = 0;
  const emit = (text: string): void => {
    if (skipDepth === 0) {
      out.push(text);
    }
  };
  /** Text between tags; a style's (a style sheet is all the text inside the element) that fetches anything is dropped. */
  const emitText = (text: string): void => {
    if (open.includes('style') && externalReference(decodeReferences(text))) {
      dropped.add('external references');
    } else {
      emit(text);
    }
  };
  while (i < source.length) {
    const lt = source.indexOf('<', i);
    if (lt < 0) {
      emitText(source.slice(i));
      break;
    }
    emitText(source.slice(i, lt));
    if (source.startsWith('<!--', lt)) {
      const end = source.indexOf('-->', lt + 4);
      if (end < 0) {
        return { refused: 'a comment is not closed' };
      }
      i = end + 3;
      continue;
    }
    if (source.startsWith('<![CDATA[', lt)) {
      const end = source.indexOf(']]>', lt);
      if (end < 0) {
        return { refused: 'a CDATA section is not closed' };
      }
      emitText(escapeText(source.slice(lt + 9, end)));
      i = end + 3;
      continue;
    }
    if (source.startsWith('<?', lt)) {
      const end = source.indexOf('?>', lt);
      if (end < 0) {
        return { refused: 'a processing instruction is not closed' };
      }
      // Not even the XML declaration is needed (the picture is text in a JSON string); `<?xml-stylesheet?>` would fetch a style sheet.
      if (!/^<\?xml\s/.test(source.slice(lt, end))) {
        dropped.add('processing instructions');
      }
      i = end + 2;
      continue;
    }
    if (source.startsWith('<!', lt)) {
      const end = source.indexOf('>', lt);
      const declaration = end < 0 ? '' : source.slice(lt, end + 1);
      // A document type may declare entities, which may be external: refused.
      if (end < 0 || /\[|ENTITY|SYSTEM|PUBLIC/i.test(declaration)) {
        return { refused: 'it declares a document type with entities or external parts' };
      }
      dropped.add('a document type');
      i = end + 1;
      continue;
    }
    const tag = readTag(source, lt);
    if (!tag) {
      return { refused: `a tag at character ${lt + 1} cannot be read` };
    }
    i = tag.end;
    const local = localName(tag.name);
    if (tag.closing) {
      const expected = open.pop();
      if (expected !== local) {
        return { refused: `</${tag.name}> closes ${expected ? `<${expected}>` : 'nothing'}` };
      }
      if (skipDepth > 0) {
        skipDepth--;
        if (skipDepth === 0) {
          continue;
        }
      }
      emit(`</${tag.name}>`);
      continue;
    }
    sawSvg ||= local === 'svg';
    const targetsLink = ANIMATIONS.has(local) && tag.attributes.some(([name, value]) => localName(name) === 'attributename' && /href/i.test(value));
    if (skipDepth === 0 && (DROPPED_ELEMENTS.has(local) || targetsLink)) {
      dropped.add(`<${local === 'foreignobject' ? 'foreignObject' : local}>`);
      skipDepth = 1;
      if (tag.selfClosing) {
        skipDepth = 0;
      } else {
        open.push(local);
      }
      continue;
    }
    if (skipDepth > 0) {
      if (!tag.selfClosing) {
        open.push(local);
        skipDepth++;
      }
      continue;
    }
    const kept: string[] = [];
    for (const [name, value] of tag.attributes) {
      const why = unsafeAttribute(name, value);
      if (why) {
        dropped.add(why);
      } else {
        kept.push(` ${name}="${escapeAttribute(value)}"`);
      }
    }
    emit(`<${tag.name}${kept.join('')}${tag.selfClosing ? '/>' : '>'}`);
    if (!tag.selfClosing) {
      open.push(local);
    }
  }
  if (open.length > 0) {
    return { refused: `<${open[open.length - 1]}> is not closed` };
  }
  if (!sawSvg) {
    return { refused: 'it has no <svg> element' };
  }
  return { svg: out.join(''), dropped: [...dropped] };
}

interface Tag {
  name: string;
  closing: boolean;
  selfClosing: boolean;
  attributes: Array<[string, string]>;
  end: number;
}

/** The tag at `start` (a `<`), its attribute values decoded; undefined when it is not well-formed. */
function readTag(source: string, start: number): Tag | undefined {
  let i = start + 1;
  const closing = source[i] === '/';
  if (closing) {
    i++;
  }
  const nameMatch = /^[A-Za-z_][\w.:-]*/.exec(source.slice(i, i + 200));
  if (!nameMatch) {
    return undefined;
  }
  const name = nameMatch[0];
  i += name.length;
  const attributes: Array<[string, string]> = [];
  for (;;) {
    while (/\s/.test(source[i] ?? '')) {
      i++;
    }
    if (source[i] === '>') {
      return { name, closing, selfClosing: false, attributes, end: i + 1 };
    }
    if (source.startsWith('/>', i) && !closing) {
      return { name, closing, selfClosing: true, attributes, end: i + 2 };
    }
    if (closing) {
      return undefined;
    }
    const attribute = /^([^\s=/>]+)\s*=\s*("([^"<]*)"|'([^'<]*)')/.exec(source.slice(i, i + 1_000_000));
    if (!attribute || !NAME.test(attribute[1])) {
      return undefined;
    }
    attributes.push([attribute[1], decodeReferences(attribute[3] ?? attribute[4])]);
    i += attribute[0].length;
  }
}

/** Why an attribute goes: an event handler, a link out of the picture, a style that fetches; undefined to keep it. */
function unsafeAttribute(name: string, value: string): string | undefined {
  const local = localName(name);
  if (local.startsWith('on')) {
    return 'event-handler attributes';
  }
  if (local === 'href' || local === 'src') {
    return value.trim().startsWith('#') ? undefined : 'links and external references';
  }
  if (externalReference(value)) {
    return 'external references';
  }
  return undefined;
}

/** `url(…)` to anything but a fragment of this picture, or `@import`. */
function externalReference(text: string): boolean {
  const decoded = text.replace(/\\([0-9a-f]{1,6})\s?/gi, (_, hex: string) => String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff)));
  return /@import/i.test(decoded) || /url\s*\(\s*(?!['"]?\s*#)/i.test(decoded);
}

function localName(name: string): string {
  return name.slice(name.lastIndexOf(':') + 1).toLowerCase();
}

/** Character references decoded, so that the checks see what the browser will. */
function decodeReferences(value: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return value.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return named[ref.toLowerCase()] ?? whole;
  });
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
