/**
 * Where a notebook run's time went, from run_notebook.py's --timing file (kernel start, each
 * cell, shutdown), kernel-lib's KERNEL_LIB_TIMING_FILE lines (opening the browser session in the
 * kernel) and the runner's own clock (waiting for the shared browser, export, HTML).
 */
import { existsSync, readFileSync } from 'node:fs';
import { sourceText, type Notebook } from './notebook-format.js';

export interface NotebookTiming {
  totalSeconds: number;
  /** Waiting for the run's shared browser server to start (only the first notebooks wait). */
  browserWaitSeconds: number;
  /** The Python executor: importing nbclient, starting the kernel, running, shutting down. */
  kernelProcessSeconds: number;
  pythonImportsSeconds: number | null;
  /** From nbclient ready to the kernel answering (tslab start). */
  kernelStartSeconds: number | null;
  /** Every executed cell: index, seconds, its first line. The first includes tslab's first compile. */
  cells: { index: number; seconds: number; firstLine: string }[];
  cellsSeconds: number;
  shutdownSeconds: number | null;
  /** Opening the browser session inside the kernel (connect to the shared one, or launch one). */
  kernelBrowser: { mode: 'connect' | 'launch' | 'none'; seconds: number };
  exportSeconds: number;
  exportPerFigure: { figure: string; seconds: number }[];
  htmlSeconds: number;
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

export function readTiming(
  timingFile: string,
  kernelTimingFile: string,
  executed: Notebook,
  runner: { browserWaitSeconds: number; kernelSeconds: number; exportSeconds: number; exportPerFigure: { figure: string; seconds: number }[]; htmlSeconds: number; totalSeconds: number },
): NotebookTiming {
  const py = existsSync(timingFile)
    ? (JSON.parse(readFileSync(timingFile, 'utf8')) as { importsSeconds: number; kernelReadySeconds: number | null; executedSeconds: number; cells: [number, number][] })
    : null;
  const cells = (py?.cells ?? []).map(([index, seconds]) => ({
    index,
    seconds: r3(seconds),
    firstLine: (executed.cells[index] ? sourceText(executed.cells[index]).split('\n')[0] : '').slice(0, 80),
  }));
  const cellsSeconds = cells.reduce((a, c) => a + c.seconds, 0);
  const events = existsSync(kernelTimingFile)
    ? readFileSync(kernelTimingFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { event: string; seconds: number })
    : [];
  const browserEvents = events.filter((e) => e.event === 'browser-connect' || e.event === 'browser-launch');
  const mode = browserEvents.length === 0 ? 'none' : browserEvents.some((e) => e.event === 'browser-launch') ? 'launch' : 'connect';
  return {
    totalSeconds: r3(runner.totalSeconds),
    browserWaitSeconds: r3(runner.browserWaitSeconds),
    kernelProcessSeconds: r3(runner.kernelSeconds - runner.browserWaitSeconds),
    pythonImportsSeconds: py ? r3(py.importsSeconds) : null,
    kernelStartSeconds: py?.kernelReadySeconds != null ? r3(py.kernelReadySeconds - py.importsSeconds) : null,
    cells,
    cellsSeconds: r3(cellsSeconds),
    shutdownSeconds: py?.kernelReadySeconds != null ? r3(py.executedSeconds - py.kernelReadySeconds - cellsSeconds) : null,
    kernelBrowser: { mode, seconds: r3(browserEvents.reduce((a, e) => a + e.seconds, 0)) },
    exportSeconds: r3(runner.exportSeconds),
    exportPerFigure: runner.exportPerFigure.map((e) => ({ figure: e.figure, seconds: r3(e.seconds) })),
    htmlSeconds: r3(runner.htmlSeconds),
  };
}
