// Exports through the real browser (Debian's Chromium via playwright-core).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportFigure } from '../../src/notebook/export.js';
import { chromiumPath, closeBrowser } from '../../src/notebook/browser.js';
import { paperLayout } from '../../src/notebook/style.js';

after(closeBrowser);

const fig = {
  data: [{ type: 'scatter', mode: 'lines', x: [0, 1, 2], y: [1, 3, 2], name: 'demo' }],
  layout: paperLayout({ xTitle: 'x', yTitle: 'y', size: 'single' }),
};

/** PNG width/height from the IHDR chunk (PNG spec §11.2.2). */
function pngSize(buf: Buffer): { w: number; h: number } {
  assert.equal(buf.subarray(1, 4).toString('latin1'), 'PNG');
  return { w: buf.readUInt32BE(16), h: buf.readUInt32BE(20) };
}

test('SVG, PNG and PDF are valid files of the requested size', async () => {
  assert.ok(existsSync(chromiumPath()), `Chromium missing at ${chromiumPath()}: run make setup`);
  const dir = mkdtempSync(join(tmpdir(), 'export-'));
  const files = await exportFigure(fig, join(dir, 'demo'), { width: 400, height: 300, scale: 2 });
  assert.deepEqual(files.map((f) => f.slice(dir.length + 1)), ['demo.svg', 'demo.png', 'demo.pdf']);
  const svg = readFileSync(join(dir, 'demo.svg'), 'utf8');
  assert.match(svg, /^<svg[^>]* width="400" height="300"/);
  assert.match(svg, /class="scatterlayer/);
  assert.deepEqual(pngSize(readFileSync(join(dir, 'demo.png'))), { w: 800, h: 600 });
  const pdf = readFileSync(join(dir, 'demo.pdf')).toString('latin1');
  assert.ok(pdf.startsWith('%PDF-'));
  // 400 × 300 CSS px = 300 × 225 pt
  const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf);
  assert.ok(box, 'PDF has a MediaBox');
  assert.ok(Math.abs(Number(box[1]) - 300) < 1 && Math.abs(Number(box[2]) - 225) < 1, `MediaBox ${box[1]}×${box[2]}`);
  assert.equal((pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length, 1, 'one page');
});

test('a missing Chromium gives the install hint, and the earlier file stays intact', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'export-missing-'));
  writeFileSync(join(dir, 'old.svg'), '<svg>earlier</svg>');
  const prior = process.env.CHROMIUM_PATH;
  await closeBrowser();
  process.env.CHROMIUM_PATH = '/nonexistent/chromium';
  try {
    await assert.rejects(exportFigure(fig, join(dir, 'old.svg')), /Chromium not found at \/nonexistent\/chromium.*apt-get install -y chromium/s);
  } finally {
    if (prior === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = prior;
  }
  assert.equal(readFileSync(join(dir, 'old.svg'), 'utf8'), '<svg>earlier</svg>');
  assert.deepEqual(readdirSync(dir), ['old.svg']);
});

test('bad export options are rejected with name, unit and range', async () => {
  await assert.rejects(exportFigure(fig, '/tmp/x', { width: 10 }), /widthPx = 10 px/);
  await assert.rejects(exportFigure(fig, '/tmp/x', { formats: ['gif' as 'svg'] }), /formats = "gif"/);
});

// Issue 16 item 12: the figure's name, the project version, the commit and a hash of the
// parameters travel inside the SVG and the PDF.
test('SVG and PDF carry the figure name, version, commit and parameters hash as metadata', async () => {
  const { readPdfMetadata, parametersHash } = await import('../../src/notebook/provenance.js');
  const { spawnSync } = await import('node:child_process');
  const dir = mkdtempSync(join(tmpdir(), 'export-meta-'));
  const params = { tps: 1000, seed: 7 };
  await exportFigure(fig, join(dir, 'fig3-backup-time'), { formats: ['svg', 'pdf'], params });
  const head = spawnSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8', cwd: __dirname }).stdout.trim();
  const hash = parametersHash(params);
  assert.equal(hash, parametersHash({ seed: 7, tps: 1000 }), 'key order does not change the hash');
  assert.notEqual(hash, parametersHash({ tps: 1001, seed: 7 }));
  const svg = readFileSync(join(dir, 'fig3-backup-time.svg'), 'utf8');
  assert.match(svg, /<dc:title>fig3-backup-time<\/dc:title>/);
  assert.match(svg, new RegExp(`<kl:commit>${head}(\\+dirty)?</kl:commit>`));
  assert.match(svg, new RegExp(`<kl:paramsHash>${hash}</kl:paramsHash>`));
  assert.match(svg, /<kl:version>0\.1\.0<\/kl:version>/);
  const pdf = readFileSync(join(dir, 'fig3-backup-time.pdf'));
  const meta = readPdfMetadata(pdf);
  assert.equal(meta.Title, 'fig3-backup-time');
  assert.match(meta.KernelLibCommit, new RegExp(`^${head}(\\+dirty)?$`));
  assert.equal(meta.KernelLibParamsHash, hash);
  assert.equal(meta.KernelLibVersion, '0.1.0');
  // The incremental update is well formed: the last startxref points at an xref section whose
  // entry for the new Info object points at that object (ISO 32000-1 §7.5.4–7.5.6).
  const text = pdf.toString('latin1');
  const xrefAt = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1]);
  assert.equal(text.slice(xrefAt, xrefAt + 4), 'xref');
  const entry = /^xref\n(\d+) 1\n(\d{10}) 00000 n \n/.exec(text.slice(xrefAt));
  assert.ok(entry, 'one xref entry');
  assert.ok(text.slice(Number(entry[2])).startsWith(`${entry[1]} 0 obj`), 'the entry points at the Info object');
  assert.match(text.slice(xrefAt), /\/Prev \d+/);
});

test('exports drop the baked-in title by default; keepTitle keeps it', async () => {
  const titled = { ...fig, layout: paperLayout({ title: 'A title for the notebook', xTitle: 'x', yTitle: 'y', size: 'single' }) };
  const { renderFigure } = await import('../../src/notebook/export.js');
  assert.doesNotMatch((await renderFigure(titled, 'svg')).toString(), /A title for the notebook/);
  assert.match((await renderFigure(titled, 'svg', { keepTitle: true })).toString(), /A title for the notebook/);
});

test('exports default to the size the layout declares', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'export-size-'));
  const single = { ...fig, layout: paperLayout({ xTitle: 'x', yTitle: 'y', size: 'single' }) };
  await exportFigure(single, join(dir, 's.svg'));
  assert.match(readFileSync(join(dir, 's.svg'), 'utf8'), /^<svg[^>]* width="317" height="230"/);
  const double = { ...fig, layout: paperLayout({ xTitle: 'x', yTitle: 'y', size: 'double' }) };
  await exportFigure(double, join(dir, 'd.svg'));
  assert.match(readFileSync(join(dir, 'd.svg'), 'utf8'), /^<svg[^>]* width="672" height="288"/);
});

// Issue 16 item 6: a plain script that exports a figure exits by itself.
test('a plain Node script that calls exportFigure exits without closeBrowser()', async () => {
  const { spawnSync } = await import('node:child_process');
  const dir = mkdtempSync(join(tmpdir(), 'export-exit-'));
  const script = join(dir, 'script.ts');
  const src = join(__dirname, '..', '..', 'src', 'notebook', 'export.ts');
  writeFileSync(
    script,
    `import { exportFigure } from ${JSON.stringify(src)};\n` +
      `exportFigure({ data: [{ type: 'scatter', x: [1, 2], y: [1, 2] }], layout: {} }, ${JSON.stringify(join(dir, 'f.svg'))}).then((f) => console.log('wrote', f.length));\n`,
  );
  const started = Date.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', timeout: 60_000, cwd: join(__dirname, '..', '..', '..') });
  assert.equal(r.signal, null, `the script did not exit by itself (killed after ${Date.now() - started} ms)`);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /wrote 1/);
  assert.ok(existsSync(join(dir, 'f.svg')));
});
