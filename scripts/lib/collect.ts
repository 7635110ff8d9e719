/**
 * Reads what an executed notebook produced: the check results (kernel-lib's CHECKS_MIME output)
 * and the plotly figures shown with kernel-lib's show() (named in their output metadata).
 */
import type { Notebook } from './notebook-format.js';

// Kept in step with kernel-lib/src/notebook/checks.ts and figure.ts (asserted in a test).
export const CHECKS_MIME = 'application/vnd.kernel-lib.checks+json';
export const PLOTLY_MIME = 'application/vnd.plotly.v1+json';
export const FIGURE_METADATA_KEY = 'kernel-lib/figure';

export interface CollectedCheck {
  id: string;
  claim: string;
  paper: number | string;
  ours: number | string;
  tolerance: string;
  kind: 'predicted' | 'calibrated' | 'derived';
  pass: boolean;
  unit?: string;
  /** The notebook declared that the model does not reproduce this number, and why. */
  knownDeviation?: string;
}

/** Failing checks split into declared known deviations and unexpected failures. */
export function classifyChecks(checks: readonly CollectedCheck[]): {
  unexpected: CollectedCheck[];
  deviations: CollectedCheck[];
  /** Declared deviations that pass now: the declaration is stale. */
  stale: CollectedCheck[];
} {
  return {
    unexpected: checks.filter((c) => !c.pass && !c.knownDeviation),
    deviations: checks.filter((c) => !c.pass && c.knownDeviation),
    stale: checks.filter((c) => c.pass && c.knownDeviation),
  };
}

export interface CollectedFigure {
  name: string;
  widthPx: number;
  heightPx: number;
  figure: { data: Record<string, unknown>[]; layout: Record<string, unknown> };
}

export function collectChecks(nb: Notebook): CollectedCheck[] {
  const out: CollectedCheck[] = [];
  for (const cell of nb.cells) {
    for (const o of cell.outputs ?? []) {
      const payload = o.data?.[CHECKS_MIME] as { checks?: CollectedCheck[] } | undefined;
      if (payload?.checks) out.push(...payload.checks);
    }
  }
  return out;
}

export function collectFigures(nb: Notebook): CollectedFigure[] {
  const out: CollectedFigure[] = [];
  const seen = new Map<string, number>();
  for (const cell of nb.cells) {
    for (const o of cell.outputs ?? []) {
      const fig = o.data?.[PLOTLY_MIME] as CollectedFigure['figure'] | undefined;
      if (!fig) continue;
      const meta = (o.metadata?.[FIGURE_METADATA_KEY] ?? {}) as Partial<CollectedFigure>;
      let name = meta.name ?? `figure-${out.length + 1}`;
      const n = (seen.get(name) ?? 0) + 1;
      seen.set(name, n);
      if (n > 1) name = `${name}-${n}`;
      out.push({
        name,
        widthPx: meta.widthPx ?? (fig.layout?.width as number) ?? 672,
        heightPx: meta.heightPx ?? (fig.layout?.height as number) ?? 288,
        figure: fig,
      });
    }
  }
  return out;
}
