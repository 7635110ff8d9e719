/**
 * Reading and writing Jupyter notebooks (nbformat 4.5, with cell ids) for the tslab kernel.
 * Used by the runner (parameter injection), the HTML page writer and `nbgen`.
 */
import { createHash } from 'node:crypto';

export interface NotebookCell {
  cell_type: 'markdown' | 'code' | 'raw';
  id: string;
  metadata: { tags?: string[]; [k: string]: unknown };
  source: string | string[];
  outputs?: NotebookOutput[];
  execution_count?: number | null;
}

export interface NotebookOutput {
  output_type: 'stream' | 'display_data' | 'execute_result' | 'error';
  name?: 'stdout' | 'stderr';
  text?: string | string[];
  data?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
  ename?: string;
  evalue?: string;
  traceback?: string[];
}

export interface Notebook {
  cells: NotebookCell[];
  metadata: Record<string, unknown>;
  nbformat: 4;
  nbformat_minor: number;
}

export const TSLAB_METADATA = {
  kernelspec: { display_name: 'TypeScript', language: 'typescript', name: 'tslab' },
  language_info: {
    codemirror_mode: { mode: 'typescript', name: 'javascript', typescript: true },
    file_extension: '.ts',
    mimetype: 'text/typescript',
    name: 'typescript',
    version: '5.0.4',
  },
};

export function sourceText(cell: Pick<NotebookCell, 'source'>): string {
  return Array.isArray(cell.source) ? cell.source.join('') : cell.source;
}

export function outputText(out: NotebookOutput): string {
  if (out.text === undefined) return '';
  return Array.isArray(out.text) ? out.text.join('') : out.text;
}

/** Splits text into nbformat's list-of-lines form (each line keeps its newline). */
export function toLines(text: string): string[] {
  const lines = text.split('\n');
  return lines.map((l, i) => (i < lines.length - 1 ? l + '\n' : l)).filter((l) => l !== '');
}

/** A stable cell id derived from the notebook name and the cell's position. */
export function cellId(seed: string, index: number): string {
  return createHash('sha1').update(`${seed}#${index}`).digest('hex').slice(0, 8);
}

export function hasTag(cell: NotebookCell, tag: string): boolean {
  return Array.isArray(cell.metadata?.tags) && cell.metadata.tags.includes(tag);
}

export function serializeNotebook(nb: Notebook): string {
  return JSON.stringify(nb, null, 1) + '\n';
}

/**
 * Parses the "percent" text form used to author notebooks:
 *   `# %% [markdown]` starts a markdown cell (its lines may start with `# ` or not),
 *   `# %%` starts a code cell, `# %% tags=["parameters"]` a tagged one.
 */
export function notebookFromPercent(text: string, seed: string): Notebook {
  const cells: NotebookCell[] = [];
  let current: { type: 'markdown' | 'code'; tags: string[]; lines: string[] } | null = null;
  const flush = () => {
    if (!current) return;
    let lines = current.lines;
    while (lines.length && lines[lines.length - 1].trim() === '') lines = lines.slice(0, -1);
    while (lines.length && lines[0].trim() === '') lines = lines.slice(1);
    if (current.type === 'markdown') lines = lines.map((l) => l.replace(/^# ?/, ''));
    const metadata: NotebookCell['metadata'] = current.tags.length ? { tags: current.tags } : {};
    const cell: NotebookCell = {
      cell_type: current.type,
      id: cellId(seed, cells.length),
      metadata,
      source: toLines(lines.join('\n')),
    };
    if (current.type === 'code') {
      cell.execution_count = null;
      cell.outputs = [];
    }
    cells.push(cell);
  };
  for (const line of text.split('\n')) {
    const m = /^# %%(.*)$/.exec(line);
    if (m) {
      flush();
      const rest = m[1];
      const tagsMatch = /tags=(\[[^\]]*\])/.exec(rest);
      current = {
        type: /\[markdown\]/.test(rest) ? 'markdown' : 'code',
        tags: tagsMatch ? (JSON.parse(tagsMatch[1]) as string[]) : [],
        lines: [],
      };
    } else if (current) {
      current.lines.push(line);
    }
  }
  flush();
  return { cells, metadata: TSLAB_METADATA, nbformat: 4, nbformat_minor: 5 };
}

/** The reverse of notebookFromPercent (outputs are dropped). */
export function notebookToPercent(nb: Notebook): string {
  const parts: string[] = [];
  for (const cell of nb.cells) {
    const tags = cell.metadata?.tags?.length ? ` tags=${JSON.stringify(cell.metadata.tags)}` : '';
    const src = sourceText(cell);
    if (cell.cell_type === 'markdown') {
      parts.push(`# %% [markdown]${tags}\n` + src.split('\n').map((l) => (l ? `# ${l}` : '#')).join('\n'));
    } else {
      parts.push(`# %%${tags}\n${src}`);
    }
  }
  return parts.join('\n\n') + '\n';
}
