import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { Presenter } from '../../../src/session/index.js';
import { pluralRule, translationBundle } from '../../../src/web/index.js';
import { fromRoot } from '../../helpers/paths.js';

const french = JSON.parse(readFileSync(fromRoot('jupyterlab_notecast/locale/fr_FR/LC_MESSAGES/notecast.json'), 'utf8')) as Record<string, unknown>;

test("__, _n and _p read the lab's French catalog, placeholders filled", () => {
  const trans = translationBundle(french);
  assert.equal(trans.__('Play'), 'Lecture');
  assert.equal(trans.__('Step %1 of %2: %3', 4, 12, 'Charger'), 'Étape 4 sur 12\u00a0: Charger');
  assert.equal(trans._n('Typing %1 line into %2', 'Typing %1 lines into %2', 1, 'cellule 2'), 'Saisie de 1 ligne dans cellule 2');
  assert.equal(trans._n('Typing %1 line into %2', 'Typing %1 lines into %2', 3, 'cellule 2'), 'Saisie de 3 lignes dans cellule 2');
  // French uses the singular for 0 too (plural=(n > 1)).
  assert.equal(trans._n('Typing %1 line into %2', 'Typing %1 lines into %2', 0, 'x'), 'Saisie de 0 ligne dans x');
  assert.equal(trans._p('settings', 'Reduced motion'), 'Animations réduites');
});

test('a message not in the catalog stays English; an empty catalog is English', () => {
  assert.equal(translationBundle(french).__('Not a message %1', 'x'), 'Not a message x');
  const english = translationBundle();
  assert.equal(english._n('%1 cell', '%1 cells', 2), '2 cells');
  assert.equal(english._p('ctx', 'Word'), 'Word');
});

test('the Presenter words the player through the bundle, as in the lab', () => {
  const presenter = new Presenter(translationBundle(french));
  assert.equal(presenter.words({ kind: 'finished', politeness: 'polite' }), (french['Tutorial finished.'] as string[])[0]);
});

test('plural rules are read without eval, and an unreadable one falls back to English', () => {
  const polish = pluralRule('nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);');
  assert.deepEqual([1, 2, 5, 22, 25, 112].map(polish), [0, 1, 2, 1, 2, 2]);
  assert.deepEqual([0, 1, 2].map(pluralRule('nplurals=2; plural=(n > 1);')), [0, 0, 1]);
  assert.deepEqual([0, 1, 2].map(pluralRule('nplurals=1; plural=0;')), [0, 0, 0]);
  const broken = pluralRule('plural=alert(1);');
  assert.deepEqual([0, 1, 2].map(broken), [1, 0, 1]);
  assert.deepEqual([1, 2].map(pluralRule('')), [0, 1]);
});
