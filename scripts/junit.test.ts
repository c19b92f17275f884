/**
 * countJUnit on reports the two runners really wrote (scripts/fixtures/, from a throwaway suite with
 * known outcomes), counted by hand from the suites that produced them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { countJUnit } from './junit.ts';

const fixture = (name: string): string => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');

test('node --test-reporter=junit: describe(ok, bad, skip, todo) + parent(child) is 2 passed, 1 failed, 2 skipped', () => {
  // The parent test with a subtest becomes a <testsuite>; only its child is a test case.
  assert.deepEqual(countJUnit(fixture('node-test.junit.xml')), { passed: 2, failed: 1, skipped: 2 });
});

test('vitest --reporter=junit: a file with no suite, a file that fails to import, ok/bad/skip/todo is 1 passed, 3 failed, 2 skipped', () => {
  assert.deepEqual(countJUnit(fixture('vitest.junit.xml')), { passed: 1, failed: 3, skipped: 2 });
});

test('a failure on a suite outside any test case (a hook that threw) counts as one failed test', () => {
  const xml = `<testsuites><testsuite name="s"><failure message="before() threw"/><testcase name="a"/></testsuite></testsuites>`;
  assert.deepEqual(countJUnit(xml), { passed: 1, failed: 1, skipped: 0 });
});

test('markup inside comments, CDATA and attribute values is not read as tags', () => {
  const xml = `<testsuites><!-- <testcase name="ghost"/> --><testcase name="a &gt; b" message="x > <y"><system-out><![CDATA[<failure/>]]></system-out></testcase></testsuites>`;
  assert.deepEqual(countJUnit(xml), { passed: 1, failed: 0, skipped: 0 });
});

test('a report cut off inside a test case is an error naming what was expected', () => {
  assert.throws(() => countJUnit('<testsuites><testcase name="a">'), /countJUnit: expected <\/testcase>/);
});
