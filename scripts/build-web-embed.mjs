#!/usr/bin/env node
// What pages with no server of their own need, built from build/web's sources after
// scripts/build-web.mjs (it precompiles the schema's validators this build reuses):
//   build/web-single/notecast-player.js  the player as ONE classic script (no chunks, no
//       compiler): its stylesheet, catalogs and highlighter grammars inside, as `notecast html`
//       inlines it into a page that opens from file://.
//   build/compiler/notecast-compiler.js  the compiler and the script's validation as one script
//       with no imports and no Node or DOM API, defining `notecastLoad(text, path, kind)`: the
//       Sphinx directive runs it in V8 (mini-racer) to compile tutorials without Node.js.
// Both the player of build/web and the compiler go into jupyterlab_notecast/web/ too, which the
// wheel carries for the Sphinx directive (jupyterlab_notecast/sphinx).
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const validators = join(root, 'build', 'web-validators', 'schema-validators.mjs');
if (!existsSync(validators)) {
  console.error(`build-web-embed: ${validators} is missing: run scripts/build-web.mjs first (npm run build:web).`);
  process.exit(1);
}
/** The files the player fetches beside its bundle (assets.ts), by the name it asks for. */
const ASSETS = {
  'notecast-player.css': ['text/css', 'style/web/notecast-player.css'],
  'locale/fr_FR.json': ['application/json', 'jupyterlab_notecast/locale/fr_FR/LC_MESSAGES/notecast.json']
};

/** `from`'s import of `specifier` (exactly) resolved to `to` instead. */
function replace(specifier, from, to) {
  const filter = new RegExp(`^${specifier.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`);
  return {
    name: `replace ${specifier}`,
    setup(builder) {
      builder.onResolve({ filter }, args => (args.importer.endsWith(join(...from.split('/'))) ? { path: to } : undefined));
    }
  };
}

function inlineAssets() {
  const files = Object.fromEntries(
    Object.entries(ASSETS).map(([name, [type, path]]) => [name, `data:${type};base64,${readFileSync(join(root, path)).toString('base64')}`])
  );
  const file = join(root, 'build', 'web-validators', 'inline-assets.mjs');
  writeFileSync(
    file,
    `const FILES = ${JSON.stringify(files)};\nexport function assetUrl(name) { return Object.hasOwn(FILES, name) ? FILES[name] : 'data:,'; }\n`
  );
  return file;
}

const common = { absWorkingDir: root, bundle: true, platform: 'browser', target: 'es2022', minify: true, legalComments: 'eof', logLevel: 'warning' };
const precompiled = replace('./schema-validators.js', 'src/format/validate.ts', validators);

const single = await build({
  ...common,
  entryPoints: ['src/web/index.ts'],
  outfile: join(root, 'build', 'web-single', 'notecast-player.js'),
  format: 'iife',
  metafile: true,
  plugins: [
    precompiled,
    replace('./assets.js', 'src/web/element.ts', inlineAssets()),
    replace('./assets.js', 'src/web/i18n.ts', inlineAssets()),
    replace('./load-script.js', 'src/web/element.ts', join(root, 'src', 'web', 'embedded-script.ts')),
    // As in the module build: a page never compares outputs, so it carries no RE2 engine.
    replace('./regex-pattern.js', 'src/format/output-match.ts', join(root, 'src', 'web', 'page-regex-pattern.ts'))
  ]
});
const compilerInside = Object.keys(Object.values(single.metafile.outputs)[0].inputs).filter(path => path.startsWith('src/compiler/'));
if (compilerInside.length) {
  console.error(`build-web-embed: the one-file player must not carry the compiler, but holds ${compilerInside.join(', ')}`);
  process.exit(1);
}

const entry = join(root, 'build', 'web-validators', 'compiler-entry.mjs');
writeFileSync(
  entry,
  `import { compile } from ${JSON.stringify(join(root, 'src', 'compiler', 'index.ts'))};
import { stringifyScript } from ${JSON.stringify(join(root, 'src', 'format', 'index.ts'))};
import { loadTutorialText } from ${JSON.stringify(join(root, 'src', 'session', 'index.ts'))};
// One call, one JSON answer: { script?: string (the compiled script's JSON), problems: [...] }.
globalThis.notecastLoad = async (text, path, kind) => {
  const { script, problems } = await loadTutorialText(text, { path, kind, compiler: () => compile });
  return JSON.stringify({ script: script ? stringifyScript(script) : undefined, problems });
};
`
);
await build({
  ...common,
  entryPoints: [entry],
  outfile: join(root, 'build', 'compiler', 'notecast-compiler.js'),
  format: 'iife',
  platform: 'neutral',
  mainFields: ['module', 'main'],
  plugins: [precompiled]
});
const packaged = join(root, 'jupyterlab_notecast', 'web');
rmSync(packaged, { recursive: true, force: true });
mkdirSync(packaged, { recursive: true });
cpSync(join(root, 'build', 'web'), join(packaged, 'player'), { recursive: true, filter: path => !/(meta\.json|\.map)$/.test(path) });
cpSync(join(root, 'build', 'compiler', 'notecast-compiler.js'), join(packaged, 'notecast-compiler.js'));
console.error(
  'build-web-embed: jupyterlab_notecast/web/ (player and compiler for the wheel), build/web-single/notecast-player.js, build/compiler/notecast-compiler.js'
);
