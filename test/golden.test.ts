// The golden comparison itself (scripts/lib/golden.ts), on a temporary folder: match, a readable
// diff with a .changed.json beside the stored file, a missing golden that fails with how to
// create it, and explicit acceptance (per notebook, or by promoting the .changed.json files).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acceptChanged, acceptRequested, compareGolden, goldenDiff, goldenOf, goldenText } from '../scripts/lib/golden.js';

const run = (ours: number, extra: Record<string, unknown> = {}) => ({
  notebook: 'nb',
  elapsedSeconds: Math.random(),
  cache: { key: String(Math.random()) },
  timing: { totalSeconds: 1 },
  checks: [{ id: 'C1', claim: 'c', paper: 9.2, ours, tolerance: '±20 %', kind: 'calibrated', pass: true, unit: 's', ...extra }],
});

test('the golden part of a results file leaves out timing and the cache key; equal values match', () => {
  const dir = mkdtempSync(join(tmpdir(), 'golden-'));
  writeFileSync(join(dir, 'nb.json'), goldenText(run(9.200000000000001)));
  assert.doesNotMatch(readFileSync(join(dir, 'nb.json'), 'utf8'), /elapsed|timing|cache/);
  assert.deepEqual(compareGolden(run(9.200000000000001), dir, false), { status: 'match' });
  assert.equal(existsSync(join(dir, 'nb.changed.json')), false);
});

test('a value that differs in the last bit fails with a diff and writes <nb>.changed.json', () => {
  const dir = mkdtempSync(join(tmpdir(), 'golden-'));
  writeFileSync(join(dir, 'nb.json'), goldenText(run(9.200000000000001)));
  const r = compareGolden(run(9.2, { pass: false }), dir, false);
  assert.equal(r.status, 'differs');
  assert.match((r as { message: string }).message, /C1 ours: 9\.200000000000001 → 9\.2/);
  assert.match((r as { message: string }).message, /C1 pass: true → false/);
  assert.match((r as { message: string }).message, /GOLDEN_ACCEPT=nb make test/);
  assert.equal(JSON.parse(readFileSync(join(dir, 'nb.changed.json'), 'utf8')).checks[0].ours, 9.2);
  assert.equal(JSON.parse(readFileSync(join(dir, 'nb.json'), 'utf8')).checks[0].ours, 9.200000000000001, 'the stored golden is untouched');
  assert.deepEqual(acceptChanged(dir), ['nb']);
  assert.deepEqual(compareGolden(run(9.2, { pass: false }), dir, false), { status: 'match' });
});

test('added and removed checks are named', () => {
  const dir = mkdtempSync(join(tmpdir(), 'golden-'));
  writeFileSync(join(dir, 'nb.json'), goldenText(run(1)));
  const other = run(1);
  other.checks[0].id = 'C2';
  const r = compareGolden(other, dir, false) as { message: string };
  assert.match(r.message, /C1: removed/);
  assert.match(r.message, /C2: added \(ours 1, pass true\)/);
});

test('a notebook without a golden fails and says how to create it; acceptance creates it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'golden-'));
  const r = compareGolden(run(1), dir, false);
  assert.equal(r.status, 'missing');
  assert.match((r as { message: string }).message, /nb has no golden results yet.*GOLDEN_ACCEPT=nb make test or make golden-accept/s);
  const a = compareGolden(run(1), dir, true);
  assert.equal(a.status, 'accepted');
  assert.equal(existsSync(join(dir, 'nb.changed.json')), false);
  assert.deepEqual(compareGolden(run(1), dir, false), { status: 'match' });
});

test('GOLDEN_ACCEPT accepts every notebook (1, all) or only the ones it names', () => {
  assert.equal(acceptRequested('nb', undefined), false);
  assert.equal(acceptRequested('nb', ''), false);
  assert.equal(acceptRequested('nb', '1'), true);
  assert.equal(acceptRequested('nb', 'all'), true);
  assert.equal(acceptRequested('nb', 'x, nb'), true);
  assert.equal(acceptRequested('nb', 'x,nb2'), false);
});

test('a check declared measured keeps its value as a reference; only that value is not compared', () => {
  const dir = mkdtempSync(join(tmpdir(), 'golden-'));
  const stored = { ...run(0.0184), measured: { C1: 'CPU time measured with process.hrtime' } };
  writeFileSync(join(dir, 'nb.json'), goldenText(stored));
  assert.deepEqual(compareGolden(run(0.0466), dir, false), { status: 'match' });
  const flipped = compareGolden(run(0.0466, { pass: false }), dir, false) as { message: string };
  assert.match(flipped.message, /C1 pass: true → false/);
  assert.doesNotMatch(flipped.message, /C1 ours/);
  assert.match((compareGolden(run(Number.NaN), dir, false) as { message: string }).message, /C1 ours \(measured\): null is not a finite number/);
  compareGolden(run(0.05, { pass: false }), dir, true);
  assert.deepEqual(JSON.parse(readFileSync(join(dir, 'nb.json'), 'utf8')).measured, { C1: 'CPU time measured with process.hrtime' }, 'acceptance keeps the declaration');
});

test('repeated check ids are compared by occurrence', () => {
  const dir = mkdtempSync(join(tmpdir(), 'golden-'));
  const two = (a: number, b: number) => ({ notebook: 'nb', checks: [{ id: 'B2', ours: a }, { id: 'B2', ours: b }] });
  writeFileSync(join(dir, 'nb.json'), goldenText(two(1, 2)));
  const r = compareGolden(two(3, 2), dir, false) as { message: string };
  assert.match(r.message, /B2 ours: 1 → 3/);
  assert.doesNotMatch(r.message, /B2#2/);
});

test('a notebook measured on a real engine ("*") compares which checks exist and what they claim, not their numbers', () => {
  const stored = { notebook: 'engine', measured: { '*': 'real engine' }, checks: [{ id: 'PG1', claim: 'c', kind: 'predicted', ours: 1, paper: 2, pass: true, tolerance: '±10 %' }] };
  const noisy = { notebook: 'engine', checks: [{ id: 'PG1', claim: 'c', kind: 'predicted', ours: 1.3, paper: 2.1, pass: false, tolerance: '≤ 0.4' }] };
  assert.deepEqual(goldenDiff(goldenOf(stored), goldenOf(noisy)), []);
  const renamed = { notebook: 'engine', checks: [{ id: 'PG1', claim: 'other claim', kind: 'predicted', ours: 1, paper: 2, pass: true }] };
  assert.equal(goldenDiff(goldenOf(stored), goldenOf(renamed)).length, 1);
  const dropped = { notebook: 'engine', checks: [] };
  assert.match(goldenDiff(goldenOf(stored), goldenOf(dropped)).join('\n'), /PG1: removed/);
});
