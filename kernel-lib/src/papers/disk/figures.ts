/**
 * Figures of the disk notebooks (hardware-tour, disk-validation), in the house layout.
 */
import { empiricalCdf } from '../../metrics/cdf-demerit.js';
import { PALETTE, paperLayout } from '../../notebook/style.js';
import type { DriveValidationResult, ValidationClassResult } from './disk-validation.js';
import type { AblationRow } from './disk-validation-ablation.js';
import type { DeviceTour } from './hardware-tour.js';

export interface Figure {
  data: Array<Record<string, unknown>>;
  layout: Record<string, unknown>;
}

/** f(0, k) against the page distance k for every device, with G<sub>0</sub> dashed. */
export function hardwareTourFFigure(devices: readonly DeviceTour[], pageBytes: number): Figure {
  return {
    data: devices.flatMap((d, i) => [
      { type: 'scatter', x: d.distancePages, y: d.fMs, name: `${d.name}: f(0, k)`, mode: 'lines', line: { color: PALETTE[i] } },
      {
        type: 'scatter',
        x: [1, d.distancePages[d.distancePages.length - 1]],
        y: [d.g0Ms, d.g0Ms],
        name: `${d.name}: G<sub>0</sub> = ${d.g0Ms.toFixed(3)} ms`,
        mode: 'lines',
        line: { color: PALETTE[i], dash: 'dash', width: 1 },
      },
    ]),
    layout: paperLayout({ title: `f(prev, page) for ${pageBytes / 1024} KiB pages (modeled)`, xTitle: 'distance k (pages)', yTitle: 'f (ms)', xType: 'log', yType: 'log', legend: 'below', size: 'double' }),
  };
}

/** The fitted seek curves of the HDD profiles, with the datasheet points and the cutoff. */
export function hardwareTourSeekFigure(devices: readonly DeviceTour[]): Figure {
  const hdds = devices.filter((d) => d.kind === 'hdd' && d.seekCurve && d.hdd);
  return {
    data: hdds.flatMap((d, i) => [
      { type: 'scatter', x: d.seekCurve!.distanceCyl, y: d.seekCurve!.seekMs, name: `${d.name} seek curve`, mode: 'lines', line: { color: PALETTE[i] } },
      { type: 'scatter', x: [1], y: [d.hdd!.trackToTrackMs], name: `${d.name} track-to-track`, mode: 'markers', marker: { color: PALETTE[i], symbol: 'circle' } },
      {
        type: 'scatter',
        x: [1, d.seekCurve!.cylinders],
        y: [d.hdd!.datasheetAvgSeekMs, d.hdd!.datasheetAvgSeekMs],
        name: `${d.name} datasheet average`,
        mode: 'lines',
        line: { color: PALETTE[i], dash: 'dot', width: 1 },
      },
      { type: 'scatter', x: [d.seekCurve!.cutoffCyl], y: [d.seekCurve!.cutoffSeekMs], name: `${d.name} cutoff`, mode: 'markers', marker: { color: PALETTE[i], symbol: 'x', size: 9 } },
    ]),
    layout: paperLayout({ title: 'Seek time against distance (modeled)', xTitle: 'seek distance (cylinders)', yTitle: 'seek (ms)', xType: 'log', legend: 'below', size: 'double' }),
  };
}

/** Measured (solid) and simulated (dashed) service-time CDFs of one class of one drive; `points` quantiles per curve. */
export function validationCdfFigure(drive: string, c: ValidationClassResult, points: number, colorIndex = 0): Figure {
  const m = empiricalCdf(c.measuredMs, points);
  const s = empiricalCdf(c.simulatedMs, points);
  return {
    data: [
      { type: 'scatter', x: Array.from(m.x), y: Array.from(m.p), name: 'measured (real drive)', mode: 'lines', line: { color: PALETTE[colorIndex] } },
      { type: 'scatter', x: Array.from(s.x), y: Array.from(s.p), name: 'simulated', mode: 'lines', line: { color: PALETTE[colorIndex + 1], dash: 'dash' } },
    ],
    layout: paperLayout({
      title: `${drive}, ${c.label === 'all' ? 'all requests' : c.label}: demerit ${c.demeritMs.toFixed(3)} ms, mean error ${(100 * c.meanErrorFrac).toFixed(1)} %`,
      xTitle: 'service time (ms)',
      yTitle: 'cumulative fraction',
      legend: 'below',
      size: 'single',
    }),
  };
}

/** One CDF figure per drive (all requests). */
export function validationDriveFigures(drives: readonly DriveValidationResult[], points: number): Array<{ name: string; figure: Figure }> {
  return drives.map((d) => ({ name: `disk-validation-cdf-${d.drive}`, figure: validationCdfFigure(d.drive, d.all, points) }));
}

/** Our demerit against DiskSim's own, per drive (bars). */
export function validationDemeritFigure(drives: readonly DriveValidationResult[], disksimOwnMs: Readonly<Record<string, number>>): Figure {
  const names = drives.map((d) => d.drive);
  return {
    data: [
      { type: 'bar', x: names, y: drives.map((d) => d.all.demeritMs), name: 'this simulation', marker: { color: PALETTE[0] } },
      { type: 'bar', x: names, y: names.map((n) => disksimOwnMs[n] ?? null), name: 'DiskSim (published)', marker: { color: PALETTE[2] } },
    ],
    layout: paperLayout({ title: 'RMS demerit against the real drives (all requests)', xTitle: 'drive', yTitle: 'demerit (ms)', barmode: 'group', legend: 'inside', size: 'double' }),
  };
}

/** Demerit of each ablation variant (bars). */
export function ablationFigure(drive: string, rows: readonly AblationRow[]): Figure {
  return {
    data: [{ type: 'bar', x: rows.map((r) => r.variant), y: rows.map((r) => r.demeritMs), name: 'demerit', marker: { color: PALETTE[0] } }],
    layout: paperLayout({ title: `${drive}: demerit with one feature removed (simulated)`, xTitle: 'variant', yTitle: 'demerit (ms)', yType: 'log', legend: 'none', size: 'single' }),
  };
}
