/**
 * Check specs of the disk notebooks (hardware-tour, disk-validation): the one place where a
 * published number (a datasheet's, DiskSim's) or a target is written.
 */
import { ParameterError } from '../../core/validate.js';
import { atMost, rel, type CheckSpec } from '../../notebook/checks.js';
import type { DiskValidationResult } from './disk-validation.js';
import type { DeviceTour } from './hardware-tour.js';

/**
 * DiskSim's own demerit (ms, all requests) for each validated drive: DiskSim's `runvalid` output as
 * tabulated in ../shared/data/disksim-validation/README.md; the ST41601N has no `runvalid` figure
 * there, the DiskSim 4.0 manual gives "about 0.075 ms".
 */
export const DISKSIM_OWN_DEMERIT_MS: Readonly<Record<string, number>> = {
  hp_c2247a: 0.09,
  hp_c3323a: 0.306,
  hp_c2490a: 0.254,
  dec_rz26: 0.34,
  st41601n: 0.075,
  cheetah4LP: 0.318,
  atlas10k: 0.268,
};

/** Bound on |mean error| of the simulated service time, per drive (issue 11). */
export const DISK_VALIDATION_MEAN_ERROR_PCT = 3;
/** Targets for read misses of a drive whose trace labels them (issue 3). */
export const READ_MISS_MEAN_ERROR_PCT = 10;
export const READ_MISS_DEMERIT_MS = 1.5;

/**
 * Drives where the model is known not to reach a target, with the mechanism that is missing
 * (key: check id). Every entry is shown with its check, which is still evaluated.
 */
export const DISK_VALIDATION_KNOWN_DEVIATIONS: Readonly<Record<string, string>> = {
  'disk-val-hp_c2247a-demerit':
    'writes ("W Doub" class demerit about 0.5 ms): for a write that follows a write, the real drive sometimes misses ' +
    'the target sector and waits a revolution (12–13 ms) where the simulation reaches it (1.7–2 ms), and the other way ' +
    'round; the time from a write command to its first media access, which DiskSim derives from its event-driven ' +
    'controller (disconnect, reconnection at the write watermark, reselection, completion handshake), is a fixed sum ' +
    'of the file’s overheads here',
  'disk-val-dec_rz26-demerit':
    'command overheads of the parameter file: the drive serves a one-block read hit in about 1.10 ms, less than the ' +
    'file’s read-hit overhead alone (1.229 ms), and writes after reads take 1–3 ms longer than the file’s write ' +
    'overhead and the mechanics give; the simulation applies the listed overheads as DiskSim does',
  'disk-val-cheetah4LP-mean':
    'command overheads of the parameter file: the drive takes about 0.47 ms for every write and 0.27 ms for a read hit ' +
    'after a read, while the file gives 0.095 ms (write after write) and 0.068 ms (read hit after read), which the ' +
    'simulation applies as DiskSim does (by the previous request’s type: disksim_diskctlr.c, lastflags)',
  'disk-val-st41601n-demerit':
    'read hits: the drive takes about 0.05 ms more per hit than the sum of the file’s hit and completion overheads and ' +
    'the bus time, which is what the simulation charges (2.6 % above DiskSim’s 0.075 ms)',
};

/** Checks of the disk-validation notebook: per drive, demerit ≤ DiskSim's and |mean error| ≤ 3 %; per labelled class, read misses. */
export function diskValidationChecks(v: DiskValidationResult): CheckSpec[] {
  const out: CheckSpec[] = [];
  for (const d of v.drives) {
    const own = DISKSIM_OWN_DEMERIT_MS[d.drive];
    if (own === undefined) throw new ParameterError('drive', d.drive, '', `one with a published DiskSim demerit (${Object.keys(DISKSIM_OWN_DEMERIT_MS).join(', ')})`);
    const dem = `disk-val-${d.drive}-demerit`;
    const mean = `disk-val-${d.drive}-mean`;
    out.push({
      id: dem,
      claim: `${d.drive}: RMS demerit of the simulated vs measured service-time CDFs ≤ DiskSim's own`,
      paper: `≤ ${own} ms`,
      ours: d.all.demeritMs,
      tolerance: atMost(own),
      kind: 'predicted',
      unit: 'ms',
      knownDeviation: DISK_VALIDATION_KNOWN_DEVIATIONS[dem],
    });
    out.push({
      id: mean,
      claim: `${d.drive}: |simulated − measured| mean service time, all requests`,
      paper: `≤ ${DISK_VALIDATION_MEAN_ERROR_PCT} %`,
      ours: Math.abs(100 * d.all.meanErrorFrac),
      tolerance: atMost(DISK_VALIDATION_MEAN_ERROR_PCT),
      kind: 'predicted',
      unit: '%',
      knownDeviation: DISK_VALIDATION_KNOWN_DEVIATIONS[mean],
    });
    const miss = d.classes.find((c) => c.label === 'R Miss');
    if (miss) {
      out.push({
        id: `disk-val-${d.drive}-miss-mean`,
        claim: `${d.drive}: read misses (labelled by the real drive): |simulated − measured| mean service time`,
        paper: `≤ ${READ_MISS_MEAN_ERROR_PCT} %`,
        ours: Math.abs(100 * miss.meanErrorFrac),
        tolerance: atMost(READ_MISS_MEAN_ERROR_PCT),
        kind: 'predicted',
        unit: '%',
      });
      out.push({
        id: `disk-val-${d.drive}-miss-demerit`,
        claim: `${d.drive}: read misses: RMS demerit of the service-time CDFs`,
        paper: `≤ ${READ_MISS_DEMERIT_MS} ms`,
        ours: miss.demeritMs,
        tolerance: atMost(READ_MISS_DEMERIT_MS),
        kind: 'predicted',
        unit: 'ms',
      });
    }
  }
  return out;
}

/** Checks of the hardware tour: each HDD profile's mean seek (calibrated) and simulated rotational latency (predicted) against its datasheet. */
export function hardwareTourChecks(devices: readonly DeviceTour[]): CheckSpec[] {
  return devices
    .filter((d) => d.kind === 'hdd' && d.hdd)
    .flatMap((d) => [
      {
        id: `${d.name}-avg-seek`,
        claim: `${d.name}: mean seek over random page pairs = datasheet average seek`,
        paper: d.hdd!.datasheetAvgSeekMs,
        ours: d.hdd!.randomPairMeanSeekMs,
        tolerance: rel(0.1),
        kind: 'calibrated' as const,
        unit: 'ms',
      },
      {
        id: `${d.name}-rot-latency`,
        claim: `${d.name}: simulated mean rotational latency = datasheet average latency`,
        paper: d.hdd!.datasheetAvgLatencyMs,
        ours: d.hdd!.simulatedMeanRotationalLatencyMs,
        tolerance: rel(0.05),
        kind: 'predicted' as const,
        unit: 'ms',
      },
    ]);
}
