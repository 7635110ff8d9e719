/**
 * Benchmark of the disk area: cost of one evaluation of paper B's f (ns per call) for the HDD and
 * SSD models, the detailed simulation's speed on a page scan, and the replay of the seven traces of
 * DiskSim's validation suite (requests simulated per second, specs and traces loaded beforehand).
 */
import { hddPageCost, hddProfile } from '../src/hardware/hdd.js';
import { ssdPageCost, ssdProfile } from '../src/hardware/ssd.js';
import { simulatePageReadsMs } from '../src/hardware/disk-sim.js';
import { diskSimDrives, diskSimDriveSpec, diskSimDriveTrace, replayValidationTrace } from '../src/papers/disk/disk-validation.js';
import { Rng } from '../src/core/rng.js';

function nsPerCall(f: (a: number, b: number) => number, pages: Int32Array): number {
  let sink = 0;
  for (let i = 1; i < pages.length; i++) sink += f(pages[i - 1], pages[i]); // warm-up
  const reps = 5;
  const t = performance.now();
  for (let r = 0; r < reps; r++) for (let i = 1; i < pages.length; i++) sink += f(pages[i - 1], pages[i]);
  const ms = performance.now() - t;
  if (sink === -1) console.log(sink);
  return (ms * 1e6) / (reps * (pages.length - 1));
}

export async function bench(): Promise<Array<{ name: string; value: number; unit: string; target?: string }>> {
  const rng = new Rng(3);
  const n = 1_000_000;
  const pages = new Int32Array(n);
  // a mix like a deteriorated leaf chain: mostly next-page, some short skips, some far jumps (2 GB table)
  for (let i = 1; i < n; i++) {
    const u = rng.float();
    pages[i] = u < 0.7 ? pages[i - 1] + 1 : u < 0.85 ? pages[i - 1] + rng.int(2, 64) : rng.int(0, 131_071);
    if (pages[i] > 131_071) pages[i] = rng.int(0, 131_071);
  }
  const hdd = hddPageCost(hddProfile('hdd-2005'), 16384);
  const ssd = ssdPageCost(ssdProfile('nvme-ssd'), 16384);
  const fHddNs = nsPerCall(hdd.f, pages);
  const fSsdNs = nsPerCall(ssd.f, pages);
  const scanPages = Array.from(pages.subarray(0, 200_000));
  const t0 = performance.now();
  simulatePageReadsMs(hddProfile('hdd-2005'), scanPages, 16384);
  const scanMs = performance.now() - t0;
  const drives = diskSimDrives().map((d) => ({ spec: diskSimDriveSpec(d), trace: diskSimDriveTrace(d) }));
  const requests = drives.reduce((n, d) => n + d.trace.length, 0);
  for (const d of drives) replayValidationTrace(d.spec, d.trace); // warm-up
  const t1 = performance.now();
  const reps = 3;
  for (let r = 0; r < reps; r++) for (const d of drives) replayValidationTrace(d.spec, d.trace);
  const replayS = (performance.now() - t1) / 1000 / reps;
  return [
    { name: 'disk: f(prev, page) per call, hdd-2005, 16 KiB pages', value: fHddNs, unit: 'ns' },
    { name: 'disk: f(prev, page) per call, nvme-ssd', value: fSsdNs, unit: 'ns' },
    { name: 'disk: detailed simulation of a 200,000-page scan (hdd-2005)', value: scanMs, unit: 'ms' },
    { name: `disk: DiskSim validation traces, ${drives.length} drives, ${requests} requests: requests simulated per second`, value: requests / replayS, unit: 'requests/s' },
  ];
}

if (require.main === module) {
  bench().then((rows) => {
    for (const r of rows) console.log(`${r.name}: ${r.value.toFixed(1)} ${r.unit}${r.target ? ` (target ${r.target})` : ''}`);
  });
}
