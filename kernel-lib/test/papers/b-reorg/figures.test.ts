import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gDistributionFigure, updateDistributionFigure } from '../../../src/papers/b-reorg/figures.js';
import { reorgTminRunTable } from '../../../src/papers/b-reorg/tables.js';
import type { PaperBMonitorResult } from '../../../src/papers/b-reorg/reorg-experiment.js';

test('Fig. 6 from leaves (SQLite) and from bins (monitor): G/G0, the X·G0 line, T_min marked; SVG traces only', () => {
  const leaves = gDistributionFigure({ series: [{ kind: 'leaves', name: 'G', keys: [0, 10, 20], G: [0.2, 0.4, 2], tMin: [1, 2] }], g0Ms: 0.2, x: 2, xMaxKey: 20, title: 't' });
  assert.deepEqual(leaves.data.map((d) => d.mode), ['lines', 'markers', 'markers'], 'the X·G0 line under the leaves');
  assert.deepEqual(leaves.data[0].y, [2, 2], 'X·G0 line at X');
  assert.deepEqual(leaves.data[1].y, [1, 2, 10]);
  assert.deepEqual(leaves.data[2].x, [10, 20], 'T_min leaves at their keys');
  const bins = gDistributionFigure({ series: [{ kind: 'bins', fromKey: [0, 5], meanGMs: [0.2, 0.3], maxGMs: [0.2, 1] }], g0Ms: 0.2, x: 3, xMaxKey: 10, title: 't' });
  assert.deepEqual(bins.data.map((d) => d.name), ['X·G<sub>0</sub> (X = 3)', 'max G / G<sub>0</sub> in bin', 'mean G / G<sub>0</sub> in bin']);
  const f5 = updateDistributionFigure({ binFromKey: Float64Array.from([0, 1]), meanUpdatesPerRow: Float64Array.from([0, 2]) }, 'Fig. 5');
  for (const d of [...leaves.data, ...bins.data, ...f5.data]) assert.ok(d.type === 'scatter' || d.type === 'bar', String(d.type));
});

test('result tables are arquero tables a cell can filter; an empty T keeps its columns', () => {
  const r = { tAt: { runs: [{ fromKey: 0, toKey: 9, fromLeaf: 0, toLeaf: 2 }, { fromKey: 20, toKey: 40, fromLeaf: 5, toLeaf: 10 }] } } as unknown as PaperBMonitorResult;
  const t = reorgTminRunTable(r);
  assert.deepEqual(t.array('leaves'), [5, 2], 'largest first');
  assert.equal(t.filter((d: { leaves: number }) => d.leaves > 3).numRows(), 1);
  const empty = reorgTminRunTable({ tAt: { runs: [] } } as unknown as PaperBMonitorResult);
  assert.deepEqual(empty.columnNames(), ['from key', 'to key', 'leaves']);
});
