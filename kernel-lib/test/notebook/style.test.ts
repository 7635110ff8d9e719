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
  assert.ok(l.font.size * 0.75 >= 7, 'every text ≥ 7 pt at print size');
});

test('invalid sizes are rejected with name, unit and range', () => {
  assert.throws(() => figureSize({ widthPx: 10, heightPx: 100 }), /widthPx = 10 px .* in \[50, 5000\] px/);
  assert.throws(() => figureSize('poster' as 'single'), /size = "poster"/);
});

test('log ticks: decades when three fit, else 1-2-5 steps, else even steps; never touching labels', async () => {
  const { logTickValues } = await import('../../src/notebook/style.js');
  const line = () => 13; // a y-axis label: one 10.5-px line
  const lg = Math.log10;
  assert.deepEqual(logTickValues(lg(2), lg(2500), 130, line).values, [10, 100, 1000]);
  assert.deepEqual(logTickValues(lg(2), lg(50), 130, line).values, [2, 5, 10, 20, 50]);
  assert.deepEqual(logTickValues(lg(1.1), lg(1.9), 130, line).values, [1.2, 1.4, 1.6, 1.8]);
  // Seven decades on a 60-px axis (8.6 px per decade, 17 px per label): every other decade.
  assert.deepEqual(logTickValues(0, 7, 60, line).values, [1, 100, 10000, 1000000]);
});

test('a layout from elsewhere gets the house look and the size-fitted fonts', async () => {
  const { fitLayout, HOUSE_STYLE_KEY, FONT_FAMILY } = await import('../../src/notebook/style.js');
  const l = fitLayout({ data: [], layout: { xaxis: { title: { text: 'time (min)' } }, title: 'T' } }, FIGURE_SIZES.single, { keepTitle: false }) as any;
  assert.equal(l.font.family, FONT_FAMILY);
  assert.ok(l.font.size * 0.75 >= 7, 'at least 7 pt');
  assert.equal(l.xaxis.title.text, 'time (min)');
  assert.equal(l.xaxis.showline, true);
  assert.equal(l.title, undefined, 'title dropped');
  assert.deepEqual(l[HOUSE_STYLE_KEY], { legend: 'top' });
});
