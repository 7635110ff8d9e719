/**
 * Measures the cost of one sniffer event sent the paper's way — through shared memory to the
 * monitor, another process (paper B §3, Fig. 2) — on this machine, and writes it to
 * data/b-reorg/ipc.json, the input of the shared-memory row of Fig. 8 (sniffer-overhead.ts).
 *
 * ipc-roundtrip.c (beside this file) hands an event to a second process through a shared page
 * and a futex and waits for it to be taken, both processes pinned to one CPU as on the paper's
 * single-core PC: per event one wake-up and a context switch each way. A pipe ping-pong is
 * recorded as a cross-check. It needs a C compiler (`cc`); the measurement is of this machine,
 * not of the paper's 2005 PC (stated in the file's `source`).
 *
 * Run: `npx tsx kernel-lib/src/papers/b-reorg/measure-ipc.ts [roundTripsPerBatch] [batches]`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, release, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { atomicWriteFileSync } from '../../core/atomic-write.js';
import { dataPath } from '../../core/data-path.js';
import { requireInteger } from '../../core/validate.js';

export interface IpcMeasurement {
  futexRoundTripNs: number[];
  pipeRoundTripNs: number[];
  roundTrips: number;
  cpu: number;
}

/** Compiles and runs ipc-roundtrip.c; `roundTrips` hand-offs per batch. */
export function measureIpcRoundTrip(roundTrips = 2_000, batches = 50): IpcMeasurement {
  requireInteger('roundTrips', roundTrips, 'round trips', 1, 10_000_000);
  requireInteger('batches', batches, 'batches', 1, 100);
  const dir = mkdtempSync(join(tmpdir(), 'ipc-roundtrip-'));
  try {
    const exe = join(dir, 'ipc-roundtrip');
    // the C source lives beside this file in src/ (the build copies only .js): from dist/, look in src/
    const src = resolve(__dirname, '..', '..', '..', 'src', 'papers', 'b-reorg', 'ipc-roundtrip.c');
    execFileSync('cc', ['-O2', '-Wall', '-o', exe, src], { stdio: ['ignore', 'ignore', 'pipe'] });
    const out = execFileSync(exe, [String(roundTrips), String(batches)], { encoding: 'utf8', timeout: 120_000 });
    return JSON.parse(out) as IpcMeasurement;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const m = measureIpcRoundTrip(Number(process.argv[2] ?? 2_000), Number(process.argv[3] ?? 50));
  const path = dataPath('b-reorg', 'ipc.json');
  const old = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  const d = {
    ...old,
    perEventNs: Math.round(Math.min(...m.futexRoundTripNs)),
    measured: {
      date: new Date().toISOString().slice(0, 10),
      machine: `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} CPUs, Linux ${release()}`,
      roundTripsPerBatch: m.roundTrips,
      futexRoundTripNs: m.futexRoundTripNs,
      pipeRoundTripNs: m.pipeRoundTripNs,
    },
  };
  atomicWriteFileSync(path, JSON.stringify(d, null, 2) + '\n');
  console.log(`perEventNs = ${d.perEventNs} ns (fastest batch mean of the futex round trips on one CPU) → ${path}`);
}
