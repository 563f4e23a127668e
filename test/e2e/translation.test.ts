/**
 * The player speaks the learner's language: with JupyterLab's language set to
 * French (the `@jupyterlab/translation-extension:plugin` `locale` setting, what
 * Settings → Language sets, then a reload), the toolbar's accessible names and
 * the consent dialog come from Notecast's French catalog, which the Python
 * package installs (`jupyterlab.locale` entry point), and so do the
 * announcements (the presenter's step, typing and run sentences), spoken from
 * live regions whose `lang` is French; setting English back restores English.
 * A tutorial with a French translation beside it (`intro.fr.md`) opens in
 * French, and the player's language switch reopens it in English at the same
 * step, in the same notebook.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { TUTORIAL_FILES, execute, playerFor, recordAnnouncements, setSetting, spoken, waitForSpoken } from './notecast.js';
import { formatViolations, scanPlayer } from '../a11y/helpers/axe.js';
import { notecastErrors, useSuite } from './suite.js';

const BASICS = 'tutorials/01-python-basics.md';
const TITLE = 'Python basics';
/** Its French translation, `tutorials/01-python-basics.fr.md`, which a French JupyterLab opens instead. */
const FRENCH_TITLE = 'Les bases de Python';
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
  let player = await openPlayer(page, 'Lecteur de tutoriel\u00a0: ', BASICS, FRENCH_TITLE);
  const toolbar = player.getByRole('toolbar', { name: 'Lecteur de tutoriel', exact: true });
  await toolbar.waitFor();
  assert.deepEqual(await toolbarButtonNames(toolbar), ['Lecture', 'Étape précédente', 'Étape suivante', 'Prendre la main', 'Reprendre']);
  assert.ok(await toolbar.getByRole('checkbox', { name: 'S’arrêter après chaque étape' }).count());
  assert.ok(await toolbar.getByRole('combobox', { name: 'Vitesse' }).count());
  assert.match((await player.getByRole('slider').getAttribute('aria-valuetext')) ?? '', /^Étape 1 sur 6\u00a0: /);
  assert.match((await player.locator('.jp-NotecastPlayer-status').textContent()) ?? '', /^Prêt · Étape 1 sur 6/);
  assert.ok(
    (await spoken(page)).some(entry => /^Le tutoriel Les bases de Python est prêt dans 01-python-basics\.fr\.ipynb\u00a0: 6 étapes\./.test(entry.text))
  );
  const french = await consentDialog(page, toolbar);
  assert.equal(french.title, 'Ce tutoriel va exécuter du code dans votre noyau');
  assert.match(
    french.body,
    /^«\u00a0Les bases de Python\u00a0» saisit du code dans tutorials\/01-python-basics\.fr\.ipynb et l’exécute dans le noyau python3/
  );
  assert.deepEqual(french.buttons, ['Ne pas exécuter de code', 'Autoriser l’exécution du code']);
  // The live regions say which language they speak; the caption, narration, is in the tutorial's.
  assert.equal(await page.locator('#notecast-announcer').getAttribute('lang'), 'fr-FR');
  assert.equal(await player.locator('.jp-NotecastPlayer-caption').getAttribute('lang'), 'fr');

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
  await waitForSpoken(page, /^Saisie de 2 lignes dans la cellule 2, mean\u00a0: defines mean$/, 90_000);
  await waitForSpoken(page, /^Cellule 2 exécutée, sans sortie$/, 90_000);
  // Pause (the first button is now Pause, in French).
  await functionsToolbar.getByRole('button', { name: 'Pause', exact: true }).focus();
  await page.keyboard.press('Enter');
  const heard = await spoken(page);
  assert.ok(!heard.some(entry => /^(Step \d|Typing |Cell \d+ ran)/.test(entry.text)), 'an announcement was in English');
  // In the live regions (fr-FR), what the English tutorial's author wrote is marked English and
  // the player's own words around it are not: a screen reader reads each in its language.
  const runs = (pattern: RegExp) => heard.find(entry => pattern.test(entry.text))?.english;
  const step = heard.find(entry => /^Étape 1 sur \d+\u00a0: A first function\. A function gives a name to a piece of work\./.test(entry.text));
  assert.ok(step, 'step 1 was not announced');
  assert.deepEqual(step.english, [step.text.replace(/^Étape 1 sur \d+\u00a0: /, '')]);
  assert.deepEqual(runs(/^Saisie de 2 lignes dans la cellule 2, mean\u00a0: defines mean$/), ['mean\u00a0: defines mean']);
  assert.deepEqual(runs(/^Cellule 2 exécutée, sans sortie$/), []);
  assert.ok(
    heard.every(entry => entry.lang === ''),
    'a whole line was marked with a language'
  );

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

test('in French the French translation opens; the language switch reopens it in English at the same step, and back', { timeout: 240_000 }, async () => {
  const { page } = suite.lab;
  await switchLanguage(page, 'fr_FR');
  const french = await openPlayer(page, 'Lecteur de tutoriel\u00a0: ', BASICS, FRENCH_TITLE);
  // The tutorial's text carries its language; the player's words JupyterLab's.
  assert.equal(await french.locator('.jp-NotecastPlayer-title').getAttribute('lang'), 'fr');
  assert.equal(await french.locator('.jp-NotecastPlayer-stepItem h3').first().getAttribute('lang'), 'fr');
  // Step 3 through the step list, by keyboard.
  const go = french.getByRole('button', { name: 'Aller à l’étape 3\u00a0: Nombres', exact: true });
  await go.focus();
  await page.keyboard.press('Enter');
  const slider = french.getByRole('slider');
  await page.waitForFunction(node => /^Étape 3 sur 6\u00a0: Nombres/.test(node?.getAttribute('aria-valuetext') ?? ''), await slider.elementHandle(), {
    timeout: 30_000
  });

  // The switch is a labelled group of buttons, each language named in itself, the current one pressed.
  const languages = french.getByRole('group', { name: 'Langue du tutoriel', exact: true });
  assert.deepEqual(
    (await languages.getByRole('button').allTextContents()).map(text => text.trim()),
    ['English', 'Français']
  );
  assert.equal(await languages.getByRole('button', { name: 'Français', exact: true }).getAttribute('aria-pressed'), 'true');
  assert.equal(await languages.getByRole('button', { name: 'English', exact: true }).getAttribute('lang'), 'en');
  // The player with its language switch is axe-clean.
  const violations = await scanPlayer(page);
  assert.deepEqual(violations, [], formatViolations(violations));
  const toEnglish = languages.getByRole('button', { name: 'English', exact: true });
  await toEnglish.focus();
  await page.keyboard.press('Enter');

  const english = page.locator(`[role=region][aria-label="Lecteur de tutoriel\u00a0: ${TITLE}"]`);
  await english.waitFor({ state: 'visible', timeout: 60_000 });
  await page.waitForFunction(
    node => /^Étape 3 sur 6\u00a0: Numbers/.test(node?.getAttribute('aria-valuetext') ?? ''),
    await english.getByRole('slider').elementHandle(),
    { timeout: 30_000 }
  );
  // One player, in the same notebook, with focus in it.
  assert.equal(await page.locator(`[role=region][aria-label="Lecteur de tutoriel\u00a0: ${FRENCH_TITLE}"]`).count(), 0);
  await waitForSpoken(page, /^Le tutoriel Python basics est prêt dans 01-python-basics\.fr\.ipynb\u00a0: 6 étapes\./);
  assert.ok(await english.evaluate(node => node.contains(document.activeElement)), 'focus is in the new player');
  assert.equal(await english.locator('.jp-NotecastPlayer-title').getAttribute('lang'), 'en');
  assert.equal(await english.getByRole('button', { name: 'English', exact: true }).getAttribute('aria-pressed'), 'true');

  // And back to French, still at step 3.
  const toFrench = english.getByRole('group', { name: 'Langue du tutoriel', exact: true }).getByRole('button', { name: 'Français', exact: true });
  await toFrench.focus();
  await page.keyboard.press('Enter');
  const again = page.locator(`[role=region][aria-label="Lecteur de tutoriel\u00a0: ${FRENCH_TITLE}"]`);
  await again.waitFor({ state: 'visible', timeout: 60_000 });
  await page.waitForFunction(
    node => /^Étape 3 sur 6\u00a0: Nombres/.test(node?.getAttribute('aria-valuetext') ?? ''),
    await again.getByRole('slider').elementHandle(),
    { timeout: 30_000 }
  );
  assert.deepEqual(notecastErrors(suite.lab), []);
});
