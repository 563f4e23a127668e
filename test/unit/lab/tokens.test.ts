import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { Token } from '@lumino/coreutils';
import * as tokens from '../../../src/lab/tokens.js';
import type { INotecastAnnouncer, INotecastPlayer, INotecastTracker } from '../../../src/lab/tokens.js';
import { fromRoot } from '../../helpers/paths.js';

/** `true` when `T` has a member named `K`: the type checker answers, so a member added to a token's interface fails the build. */
type Has<T, K extends string> = K extends keyof T ? true : false;

// What other extensions see of a player is its state and controls, never the session's internals.
const playerInternals: [
  Has<INotecastPlayer, 'session'>,
  Has<INotecastPlayer, 'player'>,
  Has<INotecastPlayer, 'applier'>,
  Has<INotecastPlayer, 'keyframes'>
] = [false, false, false, false];
const trackerGivesPlayers: Has<NonNullable<INotecastTracker['activePlayer']>, 'session'> = false;
const announcerInternals: [Has<INotecastAnnouncer, 'divert'>, Has<INotecastAnnouncer, 'log'>, Has<INotecastAnnouncer, 'node'>] = [false, false, false];

test("the tokens' interfaces show no internals (checked by the compiler)", () => {
  assert.deepEqual([...playerInternals, trackerGivesPlayers, ...announcerInternals], [false, false, false, false, false, false, false, false]);
});

test('tokens.ts holds the tokens only, and its compiled module imports nothing but @lumino/coreutils', () => {
  assert.deepEqual(Object.keys(tokens).sort(), ['INotecastAnnouncer', 'INotecastPreferences', 'INotecastTracker']);
  for (const token of Object.values(tokens)) {
    assert.ok(token instanceof Token, 'an export of tokens.ts is not a Token');
    assert.match(token.name, /^jupyterlab-notecast:/);
  }
  const compiled = readFileSync(fromRoot('lib', 'src', 'lab', 'tokens.js'), 'utf8');
  const imported = [...compiled.matchAll(/^import\s[^;]*?from\s*['"]([^'"]+)['"]/gm)].map(match => match[1]);
  assert.deepEqual(imported, ['@lumino/coreutils']);
});
