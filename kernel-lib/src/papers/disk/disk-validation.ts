/**
 * Validation of the detailed disk simulation (hardware/disk-sim.ts) against a real drive: the
 * HP C2247A trace of DiskSim's validation suite (10,000 requests with the drive's measured
 * service times). The simulation is configured from DiskSim's own parameter files for that drive
 * (geometry, zones, skews, seek curve, cache, overheads, bus), replays the trace with its
 * interarrival times and is scored as DiskSim scores a model: the RMS horizontal distance
 * between the simulated and measured service-time CDFs ("demerit", Ruemmler & Wilkes 1994).
 * Data and licence: data/disk/disksim-hp-c2247a/ (BSD-3-Clause + University of Michigan notice).
 */
import { readFileSync } from 'node:fs';
import { dataPath } from '../../core/data-path.js';
import { DiskSim, type DiskSimSpec } from '../../hardware/disk-sim.js';
import { diskSimSpecFromFiles } from '../../hardware/disksim-spec.js';
import { parseValidationTrace, TRACE_BUFFER_ACTIONS, type ValidationTrace } from '../../hardware/disk-trace.js';
import { cdfDemerit } from '../../metrics/cdf-demerit.js';

export const DISKSIM_HP_C2247A_DIR = 'disk/disksim-hp-c2247a';

function read(file: string): string {
  return readFileSync(dataPath(DISKSIM_HP_C2247A_DIR, file), 'utf8');
}

/** The HP C2247A spec, built from DiskSim's validation files in data/. */
export function hpC2247aSpec(): DiskSimSpec {
  return diskSimSpecFromFiles({
    name: 'HP C2247A (DiskSim validation model)',
    model: read('hp_c2247a_validate.model'),
    diskspecs: read('hp_c2247a.diskspecs'),
    parv: read('hp_c2247a.parv'),
  });
}

/** The measured trace. */
export function hpC2247aTrace(): ValidationTrace {
  return parseValidationTrace(read('hp_c2247a.trace'));
}

/**
 * Replays a trace: simulated service time (ms) of every request.
 * Timing as DiskSim's validate mode does it (disksim_iodriver.c, iodriver_access_complete, and
 * disksim_iotrace.c, iotrace_validate_get_ioreq_event): the next request is read when the current
 * one completes and arrives `interarrival` after that completion, so the drive serves one request
 * at a time and never queues. (The data README describes the gap as measured from the issue; with
 * that reading the measured service times alone exceed the gaps by 8 % and the queue grows without
 * bound, so the trace can only have been produced closed-loop.)
 */
export function replayValidationTrace(spec: DiskSimSpec, trace: ValidationTrace): { simulatedServiceMs: Float64Array; outcome: string[] } {
  const sim = new DiskSim(spec);
  const n = trace.length;
  const out = new Float64Array(n);
  const outcome: string[] = new Array(n);
  let start = 0;
  for (let i = 0; i < n; i++) {
    const lbn = trace.blockNumber[i];
    const cnt = trace.blockCount[i];
    const done = trace.isRead[i] ? sim.read(lbn, cnt, start) : sim.write(lbn, cnt, start);
    out[i] = done - start;
    outcome[i] = sim.lastOutcome;
    start = done + trace.interarrivalMs[i];
  }
  return { simulatedServiceMs: out, outcome };
}

export interface ValidationClassResult {
  /** "R Miss", "R Hit", "W Doub", "W Trip", "reads", "writes" or "all". */
  label: string;
  count: number;
  measuredMeanMs: number;
  simulatedMeanMs: number;
  /** (simulated − measured) / measured. */
  meanErrorFrac: number;
  /** RMS horizontal distance between the CDFs (ms). */
  demeritMs: number;
  /** Demerit as a fraction of the measured mean. */
  demeritFrac: number;
  measuredMs: Float64Array;
  simulatedMs: Float64Array;
}

export interface DiskValidationResult {
  spec: DiskSimSpec;
  classes: ValidationClassResult[];
  readMiss: ValidationClassResult;
  all: ValidationClassResult;
  /** How the simulation served the requests the real drive reported as read misses / hits. */
  outcomeCounts: Record<string, Record<string, number>>;
  replayMs: number;
}

function classResult(label: string, idx: number[], measured: Float64Array, simulated: Float64Array): ValidationClassResult {
  const m = Float64Array.from(idx, (i) => measured[i]);
  const s = Float64Array.from(idx, (i) => simulated[i]);
  const mean = (a: Float64Array): number => a.reduce((x, y) => x + y, 0) / a.length;
  const mm = mean(m);
  const sm = mean(s);
  const d = cdfDemerit(s, m);
  return { label, count: idx.length, measuredMeanMs: mm, simulatedMeanMs: sm, meanErrorFrac: (sm - mm) / mm, demeritMs: d, demeritFrac: d / mm, measuredMs: m, simulatedMs: s };
}

/** Runs the whole validation: replay + per-class scores. */
export function runDiskValidation(): DiskValidationResult {
  const spec = hpC2247aSpec();
  const trace = hpC2247aTrace();
  const t0 = performance.now();
  const { simulatedServiceMs, outcome } = replayValidationTrace(spec, trace);
  const replayMs = performance.now() - t0;
  const groups = new Map<string, number[]>();
  const add = (k: string, i: number): void => {
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(i);
  };
  const outcomeCounts: Record<string, Record<string, number>> = {};
  for (let i = 0; i < trace.length; i++) {
    const label = `${trace.isRead[i] ? 'R' : 'W'} ${TRACE_BUFFER_ACTIONS[trace.action[i]]}`;
    add(label, i);
    add(trace.isRead[i] ? 'reads' : 'writes', i);
    add('all', i);
    const oc = (outcomeCounts[label] ??= {});
    oc[outcome[i]] = (oc[outcome[i]] ?? 0) + 1;
  }
  const order = ['R Miss', 'R Hit', 'W Doub', 'W Trip', 'reads', 'writes', 'all'];
  const classes = order.filter((k) => groups.has(k)).map((k) => classResult(k, groups.get(k)!, trace.measuredServiceMs, simulatedServiceMs));
  return {
    spec,
    classes,
    readMiss: classes.find((c) => c.label === 'R Miss')!,
    all: classes.find((c) => c.label === 'all')!,
    outcomeCounts,
    replayMs,
  };
}
