/**
 * The documentation's pictures of the JupyterLab player, taken from the real player here, never
 * drawn or edited by hand: the basics tutorial playing beside its notebook, in the light and the
 * dark theme. Each run takes them into build/screenshots/ and checks them; with
 * UPDATE_SCREENSHOTS=1 they are written where the README and the docs show them
 * (docs/_static/screenshots/), to be reviewed and committed.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { changeTheme, type ThemeName } from '../a11y/helpers/lab.js';
import { REPO_ROOT } from './jupyter-server.js';
import { allowRunningCode, openTutorial, pressInPlayer, SETTINGS_FILE, TUTORIAL_FILES, waitForStatus } from './notecast.js';
import { useSuite } from './suite.js';

const OUT = process.env.UPDATE_SCREENSHOTS === '1' ? join(REPO_ROOT, 'docs', '_static', 'screenshots') : join(REPO_ROOT, 'build', 'screenshots');
const VIEWPORT = { width: 1280, height: 720 };
const SHOTS: Array<[ThemeName, string]> = [
  ['JupyterLab Light', 'player-light.png'],
  ['JupyterLab Dark', 'player-dark.png']
];

const suite = useSuite({ server: { copy: TUTORIAL_FILES, userSettings: { [SETTINGS_FILE]: { speed: 4, reducedMotion: 'on' } } } });

/** Width and height from a PNG's header. */
function pngSize(png: Buffer): { width: number; height: number } {
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG', 'not a PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

test('the player beside its notebook, mid-tutorial, in the light and the dark theme', { timeout: 180_000 }, async () => {
  const { page } = suite.lab;
  await page.setViewportSize(VIEWPORT);
  const player = await openTutorial(page, 'tutorials/01-python-basics.md', 'Python basics');
  await pressInPlayer(player, 'Enter');
  await allowRunningCode(page);
  await waitForStatus(player, /Step 3 of \d+/, 90_000);
  // Paused at step 3, so both pictures show the same moment.
  await pressInPlayer(player, 'Enter');
  await waitForStatus(player, /^Paused/, 30_000);
  mkdirSync(OUT, { recursive: true });
  const taken: Buffer[] = [];
  for (const [theme, name] of SHOTS) {
    await changeTheme(page, theme);
    await page.mouse.move(0, VIEWPORT.height - 1);
    const png = await page.screenshot({ animations: 'disabled', caret: 'hide' });
    writeFileSync(join(OUT, name), png);
    assert.deepEqual(pngSize(png), VIEWPORT);
    taken.push(png);
  }
  assert.notDeepEqual(taken[0], taken[1], 'the light and the dark picture are the same');
  // What the pictures show: the player, next to the notebook it plays into.
  const box = await player.boundingBox();
  assert.ok(box && box.width > 200 && box.x + box.width <= VIEWPORT.width, `the player is not in view: ${JSON.stringify(box)}`);
  for (const [, name] of SHOTS) assert.ok(readFileSync(join(OUT, name)).length > 20_000, `${name} looks empty`);
});
