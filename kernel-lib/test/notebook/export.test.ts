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
