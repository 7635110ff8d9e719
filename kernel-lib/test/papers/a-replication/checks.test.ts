import { test } from 'node:test';
import assert from 'node:assert/strict';
import { paperAMedian, paperAReadChecks, paperAWriteChecks, paperAPhaseBreakdown, runPaperAConfigs, paperAInputTable, paperARandTypeCandidates } from '../../../src/papers/a-replication/checks.js';

test('median: odd/even counts; NaN = never reached counts as +∞ when asked', () => {
  assert.equal(paperAMedian([3, 1, 2]), 2);
  assert.equal(paperAMedian([4, 1, 2, 3]), 2.5);
  assert.equal(paperAMedian([1, NaN, NaN], true), Infinity);
  assert.equal(paperAMedian([1, NaN, 3]), 2);
});

const opts = { newVms: 2, replicaIntervalS: 1500, samplingStride: 1024 };

test('check lists: calibrated rows are exactly A1, A4, A7 start and A11 share; the write run is all predicted; values come from the runs', () => {
  const read = runPaperAConfigs('read', opts);
  const write = runPaperAConfigs('write', opts);
  const rc = paperAReadChecks(read);
  assert.deepEqual(rc.filter((c) => c.kind === 'calibrated').map((c) => c.id), ['A1', 'A4', 'A7 start', 'A11 share']);
  const wc = paperAWriteChecks(write);
  assert.ok(wc.every((c) => (c.kind ?? 'predicted') === 'predicted'));
  const a5 = rc.find((c) => c.id === 'A5')!;
  const [r1, r2] = read['lazy'].replicas;
  assert.ok(Math.abs((a5.ours as number) - (r1.creationS + r2.creationS) / 2) < 1e-9); // median of two replicas
  const phases = paperAPhaseBreakdown(read).filter((r) => r.config === 'default').map((r) => r.phase);
  assert.deepEqual(phases, ['snapshot', 'transfer', 'mysql start']);
});

test('input table: every input has a source; the five calibrated ones name the number they were fitted to', () => {
  const rows = paperAInputTable();
  assert.ok(rows.length > 20);
  for (const r of rows) assert.ok(r.source.length > 0, r.input);
  const cal = rows.filter((r) => r.kind.startsWith('calibrated'));
  assert.deepEqual(cal.map((r) => r.kind), ['calibrated (A11)', 'calibrated (A4)', 'calibrated (A7)', 'calibrated (A1)', 'calibrated (A1)']);
});

test('rand-type calibration record: the chosen candidate is feasible and no feasible candidate is closer to A11 = 0.16', () => {
  const rows = paperARandTypeCandidates();
  assert.deepEqual(rows.map((r) => r.randType).sort(), ['gaussian', 'pareto', 'special', 'uniform']);
  const chosen = rows.filter((r) => r.chosen);
  assert.equal(chosen.length, 1);
  assert.ok(chosen[0].feasible);
  for (const r of rows) if (r.feasible) assert.ok(Math.abs(chosen[0].a11 - 0.16) <= Math.abs(r.a11 - 0.16), r.randType);
});
