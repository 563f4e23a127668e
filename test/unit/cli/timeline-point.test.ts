import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Timeline } from '../../../src/cli/timeline.js';
import { runCli as run } from './run-cli.js';

test('timeline says what `::point` says, and gives the wait for the learner it starts its line', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'notecast-timeline-')), 'point.md');
  writeFileSync(
    file,
    '---\ntitle: T\n---\n\n# One\n\nLook.\n\n::point{command=filebrowser:toggle-main}\n\n::point{command=notebook:run-cell wait}\n\nDone.\n'
  );
  const text = await run('timeline', file);
  assert.equal(text.code, 0, text.stderr);
  assert.match(
    text.stdout,
    / {4}\d:\d\d\.\d {2}says: the control that runs “filebrowser:toggle-main” \(its place, as JupyterLab shows it\)\n {4}\d:\d\d\.\d {2}says: the control that runs “notebook:run-cell” \(its place, as JupyterLab shows it\)\. Run it to continue, or press Skip\.\n {4}\d:\d\d\.\d {2}waits for the learner\n/
  );
  const timeline = JSON.parse((await run('timeline', file, '--json')).stdout) as Timeline;
  assert.deepEqual(
    timeline.steps[0].events.map(event => [event.kind, event.line]),
    [
      ['step-started', 5],
      ['points', 9],
      ['points', 11],
      ['waits-for-learner', 11],
      ['narration', 13],
      ['finished', undefined]
    ]
  );
});
