#!/usr/bin/env node
// Builds the web player (`<notecast-player>`) into build/web/: ES modules split into chunks that
// load on demand (the player; the compiler, only for a Markdown `src`; each highlighter language),
// the stylesheet, and the translation catalogs the lab uses. meta.json (esbuild's metafile) lets
// the bench measure each chunk. Run by `npm run build:web` (`make web`).
import { build } from 'esbuild';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'build', 'web');
/** The lab's catalogs, by the file name i18n.ts fetches. */
const CATALOGS = { 'fr_FR.json': 'jupyterlab_notecast/locale/fr_FR/LC_MESSAGES/notecast.json' };

rmSync(out, { recursive: true, force: true });

/**
 * The script schema's validators compiled here, not in the page: Ajv compiles with `new Function`,
 * which a strict Content-Security-Policy forbids. The format module's schema-validators.ts is
 * replaced by this module, made by the same `schemaAjv` (from lib/, so `build:lib` runs first).
 */
async function precompiledValidators() {
  const { schemaAjv, VALIDATOR_IDS } = await import(join(root, 'lib', 'src', 'format', 'schema-validators.js'));
  const code = standaloneCode.default(schemaAjv({ code: { source: true, esm: true } }), { ...VALIDATOR_IDS });
  const file = join(root, 'build', 'web-validators', 'schema-validators.mjs');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(
    file,
    `${code}\nexport const VALIDATOR_IDS = ${JSON.stringify(VALIDATOR_IDS)};\nexport function schemaValidators() { return { shell, operation }; }\n`
  );
  return file;
}
const validators = await precompiledValidators();
const precompiled = {
  name: 'precompiled-validators',
  setup(builder) {
    builder.onResolve({ filter: /^\.\/schema-validators\.js$/ }, args =>
      args.importer.endsWith(join('src', 'format', 'validate.ts')) ? { path: validators } : undefined
    );
  }
};
const result = await build({
  absWorkingDir: root,
  entryPoints: { 'notecast-player': 'src/web/index.ts' },
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  sourcemap: 'linked',
  // Every file beside the entry, so `import.meta.url` finds the stylesheet and catalogs from any chunk.
  chunkNames: '[name]-[hash]',
  metafile: true,
  legalComments: 'linked',
  logLevel: 'warning',
  plugins: [precompiled]
});
writeFileSync(join(out, 'meta.json'), JSON.stringify(result.metafile));
copyFileSync(join(root, 'style', 'web', 'notecast-player.css'), join(out, 'notecast-player.css'));
mkdirSync(join(out, 'locale'), { recursive: true });
for (const [name, from] of Object.entries(CATALOGS)) {
  copyFileSync(join(root, from), join(out, 'locale', name));
}
console.error(`build-web: ${Object.keys(result.metafile.outputs).filter(path => path.endsWith('.js')).length} chunks in ${out}`);
