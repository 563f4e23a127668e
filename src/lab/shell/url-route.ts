/**
 * `/lab?notecast=<path>` opens that tutorial once JupyterLab has restored its
 * layout (what `make demo` prints, with the server's `&token=…`), and
 * `&step=<n>` (from 1) opens it at that step, as seeking there does; in Jupyter
 * Notebook 7, `/notebooks/<notebook>?notecast=<path>` opens it beside that
 * page's notebook (shell/notebook-tab.ts). The router
 * runs the route's command whenever the URL matches, also after `?reset`
 * navigates to the URL without it: opening a tutorial that has a player
 * activates that player, so the second run opens nothing more.
 */
import type { IRouter, JupyterFrontEnd } from '@jupyterlab/application';
import type { ITranslator } from '@jupyterlab/translation';
import { CommandIDs } from '../command-ids.js';

export const URL_PARAMETER = 'notecast';

/** The step a link arrives at, from 1 ("Try it" on a page of the tutorial). */
export const STEP_PARAMETER = 'step';

/** The query parameter as the router matches it: `?notecast=` or `&notecast=`. */
export const URL_PATTERN = new RegExp(`[?&]${URL_PARAMETER}=`);

/** The tutorial a URL's query string names, if any. */
export function tutorialInQuery(search: string | undefined): string | undefined {
  return new URLSearchParams(search ?? '').get(URL_PARAMETER) || undefined;
}

/** The step a URL's query string asks for, as written (checked by `arrivalStep` once the tutorial is known); undefined without `step=`. */
export function stepInQuery(search: string | undefined): string | undefined {
  return new URLSearchParams(search ?? '').get(STEP_PARAMETER) ?? undefined;
}

/**
 * The step (from 0) that `step=<requested>` (from 1) names among `count`
 * steps; undefined when it names none: not a whole number, 0, or past the end.
 */
export function arrivalStep(requested: string, count: number): number | undefined {
  const text = requested.trim();
  if (!/^\d{1,9}$/.test(text)) {
    return undefined;
  }
  const step = Number(text);
  return step >= 1 && step <= count ? step - 1 : undefined;
}

/** `<base>notebooks/<notebook>?notecast=<tutorial>[&step=<n>]`: each path segment encoded, `/` kept. */
export function notebookPageUrl(baseUrl: string, notebookPath: string, tutorialPath: string, step?: string): string {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const path = notebookPath.split('/').map(encodeURIComponent).join('/');
  const query = new URLSearchParams({ [URL_PARAMETER]: tutorialPath, ...(step === undefined ? {} : { [STEP_PARAMETER]: step }) });
  return `${base}notebooks/${path}?${query.toString()}`;
}

/**
 * `href` with `?notecast=<tutorial>` set (or removed, for `undefined`), the
 * rest of its query and its hash kept: the notebook page's address follows
 * the player on it, so that a reload brings the player back, and a closed
 * player stays closed.
 */
export function withTutorial(href: string, tutorialPath: string | undefined): string {
  const url = new URL(href);
  // The step a link arrived at is behind the player now: a reload resumes where the learner is.
  url.searchParams.delete(STEP_PARAMETER);
  if (tutorialPath) {
    url.searchParams.set(URL_PARAMETER, tutorialPath);
  } else {
    url.searchParams.delete(URL_PARAMETER);
  }
  return url.toString();
}

export function addUrlRoute(app: JupyterFrontEnd, router: IRouter, translator: ITranslator): void {
  const trans = translator.load('notecast');
  app.commands.addCommand(CommandIDs.openFromUrl, {
    label: trans.__('Open the Tutorial Named in the URL'),
    execute: args => {
      const search = (args as IRouter.ILocation).search;
      const path = tutorialInQuery(search);
      const step = stepInQuery(search);
      if (path) {
        // Not awaited: the router waits for its commands, and the layout is restored after routing.
        void app.restored.then(() => app.commands.execute(CommandIDs.open, { path, ...(step === undefined ? {} : { arriveAt: step }) }));
      }
    }
  });
  router.register({ command: CommandIDs.openFromUrl, pattern: URL_PATTERN });
}
