/** `/lab?notecast=<path>`: which URLs the route matches and which tutorial they name. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tutorialInQuery, URL_PATTERN } from '../../../src/lab/url-route.js';

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
