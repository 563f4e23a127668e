/**
 * `.notecast.json` scripts open with the player by default (and any `.json`
 * through Open With): a placeholder document widget that hands the file to
 * `notecast:open` and closes.
 */
import type { JupyterFrontEnd } from '@jupyterlab/application';
import { ABCWidgetFactory, DocumentWidget, type DocumentRegistry, type IDocumentWidget } from '@jupyterlab/docregistry';
import type { ITranslator } from '@jupyterlab/translation';
import type { CommandRegistry } from '@lumino/commands';
import { Widget } from '@lumino/widgets';
import { CommandIDs } from '../command-ids.js';
import { notecastIcon } from '../ui/index.js';

export const SCRIPT_FACTORY = 'Notecast Player';
export const SCRIPT_FILE_TYPE = 'notecast-script';

class ScriptFactory extends ABCWidgetFactory<IDocumentWidget> {
  constructor(
    private readonly commands: CommandRegistry,
    options: DocumentRegistry.IWidgetFactoryOptions<IDocumentWidget>
  ) {
    super(options);
  }

  protected createNewWidget(context: DocumentRegistry.Context): IDocumentWidget {
    const content = new Widget();
    const trans = this.translator.load('notecast');
    content.node.textContent = trans.__('Opening the tutorial player…');
    const widget = new DocumentWidget({ content, context });
    void context.ready.then(async () => {
      await this.commands.execute(CommandIDs.open, { path: context.path });
      widget.close();
    });
    return widget;
  }
}

export function addScriptFileType(app: JupyterFrontEnd, translator: ITranslator): void {
  const trans = translator.load('notecast');
  app.docRegistry.addFileType({
    name: SCRIPT_FILE_TYPE,
    displayName: trans.__('Notecast Script'),
    extensions: ['.notecast.json'],
    mimeTypes: ['application/json'],
    contentType: 'file',
    fileFormat: 'text',
    icon: notecastIcon
  });
  app.docRegistry.addWidgetFactory(
    new ScriptFactory(app.commands, {
      name: SCRIPT_FACTORY,
      label: trans.__('Tutorial Player'),
      fileTypes: [SCRIPT_FILE_TYPE, 'json'],
      defaultFor: [SCRIPT_FILE_TYPE],
      modelName: 'text',
      translator
    })
  );
}
