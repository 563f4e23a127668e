/** Types for axe.config.js (the one place for the axe configuration; see that file). */
export type AxeScope = 'player' | 'page';

export declare const tags: readonly string[];
export declare const playerSelector: string;
export declare const announcerSelector: string;
export declare const politeRegionSelector: string;
export declare const assertiveRegionSelector: string;
/** scope → (axe rule id → why it is disabled). */
export declare const disabledRules: Readonly<Record<AxeScope, Readonly<Record<string, string>>>>;
export declare function runOptions(scope: AxeScope): {
  runOnly: { type: 'tag'; values: string[] };
  rules: Record<string, { enabled: false }>;
  resultTypes: ['violations'];
};

declare const config: {
  tags: typeof tags;
  playerSelector: typeof playerSelector;
  announcerSelector: typeof announcerSelector;
  politeRegionSelector: typeof politeRegionSelector;
  assertiveRegionSelector: typeof assertiveRegionSelector;
  disabledRules: typeof disabledRules;
  runOptions: typeof runOptions;
};
export default config;
