import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Announcement, AnnouncedCell } from '../../../src/player/index.js';
import { englishTranslations, type Translations } from '../../../src/format/index.js';
import { Presenter } from '../../../src/session/index.js';

const presenter = new Presenter();
const say = (announcement: Announcement, brief = false): string => presenter.words(announcement, brief ? { verbosity: 'brief' } : {});

const cell3: AnnouncedCell = { cell: 'c', cellNumber: 3, cellName: 'load' };
const gone: AnnouncedCell = { cell: 'c', cellName: 'load' };

/** One announcement of every kind, with what it says in English. */
const EVERY_KIND: Array<[Announcement, string]> = [
  [
    { kind: 'step-started', politeness: 'polite', index: 3, count: 12, title: 'Load the data', narration: 'We read a CSV file.' },
    'Step 4 of 12: Load the data. We read a CSV file.'
  ],
  [{ kind: 'step-reached', politeness: 'polite', index: 1, count: 2, title: 'Load the data' }, 'Step 2 of 2: Load the data.'],
  [
    { kind: 'typing', politeness: 'polite', ...cell3, lines: 2, description: [{ kind: 'defines', name: 'mean' }] },
    'Typing 2 lines into cell 3, load: defines mean'
  ],
  [
    { kind: 'replacing', politeness: 'polite', ...cell3, lines: 1, description: [{ kind: 'prints' }] },
    'Replacing text with 1 line in cell 3, load: prints'
  ],
  [{ kind: 'deleting', politeness: 'polite', ...cell3 }, 'Deleting cell 3, load'],
  [{ kind: 'ran', politeness: 'polite', ...cell3, outputLines: 2, markdown: false }, 'Cell 3 ran, 2 lines of output. Pause to read them below the cell.'],
  [{ kind: 'raised', politeness: 'assertive', ...cell3, error: 'NameError', pausedByIt: true }, 'Cell 3 raised NameError. Playback paused.'],
  [{ kind: 'narration', politeness: 'polite', text: 'Now you.' }, 'Now you.'],
  [{ kind: 'your-turn', politeness: 'assertive', prompt: 'Set x to 3.' }, 'Your turn: Set x to 3.'],
  [{ kind: 'took-over', politeness: 'polite' }, 'You have control. Playback paused.'],
  [{ kind: 'resuming', politeness: 'polite', index: 4 }, 'Resuming at step 5'],
  [{ kind: 'finished', politeness: 'polite' }, 'Tutorial finished.'],
  [
    {
      kind: 'conflict',
      politeness: 'assertive',
      index: 1,
      cell: 'c',
      message: 'The tutorial types into cell "load", which is no longer in the notebook.'
    },
    'Step 2 cannot continue: The tutorial types into cell "load", which is no longer in the notebook. Playback paused.'
  ],
  [{ kind: 'failed', politeness: 'assertive', message: 'the notebook was closed' }, 'Playback stopped: the notebook was closed.']
];

test('every kind of announcement is worded in English', () => {
  for (const [announcement, words] of EVERY_KIND) {
    assert.equal(say(announcement), words, announcement.kind);
  }
  const kinds = new Set(EVERY_KIND.map(([announcement]) => announcement.kind));
  assert.equal(kinds.size, 14, 'one of each kind');
});

test('a step: its label as a sentence, a full stop only when the title does not end one, no narration when brief', () => {
  const step = (title: string, narration: string): Announcement => ({ kind: 'step-started', politeness: 'polite', index: 0, count: 1, title, narration });
  assert.equal(say(step('What is a list?', 'A sequence.')), 'Step 1 of 1: What is a list? A sequence.');
  assert.equal(say(step('Names', '')), 'Step 1 of 1: Names.');
  assert.equal(say(step('Names', 'We give x a number.'), true), 'Step 1 of 1: Names.');
  assert.equal(presenter.stepLabel(3, 12, 'Load the data'), 'Step 4 of 12: Load the data');
});

test('narration is found from the kind: a step says it in full verbosity only, a :::say line always', () => {
  const step: Announcement = { kind: 'step-started', politeness: 'polite', index: 0, count: 1, title: 'T', narration: 'Told.' };
  assert.equal(presenter.narrationIn(step), 'Told.');
  assert.equal(presenter.narrationIn(step, { verbosity: 'brief' }), undefined);
  assert.equal(presenter.narrationIn({ ...step, narration: '' }), undefined);
  assert.equal(presenter.narrationIn({ kind: 'narration', politeness: 'polite', text: 'Said.' }), 'Said.');
  assert.equal(presenter.narrationIn({ kind: 'your-turn', politeness: 'assertive', prompt: 'Go.' }), undefined);
});

test('plurals: lines typed and lines of output', () => {
  const typing = (lines: number): Announcement => ({ kind: 'typing', politeness: 'polite', ...cell3, lines, description: [] });
  assert.equal(say(typing(1)), 'Typing 1 line into cell 3, load');
  assert.equal(say(typing(3), true), 'Typing 3 lines into cell 3');
  const ran = (outputLines: number | undefined, markdown = false): Announcement => ({
    kind: 'ran',
    politeness: 'polite',
    ...cell3,
    ...(outputLines === undefined ? {} : { outputLines }),
    markdown
  });
  assert.deepEqual(
    [ran(0), ran(1), ran(2), ran(undefined), ran(undefined, true)].map(a => say(a, true)),
    ['Cell 3 ran, no output', 'Cell 3 ran, 1 line of output', 'Cell 3 ran, 2 lines of output', 'Cell 3 ran', 'Cell 3 rendered']
  );
  assert.deepEqual(
    [ran(1), ran(2)].map(a => say(a)),
    ['Cell 3 ran, 1 line of output. Pause to read it below the cell.', 'Cell 3 ran, 2 lines of output. Pause to read them below the cell.']
  );
});

test('one short line of output is said with the result, at full verbosity; brief says how many lines', () => {
  const ran: Announcement = { kind: 'ran', politeness: 'polite', ...cell3, outputLines: 1, output: '83.0', markdown: false };
  assert.equal(say(ran), 'Cell 3 ran: 83.0');
  assert.equal(say(ran, true), 'Cell 3 ran, 1 line of output');
});

test('what the learner is told of where code goes: at the start of a cell, replaced, deleted', () => {
  const typing: Announcement = { kind: 'typing', politeness: 'polite', ...cell3, lines: 1, description: [{ kind: 'prints' }], atStart: true };
  assert.equal(say(typing), 'Typing 1 line at the start of cell 3, load: prints');
  assert.equal(say({ ...typing, description: [] }, true), 'Typing 1 line at the start of cell 3');
  assert.equal(say({ kind: 'replacing', politeness: 'polite', ...cell3, lines: 0, description: [] }), 'Deleting text in cell 3, load');
  assert.equal(
    say({ kind: 'replacing', politeness: 'polite', ...cell3, lines: 2, summary: 'a faster loop', description: [] }, true),
    'Replacing text with 2 lines in cell 3: a faster loop'
  );
  assert.equal(say({ kind: 'deleting', politeness: 'polite', ...gone }), 'Deleting cell "load"');
});

test("the author's cell name is said when it says more than the number, in words", () => {
  const named = (cellName: string) => presenter.namedCell({ cell: 'x', cellNumber: 6, cellName });
  assert.equal(named('report'), 'cell 6, report');
  assert.equal(named('load-data'), 'cell 6, load data');
  for (const generic of ['a', 'md', 'c2', 'cell_3', 'code-4', '7', 'markdown']) {
    assert.equal(named(generic), 'cell 6', generic);
  }
  assert.equal(presenter.namedCell({ cell: 'x', cellNumber: 6, cellName: 'report' }, { verbosity: 'brief' }), 'cell 6');
});

test("a cell that is gone is named by its author; the author's summary is said as written", () => {
  assert.equal(say({ kind: 'ran', politeness: 'polite', ...gone, markdown: false }), 'Cell "load" ran');
  assert.equal(say({ kind: 'raised', politeness: 'assertive', ...gone, pausedByIt: false }), 'Cell "load" failed.');
  assert.equal(say({ kind: 'raised', politeness: 'assertive', ...cell3, pausedByIt: true }), 'Cell 3 failed. Playback paused.');
  assert.equal(say({ kind: 'raised', politeness: 'assertive', ...cell3, error: 'ValueError', pausedByIt: false }), 'Cell 3 raised ValueError.');
  assert.equal(
    say({ kind: 'typing', politeness: 'polite', ...gone, lines: 1, summary: 'computes the average', description: [{ kind: 'prints' }] }),
    'Typing 1 line into cell "load": computes the average'
  );
  assert.equal(say({ kind: 'your-turn', politeness: 'assertive' }), 'Your turn. Continue when you are ready.');
  // A prompt that says it already is not told twice ("Your turn: Your turn: …").
  assert.equal(say({ kind: 'your-turn', politeness: 'assertive', prompt: 'Your turn: add a fourth meeting.' }), 'Your turn: add a fourth meeting.');
  assert.equal(say({ kind: 'your-turn', politeness: 'assertive', prompt: 'your turn — try it.' }), 'your turn — try it.');
  assert.equal(say({ kind: 'your-turn', politeness: 'assertive', prompt: 'Your turnip soup.' }), 'Your turn: Your turnip soup.');
});

test('code descriptions: every part, joined', () => {
  assert.equal(
    presenter.codeDescription([
      { kind: 'defines', name: 'mean' },
      { kind: 'defines-class', name: 'Point' },
      { kind: 'imports-from', names: 'Counter', module: 'collections' },
      { kind: 'imports', names: 'os, sys' },
      { kind: 'loops-over', over: 'values' },
      { kind: 'loop' },
      { kind: 'while-loop' },
      { kind: 'condition' },
      { kind: 'try-block' },
      { kind: 'returns' },
      { kind: 'prints' },
      { kind: 'heading', text: 'Results' },
      { kind: 'comment', text: 'load it' },
      { kind: 'cell-magic', name: '%%bash' },
      { kind: 'assigns', names: 'a, b' },
      { kind: 'calls', name: 'result.append' }
    ]),
    'defines mean, defines class Point, imports Counter from collections, imports os, sys, loops over values, a loop, a while loop, ' +
      'a condition, a try block, returns a value, prints, heading Results, comment load it, cell magic %%bash, assigns a, b, calls result.append'
  );
});

test("English placeholders behave as JupyterLab's nullTranslator: %N by position, the count first in _n, %% kept as %", () => {
  assert.equal(englishTranslations.__('%2 before %1', 'a', 'b'), 'b before a');
  assert.equal(englishTranslations._n('%1 dog in %2', '%1 dogs in %2', 7, 'the kitchen'), '7 dogs in the kitchen');
  assert.equal(englishTranslations._n('%1 dog in %2', '%1 dogs in %2', 1, 'the kitchen'), '1 dog in the kitchen');
  assert.equal(englishTranslations._p('context', '100%% of %1', 'it'), '100% of it');
  // Arguments are not read again for placeholders: an author's "%1" stays as written.
  assert.equal(englishTranslations.__('Your turn: %1', 'type %1 here'), 'Your turn: type %1 here');
});

test('every word the presenter makes goes through the bundle; only what the author or host wrote passes through as is', () => {
  const asked: string[] = [];
  const mark = (text: string): string => `⟦${text}⟧`;
  const marking: Translations = {
    __: (msgid, ...args) => {
      asked.push(msgid);
      return mark(englishTranslations.__(msgid, ...args));
    },
    _n: (msgid, plural, n, ...args) => {
      asked.push(msgid, plural);
      return mark(englishTranslations._n(msgid, plural, n, ...args));
    },
    _p: (context, msgid, ...args) => {
      asked.push(msgid);
      return mark(englishTranslations._p(context, msgid, ...args));
    }
  };
  const marked = new Presenter(marking);
  for (const [announcement, english] of EVERY_KIND) {
    const words = marked.words(announcement);
    if (announcement.kind === 'narration') {
      assert.equal(words, announcement.text, "narration is the author's text");
      continue;
    }
    assert.ok(words.startsWith('⟦') && words.endsWith('⟧'), `${announcement.kind}: ${words}`);
    assert.equal(words.replace(/[⟦⟧]/g, ''), english, announcement.kind);
  }
  // The typing announcement's description and cell went through the bundle too.
  const typing = marked.words(EVERY_KIND[2][0]);
  assert.match(typing, /⟦cell 3, load⟧/);
  assert.match(typing, /⟦defines mean⟧/);
  // Message ids are literal: no author's text or number ever became one.
  assert.ok(
    asked.every(msgid => !/Load the data|NameError|mean|CSV/.test(msgid)),
    asked.join('\n')
  );
});
