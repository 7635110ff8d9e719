// The layout rule, read from the real import graph of kernel-lib/src:
//   - a paper folder (src/papers/<paper>/) imports the shared layers and itself, never another paper;
//   - no shared layer (core, hardware, dbms, workloads, metrics, sqlite, innodb, engines, notebook)
//     imports from papers/;
//   - only src/index.ts re-exports the papers' fronts.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';

const SRC = resolve(__dirname, '..', 'src');

export interface ImportEdge {
  from: string; // path relative to src, e.g. papers/b-reorg/sqlite-reorg.ts
  to: string;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Every relative import (static, dynamic, re-export) of every file under src. */
function importGraph(): ImportEdge[] {
  const edges: ImportEdge[] = [];
  const re = /(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;
  for (const file of tsFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(re)) {
      const target = resolve(dirname(file), m[1]).replace(/\.js$/, '.ts');
      edges.push({ from: relative(SRC, file), to: relative(SRC, target) });
    }
  }
  return edges;
}

function paperOf(path: string): string | null {
  const parts = path.split('/');
  return parts[0] === 'papers' ? parts[1] : null;
}

/** The edges that break the rule, each with the reason. */
export function layeringViolations(edges: readonly ImportEdge[]): string[] {
  const bad: string[] = [];
  for (const { from, to } of edges) {
    if (to.startsWith('..')) bad.push(`${from} imports ${to}, outside kernel-lib/src`);
    const pf = paperOf(from);
    const pt = paperOf(to);
    if (pt === null) continue;
    if (from === 'index.ts') continue;
    if (pf === null) bad.push(`shared module ${from} imports paper module ${to}`);
    else if (pf !== pt) bad.push(`paper ${pf} (${from}) imports paper ${pt} (${to})`);
  }
  return bad;
}

test('the import graph of kernel-lib/src keeps the layout rule', () => {
  const edges = importGraph();
  assert.ok(edges.length > 100, `read ${edges.length} imports; the graph reader found too few`);
  assert.deepEqual(layeringViolations(edges), []);
});

test('the rule check flags a paper importing another paper, and a shared layer importing a paper', () => {
  assert.deepEqual(
    layeringViolations([
      { from: 'papers/b-reorg/x.ts', to: 'papers/c-flash-backup/y.ts' },
      { from: 'dbms/btree.ts', to: 'papers/b-reorg/deterioration.ts' },
      { from: 'papers/b-reorg/x.ts', to: 'papers/b-reorg/z.ts' },
      { from: 'papers/b-reorg/x.ts', to: 'core/rng.ts' },
      { from: 'index.ts', to: 'papers/disk/index.ts' },
    ]),
    [
      'paper b-reorg (papers/b-reorg/x.ts) imports paper c-flash-backup (papers/c-flash-backup/y.ts)',
      'shared module dbms/btree.ts imports paper module papers/b-reorg/deterioration.ts',
    ],
  );
});

test('every paper folder has its front, README, checks and figures', () => {
  const papers = readdirSync(join(SRC, 'papers'));
  assert.deepEqual(papers.sort(), ['a-replication', 'b-reorg', 'c-flash-backup', 'disk']);
  for (const p of papers) {
    const files = readdirSync(join(SRC, 'papers', p));
    for (const need of ['index.ts', 'README.md', 'checks.ts', 'figures.ts']) {
      assert.ok(files.includes(need), `papers/${p}/ has no ${need}`);
    }
    const front = readFileSync(join(SRC, 'papers', p, 'index.ts'), 'utf8');
    assert.doesNotMatch(front, /export \*/, `papers/${p}/index.ts must name its exports (no export *)`);
  }
});
