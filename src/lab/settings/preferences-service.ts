/**
 * The learner's preferences as a service: read from the settings registry
 * (schema/plugin.json) when there is one, the schema's defaults otherwise, and
 * followed live, with the system's reduced-motion preference (R15, R22).
 */
import type { ISettingRegistry } from '@jupyterlab/settingregistry';
import { Signal } from '@lumino/signaling';
import { DEFAULT_PREFERENCES, readPreferences, watchSystemMotion, type Preferences } from './preferences.js';
import type { INotecastPreferences } from '../tokens.js';

export class NotecastPreferences implements INotecastPreferences {
  private preferences: Preferences = { ...DEFAULT_PREFERENCES };
  private settings: ISettingRegistry.ISettings | null = null;
  private readonly changedSignal = new Signal<this, Preferences>(this);

  constructor() {
    // "system" reduced motion means the same setting now reads differently.
    watchSystemMotion(() => this.changedSignal.emit(this.preferences));
  }

  get current(): Preferences {
    return this.preferences;
  }

  get changed(): Signal<this, Preferences> {
    return this.changedSignal;
  }

  /** Follow the user's settings of `pluginId`; playback uses the defaults until (or unless) they load. */
  async load(registry: ISettingRegistry, pluginId: string): Promise<void> {
    try {
      const settings = await registry.load(pluginId);
      this.settings = settings;
      this.update(readPreferences(settings));
      settings.changed.connect(() => this.update(readPreferences(settings)));
    } catch (reason) {
      // Playback still works on the schema defaults; say why the user's settings were ignored.
      console.error(`${pluginId}: could not load settings, using defaults.`, reason);
    }
  }

  async set(key: 'speed' | 'stepMode', value: number | boolean): Promise<void> {
    await this.settings?.set(key, value).catch(() => undefined);
  }

  private update(preferences: Preferences): void {
    this.preferences = preferences;
    this.changedSignal.emit(preferences);
  }
}
