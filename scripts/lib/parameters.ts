/**
 * Parameter overrides for notebook runs (the papermill convention): the values are injected as a
 * new code cell tagged `injected-parameters` right after the cell tagged `parameters`.
 */
import { cellId, hasTag, sourceText, toLines, type Notebook, type NotebookCell } from './notebook-format.js';

export type ParamValue = string | number | boolean | unknown[] | Record<string, unknown>;

/** Parses `name=value`: numbers, true/false, JSON arrays/objects, else a string. */
export function parseParam(arg: string): [string, ParamValue] {
  const eq = arg.indexOf('=');
  if (eq <= 0) throw new Error(`parameter "${arg}" is not of the form name=value`);
  const name = arg.slice(0, eq).trim();
  if (!/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name)) throw new Error(`parameter name "${name}" is not a valid identifier`);
  const raw = arg.slice(eq + 1);
  let value: ParamValue = raw;
  if (/^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(raw.trim())) value = Number(raw);
  else if (raw === 'true' || raw === 'false') value = raw === 'true';
  else if (/^\s*[[{]/.test(raw)) {
    try {
      value = JSON.parse(raw) as ParamValue;
    } catch {
      throw new Error(`parameter ${name}: value ${raw} looks like JSON but does not parse`);
    }
  }
  return [name, value];
}

/** Names declared at top level of a parameters cell (`const x =`, `let y =`, `var z =`). */
export function declaredParameters(source: string): string[] {
  const names: string[] = [];
  const re = /^\s*(?:export\s+)?(?:const|let|var)\s+([A-Za-z_$][A-Za-z0-9_$]*)/gm;
  for (let m = re.exec(source); m; m = re.exec(source)) names.push(m[1]);
  return names;
}

/** The names declared in a notebook's `parameters` cell ([] if it has none). */
export function notebookParameters(nb: Notebook): string[] {
  const cell = nb.cells.find((c) => hasTag(c, 'parameters'));
  return cell ? declaredParameters(sourceText(cell)) : [];
}

/**
 * Splits overrides over several notebooks: each notebook gets the ones its parameters cell
 * declares; a name that no notebook declares is an error that lists what is declared.
 */
export function paramsPerNotebook(
  notebooks: { name: string; nb: Notebook }[],
  params: Record<string, ParamValue>,
): Map<string, Record<string, ParamValue>> {
  const out = new Map<string, Record<string, ParamValue>>();
  const used = new Set<string>();
  for (const { name, nb } of notebooks) {
    const declared = notebookParameters(nb);
    const mine: Record<string, ParamValue> = {};
    for (const [k, v] of Object.entries(params)) {
      if (declared.includes(k)) {
        mine[k] = v;
        used.add(k);
      }
    }
    out.set(name, mine);
  }
  const unknown = Object.keys(params).filter((k) => !used.has(k));
  if (unknown.length) {
    const lists = notebooks.map(({ name, nb }) => `${name}: ${notebookParameters(nb).join(', ') || '(none)'}`).join('; ');
    throw new Error(`unknown parameter${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')}; declared parameters are ${lists}`);
  }
  return out;
}

/**
 * Returns a copy of the notebook with an `injected-parameters` cell after the `parameters` cell.
 * Throws if the notebook has no parameters cell or a name is not declared there.
 */
export function injectParameters(nb: Notebook, params: Record<string, ParamValue>, notebookName: string): Notebook {
  const names = Object.keys(params);
  const copy: Notebook = JSON.parse(JSON.stringify(nb)) as Notebook;
  copy.cells = copy.cells.filter((c) => !hasTag(c, 'injected-parameters'));
  if (names.length === 0) return copy;
  const index = copy.cells.findIndex((c) => hasTag(c, 'parameters'));
  if (index < 0) throw new Error(`${notebookName}: no cell tagged "parameters" to override`);
  const declared = declaredParameters(sourceText(copy.cells[index]));
  for (const n of names) {
    if (!declared.includes(n)) {
      throw new Error(`${notebookName}: unknown parameter "${n}"; the parameters cell declares: ${declared.join(', ') || '(nothing)'}`);
    }
  }
  const lines = ['// Parameters injected by the runner (override the cell above)'];
  for (const n of names) lines.push(`const ${n} = ${JSON.stringify(params[n])};`);
  const cell: NotebookCell = {
    cell_type: 'code',
    id: cellId(`${notebookName}-injected`, 0),
    metadata: { tags: ['injected-parameters'] },
    source: toLines(lines.join('\n')),
    outputs: [],
    execution_count: null,
  };
  copy.cells.splice(index + 1, 0, cell);
  return copy;
}
