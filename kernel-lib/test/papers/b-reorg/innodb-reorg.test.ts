// The real-InnoDB experiment end to end at a tiny scale (a private MariaDB; about 15 s): the reader
// equals the engine's view, the model's load equals the engine's leaf for leaf, and with the
// one-transaction protocol neither the engine nor the model changes its layout (every deleted key
// comes back onto its own delete-marked record).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runInnodbReorg } from '../../../src/papers/b-reorg/innodb-reorg.js';
import { ParameterError } from '../../../src/core/validate.js';

test('one transaction per update: engine and model both keep the loaded layout', async () => {
  const r = await runInnodbReorg({ scale: 0.004, updates: 30, snapshotEvery: 15, protocol: 'one-transaction' });
  for (const v of r.engineView) {
    assert.ok(v.pagesEqual, String(v.firstDifference));
    assert.equal(v.readerLeaves, v.statsLeaves);
    assert.equal(v.readerRows, v.tableRows);
  }
  assert.equal(r.real.length, 3);
  assert.deepEqual(Array.from(r.afterLoadSim.records), Array.from(r.afterLoadReal.records));
  assert.deepEqual(Array.from(r.afterLoadSim.pages), Array.from(r.afterLoadReal.pages));
  assert.deepEqual(Array.from(r.finalReal.pages), Array.from(r.afterLoadReal.pages));
  assert.deepEqual(Array.from(r.finalSim.pages), Array.from(r.afterLoadSim.pages));
  assert.ok(r.copyRebuild.costRatio <= r.real[0].costRatio * 1.05);
});

test('parameters out of range are ParameterErrors before any server starts', async () => {
  await assert.rejects(runInnodbReorg({ scale: 2 }), (e: unknown) => e instanceof ParameterError && e.param === 'scale');
  await assert.rejects(runInnodbReorg({ protocol: 'later' as never }), (e: unknown) => e instanceof ParameterError && e.param === 'protocol');
  await assert.rejects(runInnodbReorg({ x: 1 }), (e: unknown) => e instanceof ParameterError && e.param === 'X');
});
