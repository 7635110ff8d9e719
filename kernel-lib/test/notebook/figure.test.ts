import { test } from 'node:test';
import assert from 'node:assert/strict';
import { figureToCsv, validateFigureName } from '../../src/notebook/figure.js';

test('figureToCsv writes one row per point, long form, quoting as needed', () => {
  const csv = figureToCsv({
    data: [
      { name: 'a', x: [1, 2], y: [3, 4] },
      { name: 'b, "quoted"', x: ['p'], y: [5], text: ['note'] },
    ],
    layout: {},
  });
  assert.equal(csv, 'trace,index,x,y,z,text\na,0,1,3,,\na,1,2,4,,\n"b, ""quoted""",0,p,5,,note\n');
});

test('figure names are file-safe', () => {
  assert.equal(validateFigureName('fig3-backup_time'), 'fig3-backup_time');
  assert.throws(() => validateFigureName('../etc/passwd'), /name = "..\/etc\/passwd"/);
  assert.throws(() => validateFigureName(''), /name = ""/);
});

test('WebGL traces are rejected: they do not export to SVG/PDF', async () => {
  const { show } = await import('../../src/notebook/figure.js');
  await assert.rejects(show({ data: [{ type: 'scattergl', x: [1], y: [1] }], layout: {} }), /trace.type = "scattergl" .* "scatter" instead of "scattergl"/);
});
