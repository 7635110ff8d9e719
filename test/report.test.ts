import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyChecks, type CollectedCheck } from '../scripts/lib/collect.js';
import { renderReport } from '../scripts/lib/report.js';

const c = (id: string, pass: boolean, extra: Partial<CollectedCheck> = {}): CollectedCheck => ({
  id, claim: `claim ${id}`, paper: 10, ours: pass ? 10 : 20, tolerance: '±10 %', kind: 'predicted', pass, ...extra,
});

test('failing checks split into unexpected failures and declared deviations; stale declarations are found', () => {
  const r = classifyChecks([c('a', true), c('b', false), c('d', false, { knownDeviation: 'why' }), c('e', true, { knownDeviation: 'old' })]);
  assert.deepEqual(r.unexpected.map((x) => x.id), ['b']);
  assert.deepEqual(r.deviations.map((x) => x.id), ['d']);
  assert.deepEqual(r.stale.map((x) => x.id), ['e']);
});

test('REPORT.md lists every check, counts predicted vs calibrated, and gives the deviations with their reasons', () => {
  const md = renderReport(
    [
      { notebook: 'nb1', elapsedSeconds: 2.5, ok: true, figures: ['f'], checks: [c('X1', true, { kind: 'calibrated', unit: 's' }), c('X2', false, { knownDeviation: 'mechanism missing' })] },
      { notebook: 'nb2', elapsedSeconds: 1, ok: false, figures: [], checks: [], error: { cell: 4, cellId: 'abc', source: 'x', error: 'Error: boom' } },
    ],
    '2026-01-01T00:00:00Z',
  );
  assert.match(md, /\*\*1\/2 checks pass\*\* — 1 predicted \(0 pass\), 1 calibrated \(1 pass/);
  assert.match(md, /\| nb1 \| X1 \| claim X1 \| 10 s \| 10 s \| ±10 % \| calibrated \| pass \|/);
  assert.match(md, /\| nb1 \| X2 \| claim X2 \| 10 \| 20 \| ±10 % \| predicted \| \*\*FAIL\*\* \(known deviation\) \|/);
  assert.match(md, /## Known deviations[\s\S]*\*\*nb1 X2\*\* \(paper 10, ours 20\): mechanism missing/);
  assert.match(md, /\| nb2 \| \*\*failed\*\* at cell 4 \| 1\.0 \|/);
  assert.match(md, /### nb2, cell 4\n\n```\nError: boom\n```/);
});
