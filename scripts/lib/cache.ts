/**
 * The content key of a notebook run, for the incremental `make reproduce`: a notebook reruns only
 * when something it depends on changed. The key is the SHA-256 of, canonically ordered:
 *   - the notebook file, its injected parameters and the run's output flags (figure export, PNG),
 *   - the built kernel-lib (every file under kernel-lib/dist), the lockfile, the runner's own
 *     notebook executor (scripts/run_notebook.py) and the Node version,
 *   - every file under data/ the run asked kernel-lib for (core/data-path.ts records each path
 *     in KERNEL_LIB_DATA_READS_FILE), by content; a folder stands for all files under it.
 * The data files a run reads are known only after it ran, so the previous run's list is
 * re-hashed: with the notebook, the library and every file it read unchanged, the run reads
 * the same files again. Key and inputs are recorded in out/results/<nb>.json.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';

export interface FileDigest {
  /** Repo-relative when under the repo, else absolute. */
  path: string;
  /** Hex SHA-256 of the content (of the sorted listing with each file's digest, for a folder); null if missing. */
  sha256: string | null;
}

export interface StaticInputs {
  notebook: FileDigest;
  params: Record<string, unknown>;
  flags: Record<string, boolean>;
  kernelLib: FileDigest;
  lockfile: FileDigest;
  runner: FileDigest;
  node: string;
}

export interface CacheRecord {
  key: string;
  inputs: StaticInputs & { data: FileDigest[] };
}

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v as object).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p));
    else if (e.isFile()) out.push(p);
  }
  return out.sort();
}

/** Digest of a file or folder (a folder: every file under it, by relative path and content). */
export function digestPath(repo: string, path: string): FileDigest {
  const abs = isAbsolute(path) ? path : resolve(repo, path);
  const rel = relative(repo, abs);
  const shown = rel.startsWith('..') || isAbsolute(rel) ? abs : rel;
  if (!existsSync(abs)) return { path: shown, sha256: null };
  if (!statSync(abs).isDirectory()) return { path: shown, sha256: sha256(readFileSync(abs)) };
  const listing = listFiles(abs).map((f) => `${relative(abs, f)}\0${sha256(readFileSync(f))}\n`).join('');
  return { path: shown, sha256: sha256(listing) };
}

/** The unique paths a run recorded in its reads file, as digests (sorted by path). */
export function dataReads(repo: string, readsFile: string): FileDigest[] {
  if (!existsSync(readsFile)) return [];
  const paths = [...new Set(readFileSync(readsFile, 'utf8').split('\n').filter(Boolean))];
  return paths.map((p) => digestPath(repo, p)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export function cacheKey(inputs: StaticInputs, data: readonly FileDigest[]): string {
  return sha256(canonicalJson({ ...inputs, data }));
}

const memo = new Map<string, FileDigest>();

/** Digest of what every notebook of a run shares (computed once per process and path). */
export function sharedDigest(repo: string, path: string): FileDigest {
  const k = resolve(repo, path);
  let d = memo.get(k);
  if (!d) memo.set(k, (d = digestPath(repo, path)));
  return d;
}

export function staticInputs(
  repo: string,
  notebookFile: string,
  params: Record<string, unknown>,
  flags: Record<string, boolean>,
): StaticInputs {
  return {
    notebook: digestPath(repo, notebookFile),
    params,
    flags,
    kernelLib: sharedDigest(repo, join('kernel-lib', 'dist')),
    lockfile: sharedDigest(repo, 'package-lock.json'),
    runner: sharedDigest(repo, join('scripts', 'run_notebook.py')),
    node: process.version,
  };
}

/**
 * True when a previous run's record still holds: same static inputs, and every data file it
 * read has the same content now.
 */
export function stillValid(repo: string, previous: CacheRecord | undefined, now: StaticInputs): boolean {
  if (!previous?.inputs || typeof previous.key !== 'string') return false;
  const data = (previous.inputs.data ?? []).map((d) => digestPath(repo, d.path));
  return cacheKey(now, data) === previous.key;
}
