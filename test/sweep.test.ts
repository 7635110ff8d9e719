// The sweep's grid syntax and what it writes from its points (no kernel: fast).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gridPoints, parseGrid, pointLabel } from '../scripts/lib/grid.js';
import { dependences, dependenceTraces, summaryMarkdown, sweepCsv, type PointResult } from '../scripts/lib/sweep-summary.js';
import { batchScript } from '../scripts/lib/slurm.js';

test('a grid is lists and integer ranges; its points are the cartesian product, first parameter slowest', () => {
  const axes = parseGrid('tps=500,1000,2000  seed=1..3 mode=a');
  assert.deepEqual(axes, [
    { name: 'tps', values: [500, 1000, 2000] },
    { name: 'seed', values: [1, 2, 3] },
    { name: 'mode', values: ['a'] },
  ]);
  const pts = gridPoints(axes);
  assert.equal(pts.length, 9);
  assert.deepEqual(pts[0], { tps: 500, seed: 1, mode: 'a' });
  assert.deepEqual(pts[1], { tps: 500, seed: 2, mode: 'a' });
  assert.deepEqual(pts[8], { tps: 2000, seed: 3, mode: 'a' });
  assert.deepEqual(parseGrid('x=0..10..5 y=1,3..4')[0].values, [0, 5, 10]);
  assert.deepEqual(parseGrid('y=1,3..4')[0].values, [1, 3, 4]);
  assert.deepEqual(parseGrid('v=[1,2]')[0].values, [[1, 2]]);
});

test('a malformed grid is an error that says what is wrong', () => {
  assert.throws(() => parseGrid(''), /grid: empty/);
  assert.throws(() => parseGrid('tps'), /"tps" is not of the form/);
  assert.throws(() => parseGrid('a=1 a=2'), /"a" is given twice/);
  assert.throws(() => parseGrid('a=5..1'), /the range is empty/);
  assert.throws(() => parseGrid('a=1,,2'), /empty value/);
});

test('point labels are readable folder names, escaped and hashed only when needed', () => {
  assert.equal(pointLabel({ tps: 500, seed: 1 }), 'tps=500,seed=1');
  const odd = pointLabel({ s: 'a/b c' });
  assert.match(odd, /^s=a_b_c~[0-9a-f]{10}$/);
  assert.notEqual(odd, pointLabel({ s: 'a_b c' }));
});

const pt = (tps: number, seed: number, ours: number, pass = true): PointResult => ({
  label: pointLabel({ tps, seed }), params: { tps, seed }, ok: true, cached: false, elapsedSeconds: 1.5,
  checks: [{ id: 'C1', ours, pass, paper: 60, unit: 's' }, { id: 'C2', ours: 'n/a', pass: true, paper: 'x' }],
});

test('the CSV has one row per point with every check value and verdict; the summary ranks each parameter', () => {
  const axes = parseGrid('tps=500,1000 seed=1,2');
  const points = [pt(500, 1, 10), pt(500, 2, 12), pt(1000, 1, 20, false), pt(1000, 2, 22, false)];
  const csv = sweepCsv(axes, points).trim().split('\n');
  assert.equal(csv[0], 'point,tps,seed,C1.ours,C1.pass,C2.ours,C2.pass,ok,cached,elapsedSeconds');
  assert.equal(csv[1], '"tps=500,seed=1",500,1,10,true,n/a,true,true,false,1.5');
  assert.equal(csv.length, 5);
  const deps = dependences(axes, points);
  assert.deepEqual(deps.map((d) => `${d.check}/${d.parameter}`), ['C1/tps', 'C1/seed'], 'non-numeric check values are left out');
  const tps = deps[0];
  assert.ok(Math.abs(tps.spearman! - 0.894) < 0.001, String(tps.spearman));
  assert.deepEqual(tps.levels.map((l) => l.mean), [11, 21]);
  assert.equal(tps.passes, 2);
  const md = summaryMarkdown('nb', 'tps=500,1000 seed=1,2', points, deps);
  assert.match(md, /\| C1 \| tps \| 0\.894 \| 500: 11; 1000: 21 \| 10 s \| 22 s \| 2\/4 \|/);
  const traces = dependenceTraces(tps, axes, points);
  assert.deepEqual(traces.map((t) => t.name), ['paper', 'mean over seed', 'each point'], 'the points are drawn last, over the lines');
  assert.deepEqual(traces[1].y, [11, 21]);
  assert.deepEqual(traces[0].y, [60, 60]);
  const flat = dependences(axes, [pt(500, 1, 5), pt(500, 2, 5), pt(1000, 1, 5), pt(1000, 2, 5)]);
  assert.equal(flat[0].spearman, null, 'a constant check has no rank correlation');
});

test('the Slurm batch script is one array with a task per point, run in the checkout', () => {
  const s = batchScript({ jobName: 'sweep-x y', tasks: 4, dir: '/tmp/s', repo: '/repo', command: ['/usr/bin/node', 'a b', '"$SLURM_ARRAY_TASK_ID"'] });
  assert.match(s, /#SBATCH --array=0-3\n/);
  assert.match(s, /#SBATCH --job-name=sweep-x_y\n/);
  assert.match(s, /#SBATCH --chdir=\/repo\n/);
  assert.match(s, /#SBATCH --output=\/tmp\/s\/slurm\/%A_%a\.out\n/);
  assert.match(s, /exec '\/usr\/bin\/node' 'a b' "\$SLURM_ARRAY_TASK_ID"\n/);
});
