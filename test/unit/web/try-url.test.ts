import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTryUrl, tutorialPath } from '../../../src/web/index.js';

const page = 'https://docs.example.org/course/lesson.html';

test('placeholders: {path} and {step} filled, the path kept readable', () => {
  assert.deepEqual(buildTryUrl('https://lite.example.org/lab/index.html?notecast={path}&step={step}', 'tutorials/intro 1.md', 4, page), {
    url: 'https://lite.example.org/lab/index.html?notecast=tutorials/intro%201.md&step=4'
  });
  assert.deepEqual(buildTryUrl('/try/{path}#{step}', 'a.md', 2, page), { url: 'https://docs.example.org/try/a.md#2' });
});

test('an address ending in lab or lab/index.html gets ?notecast=<path>&step=<n>', () => {
  assert.deepEqual(buildTryUrl('https://lite.example.org/lab/index.html', 'intro.md', 3, page), {
    url: 'https://lite.example.org/lab/index.html?notecast=intro.md&step=3'
  });
  assert.deepEqual(buildTryUrl('../lite/lab', 'intro.md', 1, page), { url: 'https://docs.example.org/lite/lab?notecast=intro.md&step=1' });
  assert.deepEqual(buildTryUrl('https://hub.example.org/user/me/lab/?x=1', 'a/b.md', 7, page), {
    url: 'https://hub.example.org/user/me/lab/?x=1&notecast=a%2Fb.md&step=7'
  });
});

test('any scheme but http and https is refused, however it is spelt', () => {
  for (const template of [
    'javascript:alert(1)//lab',
    'JAVASCRIPT:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,{path}',
    'file:///lab',
    'ftp://x/lab'
  ]) {
    assert.deepEqual(buildTryUrl(template, 'a.md', 1, page), { problem: 'scheme' }, template);
  }
});

test('an address with no placeholder that is not JupyterLab is refused; so is one that is no URL', () => {
  assert.deepEqual(buildTryUrl('https://example.org/notebooks', 'a.md', 1, page), { problem: 'shape' });
  assert.deepEqual(buildTryUrl('https://exa mple.org:99999/lab', 'a.md', 1, page), { problem: 'unreadable' });
});

test('tutorialPath: src without ./, query or fragment', () => {
  assert.equal(tutorialPath('./tutorials/intro.md?v=2#step-3'), 'tutorials/intro.md');
  assert.equal(tutorialPath('intro.json'), 'intro.json');
  assert.equal(tutorialPath('/tutorials/intro.md'), 'tutorials/intro.md');
});
