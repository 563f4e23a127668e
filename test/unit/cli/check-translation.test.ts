import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { INPUT_LIMITS } from '../../../src/format/index.js';
import { fromRoot } from '../../helpers/paths.js';
import { runCli as run } from './run-cli.js';

const source = readFileSync(fromRoot('tutorials', '01-python-basics.md'), 'utf8');
const french = readFileSync(fromRoot('tutorials', '01-python-basics.fr.md'), 'utf8');

/** A source and its translation side by side in a fresh folder. */
function pair(translation: string, name = 'intro.fr.md', original = source): { dir: string; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'notecast-translation-'));
  writeFileSync(join(dir, 'intro.md'), original);
  const path = join(dir, name);
  writeFileSync(path, translation);
  return { dir, path };
}

test('the French translation of the first tutorial has its structure', async () => {
  const { code, stderr } = await run('check', fromRoot('tutorials', '01-python-basics.md'), fromRoot('tutorials', '01-python-basics.fr.md'));
  assert.equal(stderr, 'checked 2 files: 0 errors, 0 warnings\n');
  assert.equal(code, 0);
});

test('a translation whose code differs is an error at the directive, with the source line', async () => {
  const { path } = pair(french.replace('print(greeting)', 'print(greeting * 2)'));
  const { code, stderr } = await run('check', path);
  assert.equal(code, 1);
  assert.match(
    stderr,
    /intro\.fr\.md:22:1: error: Step 2 “Noms et valeurs”: `:::type` into cell `hello` differs from the source in the code; .* \(source: .*intro\.md:20\) \(translation-mismatch\)/
  );
});

test('a missing directive, a missing step and a wrong expected output are each reported once', async () => {
  const lastHeading = french.indexOf('# Ce que vous avez appris');
  const translation = french.slice(0, lastHeading).replace('::wait{s=1.5}\n', '').replace('2 each, and 2 left over', '2 chacun, et 2 de reste');
  const { code, stderr } = await run('check', pair(translation).path);
  assert.equal(code, 1);
  const lines = stderr.trim().split('\n');
  assert.equal(lines.length, 4, stderr);
  assert.match(lines[0], /Step 3 “Nombres”: `::run` of cell `numbers` differs from the source in the expected output/);
  assert.match(lines[1], /Step 5 “Boucles”: missing `::wait`, which the source's step 5 has; add it \(source: .*intro\.md:103\)/);
  assert.match(lines[2], /Missing step 6 \(“What you learned” in the source\): the translation has 5 steps and the source 6/);
  assert.equal(lines[3], 'checked 1 file: 3 errors, 0 warnings');
});

test('a different cell, an extra operation and a different kind of operation are mismatches', async () => {
  const translation = french
    .replace('{cell=numbers}', '{cell=sums}')
    .replace(':::say\nRemarquez', '::wait{s=1}\n\n:::say\nRemarquez')
    .replace(':::pause\nAjoutez', ':::say\nAjoutez');
  const { stderr } = await run('check', pair(translation).path);
  assert.match(stderr, /Step 3 “Nombres”: a new cell `sums` where the source has a new cell `numbers`/);
  assert.match(stderr, /Step 4 “Listes”: `:::say` where the source has `:::pause`/);
  assert.match(stderr, /Step 5 “Boucles”: `::wait` where the source has `:::say`/);
});

test('the language in the name must be the front matter’s, and differ from the source’s', async () => {
  const untagged = await run('check', pair(french.replace('lang: fr\n', '')).path);
  assert.match(
    untagged.stderr,
    /1:1: error: Unexpected language `en` for a translation of .*intro\.md named `\.fr\.` \(French\): add `lang: fr` to the front matter, or rename the file .*\(without `\.fr\.` if it is not a translation\)/
  );
  const same = await run('check', pair(source.replace('title:', 'lang: fr\ntitle:'), 'intro.fr.md', source.replace('title:', 'lang: fr\ntitle:')).path);
  assert.match(same.stderr, /Unexpected `lang: fr`, the same as the source/);
});

test('words may differ: titles, narration, summaries and prompts', async () => {
  const translation = french
    .replace('summary="affiche la durée de chaque réunion"', 'summary="autre chose"')
    .replace('Ajoutez une quatrième', 'Ajoutez une cinquième');
  const { code, stderr } = await run('check', pair(translation).path);
  assert.equal(stderr, 'checked 1 file: 0 errors, 0 warnings\n');
  assert.equal(code, 0);
});

test('a file with a language suffix and no source beside it is a tutorial of its own', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'notecast-translation-'));
  writeFileSync(join(dir, 'notes.fr.md'), french);
  const { code, stderr } = await run('check', join(dir, 'notes.fr.md'));
  assert.equal(stderr, 'checked 1 file: 0 errors, 0 warnings\n');
  assert.equal(code, 0);
});

test('a suffix that is no language is no translation: intro.old.md, intro.bak.md and intro.draft.md are tutorials of their own', async () => {
  for (const name of ['intro.old.md', 'intro.bak.md', 'intro.draft.md', 'intro.tmp.md']) {
    // Its own language and structure: compared as a translation, both would be errors.
    const { code, stderr } = await run('check', pair(source.replace('::wait{s=1.5}\n', ''), name).path);
    assert.equal(stderr, 'checked 1 file: 0 errors, 0 warnings\n', name);
    assert.equal(code, 0, name);
  }
});

test('a translation whose source is over the size limit is said not to be compared, in a note', async () => {
  const { path } = pair(french, 'intro.fr.md', source + '\n' + 'x'.repeat(INPUT_LIMITS.markdown));
  const { code, stderr } = await run('check', path);
  assert.match(
    stderr,
    /intro\.fr\.md:1:1: note: Not compared with its source .*intro\.md: the source is larger than 10 MiB, the most Notecast reads, .* \(translation-not-compared\)\nchecked 1 file: 0 errors, 0 warnings\n$/
  );
  assert.equal(code, 0);
});

test('a source with errors is named, and the translation is not compared', async () => {
  const { path } = pair(french, 'intro.fr.md', source.replace('::wait{s=1.5}', '::wiat'));
  const { stderr } = await run('check', path);
  assert.match(stderr, /intro\.fr\.md:1:1: warning: Cannot compare with the source .*intro\.md: it has errors; check it and fix them first/);
});
