import { test } from 'node:test';
import assert from 'node:assert/strict';
import { htmlTable, textTable } from '../../src/notebook/table.js';

test('textTable aligns columns and rounds numbers to 4 significant digits', () => {
  assert.equal(textTable([{ a: 1, b: 3.14159 }, { a: 22, b: 'x' }]), 'a   b\n--  -----\n1   3.142\n22  x');
});

test('htmlTable escapes text', () => {
  assert.equal(htmlTable([{ c: '<b>' }]), '<table><thead><tr><th style="text-align:left">c</th></tr></thead><tbody><tr><td style="text-align:left">&lt;b&gt;</td></tr></tbody></table>');
});
