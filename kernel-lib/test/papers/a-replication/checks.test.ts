import { test } from 'node:test';
import { loadPaperACalibration } from '../../../src/papers/a-replication/replication-inputs.js';
import assert from 'node:assert/strict';
import { paperAMedian, paperAReadChecks, paperAWriteChecks, paperAPhaseBreakdown, runPaperAConfigs, paperAInputTable, paperARandTypeCandidates, paperACheckDefinitions, paperAReplicaTable } from '../../../src/papers/a-replication/checks.js';

test('median: odd/even counts; NaN = never reached counts as +∞ when asked', () => {
  assert.equal(paperAMedian([3, 1, 2]), 2);
  assert.equal(paperAMedian([4, 1, 2, 3]), 2.5);
  assert.equal(paperAMedian([1, NaN, NaN], true), Infinity);
  assert.equal(paperAMedian([1, NaN, 3]), 2);
});

const opts = { newVms: 2, replicaIntervalS: 1500, samplingStride: 1024 };

test('check lists: calibrated rows are exactly the fitted numbers, ratios are derived, every row has the paper\'s sentence; values come from the runs', () => {
  const read = runPaperAConfigs('read', opts);
  const write = runPaperAConfigs('write', opts);
  const rc = paperAReadChecks(read);
  assert.deepEqual(rc.filter((c) => c.kind === 'calibrated').map((c) => c.id), ['A1', 'A4', 'A7', 'A7 start', 'A11 share']);
  assert.deepEqual(rc.filter((c) => c.kind === 'derived').map((c) => c.id), ['A5 ratio', 'A8 ratio', 'A9 ratio']);
  const wc = paperAWriteChecks(write);
  assert.deepEqual(wc.filter((c) => c.kind === 'calibrated').map((c) => c.id), ['A2 snapshot']);
  assert.deepEqual(wc.filter((c) => c.kind === 'derived').map((c) => c.id), ['A2', 'A12 ratio']);
  // a derived ratio is the quotient of the checks it names
  const by = (cs: typeof rc, id: string) => cs.find((c) => c.id === id)!.ours as number;
  assert.equal(by(rc, 'A5 ratio'), by(rc, 'A1') / by(rc, 'A5'));
  assert.equal(by(wc, 'A12 ratio'), by(wc, 'A2') / by(wc, 'A12'));
  // like with like: A2 and A12 are the first replica's creation
  assert.equal(by(wc, 'A2'), write['default'].replicas[0].creationS);
  const a5 = rc.find((c) => c.id === 'A5')!;
  const [r1, r2] = read['lazy'].replicas;
  assert.ok(Math.abs((a5.ours as number) - (r1.creationS + r2.creationS) / 2) < 1e-9); // median of two replicas
  const defs = paperACheckDefinitions([...rc, ...wc]);
  for (const d of defs) assert.ok(/[\u3040-\u30ff\u4e00-\u9fff]/.test(d.paper) && d.translation.length > 10 && d.compared.length > 10, d.id);
  // the lower bounds 「30分以上」: a warm-up that never reached its peak fails them instead of reading as a number
  const a4 = rc.find((c) => c.id === 'A4')!;
  assert.equal(a4.tolerance.type, 'range');
  const phases = paperAPhaseBreakdown(read).filter((r) => r.config === 'default').map((r) => r.phase);
  assert.deepEqual(phases, ['snapshot', 'transfer', 'mysql start']);
});

test('input table: every input has a source; the calibrated ones name the number they were fitted to', () => {
  const rows = paperAInputTable();
  assert.ok(rows.length > 20);
  for (const r of rows) assert.ok(r.source.length > 0, r.input);
  const cal = rows.filter((r) => r.kind.startsWith('calibrated'));
  assert.deepEqual(cal.map((r) => r.kind), ['calibrated (A11 share)', 'calibrated (A4)', 'calibrated (A7)', 'calibrated (A7 start)', 'calibrated (A1)', 'calibrated (A1)', 'calibrated (A2 snapshot)']);
});

test('rand-type record: each sysbench 0.5 distribution with its own fit; the one in use is the admissible one with A11 closest to 0.16', () => {
  const rows = paperARandTypeCandidates();
  assert.deepEqual(rows.map((r) => r.randType).sort(), ['gaussian', 'pareto', 'special', 'uniform']);
  for (const r of rows) assert.ok(r.a11 > 0 && r.a11 < 1, r.randType);
  for (const r of rows.filter((x) => x.fitsReached)) assert.ok(r.coldWarmupS >= 1800 && Math.abs(r.shareWarmupS - 240) <= 60, `${r.randType}: admissible, so its fits reach A4 and A7`);
  const admissible = rows.filter((r) => r.fitsReached);
  assert.ok(admissible.length > 0);
  const best = admissible.reduce((a, b) => (Math.abs(b.a11 - 0.16) < Math.abs(a.a11 - 0.16) ? b : a));
  assert.deepEqual(rows.filter((r) => r.chosen).map((r) => r.randType), [best.randType]);
  assert.equal(loadPaperACalibration().randType, best.randType);
});

test('per-replica table: an arquero table with one row per replica and configuration, filterable in a cell', () => {
  const read = runPaperAConfigs('read', opts, ['lazy', 'share']);
  const t = paperAReplicaTable(read);
  assert.equal(t.numRows(), 4);
  assert.deepEqual(t.columnNames(), ['config', 'replica', 'creationS', 'toStablePeakS', 'peakTps', 'firstSecondPctOfPeak', 'memoryAddedGiB']);
  const lazy = t.filter((d: { config: string }) => d.config === 'lazy').objects() as Array<{ creationS: number }>;
  assert.deepEqual(lazy.map((r) => r.creationS), read['lazy'].replicas.map((r) => r.creationS));
});
