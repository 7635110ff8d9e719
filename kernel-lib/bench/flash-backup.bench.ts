/**
 * Benchmark of the flash-backup area (paper C): the Fig. 3–4 sweeps (target ≤ 3 s together),
 * the TPC-A/B simulation speed (transactions per second simulated) and the whole notebook run.
 */
import { runPaperC, paperCModel, simulateTpcDirtyPages, paperCDefaultIntervalsMin } from '../src/papers/c-flash-backup/flash-backup-experiment.js';
import { simulateMultiBufferWrite } from '../src/papers/c-flash-backup/backup-unit.js';
import { flashProfile } from '../src/papers/c-flash-backup/flash-profiles.js';

function timeMs(f: () => void): number {
  const t = performance.now();
  f();
  return performance.now() - t;
}

export async function bench(): Promise<Array<{ name: string; value: number; unit: string; target?: string }>> {
  // warm-up (JIT, data files)
  runPaperC({ intervalsMin: [1, 30], simulate: false });
  const sweepsMs = timeMs(() => runPaperC({ intervalsMin: paperCDefaultIntervalsMin(), simulate: false }));
  const m = paperCModel();
  const sim = simulateTpcDirtyPages(m, [30, 60, 120], 1);
  const fullMs = timeMs(() => runPaperC({ seed: 1 }));
  const era = flashProfile('era-nand-1992');
  let pages = 0;
  const schedMs = timeMs(() => {
    pages = 1_000_000;
    simulateMultiBufferWrite(era, 31, pages);
  });
  return [
    { name: 'paper C Fig. 3–4 sweeps, 1–120 min (model)', value: sweepsMs, unit: 'ms', target: '≤ 3000 ms' },
    { name: 'paper C TPC-A/B simulation speed', value: sim.txnsPerSecond, unit: 'transactions/s' },
    { name: 'paper C TPC-A/B transactions simulated for Fig. 3 (120 min at 1000 tps)', value: sim.txns, unit: 'transactions' },
    { name: 'paper C full run (sweeps + simulation + 2-plane cycle + C5)', value: fullMs, unit: 'ms' },
    { name: 'multi-buffer exact schedule (31 chips)', value: pages / (schedMs / 1000), unit: 'flash pages/s' },
  ];
}

if (require.main === module) {
  bench().then((rows) => {
    for (const r of rows) console.log(`${r.name}: ${r.value.toFixed(1)} ${r.unit}${r.target ? ` (target ${r.target})` : ''}`);
  });
}
