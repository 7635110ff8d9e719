/**
 * `npm run bench`: performance figures, never asserted in tests.
 *  1. `make reproduce`: cold with all cores (and JOBS=1 with --serial), a warm rerun with nothing
 *     changed, and each notebook's time by phase (scripts/lib/bench-reproduce.ts).
 *  2. Every kernel-lib/bench/*.bench.ts module's `bench()` figures (model speed, memory).
 * Prints a table and writes out/bench.json. Options: --skip-reproduce, --serial, --only NAME (a bench
 * file stem, or `reproduce` for part 1 alone).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { atomicWriteFileSync } from '../kernel-lib/src/core/atomic-write.js';
import { parseArgs, reproduce, REPO } from './reproduce.js';
import { benchReproduce, type Figure } from './lib/bench-reproduce.js';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const skipReproduce = args.includes('--skip-reproduce');
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
  const sections: Record<string, Figure[]> = {};

  if (!skipReproduce && (!only || only === 'reproduce')) {
    console.log('# make reproduce (all notebooks, with figure export)');
    sections.reproduce = await benchReproduce(REPO, (argv) => reproduce(parseArgs(argv)), { serial: args.includes('--serial') });
  }

  const benchDir = join(REPO, 'kernel-lib', 'bench');
  const files = readdirSync(benchDir).filter((f) => f.endsWith('.bench.ts')).sort();
  for (const f of files) {
    const stem = f.replace(/\.bench\.ts$/, '');
    if (only && stem !== only) continue;
    console.log(`# ${stem}`);
    const mod = (await import(join(benchDir, f))) as { bench: () => Promise<Figure[]> };
    try {
      sections[stem] = await mod.bench();
    } catch (err) {
      sections[stem] = [{ name: `FAILED: ${(err as Error).message}`, value: NaN, unit: '' }];
    }
    for (const x of sections[stem]) console.log(`  ${x.name}: ${fmt(x.value)} ${x.unit}${x.target ? `  (target ${x.target})` : ''}`);
  }

  console.log('\n| section | figure | value | unit | target |\n|---|---|---|---|---|');
  for (const [s, figs] of Object.entries(sections)) {
    for (const x of figs) console.log(`| ${s} | ${x.name} | ${fmt(x.value)} | ${x.unit} | ${x.target ?? ''} |`);
  }
  atomicWriteFileSync(join(REPO, 'out', 'bench.json'), JSON.stringify({ date: new Date().toISOString(), sections }, null, 2) + '\n');
  process.exit(0);
}

function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  return Math.abs(v) >= 100 ? v.toFixed(0) : Number(v.toPrecision(3)).toString();
}

void main();
