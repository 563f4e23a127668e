/**
 * The JupyterLab wiring of Notecast. This is the only module that may import
 * `@jupyterlab/*` or touch the DOM (DESIGN.md, "Architecture").
 *
 * For now it registers one plugin that activates and loads the user's
 * preferences; the player UI is added on top of it.
 */
import type {
  JupyterFrontEnd,
  JupyterFrontEndPlugin
} from '@jupyterlab/application';
import { ISettingRegistry } from '@jupyterlab/settingregistry';

/**
 * The plugin id. Its part after the colon names the settings schema file
 * (`schema/plugin.json`), so the two must change together.
 */
export const PLUGIN_ID = 'jupyterlab-notecast:plugin';

const plugin: JupyterFrontEndPlugin<void> = {
  id: PLUGIN_ID,
  description: 'Plays accessible, narrated Notecast tutorials in a live notebook.',
  autoStart: true,
  // Optional so that Notecast still starts in a JupyterLab built without the settings plugin.
  optional: [ISettingRegistry],
  activate: async (
    _app: JupyterFrontEnd,
    settingRegistry: ISettingRegistry | null
  ): Promise<void> => {
    if (!settingRegistry) {
      return;
    }
    try {
      await settingRegistry.load(PLUGIN_ID);
    } catch (reason) {
      // Playback still works on the schema defaults; say why the user's settings were ignored.
      console.error(`${PLUGIN_ID}: could not load settings, using defaults.`, reason);
    }
  }
};

export default [plugin];
