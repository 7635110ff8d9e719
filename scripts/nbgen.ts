/**
 * Authoring helper: converts between a notebook and its "percent" text form.
 *   npx tsx scripts/nbgen.ts notebooks/src/foo.ts.txt notebooks/foo.ipynb   (text → notebook)
 *   npx tsx scripts/nbgen.ts --to-text notebooks/foo.ipynb                 (notebook → text on stdout)
 * Cell ids are stable (derived from the notebook name and the cell index).
 */
import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { basename } from 'node:path';
import { notebookFromPercent, notebookToPercent, serializeNotebook, type Notebook } from './lib/notebook-format.js';

const args = process.argv.slice(2);
if (args[0] === '--to-text' && args[1]) {
  process.stdout.write(notebookToPercent(JSON.parse(readFileSync(args[1], 'utf8')) as Notebook));
} else if (args.length === 2) {
  const [src, out] = args;
  const nb = notebookFromPercent(readFileSync(src, 'utf8'), basename(out, '.ipynb'));
  writeFileSync(out + '.tmp', serializeNotebook(nb));
  renameSync(out + '.tmp', out);
  console.log(`wrote ${out} (${nb.cells.length} cells)`);
} else {
  console.error('usage: nbgen.ts SRC.txt OUT.ipynb | nbgen.ts --to-text NB.ipynb');
  process.exit(2);
}
