// Paper A's public boundary: every bad parameter fails before any work, with a ParameterError that
// names the parameter as the caller passed it (issue 10 item 5: dataGiB 1e-7 used to report
// `dataPages = 0`, paperAReplicaSweep(-3) reported `newVms = -3`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ParameterError } from '../../../src/core/validate.js';
import { runPaperA } from '../../../src/papers/a-replication/replication-sim.js';
import { paperADataSizeSweep, paperAReplicaSweep, paperABeyondConfigs, paperASweepWinners, paperAReadSetFit } from '../../../src/papers/a-replication/sweeps.js';
import { paperAReadChecks, paperAWriteChecks, paperAMemoryUseRatio, paperAIntervalStats, runPaperAConfigs, paperASnapshotS } from '../../../src/papers/a-replication/checks.js';
import { paperABinSeries } from '../../../src/papers/a-replication/figures.js';
import { PAPER_A_NOTEBOOK_RANGES, paperANotebookRunOptions } from '../../../src/papers/a-replication/notebook-params.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

function throwsNaming(f: () => unknown, param: string, re?: RegExp): void {
  assert.throws(f, (e: unknown) => {
    assert.ok(e instanceof ParameterError, `a ParameterError, got ${e}`);
    assert.equal(e.param, param);
    if (re) assert.match(e.message, re);
    return true;
  });
}

test('runPaperA: sizes and counts that used to pass through are refused in the user\'s terms', () => {
  throwsNaming(() => runPaperA({ workload: 'read', config: 'lazy', dataGiB: 1e-7 }), 'dataGiB', /dataGiB = 1e-7 GiB .* ≥ 0\.0078125 GiB .*at least one simulated page/);
  throwsNaming(() => runPaperA({ workload: 'read', config: 'lazy', dataGiB: 5000 }), 'dataGiB', /≤ 828 GiB with newVms = 8 .*9 images/);
  throwsNaming(() => runPaperA({ workload: 'read', config: 'lazy', newVms: -3 }), 'newVms', /newVms = -3 VMs/);
  throwsNaming(() => runPaperA({ workload: 'read', config: 'lazy', newVms: 16 }), 'newVms', /≤ 15 VMs without cache sharing/);
  throwsNaming(() => runPaperA({ workload: 'read', config: 'lazy', stepS: 30 }), 'stepS', /stepS = 30 s .* \(0, 10\] s/);
  throwsNaming(() => runPaperA({ workload: 'read', config: 'lazy', replicaIntervalS: 10 }), 'replicaIntervalS', /\[120, 86400\] s/);
  throwsNaming(() => runPaperA({ workload: 'read', config: 'share', newVms: 64, replicaIntervalS: 86400 }), 'replicaIntervalS', /steps/);
  throwsNaming(() => runPaperA({ workload: 'read', config: 'lazy', seed: 0.5 }), 'seed');
  throwsNaming(() => runPaperA({ workload: 'read', config: 'lazy', calibration: { cpuMsPerStatement: 0, shareMapUs: 1, copyChunkKiB: 1, transferPathMBps: 1 } }), 'calibration.cpuMsPerStatement');
  throwsNaming(() => runPaperA({ workload: 'read', config: 'lazy', calibration: { randType: 'zipf' as 'uniform', cpuMsPerStatement: 1, shareMapUs: 1, copyChunkKiB: 1, transferPathMBps: 1 } }), 'calibration.randType');
});

test('runPaperA: any non-finite or negative size, step or interval is a ParameterError naming it (property)', () => {
  const bad = fc.oneof(fc.constant(NaN), fc.constant(Infinity), fc.constant(-Infinity), fc.double({ max: -1e-9, noNaN: true }), fc.constant(0));
  fc.assert(
    fc.property(fc.constantFrom('dataGiB', 'stepS', 'replicaIntervalS', 'newVms', 'samplingStride'), bad, (param, value) => {
      fc.pre(!(param === 'newVms' && value === 0)); // no replica is a valid run
      throwsNaming(() => runPaperA({ workload: 'read', config: 'lazy share', [param]: value }), param);
    }),
    { numRuns: 60 },
  );
});

test('sweeps: their own arguments are checked, by the names the caller used', () => {
  throwsNaming(() => paperAReplicaSweep(-3), 'maxReplicas', /maxReplicas = -3 replicas/);
  throwsNaming(() => paperAReplicaSweep(2.5), 'maxReplicas');
  throwsNaming(() => paperAReplicaSweep(2, { configs: ['default', 'eager'] }), 'configs[1]');
  throwsNaming(() => paperAReplicaSweep(2, { configs: [] }), 'configs');
  throwsNaming(() => paperAReplicaSweep(2, { workload: 'mixed' as 'read' }), 'workload');
  throwsNaming(() => paperAReplicaSweep(2, { seed: 1.5 }), 'seed');
  throwsNaming(() => paperADataSizeSweep([17, -1]), 'dataGiBs[1]');
  throwsNaming(() => paperADataSizeSweep([17, 1e-7]), 'dataGiBs[1]', /at least one simulated page/);
  throwsNaming(() => paperADataSizeSweep([]), 'dataGiBs');
  throwsNaming(() => paperADataSizeSweep([17], { samplingStride: 0 }), 'samplingStride');
  throwsNaming(() => paperABeyondConfigs({ stepS: -1 }), 'stepS');
  throwsNaming(() => paperASweepWinners([]), 'rows');
  throwsNaming(() => runPaperAConfigs('read', {}, []), 'configs');
  throwsNaming(() => paperADataSizeSweep([17], null as never), 'opts');
  throwsNaming(() => paperAReplicaSweep(2, null as never), 'opts');
  throwsNaming(() => paperAReadSetFit(null as never), 'opts');
  throwsNaming(() => paperAReadSetFit({ seed: 1.5 }), 'seed');
});

test('check tables and helpers refuse runs they cannot read', () => {
  throwsNaming(() => paperAReadChecks({}), 'runs["default"]');
  const noReplica = runPaperA({ workload: 'read', config: 'default', newVms: 0, replicaIntervalS: 200, samplingStride: 4096 });
  throwsNaming(() => paperAMemoryUseRatio(noReplica), 'run.replicas');
  throwsNaming(() => paperASnapshotS(noReplica), 'run.replicas');
  throwsNaming(() => paperAWriteChecks({ default: noReplica, 'lazy share': noReplica }), 'runs["default"].workload');
  throwsNaming(() => paperAIntervalStats(noReplica, 0), 'intervalS');
  throwsNaming(() => paperABinSeries([1, 2], 1, -30), 'binS');
});

test('the seed reaches the sweeps: another seed gives other numbers, the same seed the same', () => {
  const opts = { configs: ['lazy share'], samplingStride: 4096 } as const;
  const a = paperAReplicaSweep(1, { ...opts, seed: 1 });
  const b = paperAReplicaSweep(1, { ...opts, seed: 2 });
  const c = paperAReplicaSweep(1, { ...opts, seed: 2 });
  assert.deepEqual(b, c);
  assert.notDeepEqual(a, b);
});

test('the notebooks\' parameters: a value outside the parameters cell\'s range fails naming the notebook\'s parameter, unit and range', () => {
  const ok = { seed: 1, samplingStride: 512, stepS: 1, newVms: 8, replicaIntervalS: 3500 };
  assert.deepEqual(paperANotebookRunOptions(ok), ok);
  for (const [name, spec] of Object.entries(PAPER_A_NOTEBOOK_RANGES)) {
    const [lo, hi] = spec.range;
    paperANotebookRunOptions({ ...ok, [name]: lo });
    paperANotebookRunOptions({ ...ok, [name]: hi });
    throwsNaming(() => paperANotebookRunOptions({ ...ok, [name]: hi * 2 }), name, new RegExp(`\\[${lo}, ${hi}\\]`));
    throwsNaming(() => paperANotebookRunOptions({ ...ok, [name]: lo / 4 }), name);
  }
});

test('the notebooks\' parameters cells state the same ranges as PAPER_A_NOTEBOOK_RANGES', () => {
  for (const nb of ['replication-read-intensive', 'replication-write-intensive']) {
    const cells = JSON.parse(readFileSync(join(__dirname, '../../../../notebooks', `${nb}.ipynb`), 'utf8')).cells as Array<{ metadata: { tags?: string[] }; source: string[] }>;
    const src = cells.find((c) => c.metadata.tags?.includes('parameters'))!.source.join('');
    for (const [name, spec] of Object.entries(PAPER_A_NOTEBOOK_RANGES)) {
      assert.match(src, new RegExp(`const ${name} = [^;]+;\\s*// [^;]*; range \\[${spec.range[0]}, ${spec.range[1]}\\];`), `${nb}: ${name}`);
    }
  }
});
