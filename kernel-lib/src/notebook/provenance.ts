/**
 * Where an exported figure came from, written into the file itself so that a figure in a paper
 * can be traced to its run: the figure's name (as title), the project's version, the commit,
 * and a hash of the notebook's parameters. SVG gets an RDF/Dublin Core `<metadata>` block,
 * PDF an updated document information dictionary (ISO 32000-1 §14.3.3, appended as an
 * incremental update, §7.5.6, so Chromium's bytes stay as they are).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface FigureProvenance {
  /** The figure's name (file stem), used as the document title. */
  title: string;
  /** The project's version (package.json). */
  version: string;
  /** `git rev-parse HEAD` of the checkout, with "+dirty" when tracked files are modified; "unknown" outside git. */
  commit: string;
  /** First 16 hex digits of SHA-256 over the parameters as canonical JSON; "none" when not given. */
  paramsHash: string;
}

/** The checkout root: kernel-lib's parent folder (the same from src/ under tsx and from dist/). */
function projectRoot(): string {
  return join(__dirname, '..', '..', '..');
}

let cachedVersion: string | null = null;
function projectVersion(): string {
  if (cachedVersion) return cachedVersion;
  for (const p of [join(projectRoot(), 'package.json'), join(__dirname, '..', '..', 'package.json')]) {
    if (!existsSync(p)) continue;
    const v = (JSON.parse(readFileSync(p, 'utf8')) as { version?: string }).version;
    if (v) return (cachedVersion = v);
  }
  return (cachedVersion = 'unknown');
}

let cachedCommit: string | null = null;
function projectCommit(): string {
  if (cachedCommit) return cachedCommit;
  const git = (args: string[]) => spawnSync('git', ['-C', projectRoot(), ...args], { encoding: 'utf8', timeout: 5000 });
  const head = git(['rev-parse', 'HEAD']);
  if (head.status !== 0) return (cachedCommit = 'unknown');
  const dirty = git(['status', '--porcelain', '--untracked-files=no']);
  return (cachedCommit = head.stdout.trim() + (dirty.status === 0 && dirty.stdout.trim() ? '+dirty' : ''));
}

/** JSON with object keys sorted, so equal parameters hash equally whatever their order. */
function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

export function parametersHash(params: Record<string, unknown> | undefined): string {
  if (!params) return 'none';
  return createHash('sha256').update(canonicalJson(params)).digest('hex').slice(0, 16);
}

export function figureProvenance(title: string, params?: Record<string, unknown>, paramsHash?: string): FigureProvenance {
  return { title, version: projectVersion(), commit: projectCommit(), paramsHash: paramsHash ?? parametersHash(params) };
}

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The provenance as one human-readable line (PDF Keywords, SVG dc:description). */
export function provenanceLine(p: FigureProvenance): string {
  return `kernel-lib figure ${p.title}; project version ${p.version}; commit ${p.commit}; parameters sha256 ${p.paramsHash}`;
}

/** Inserts `<title>` and an RDF `<metadata>` block right after the root `<svg ...>` tag. */
export function withSvgMetadata(svg: string, p: FigureProvenance): string {
  const open = /<svg\b[^>]*>/.exec(svg);
  if (!open) throw new Error('not an SVG document: no <svg> root element');
  const meta =
    `<title>${xmlEscape(p.title)}</title>` +
    '<metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dc="http://purl.org/dc/elements/1.1/" ' +
    'xmlns:kl="https://example.invalid/kernel-lib/figure#"><rdf:Description rdf:about="">' +
    `<dc:title>${xmlEscape(p.title)}</dc:title><dc:description>${xmlEscape(provenanceLine(p))}</dc:description>` +
    `<kl:version>${xmlEscape(p.version)}</kl:version><kl:commit>${xmlEscape(p.commit)}</kl:commit>` +
    `<kl:paramsHash>${xmlEscape(p.paramsHash)}</kl:paramsHash>` +
    '</rdf:Description></rdf:RDF></metadata>';
  const at = open.index + open[0].length;
  return svg.slice(0, at) + meta + svg.slice(at);
}

/** A PDF text string in UTF-16BE with BOM (§7.9.2.2), as a hex string. */
function pdfText(s: string): string {
  const b = Buffer.from('\ufeff' + s, 'utf16le').swap16();
  return `<${b.toString('hex').toUpperCase()}>`;
}

/**
 * Appends an incremental update whose trailer points at a new document information dictionary
 * (Title = the figure's name, Subject/Keywords = the provenance line, plus the fields as
 * custom keys). Works on PDFs with a classic xref table, which is what Chromium (Skia) writes.
 */
export function withPdfMetadata(pdf: Buffer, p: FigureProvenance): Buffer {
  const text = pdf.toString('latin1');
  const sx = text.lastIndexOf('startxref');
  const trailerAt = text.lastIndexOf('trailer');
  if (sx < 0 || trailerAt < 0 || trailerAt > sx) throw new Error('PDF without a classic trailer: cannot add metadata');
  const prev = Number(/startxref\s+(\d+)/.exec(text.slice(sx))?.[1]);
  const trailer = text.slice(trailerAt, sx);
  const size = Number(/\/Size\s+(\d+)/.exec(trailer)?.[1]);
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(trailer)?.[1];
  if (!Number.isFinite(prev) || !Number.isFinite(size) || !root) throw new Error('PDF trailer lacks /Size, /Root or startxref');
  const producer = /\/Producer\s*\(([^)]*)\)/.exec(text)?.[1] ?? 'Chromium';
  const line = provenanceLine(p);
  const obj =
    `${size} 0 obj\n<</Title ${pdfText(p.title)} /Subject ${pdfText(line)} /Keywords ${pdfText(line)}` +
    ` /Creator ${pdfText('kernel-lib exportFigure (Chromium)')} /Producer ${pdfText(producer)}` +
    ` /KernelLibVersion ${pdfText(p.version)} /KernelLibCommit ${pdfText(p.commit)} /KernelLibParamsHash ${pdfText(p.paramsHash)}>>\nendobj\n`;
  const head = pdf.length + 1; // after the "\n" below
  const xrefAt = head + Buffer.byteLength(obj, 'latin1');
  const update =
    '\n' +
    obj +
    `xref\n${size} 1\n${String(head).padStart(10, '0')} 00000 n \n` +
    `trailer\n<</Size ${size + 1} /Root ${root} /Info ${size} 0 R /Prev ${prev}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(update, 'latin1')]);
}

/** Reads back the Info dictionary's fields that withPdfMetadata wrote (for tests and tools). */
export function readPdfMetadata(pdf: Buffer): Record<string, string> {
  const text = pdf.toString('latin1');
  const info = /\/Info\s+(\d+)\s+0\s+R/.exec(text.slice(text.lastIndexOf('trailer')));
  if (!info) return {};
  const obj = [...text.matchAll(new RegExp(`(?:^|\\n)${info[1]} 0 obj\\s*<<([^]*?)>>\\s*endobj`, 'g'))].pop();
  if (!obj) return {};
  const out: Record<string, string> = {};
  for (const m of obj[1].matchAll(/\/(\w+)\s*<([0-9A-Fa-f]*)>/g)) {
    const b = Buffer.from(m[2], 'hex');
    out[m[1]] = b[0] === 0xfe && b[1] === 0xff ? Buffer.from(b.subarray(2)).swap16().toString('utf16le') : b.toString('latin1');
  }
  return out;
}
