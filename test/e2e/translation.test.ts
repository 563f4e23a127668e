/**
 * The player speaks the learner's language: with JupyterLab's language set to
 * French (the `@jupyterlab/translation-extension:plugin` `locale` setting, what
 * Settings → Language sets, then a reload), the toolbar's accessible names and
 * the consent dialog come from Notecast's French catalog, which the Python
 * package installs (`jupyterlab.locale` entry point), and so do the
 * announcements (the presenter's step, typing and run sentences), spoken from
 * live regions whose `lang` is French; setting English back restores English.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { TUTORIAL_FILES, execute, playerFor, recordAnnouncements, setSetting, spoken, waitForSpoken } from './notecast.js';
import { notecastErrors, useSuite } from './suite.js';

const BASICS = 'tutorials/01-python-basics.md';
const TITLE = 'Python basics';
/** Played in French: another notebook, so the English part finds Python basics as it was. */
const FUNCTIONS = 'tutorials/02-functions-and-errors.md';
const FUNCTIONS_TITLE = 'Functions and errors';
const LANGUAGE_PLUGIN = '@jupyterlab/translation-extension:plugin';

const suite = useSuite({
  server: { copy: TUTORIAL_FILES },
  lab: { beforeLoad: recordAnnouncements }
});

/**
 * Sets JupyterLab's language and reloads, as Settings → Language does (with `?reset`, so no
 * player comes back from the saved layout); waits for Lab to be back.
 */
async function switchLanguage(page: Page, locale: string): Promise<void> {
  await setSetting(page, LANGUAGE_PLUGIN, 'locale', locale);
  await page.goto(`${suite.server.url}/lab?reset`);
  await page.waitForFunction(() => Boolean(window.jupyterapp), undefined, { timeout: 60_000 });
  await page.evaluate(async () => {
    await window.jupyterapp!.started;
    await window.jupyterapp!.restored;
  });
}

/** Opens the tutorial and returns its player region, named "<prefix><title>" in the language shown. */
async function openPlayer(page: Page, regionPrefix: string, path = BASICS, title = TITLE): Promise<Locator> {
  await execute(page, 'notecast:open', { path });
  const player = page.locator(`[role=region][aria-label="${regionPrefix}${title}"]`);
  await player.waitFor({ state: 'visible', timeout: 60_000 });
  return player;
}

/** The accessible names of the toolbar's buttons, in order. */
async function toolbarButtonNames(toolbar: Locator): Promise<string[]> {
  const buttons = toolbar.getByRole('button');
  const names: string[] = [];
  for (let i = 0; i < (await buttons.count()); i++) {
    names.push(((await buttons.nth(i).textContent()) ?? '').trim());
  }
  return names;
}

/** Starts playing with the keyboard; the consent dialog shows; returns its title, body and buttons, then declines. */
async function consentDialog(page: Page, toolbar: Locator): Promise<{ title: string; body: string; buttons: string[] }> {
  // Play is the toolbar's first button, whatever its name in this language.
  await toolbar.getByRole('button').first().focus();
  await page.keyboard.press('Enter');
  const dialog = page.locator('.jp-Dialog');
  await dialog.waitFor({ state: 'visible', timeout: 15_000 });
  const title = ((await dialog.locator('.jp-Dialog-header').textContent()) ?? '').trim();
  const body = ((await dialog.locator('.jp-Dialog-body').textContent()) ?? '').trim();
  const buttons = (await dialog.locator('.jp-Dialog-footer button').allTextContents()).map(text => text.trim());
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  return { title, body, buttons };
}

test('in French, the toolbar, the slider and the consent dialog are French; back in English, English again', { timeout: 240_000 }, async () => {
  const { page } = suite.lab;

  await switchLanguage(page, 'fr_FR');
  // JupyterLab itself is French (the language pack), so the switch took effect.
  await page.getByRole('menuitem', { name: 'Fichier', exact: true }).waitFor({ timeout: 30_000 });
  let player = await openPlayer(page, 'Lecteur de tutoriel\u00a0: ');
  const toolbar = player.getByRole('toolbar', { name: 'Lecteur de tutoriel', exact: true });
  await toolbar.waitFor();
  assert.deepEqual(await toolbarButtonNames(toolbar), ['Lecture', 'Étape précédente', 'Étape suivante', 'Prendre la main', 'Reprendre']);
  assert.ok(await toolbar.getByRole('checkbox', { name: 'S’arrêter après chaque étape' }).count());
  assert.ok(await toolbar.getByRole('combobox', { name: 'Vitesse' }).count());
  assert.match((await player.getByRole('slider').getAttribute('aria-valuetext')) ?? '', /^Étape 1 sur 6\u00a0: /);
  assert.match((await player.locator('.jp-NotecastPlayer-status').textContent()) ?? '', /^Prêt · Étape 1 sur 6/);
  assert.ok((await spoken(page)).some(entry => /^Le tutoriel Python basics est prêt dans 01-python-basics\.ipynb\u00a0: 6 étapes\./.test(entry.text)));
  const french = await consentDialog(page, toolbar);
  assert.equal(french.title, 'Ce tutoriel va exécuter du code dans votre noyau');
  assert.match(french.body, /^«\u00a0Python basics\u00a0» saisit du code dans tutorials\/01-python-basics\.ipynb et l’exécute dans le noyau python3/);
  assert.deepEqual(french.buttons, ['Ne pas exécuter de code', 'Autoriser l’exécution du code']);
  // The live regions and the caption say which language they speak.
  assert.equal(await page.locator('#notecast-announcer').getAttribute('lang'), 'fr-FR');
  assert.equal(await player.locator('.jp-NotecastPlayer-caption').getAttribute('lang'), 'fr-FR');

  // Played in French, the presenter announces the step, the typing and the run in French.
  const functions = await openPlayer(page, 'Lecteur de tutoriel\u00a0: ', FUNCTIONS, FUNCTIONS_TITLE);
  const functionsToolbar = functions.getByRole('toolbar', { name: 'Lecteur de tutoriel', exact: true });
  await functionsToolbar.getByRole('button').first().focus();
  await page.keyboard.press('Enter');
  const allow = page.getByRole('button', { name: 'Autoriser l’exécution du code', exact: true });
  await allow.waitFor({ state: 'visible', timeout: 15_000 });
  await allow.focus();
  await page.keyboard.press('Enter');
  await waitForSpoken(page, /^Étape 1 sur \d+\u00a0: A first function\. A function gives a name/, 60_000);
  await waitForSpoken(page, /^Saisie de 2 lignes dans la cellule 2\u00a0: defines mean$/, 90_000);
  await waitForSpoken(page, /^Cellule 2 exécutée, sans sortie$/, 90_000);
  // Pause (the first button is now Pause, in French).
  await functionsToolbar.getByRole('button', { name: 'Pause', exact: true }).focus();
  await page.keyboard.press('Enter');
  assert.ok(!(await spoken(page)).some(entry => /^(Step \d|Typing |Cell \d+ ran)/.test(entry.text)), 'an announcement was in English');

  await switchLanguage(page, 'en');
  player = await openPlayer(page, 'Tutorial player: ');
  const englishToolbar = player.getByRole('toolbar', { name: 'Tutorial player', exact: true });
  assert.deepEqual(await toolbarButtonNames(englishToolbar), ['Play', 'Previous step', 'Next step', 'Take over', 'Resume']);
  assert.match((await player.getByRole('slider').getAttribute('aria-valuetext')) ?? '', /^Step 1 of 6: /);
  const english = await consentDialog(page, englishToolbar);
  assert.equal(english.title, 'This tutorial will run code in your kernel');
  assert.deepEqual(english.buttons, ["Don't run code", 'Allow running code']);
  assert.equal(await page.locator('#notecast-announcer').getAttribute('lang'), 'en');
  assert.equal(await playerFor(page, TITLE).count(), 1);
  assert.deepEqual(notecastErrors(suite.lab), []);
});
