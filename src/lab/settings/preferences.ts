/** The learner's preferences, from the settings registry (schema/plugin.json), R22. */
import type { ISettingRegistry } from '@jupyterlab/settingregistry';
import type { Preferences, ReducedMotionSetting } from '../tokens.js';

export type { Preferences, ReducedMotionSetting } from '../tokens.js';

export const DEFAULT_PREFERENCES: Preferences = {
  speed: 1,
  stepMode: false,
  reducedMotion: 'system',
  verbosity: 'full',
  singleKeyShortcuts: false,
  speech: false,
  speechVolume: 1,
  copyFolder: ''
};

export const SPEEDS = [0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 3, 4] as const;

export function readPreferences(settings: ISettingRegistry.ISettings | null): Preferences {
  if (!settings) {
    return { ...DEFAULT_PREFERENCES };
  }
  const get = <K extends keyof Preferences>(key: K): Preferences[K] => {
    const value = settings.get(key).composite as Preferences[K] | undefined;
    return value ?? DEFAULT_PREFERENCES[key];
  };
  const speed = Number(get('speed'));
  return {
    speed: speed >= 0.25 && speed <= 4 ? speed : 1,
    stepMode: Boolean(get('stepMode')),
    reducedMotion: (['system', 'on', 'off'] as const).includes(get('reducedMotion')) ? get('reducedMotion') : 'system',
    verbosity: get('verbosity') === 'brief' ? 'brief' : 'full',
    singleKeyShortcuts: Boolean(get('singleKeyShortcuts')),
    speech: get('speech') === true,
    speechVolume: clampVolume(Number(get('speechVolume'))),
    copyFolder:
      typeof get('copyFolder') === 'string'
        ? get('copyFolder')
            .trim()
            .replace(/^\/+|\/+$/g, '')
        : ''
  };
}

function clampVolume(volume: number): number {
  return Number.isFinite(volume) ? Math.min(1, Math.max(0, volume)) : DEFAULT_PREFERENCES.speechVolume;
}

const reducedMotionQuery = (): MediaQueryList | undefined =>
  typeof window !== 'undefined' && window.matchMedia ? window.matchMedia('(prefers-reduced-motion: reduce)') : undefined;

/** "system" follows `prefers-reduced-motion` (R15). */
export function resolveReducedMotion(setting: ReducedMotionSetting): boolean {
  if (setting === 'on') {
    return true;
  }
  if (setting === 'off') {
    return false;
  }
  return reducedMotionQuery()?.matches ?? false;
}

/** Calls `onChange` when the system's reduced-motion preference changes; returns a stop function. */
export function watchSystemMotion(onChange: () => void): () => void {
  const query = reducedMotionQuery();
  if (!query) {
    return () => undefined;
  }
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}
