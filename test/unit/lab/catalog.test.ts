/**
 * The French catalog matches the sources: every message the lab words through
 * `trans` is in the template, every entry of the template has a French
 * translation with the same placeholders, and the compiled `.json` that
 * JupyterLab loads says what the `.po` says. `make translations` (extract,
 * update, compile) and a translator's pass keep these true.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { test } from 'node:test';
import { fromRoot } from '../../helpers/paths.js';

const LOCALE = fromRoot('jupyterlab_notecast', 'locale');
const LANGUAGES = ['fr_FR'];
/** gettext's separator between a context and its message id, in the compiled `.json`. */
const CONTEXT_SEPARATOR = '\u0004';

interface Entry {
  context?: string;
  id: string;
  plural?: string;
  /** One per plural form (one alone without `msgid_plural`). */
  strings: string[];
  fuzzy: boolean;
}

function key(entry: { context?: string; id: string }): string {
  return entry.context === undefined ? entry.id : `${entry.context}${CONTEXT_SEPARATOR}${entry.id}`;
}

/** A C string literal as gettext writes it. */
function unquote(literal: string): string {
  return JSON.parse(literal.replace(/\\t/g, '\\t')) as string;
}

/** The entries of a `.po` or `.pot` file, the header and obsolete (`#~`) entries left out. */
function readCatalog(path: string): Entry[] {
  const entries: Entry[] = [];
  let current: Entry | undefined;
  let field: { set: (text: string) => void } | undefined;
  let fuzzy = false;
  const finish = (): void => {
    if (current && current.id !== '') {
      entries.push(current);
    }
    current = undefined;
    field = undefined;
  };
  for (const raw of readFileSync(path, 'utf8').split('\n')) {
    const line = raw.trim();
    if (line === '') {
      finish();
      fuzzy = false;
      continue;
    }
    if (line.startsWith('#')) {
      if (line.startsWith('#,') && line.includes('fuzzy')) {
        fuzzy = true;
      }
      continue;
    }
    const match = /^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(".*")$/.exec(line);
    if (match) {
      const [, name, index, literal] = match;
      current ??= { id: '', strings: [], fuzzy };
      const entry = current;
      const text = unquote(literal);
      if (name === 'msgctxt') {
        entry.context = text;
        field = { set: more => (entry.context = (entry.context ?? '') + more) };
      } else if (name === 'msgid') {
        entry.id = text;
        field = { set: more => (entry.id += more) };
      } else if (name === 'msgid_plural') {
        entry.plural = text;
        field = { set: more => (entry.plural = (entry.plural ?? '') + more) };
      } else {
        const i = index === undefined ? 0 : Number(index);
        entry.strings[i] = text;
        field = { set: more => (entry.strings[i] += more) };
      }
    } else if (line.startsWith('"') && field) {
      field.set(unquote(line));
    } else {
      assert.fail(`${path}: cannot read the line ${JSON.stringify(raw)}`);
    }
  }
  finish();
  return entries;
}

function placeholders(text: string): string[] {
  return [...new Set(text.match(/%\d+/g) ?? [])].sort();
}

/** The messages the sources word through `trans`: literal first arguments of `__` and `_n`, `_p`'s context and message. */
function sourceMessages(): Array<{ context?: string; id: string; file: string }> {
  const literal = String.raw`('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")`;
  const call = new RegExp(String.raw`\btrans\.(__|_n|_p)\(\s*${literal}(?:\s*,\s*${literal})?`, 'g');
  /** A TypeScript string literal's text: as JSON once a single-quoted one is double-quoted. */
  const text = (quoted: string): string =>
    JSON.parse(quoted.startsWith("'") ? `"${quoted.slice(1, -1).replace(/\\'/g, "'").replace(/"/g, '\\"')}"` : quoted) as string;
  const messages: Array<{ context?: string; id: string; file: string }> = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = `${dir}/${name}`;
      if (statSync(path).isDirectory()) {
        walk(path);
      } else if (/\.tsx?$/.test(name)) {
        for (const match of readFileSync(path, 'utf8').matchAll(call)) {
          const [, method, first, second] = match;
          const file = path.slice(fromRoot().length);
          if (method === '_p') {
            assert.ok(second !== undefined, `${file}: _p(${first}, …) needs a literal message`);
            messages.push({ context: text(first), id: text(second), file });
          } else {
            messages.push({ id: text(first), file });
          }
        }
      }
    }
  };
  walk(fromRoot('src'));
  return messages;
}

const template = readCatalog(`${LOCALE}/notecast.pot`);

test('the template has the messages of the sources and of the settings schema', () => {
  assert.ok(template.length > 150, `only ${template.length} entries`);
  const keys = new Set(template.map(key));
  const messages = sourceMessages();
  assert.ok(messages.length > 150, `only ${messages.length} calls found`);
  const missing = messages.filter(message => !keys.has(key(message))).map(message => `${message.file}: ${JSON.stringify(message.id)}`);
  assert.deepEqual(missing, [], 'not in notecast.pot: run make translations');
  assert.ok(keys.has(key({ context: 'schema', id: 'Playback speed' })));
  assert.ok(keys.has(key({ context: 'settings', id: 'Playback speed' })));
});

for (const language of LANGUAGES) {
  const dir = `${LOCALE}/${language}/LC_MESSAGES`;
  const catalog = readCatalog(`${dir}/notecast.po`);
  const byKey = new Map(catalog.map(entry => [key(entry), entry]));

  test(`${language}: every message of the template is translated, with the same placeholders`, () => {
    const problems: string[] = [];
    for (const wanted of template) {
      const entry = byKey.get(key(wanted));
      const name = JSON.stringify(key(wanted));
      if (!entry) {
        problems.push(`${name}: missing`);
        continue;
      }
      if (entry.fuzzy) {
        problems.push(`${name}: fuzzy`);
      }
      if (entry.plural !== wanted.plural) {
        problems.push(`${name}: plural ${JSON.stringify(entry.plural)}, template ${JSON.stringify(wanted.plural)}`);
      }
      const forms = wanted.plural === undefined ? 1 : 2;
      if (entry.strings.length !== forms || entry.strings.some(text => !text)) {
        problems.push(`${name}: ${forms} non-empty msgstr wanted, got ${JSON.stringify(entry.strings)}`);
        continue;
      }
      entry.strings.forEach((text, form) => {
        const source = form === 0 ? wanted.id : (wanted.plural ?? wanted.id);
        if (placeholders(text).join() !== placeholders(source).join()) {
          problems.push(
            `${name}: msgstr[${form}] has ${placeholders(text).join() || 'no placeholder'}, the message ${placeholders(source).join() || 'none'}`
          );
        }
      });
    }
    assert.deepEqual(problems, []);
  });

  test(`${language}: the catalog has nothing the template lacks`, () => {
    const keys = new Set(template.map(key));
    assert.deepEqual(catalog.filter(entry => !keys.has(key(entry))).map(key), []);
  });

  test(`${language}: a colon, semicolon, question or exclamation mark has a no-break space before it`, () => {
    const bare = catalog.flatMap(entry => entry.strings.filter(text => /[^\u00a0\u202f\d][:;?!](\s|$)/.test(text)).map(text => JSON.stringify(text)));
    assert.deepEqual(bare, []);
  });

  test(`${language}: the compiled .json JupyterLab loads matches the .po`, () => {
    const compiled = JSON.parse(readFileSync(`${dir}/notecast.json`, 'utf8')) as Record<string, unknown>;
    const stale: string[] = [];
    for (const entry of catalog) {
      const got = compiled[key(entry)];
      if (JSON.stringify(got) !== JSON.stringify(entry.strings)) {
        stale.push(`${JSON.stringify(key(entry))}: ${JSON.stringify(got)}`);
      }
    }
    assert.deepEqual(stale, [], 'compile the catalog: make translations');
    const header = compiled[''] as { domain?: string; language?: string; plural_forms?: string } | undefined;
    assert.equal(header?.domain, 'notecast');
    assert.equal(header?.language, language.replace('_', '-'));
    assert.equal(header?.plural_forms, 'nplurals=2; plural=(n > 1);');
  });
}
