/** `/lab?notecast=<path>`: which URLs the route matches and which tutorial they name. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { arrivalStep, notebookPageUrl, stepInQuery, tutorialInQuery, URL_PATTERN, withTutorial } from '../../../src/lab/shell/url-route.js';

test('the route matches notecast= first, after ?reset, or before the token', () => {
  for (const request of ['/lab?notecast=a.md', '/lab?reset&notecast=a.md', '/lab?notecast=a.md&token=abc']) {
    assert.match(request, URL_PATTERN, request);
  }
});

test('the route does not match a parameter that only ends in notecast, or none', () => {
  for (const request of ['/lab', '/lab?reset', '/lab?mynotecast=a.md', '/lab/tree/notecast=a.md']) {
    assert.doesNotMatch(request, URL_PATTERN, request);
  }
});

test('the tutorial is the parameter decoded, whatever comes around it', () => {
  assert.equal(tutorialInQuery('?reset&notecast=tutorials%2F01-python-basics.md&token=abc'), 'tutorials/01-python-basics.md');
  assert.equal(tutorialInQuery('?notecast=my%20lesson.md'), 'my lesson.md');
});

test('no tutorial without a value', () => {
  assert.equal(tutorialInQuery('?notecast='), undefined);
  assert.equal(tutorialInQuery(''), undefined);
  assert.equal(tutorialInQuery(undefined), undefined);
});

test("Notebook 7's notebook page carries the tutorial: each path segment encoded, the tutorial in the query", () => {
  assert.equal(
    notebookPageUrl('/', 'tutorials/01-python-basics.ipynb', 'tutorials/01-python-basics.md'),
    '/notebooks/tutorials/01-python-basics.ipynb?notecast=tutorials%2F01-python-basics.md'
  );
  assert.equal(notebookPageUrl('/user/ada', 'my lesson#1.ipynb', 'my lesson#1.md'), '/user/ada/notebooks/my%20lesson%231.ipynb?notecast=my+lesson%231.md');
  assert.equal(tutorialInQuery(new URL(notebookPageUrl('/', 'a b.ipynb', 'dir/a b&c.md'), 'http://x').search), 'dir/a b&c.md');
});

test("the page's address follows its player: set, replaced, removed, the rest of the query and the hash kept", () => {
  assert.equal(withTutorial('http://h/notebooks/a.ipynb?factory=Notebook#x', 'a.md'), 'http://h/notebooks/a.ipynb?factory=Notebook&notecast=a.md#x');
  assert.equal(withTutorial('http://h/notebooks/a.ipynb?notecast=old.md', 'a.md'), 'http://h/notebooks/a.ipynb?notecast=a.md');
  assert.equal(withTutorial('http://h/notebooks/a.ipynb?notecast=a.md&factory=Notebook', undefined), 'http://h/notebooks/a.ipynb?factory=Notebook');
});

test('&step= is read as written, wherever it stands in the query; absent, there is none', () => {
  assert.equal(stepInQuery('?notecast=a.md&step=3'), '3');
  assert.equal(stepInQuery('?step=12&reset&notecast=a.md&token=abc'), '12');
  assert.equal(stepInQuery('?step=&notecast=a.md'), '');
  assert.equal(stepInQuery('?notecast=a.md'), undefined);
  assert.equal(stepInQuery(undefined), undefined);
});

test('a step from 1 to the last names that step (from 0); 0, past the end, or anything but a whole number names none', () => {
  assert.equal(arrivalStep('1', 6), 0);
  assert.equal(arrivalStep('3', 6), 2);
  assert.equal(arrivalStep(' 6 ', 6), 5);
  assert.equal(arrivalStep('06', 6), 5);
  for (const invalid of ['0', '7', '99999999999999999999', '-1', '2.5', '1e1', '0x2', 'three', '', '3abc', 'Infinity', 'NaN']) {
    assert.equal(arrivalStep(invalid, 6), undefined, invalid);
  }
  assert.equal(arrivalStep('1', 0), undefined);
});

test('the step a link arrived at goes to the notebook page with the tutorial, and leaves the address once the player follows it', () => {
  assert.equal(notebookPageUrl('/', 'a.ipynb', 'a.md', '3'), '/notebooks/a.ipynb?notecast=a.md&step=3');
  assert.equal(stepInQuery(new URL(notebookPageUrl('/', 'a.ipynb', 'a.md', 'x&y'), 'http://h').search), 'x&y');
  assert.equal(withTutorial('http://h/notebooks/a.ipynb?notecast=a.md&step=3', 'a.md'), 'http://h/notebooks/a.ipynb?notecast=a.md');
});
