import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FIGURE_SIZES, figureSize, paperLayout, PX_PER_INCH } from '../../src/notebook/style.js';

test('single and double column sizes are 3.3 in and 7 in wide', () => {
  assert.equal(FIGURE_SIZES.single.widthPx, Math.round(3.3 * PX_PER_INCH));
  assert.equal(FIGURE_SIZES.double.widthPx, 7 * PX_PER_INCH);
});

test('paperLayout sets size, fonts and axis titles', () => {
  const l = paperLayout({ xTitle: 'seek distance (cylinders)', yTitle: 'f (ms)', size: 'single', yType: 'log', yRange: [0.1, 100] }) as any;
  assert.equal(l.width, FIGURE_SIZES.single.widthPx);
  assert.equal(l.xaxis.title.text, 'seek distance (cylinders)');
  assert.deepEqual(l.yaxis.range, [-1, 2]); // log axes take log10 ranges
  assert.ok(l.font.size >= 8);
});

test('invalid sizes are rejected with name, unit and range', () => {
  assert.throws(() => figureSize({ widthPx: 10, heightPx: 100 }), /widthPx = 10 px .* in \[50, 5000\] px/);
  assert.throws(() => figureSize('poster' as 'single'), /size = "poster"/);
});
