import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ReplicationSim, runPaperA } from '../../../src/papers/a-replication/replication-sim.js';

// Short schedules keep this fast (two replicas, 600 s apart, every 1,024th page).
const short = { newVms: 2, replicaIntervalS: 600, samplingStride: 1024 } as const;

function massTotal(sim: ReplicationSim, v: number): number {
  return sim.missMass(v).reduce((a, b) => a + b, 0);
}

test('run(untilS) in pieces gives the same series as one run, bit for bit (the state lives in the object)', () => {
  const whole = runPaperA({ workload: 'write', config: 'lazy share', seed: 5, ...short });
  const sim = new ReplicationSim({ workload: 'write', config: 'lazy share', seed: 5, ...short });
  sim.run(333);
  assert.equal(sim.nowS, 333);
  sim.run(1000).run();
  assert.ok(sim.done);
  const pieces = sim.result();
  assert.deepEqual(Array.from(pieces.totalTps), Array.from(whole.totalTps));
  assert.deepEqual(Array.from(pieces.memoryGiB), Array.from(whole.memoryGiB));
  assert.deepEqual(Array.from(pieces.tpccTps), Array.from(whole.tpccTps));
  assert.throws(() => sim.step(), /no step is left/);
});

test('two simulations side by side do not disturb each other', () => {
  const a = new ReplicationSim({ workload: 'read', config: 'share', seed: 2, ...short });
  const b = new ReplicationSim({ workload: 'read', config: 'share', seed: 2, ...short });
  while (!a.done) {
    a.step();
    if (!b.done) b.step();
  }
  assert.deepEqual(Array.from(a.result().totalTps), Array.from(b.result().totalTps));
});

test('phase by phase: creation starts at the interval, throughput follows, recording writes the step and ticks the clock', () => {
  const sim = new ReplicationSim({ workload: 'read', config: 'default', seed: 1, ...short });
  sim.run(600);
  assert.equal(sim.vms[1].stage, 'absent');
  // before the creation: the source alone, its miss mix covers its whole access mass
  assert.ok(Math.abs(massTotal(sim, 0) - sim.sampler.massSum) < 1e-12);
  sim.creationPhase();
  assert.equal(sim.vms[1].stage, 'creating');
  assert.equal(sim.vms[1].phase, 'snapshot');
  assert.equal(sim.vms[1].bootAtS, 600);
  assert.ok(sim.vms[1].phaseBytesLeft < 17 * 1024 ** 3, 'the snapshot copied bytes in its first step');
  assert.equal(sim.stepIndex, 600, 'no phase but recording moves the clock');
  sim.throughputPhase();
  sim.replicationApplyPhase();
  const poolBefore = sim.vms[0].pool!.sizePages;
  sim.replayPhase();
  assert.ok(sim.vms[0].pool!.sizePages >= poolBefore, 'replayed accesses only add pages to a pool that is not full');
  sim.writesPhase();
  assert.equal(sim.memoryGiB[600], 0, 'not recorded yet');
  sim.recordPhase();
  assert.equal(sim.stepIndex, 601);
  assert.equal(sim.memoryGiB[600], 32, 'Xen allocates the new VM its 16 GiB at creation');
  assert.ok(sim.vmTps[0][600] > 0 && sim.vmTps[1][600] === 0, 'the new VM takes no load before MySQL starts');
});

test('phase by phase: a share replica starts with the source\'s pages mapped; reads keep every VM\'s mass balanced', () => {
  const sim = new ReplicationSim({ workload: 'read', config: 'lazy share', seed: 1, ...short });
  while (sim.vms[1].stage !== 'running') sim.step();
  const m = sim.missMass(1);
  // categories: pool, share, page cache, fetch, disk — a fresh lazy-share replica has an empty pool,
  // maps what the source caches and fetches the rest on demand
  assert.equal(m[0], 0);
  assert.ok(m[1] > 0, `shared mass ${m[1]}`);
  assert.ok(m[3] > 0 && m[4] === 0, 'nothing is on the lazy replica\'s local disk yet');
  for (let k = 0; k < 60; k++) sim.step();
  for (const v of [0, 1]) assert.ok(Math.abs(massTotal(sim, v) - sim.sampler.massSum) < 1e-9);
  assert.ok(sim.missMass(1)[0] > m[0], 'the replica\'s pool warmed');
  assert.ok(sim.share!.savedPages > 0);
});

test('phase by phase: the replication apply phase drains a backlog that TPC-C fills; writes only un-share frames', () => {
  const sim = new ReplicationSim({ workload: 'write', config: 'lazy share', seed: 1, ...short });
  while (sim.vms[1].stage !== 'running' || sim.nowS < sim.vms[1].startedS + 30) sim.step();
  sim.creationPhase();
  sim.throughputPhase();
  const before = sim.applyBacklogTx[1];
  sim.replicationApplyPhase();
  const after = sim.applyBacklogTx[1];
  assert.ok(after >= 0);
  sim.replayPhase();
  const saved = sim.share!.savedPages;
  sim.writesPhase();
  assert.ok(sim.share!.savedPages <= saved, 'a write never creates sharing');
  sim.recordPhase();
  const tpcc = sim.tpccTps[sim.stepIndex - 1];
  assert.ok(tpcc > 0);
  // backlog after = backlog before + committed this step − applied this step (applied ≥ 0)
  assert.ok(after <= before + tpcc * sim.inputs.stepS + 1e-9);
  assert.equal(sim.replicationLagTx[1][sim.stepIndex - 1], after);
});
