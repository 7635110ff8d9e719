/**
 * Tables in notebooks: an arquero table (or plain rows) shown as HTML plus a text rendering.
 */
import type { ColumnTable } from '../core/arquero.js';
import { displayBundle } from './display.js';

export type Row = Record<string, unknown>;

function isTable(x: unknown): x is ColumnTable {
  return !!x && typeof (x as ColumnTable).objects === 'function' && typeof (x as ColumnTable).columnNames === 'function';
}

function formatCell(v: unknown, digits: number): string {
  if (typeof v === 'number') {
    if (Number.isInteger(v)) return String(v);
    if (!Number.isFinite(v)) return String(v);
    const a = Math.abs(v);
    return a !== 0 && (a < 1e-3 || a >= 1e7) ? v.toExponential(digits - 1) : String(Number(v.toPrecision(digits)));
  }
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Plain text table with aligned columns. */
export function textTable(rows: readonly Row[], columns?: string[], digits = 4): string {
  const cols = columns ?? Array.from(new Set(rows.flatMap((r) => Object.keys(r))));
  const cells = rows.map((r) => cols.map((c) => formatCell(r[c], digits)));
  const widths = cols.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i].length)));
  const line = (vals: string[]) => vals.map((v, i) => v.padEnd(widths[i])).join('  ').trimEnd();
  return [line(cols), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

/** HTML table; `rowClass` may give a CSS class per row (e.g. pass/fail). */
export function htmlTable(rows: readonly Row[], columns?: string[], digits = 4, rowStyle?: (r: Row) => string): string {
  const cols = columns ?? Array.from(new Set(rows.flatMap((r) => Object.keys(r))));
  const head = cols.map((c) => `<th style="text-align:left">${escapeHtml(c)}</th>`).join('');
  const body = rows
    .map((r) => {
      const style = rowStyle ? ` style="${rowStyle(r)}"` : '';
      return `<tr${style}>${cols.map((c) => `<td style="text-align:left">${escapeHtml(formatCell(r[c], digits))}</td>`).join('')}</tr>`;
    })
    .join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

export interface ShowTableOptions {
  /** Rows shown at most (default 50). */
  limit?: number;
  /** Significant digits for numbers (default 4). */
  digits?: number;
  title?: string;
}

/** Shows an arquero table or an array of row objects as HTML + text. */
export function showTable(table: ColumnTable | readonly Row[], opts: ShowTableOptions = {}): void {
  const limit = opts.limit ?? 50;
  const all: Row[] = isTable(table) ? (table.objects() as Row[]) : [...table];
  const columns = isTable(table) ? table.columnNames() : undefined;
  const rows = all.slice(0, limit);
  const more = all.length > limit ? `\n… ${all.length - limit} more rows` : '';
  const title = opts.title ? `<p><b>${escapeHtml(opts.title)}</b></p>` : '';
  displayBundle({
    'text/html': title + htmlTable(rows, columns, opts.digits) + (more ? `<p>${escapeHtml(more)}</p>` : ''),
    'text/plain': (opts.title ? opts.title + '\n' : '') + textTable(rows, columns, opts.digits) + more,
  });
}
