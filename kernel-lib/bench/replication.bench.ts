/**
 * Paper A performance figures: all of Figs. 3–6 (4 configurations × 2 workloads × 8 replicas ×
 * 3,500 s, 1-s steps) — issue target ≤ 10 s on this machine — the cost of one run, and where a
 * step's time goes (ReplicationSim's phases, stepped one by one on a write run).
 */
import { runPaperAConfigs } from '../src/papers/a-replication/checks.js';
import { ReplicationSim, runPaperA } from '../src/papers/a-replication/replication-sim.js';

function phaseCosts(): Array<{ name: string; value: number; unit: string }> {
  const sim = new ReplicationSim({ workload: 'write', config: 'lazy share', seed: 1 });
  const phases = ['creationPhase', 'throughputPhase', 'replicationApplyPhase', 'replayPhase', 'writesPhase', 'recordPhase'] as const;
  const ms = new Float64Array(phases.length);
  while (!sim.done) {
    for (let k = 0; k < phases.length; k++) {
      const t = performance.now();
      sim[phases[k]]();
      ms[k] += performance.now() - t;
    }
  }
  const steps = sim.inputs.steps;
  return phases.map((p, k) => ({ name: `paper A: ${p} per step (lazy share, write)`, value: (1000 * ms[k]) / steps, unit: 'µs' }));
}

export async function bench(): Promise<Array<{ name: string; value: number; unit: string; target?: string }>> {
  runPaperA({ workload: 'read', config: 'lazy', newVms: 1, replicaIntervalS: 500 }); // JIT warm-up
  const t0 = performance.now();
  runPaperAConfigs('read', { seed: 1 });
  const t1 = performance.now();
  runPaperAConfigs('write', { seed: 1 });
  const t2 = performance.now();
  const r = runPaperA({ workload: 'read', config: 'lazy share', seed: 1 });
  const t3 = performance.now();
  return [
    { name: 'paper A: Figs. 3-6 (4 configs x 2 workloads x 8 replicas x 3,500 s)', value: (t2 - t0) / 1000, unit: 's', target: '<= 10 s' },
    { name: 'paper A: read-intensive run, 4 configs (Figs. 3-4)', value: (t1 - t0) / 1000, unit: 's' },
    { name: 'paper A: write-intensive run, 4 configs (Figs. 5-6)', value: (t2 - t1) / 1000, unit: 's' },
    { name: 'paper A: one run, lazy share read', value: (t3 - t2) / 1000, unit: 's' },
    { name: 'paper A: simulated seconds per wall second (lazy share read)', value: r.steps / ((t3 - t2) / 1000), unit: 'sim-s/s' },
    ...phaseCosts(),
  ];
}
