/**
 * `/lab?notecast=<path>` opens that tutorial once JupyterLab has restored its
 * layout (what `make demo` prints, with the server's `&token=…`); in Jupyter
 * Notebook 7, `/notebooks/<notebook>?notecast=<path>` opens it beside that
 * page's notebook (notebook-tab.ts). The router
 * runs the route's command whenever the URL matches, also after `?reset`
 * navigates to the URL without it: opening a tutorial that has a player
 * activates that player, so the second run opens nothing more.
 */
import type { IRouter, JupyterFrontEnd } from '@jupyterlab/application';
import type { ITranslator } from '@jupyterlab/translation';
import { CommandIDs } from './commands.js';

export const URL_PARAMETER = 'notecast';

/** The query parameter as the router matches it: `?notecast=` or `&notecast=`. */
export const URL_PATTERN = new RegExp(`[?&]${URL_PARAMETER}=`);

/** The tutorial a URL's query string names, if any. */
export function tutorialInQuery(search: string | undefined): string | undefined {
  return new URLSearchParams(search ?? '').get(URL_PARAMETER) || undefined;
}

/** `<base>notebooks/<notebook>?notecast=<tutorial>`: each path segment encoded, `/` kept. */
export function notebookPageUrl(baseUrl: string, notebookPath: string, tutorialPath: string): string {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const path = notebookPath.split('/').map(encodeURIComponent).join('/');
  return `${base}notebooks/${path}?${new URLSearchParams({ [URL_PARAMETER]: tutorialPath }).toString()}`;
}

/**
 * `href` with `?notecast=<tutorial>` set (or removed, for `undefined`), the
 * rest of its query and its hash kept: the notebook page's address follows
 * the player on it, so that a reload brings the player back, and a closed
 * player stays closed.
 */
export function withTutorial(href: string, tutorialPath: string | undefined): string {
  const url = new URL(href);
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
      const path = tutorialInQuery((args as IRouter.ILocation).search);
      if (path) {
        // Not awaited: the router waits for its commands, and the layout is restored after routing.
        void app.restored.then(() => app.commands.execute(CommandIDs.open, { path }));
      }
    }
  });
  router.register({ command: CommandIDs.openFromUrl, pattern: URL_PATTERN });
}
