// The module layering of src/, as data: which module owns what and which of our modules each may
// import. scripts/check-layers.mjs enforces it, and scripts/docs-layers.mjs writes it into the
// documentation's architecture page, so the rules and their description cannot drift apart.

/**
 * One entry per folder of src/ (and `index.ts`, the package's "." entry), in the order data flows.
 * `imports` lists the modules of ours it may import; `owns` says what it is for.
 */
export const MODULES = [
  {
    name: 'format',
    imports: [],
    owns: 'script types, JSON Schema, validation, expected notebook, keystrokes, transcript; what every module shares about input: size limits (`input-limits.ts`), what a tutorial file is named (`tutorial-file.ts`), UTF-8 (`utf8.ts`), line positions (`line-index.ts`), quoting user text in messages (`user-text.ts`), name suggestions (`suggest.ts`), the translation bundle every word goes through and its English default (`translations.ts`), the one wording of what code does (`describe.ts`)'
  },
  {
    name: 'compiler',
    imports: ['format'],
    owns: "Markdown → script: limits checked before parsing (`nesting.ts`, with `markdown-limits.ts`), parsing a section at a time (`sections.ts`) with long fenced blocks and containers kept from the parser whole (`long-blocks.ts`), the structure check (`structure.ts`), one file per directive, JupyterLab's own command ids that `::point` may name (`known-lab-commands.ts`), timing, positioned messages"
  },
  {
    name: 'player',
    imports: ['format'],
    owns: 'the playback state machine, injectable clock, speed, stepping and seeking; it announces as typed data (`announcements.ts`: a `kind` and its fields, never a sentence)'
  },
  { name: 'apply', imports: ['format'], owns: 'script operations → Yjs transactions on a notebook' },
  {
    name: 'session',
    imports: ['format', 'player', 'apply'],
    owns: "the one DOM-free playback session (`playback-session.ts`: player, applier and keyframes behind one host, what differs per front end injected), the one loader (`load-tutorial.ts`: Markdown or JSON → a validated script or positioned problems), the presenter (`presenter.ts`: typed announcements → words, through a translation bundle), the language of parts (`language-parts.ts`: a message cut into the player's words and the author's), the broadcast field (`broadcast-state.ts`), and the headless session (`headless-session.ts`: a notebook of its own, a manual clock, no kernel) that the command line, the tests and the bench play on"
  },
  {
    name: 'recorder',
    imports: ['format', 'compiler', 'apply'],
    owns: "recording a notebook: its Y.Doc's changes as plain events (`ydoc-recorder.ts`), and a recording written as an ordinary tutorial (`to-tutorial.ts`, with `markdown-text.ts`: code, attribute values and prose that the compiler reads back exactly)"
  },
  {
    name: 'lab',
    imports: ['format', 'compiler', 'player', 'apply', 'session', 'recorder'],
    owns: 'the JupyterLab plugins (`index.ts`), their tokens (`tokens.ts`) and command ids (`command-ids.ts`), and a folder per concept (the table below); the only module that may import `@jupyterlab/*` or `@lumino/*`'
  },
  {
    name: 'cli',
    imports: ['format', 'compiler', 'player', 'apply', 'session', 'recorder'],
    owns: 'the `notecast` command: files, terminals, kernels and servers around the session (its `test` plays on the headless session, `check --lab` asks a running JupyterLab for its commands in `running-lab-commands.ts`, its timeline words announcements with the presenter, in English)'
  },
  {
    name: 'web',
    imports: ['format', 'compiler', 'player', 'apply', 'session'],
    owns: 'the web player: `<notecast-player>` (`element.ts`), its playback into a page\'s notebook (`playback.ts`), the notebook\'s DOM view (`notebook-view.ts`, `highlight.ts`, `outputs-view.ts`, `safe-markdown.ts`), controls, live regions and transcript, "Try it" (`try-url.ts`), the translation bundle for pages (`translation-bundle.ts`); never `@jupyterlab/*`, and the compiler only on demand'
  },
  {
    name: 'index.ts',
    imports: ['format', 'compiler', 'player', 'apply', 'session', 'recorder'],
    owns: 'the package\'s `"."` entry: the DOM-free library, so never `lab` or `cli`'
  }
];

/** Which of our modules each module may import. */
export const ALLOWED = Object.fromEntries(MODULES.map(module => [module.name, module.imports]));

/** Modules a module may import only with a dynamic `import()`, so that a bundle loads them on demand. */
export const DYNAMIC_ONLY = {
  // A page that plays a compiled .json never downloads the compiler.
  web: ['compiler']
};

/** The rules beyond the table, in the words the architecture page shows. */
export const RULES = [
  'no import cycle, between files of one module or across modules;',
  'a module is imported only through its `index.ts`, its whole public surface: nothing reaches past it;',
  'only `src/lab` imports `@jupyterlab/*` or `@lumino/*`;',
  '`src/web` imports `src/compiler` only with a dynamic `import()`, so a page that plays a compiled script never downloads the compiler;',
  'only `src/lab` and `src/web` use the DOM: the other modules are type-checked without the DOM library (`tsconfig.core.json`), so they run in plain Node.'
];

/**
 * The folders of src/lab, leaves first: what each owns and which other lab folders it may import
 * (always through their `index.ts`, what start-up may load, or `lazy.ts`, what loads on demand).
 * Every folder may import the two root files that import nothing: `tokens.ts` and `command-ids.ts`.
 */
export const LAB_FOLDERS = [
  { name: 'ui', imports: [], owns: 'widgets and elements the panels share: elements, the icon, `aria-keyshortcuts`, the step list' },
  { name: 'announce', imports: [], owns: 'the live regions Notecast speaks through (`announcer.ts`) and the wording every sentence shares' },
  { name: 'settings', imports: [], owns: "the learner's preferences, read from the settings registry and followed live" },
  {
    name: 'notebook',
    imports: [],
    owns: "what Notecast reads and writes in a notebook and its folder: naming the notebook (never over a file it did not make), its mark, answer cells, outputs' text, the cell being worked in, unsaved changes"
  },
  { name: 'shell', imports: [], owns: 'JupyterLab or Jupyter Notebook 7: where players dock, the layout, the notebook tab, the URLs' },
  { name: 'point', imports: [], owns: '`::point`: the part of the interface a step points at, found, ringed and described' },
  {
    name: 'tutorial',
    imports: ['ui'],
    owns: 'the tutorial file: the picker, its languages, the `.notecast.json` file type, reading it (`read-tutorial.ts`), watching it change'
  },
  {
    name: 'kernel',
    imports: ['announce', 'notebook'],
    owns: "running the tutorial's cells on the notebook's kernel: consent, runs, a lost kernel, the kernel spec"
  },
  {
    name: 'recording',
    imports: ['notebook'],
    owns: 'the recorder: its commands at start-up, the rest (`session.ts`, the indicator, the step dialog) on demand'
  },
  {
    name: 'session',
    imports: ['announce', 'kernel', 'notebook', 'point', 'settings', 'tutorial'],
    owns: 'one tutorial playing into one notebook: `TutorialSession`, its lifecycle, the lab front end of the shared session, narration and speech, the learner taking control'
  },
  {
    name: 'panel',
    imports: ['announce', 'session', 'settings', 'tutorial', 'ui'],
    owns: "the player's UI: panel, toolbar, slider, notices, language switch, shortcut help; the tracker of open players"
  },
  { name: 'commands', imports: ['panel', 'session'], owns: 'the player commands (play, steps, take over, resume…) and when each can act' },
  {
    name: 'classroom',
    imports: ['announce', 'notebook', 'panel', 'session', 'settings', 'shell', 'tutorial', 'ui'],
    owns: "a teacher's player broadcast over jupyter-collaboration, followers and their panel, Make my copy"
  },
  {
    name: 'open',
    imports: ['announce', 'classroom', 'kernel', 'notebook', 'panel', 'session', 'shell', 'tutorial', 'ui'],
    owns: 'opening a tutorial: the opener, the Open command, arriving at a linked step, the errors panel; `lazy.ts`, what only an open tutorial needs'
  }
];

/** Which lab folders each lab folder may import. */
export const LAB_ALLOWED = Object.fromEntries(LAB_FOLDERS.map(folder => [folder.name, folder.imports]));

/** The files at the root of src/lab that import nothing of ours, so that any folder may import them. */
export const LAB_SELF_CONTAINED = ['tokens.ts', 'command-ids.ts'];

/** The rules inside src/lab, in the words the architecture page shows. */
export const LAB_RULES = [
  "a file imports its own folder's files directly, and another folder only through that folder's `index.ts` (what start-up may load) or `lazy.ts` (what loads on demand);",
  'no cycle between lab folders, type-only imports included;',
  'what `src/lab/index.ts` loads at start-up (its static imports, followed; `import type` emits nothing and is not followed) never reaches a `lazy.ts`: that is reached only by `import()`;',
  '`tokens.ts` and `command-ids.ts` import nothing of ours, and are the only root files a folder may import (`index.ts` holds the plugin objects only).'
];
