#!/usr/bin/env node
// Writes the architecture page's module table and layer rules (Markdown, included by
// docs/explanation/architecture.md) from scripts/layers.mjs, the data check-layers.mjs enforces.
// Usage: node scripts/docs-layers.mjs OUT.md   (or no argument: print it)
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LAB_FOLDERS, LAB_RULES, LAB_SELF_CONTAINED, MODULES, RULES } from './layers.mjs';

const cell = text => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function layersMarkdown() {
  const names = MODULES.map(module => module.name);
  const rows = MODULES.map(({ name, imports, owns }) => {
    const where = `\`src/${name}\``;
    const allowed = imports.length === 0 ? 'nothing of ours' : imports.map(other => `\`${other}\``).join(', ');
    const refused = names.filter(other => other !== name && other !== 'index.ts' && !imports.includes(other));
    return `| ${where} | ${cell(owns)} | ${allowed} | ${refused.map(other => `\`${other}\``).join(', ') || '—'} |`;
  });
  return [
    '| module | owns | may import | may not import |',
    '|---|---|---|---|',
    ...rows,
    '',
    '`npm run check:layers` (part of `make test`) also fails when one of these rules is broken:',
    '',
    ...RULES.map(rule => `- ${rule}`),
    '',
    ...labFoldersMarkdown()
  ].join('\n');
}

/** src/lab's folders: what each owns and which other lab folders it may import, then the rules inside src/lab. */
function labFoldersMarkdown() {
  const rows = LAB_FOLDERS.map(({ name, imports, owns }) => {
    const allowed = imports.length === 0 ? 'no other folder' : imports.map(other => `\`${other}\``).join(', ');
    return `| \`src/lab/${name}\` | ${cell(owns)} | ${allowed} |`;
  });
  return [
    `Inside \`src/lab\`, \`index.ts\` holds the plugin objects, ${LAB_SELF_CONTAINED.map(name => `\`${name}\``).join(' and ')} (which every folder may import) the tokens and command ids, and each concept has a folder, leaves first:`,
    '',
    '| folder | owns | may import (besides the root files) |',
    '|---|---|---|',
    ...rows,
    '',
    'and inside `src/lab`:',
    '',
    ...LAB_RULES.map(rule => `- ${rule}`),
    ''
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = process.argv[2];
  if (out === undefined) {
    process.stdout.write(layersMarkdown());
  } else {
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(`${out}.tmp`, layersMarkdown());
    renameSync(`${out}.tmp`, out);
  }
}
