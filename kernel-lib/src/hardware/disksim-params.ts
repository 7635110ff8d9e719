/**
 * Reader for DiskSim's parameter-file syntax (libparam), enough for the validation drive's
 * .model, .diskspecs and .parv files (DiskSim 4, Ganger, Worthington, Patt; CMU PDL):
 *
 *   file   := (block | 'source' word | 'instantiate' ... | 'topology' ...)*
 *   block  := typeName name? '{' (param (',' param)* ','?)? '}'
 *   param  := key '=' value          (keys may contain spaces and dots)
 *   value  := number | word | typeName '{' ... '}' | '[' (value (',' value)*)? ']' | 'source' word
 *
 * Comments start with '#'. `instantiate` and `topology` statements are skipped (not needed).
 */
import { ParameterError } from '../core/validate.js';

export type DiskSimValue = number | string | DiskSimBlock | DiskSimValue[];
export interface DiskSimBlock {
  /** e.g. "disksim_disk", "dm_layout_g1_zone". */
  type: string;
  /** Instance name, e.g. "HP_C2247A_validate" (empty for nested blocks). */
  name: string;
  /** Parameters in file order, keyed by their text before '='. */
  params: Record<string, DiskSimValue>;
  /** Line (1-based) of each parameter in its file. */
  lines: Record<string, number>;
  /** The file the block was read from. */
  file: string;
}

class Reader {
  pos = 0;
  constructor(private readonly s: string, readonly file: string) {}
  line(): number {
    let n = 1;
    for (let i = 0; i < this.pos && i < this.s.length; i++) if (this.s.charCodeAt(i) === 10) n++;
    return n;
  }
  skipWs(): void {
    const s = this.s;
    for (;;) {
      while (this.pos < s.length && /\s/.test(s[this.pos])) this.pos++;
      if (s[this.pos] === '#') {
        while (this.pos < s.length && s[this.pos] !== '\n') this.pos++;
        continue;
      }
      return;
    }
  }
  peek(): string {
    this.skipWs();
    return this.s[this.pos] ?? '';
  }
  expect(ch: string): void {
    if (this.peek() !== ch) this.fail(`expected '${ch}'`);
    this.pos++;
  }
  word(): string {
    this.skipWs();
    const m = /^[A-Za-z0-9_.+\-\/]+/.exec(this.s.slice(this.pos, this.pos + 200));
    if (!m) this.fail('expected a word');
    this.pos += m![0].length;
    return m![0];
  }
  fail(msg: string): never {
    const line = this.s.slice(0, this.pos).split('\n').length;
    throw new ParameterError('disksim parameter file', `${this.file}:${line}`, '', 'valid DiskSim libparam syntax', msg);
  }
  eof(): boolean {
    this.skipWs();
    return this.pos >= this.s.length;
  }
}

function parseBlockBody(r: Reader, type: string, name: string): DiskSimBlock {
  r.expect('{');
  const params: Record<string, DiskSimValue> = {};
  const lines: Record<string, number> = {};
  while (r.peek() !== '}') {
    const eq = r['s'].indexOf('=', r.pos);
    if (eq < 0) r.fail("expected 'key = value'");
    const key = r['s'].slice(r.pos, eq).trim();
    if (key.includes('\n') || key.includes('}')) r.fail("expected 'key = value'");
    lines[key] = r.line();
    r.pos = eq + 1;
    params[key] = parseValue(r);
    if (r.peek() === ',') r.pos++;
  }
  r.expect('}');
  return { type, name, params, lines, file: r.file };
}

function parseValue(r: Reader): DiskSimValue {
  const c = r.peek();
  if (c === '[') {
    r.pos++;
    const items: DiskSimValue[] = [];
    while (r.peek() !== ']') {
      items.push(parseValue(r));
      if (r.peek() === ',') r.pos++;
    }
    r.pos++;
    return items;
  }
  const w = r.word();
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(w)) return Number(w);
  if (w === 'source') return `source ${r.word()}`;
  if (r.peek() === '{') return parseBlockBody(r, w, '');
  return w;
}

/** Parses a DiskSim parameter file into its top-level blocks (and `source` lines as strings). */
export function parseDiskSimParams(text: string, file = 'input'): Array<DiskSimBlock | string> {
  const r = new Reader(text, file);
  const out: Array<DiskSimBlock | string> = [];
  while (!r.eof()) {
    const w = r.word();
    if (w === 'source') {
      out.push(`source ${r.word()}`);
      continue;
    }
    if (w === 'instantiate' || w === 'topology') {
      // skip to the end of the statement: balanced brackets, then the next top-level keyword
      let depth = 0;
      const s = r['s'];
      while (r.pos < s.length) {
        const ch = s[r.pos];
        if (ch === '#') {
          while (r.pos < s.length && s[r.pos] !== '\n') r.pos++;
          continue;
        }
        if (ch === '[') depth++;
        if (ch === ']') {
          depth--;
          if (depth === 0) {
            r.pos++;
            break;
          }
        }
        r.pos++;
      }
      if (w === 'instantiate') {
        r.word(); // 'as'
        r.word(); // type name
      }
      continue;
    }
    let name = '';
    if (r.peek() !== '{') name = r.word();
    out.push(parseBlockBody(r, w, name));
  }
  return out;
}

/** The first top-level block of a type (optionally with a given name). */
export function findDiskSimBlock(items: Array<DiskSimBlock | string>, type: string, name?: string): DiskSimBlock {
  for (const it of items) {
    if (typeof it !== 'string' && it.type === type && (name === undefined || it.name === name)) return it;
  }
  throw new ParameterError('disksim block', name ? `${type} ${name}` : type, '', 'present in the parameter file');
}

/** A numeric parameter of a block. */
export function diskSimNumber(b: DiskSimBlock, key: string): number {
  const v = b.params[key];
  if (typeof v !== 'number') throw new ParameterError(`${b.type}.${key}`, v, '', 'a number in the parameter file');
  return v;
}
