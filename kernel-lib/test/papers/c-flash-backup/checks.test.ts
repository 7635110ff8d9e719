import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PAPER_C, paperCChecks } from '../../../src/papers/c-flash-backup/checks.js';
import { runPaperC } from '../../../src/papers/c-flash-backup/flash-backup-experiment.js';
import { paperCCalibration } from '../../../src/papers/c-flash-backup/setup.js';
import { checks } from '../../../src/notebook/checks.js';

const REPO = resolve(__dirname, '..', '..', '..', '..');

test("paper C's recovery numbers (C3, C4) are written once: in checks.ts, nowhere else in the paper's code, data or notebook", () => {
  const files = [
    ...readdirSync(join(REPO, 'kernel-lib/src/papers/c-flash-backup')).map((f) => join('kernel-lib/src/papers/c-flash-backup', f)),
    ...readdirSync(join(REPO, 'data/c-flash-backup')).map((f) => join('data/c-flash-backup', f)),
    'notebooks/flash-backup.ipynb',
  ];
  for (const n of [PAPER_C.C3.worstRecoveryS, PAPER_C.C4.meanRecoveryS]) {
    const re = new RegExp(`(?<![\\d.])${String(n).replace('.', '\\.')}(?![\\d])`);
    const where = files.filter((f) => re.test(readFileSync(join(REPO, f), 'utf8')));
    assert.deepEqual(where, ['kernel-lib/src/papers/c-flash-backup/checks.ts'], `${n} written in ${where.join(', ')}`);
  }
});

test('each stored calibration names a check of PAPER_C, and that check is marked calibrated', () => {
  const r = runPaperC({ intervalsMin: [30], simulate: false });
  const specs = checks(paperCChecks(r));
  const cal = paperCCalibration();
  for (const v of [cal.backupUnitsAt1000Tps, cal.applyUsPerTxn]) {
    assert.ok(v.calibratedTo in PAPER_C, v.calibratedTo);
    assert.equal(specs.find((s) => s.id === v.calibratedTo)?.kind, 'calibrated');
  }
  assert.deepEqual(specs.filter((s) => s.kind === 'calibrated').map((s) => s.id).sort(), ['C2', 'C3']);
});
