#!/usr/bin/env node
// `tsc -b` emits the JSON files src/ imports (the script schema) only when it rebuilds the
// importing file, so an edit to the JSON alone can leave lib/ with the old copy: copy each one
// that differs, after every build.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function jsonFiles(dir) {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? jsonFiles(path) : name.endsWith('.json') ? [path] : [];
  });
}

for (const source of jsonFiles(join(root, 'src'))) {
  const target = join(root, 'lib', relative(root, source));
  let same = false;
  try {
    same = readFileSync(target).equals(readFileSync(source));
  } catch {
    // Not emitted yet: copied below.
  }
  if (!same) {
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(source, target);
  }
}
