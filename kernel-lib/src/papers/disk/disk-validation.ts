/**
 * Validation of the detailed disk simulation (hardware/disk-sim.ts) against real drives: the traces
 * of DiskSim's validation suite (7,980–10,000 requests per drive with the drive's measured service
 * times). Each drive is configured only from DiskSim's own parameter files for it (read by
 * hardware/disksim-spec.ts), replays its trace with its interarrival times, and is scored as DiskSim
 * scores a model: the RMS horizontal distance between the simulated and measured service-time CDFs
 * ("demerit", Ruemmler & Wilkes 1994). Nothing here knows a drive: the drives are the folders of
 * data/disk/disksim-validation/, each with one .parv (which sources the rest) and one .trace.
 * Data and licence: data/disk/disksim-validation/ (BSD-3-Clause + University of Michigan notice).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataPath } from '../../core/data-path.js';
import { ParameterError, requireOneOf } from '../../core/validate.js';
import { DiskSim, type DiskSimSpec } from '../../hardware/disk-sim.js';
import { diskSimSpecFromFolder } from '../../hardware/disksim-spec.js';
import { parseValidationTrace, TRACE_BUFFER_ACTIONS, type ValidationTrace } from '../../hardware/disk-trace.js';
import { cdfDemerit } from '../../metrics/cdf-demerit.js';
// simple-statistics: its CommonJS build ("require" export condition) is loaded with require(), as in
// papers/b-reorg; the type-only import is of the ESM typings.
// @ts-ignore TS1479: a type-only import of an ESM package; the value is loaded with require() below.
import type * as SimpleStatistics from 'simple-statistics';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { mean }: typeof SimpleStatistics = require('simple-statistics');

export const DISKSIM_VALIDATION_DIR = 'disk/disksim-validation';

function driveDir(drive: string): string {
  const dir = dataPath(DISKSIM_VALIDATION_DIR, drive);
  if (!/^[A-Za-z0-9_.\-]+$/.test(drive) || !existsSync(dir)) {
    throw new ParameterError('drive', drive, '', `one of ${diskSimDrives().join(', ')} (folders of data/${DISKSIM_VALIDATION_DIR})`);
  }
  return dir;
}

/** The one file of the drive's folder with extension `ext`. */
function onlyFile(drive: string, ext: string): string {
  const files = readdirSync(driveDir(drive)).filter((f) => f.endsWith(ext));
  if (files.length !== 1) throw new ParameterError(`${drive}/*${ext}`, files.length, 'files', 'exactly 1');
  return files[0];
}

/** The validated drives: every folder of data/disk/disksim-validation/ that holds a .parv file. */
export function diskSimDrives(): string[] {
  const root = dataPath(DISKSIM_VALIDATION_DIR);
  return readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && readdirSync(join(root, e.name)).some((f) => f.endsWith('.parv')))
    .map((e) => e.name)
    .sort();
}

/** A drive's spec, built from DiskSim's files in its folder. */
export function diskSimDriveSpec(drive: string): DiskSimSpec {
  const dir = driveDir(drive);
  return diskSimSpecFromFolder((name) => readFileSync(join(dir, name), 'utf8'), onlyFile(drive, '.parv'), drive);
}

/** A drive's measured trace. */
export function diskSimDriveTrace(drive: string): ValidationTrace {
  return parseValidationTrace(readFileSync(join(driveDir(drive), onlyFile(drive, '.trace')), 'utf8'));
}

/**
 * Replays a trace: simulated service time (ms) of every request.
 * Timing as DiskSim's validate mode does it (disksim_iodriver.c, iodriver_access_complete, and
 * disksim_iotrace.c, iotrace_validate_get_ioreq_event): the next request is read when the current
 * one completes and arrives `interarrival` after that completion, so the drive serves one request
 * at a time and never queues.
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

export interface DriveValidationResult {
  drive: string;
  spec: DiskSimSpec;
  requests: number;
  /** All requests, then (when the trace carries more than one buffer-action label) per class. */
  classes: ValidationClassResult[];
  all: ValidationClassResult;
  /** How the simulation served the requests of each trace label. */
  outcomeCounts: Record<string, Record<string, number>>;
  /** Wall time of the replay (ms). */
  replayMs: number;
}

export interface DiskValidationResult {
  drives: DriveValidationResult[];
  totalRequests: number;
  totalReplayMs: number;
  /** Simulated requests per second of wall time over all traces. */
  requestsPerSecond: number;
}

function classResult(label: string, idx: number[], measured: Float64Array, simulated: Float64Array): ValidationClassResult {
  const m = Float64Array.from(idx, (i) => measured[i]);
  const s = Float64Array.from(idx, (i) => simulated[i]);
  const mm = mean(Array.from(m));
  const sm = mean(Array.from(s));
  const d = cdfDemerit(s, m);
  return { label, count: idx.length, measuredMeanMs: mm, simulatedMeanMs: sm, meanErrorFrac: (sm - mm) / mm, demeritMs: d, demeritFrac: d / mm, measuredMs: m, simulatedMs: s };
}

/** Scores one drive: replay + scores over all requests (and per trace label when the labels are real). */
export function runDriveValidation(drive: string, specEdit: (s: DiskSimSpec) => DiskSimSpec = (s) => s): DriveValidationResult {
  const spec = specEdit(diskSimDriveSpec(drive));
  const trace = diskSimDriveTrace(drive);
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
  const labels = new Set<number>();
  for (let i = 0; i < trace.length; i++) labels.add(trace.action[i]);
  const labelled = labels.size > 1;
  for (let i = 0; i < trace.length; i++) {
    const label = `${trace.isRead[i] ? 'R' : 'W'} ${TRACE_BUFFER_ACTIONS[trace.action[i]]}`;
    add('all', i);
    if (labelled) {
      add(label, i);
      add(trace.isRead[i] ? 'reads' : 'writes', i);
    }
    const key = labelled ? label : trace.isRead[i] ? 'reads' : 'writes';
    const oc = (outcomeCounts[key] ??= {});
    oc[outcome[i]] = (oc[outcome[i]] ?? 0) + 1;
  }
  const order = ['all', 'R Miss', 'R Hit', 'W Doub', 'W Trip', 'reads', 'writes'];
  const classes = order.filter((k) => groups.has(k)).map((k) => classResult(k, groups.get(k)!, trace.measuredServiceMs, simulatedServiceMs));
  return { drive, spec, requests: trace.length, classes, all: classes[0], outcomeCounts, replayMs };
}

/**
 * Scores every drive of data/disk/disksim-validation/ (or the ones named; `param` is the name the
 * caller gave the list, for the error of an unknown drive).
 */
export function runDiskValidation(drives: readonly string[] = diskSimDrives(), param = 'drives'): DiskValidationResult {
  const known = diskSimDrives();
  if (!Array.isArray(drives) || drives.length === 0) throw new ParameterError(param, String(drives), 'drives', `a non-empty list of ${known.join(', ')}`);
  for (const d of drives) requireOneOf(param, d, known);
  const results = drives.map((d) => runDriveValidation(d));
  const totalRequests = results.reduce((s, r) => s + r.requests, 0);
  const totalReplayMs = results.reduce((s, r) => s + r.replayMs, 0);
  return { drives: results, totalRequests, totalReplayMs, requestsPerSecond: totalRequests / (totalReplayMs / 1000) };
}
