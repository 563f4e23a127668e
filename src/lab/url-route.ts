/**
 * `/lab?notecast=<path>` opens that tutorial once JupyterLab has restored its
 * layout (what `make demo` prints, with the server's `&token=…`). The router
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
