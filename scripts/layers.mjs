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
    owns: "the JupyterLab plugins, tokens and tracker, the open pipeline, commands and player UI, the recorder's commands (`recording-commands.ts`, the rest loaded on demand from `recording-session.ts`); the only module that may import `@jupyterlab/*` or `@lumino/*`"
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
