// EXECUTOR=slurm on a real one-node Slurm cluster started for the test (test/support/slurm-cluster.ts):
// a 4-point sweep of a fixture notebook submitted as one job array gives the same CSV as the
// same sweep run locally (all but the timing columns). The daemons are stopped and their folder
// removed whether the test passes or fails.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO, runScript } from './support/run-reproduce.js';
import { missingBinaries, startCluster, type Cluster } from './support/slurm-cluster.js';
import { TIMING_COLUMNS } from '../scripts/lib/sweep-summary.js';

const FIXTURES = join(REPO, 'test', 'fixtures', 'notebooks');
const GRID = 'scale=1,2..3,5';
let cluster: Cluster | undefined;
after(() => cluster?.stop());
process.on('exit', () => cluster?.stop());

/** The CSV without the columns that hold timing (elapsed time, whether the point was cached). */
function withoutTiming(csv: string): string[][] {
  const rows = csv.trim().split('\n').map((l) => l.split(','));
  const drop = new Set(TIMING_COLUMNS.map((c) => rows[0].indexOf(c)));
  return rows.map((r) => r.filter((_, i) => !drop.has(i)));
}

test('when a daemon cannot run, the error quotes its log line and nothing is left behind', async (t) => {
  if (missingBinaries().length) return t.skip('Slurm is not installed here');
  await assert.rejects(startCluster({ SelectType: 'select/no-such-plugin' }), (err: Error) => {
    assert.match(err.message, /^Slurm could not run here: (slurmctld|slurmd) (did not start|exited); its log says: .*(fatal|error).*select\/no-such-plugin/i);
    const dir = /\/tmp\/slurm-test-\w+/.exec(err.message)?.[0];
    if (dir) assert.equal(existsSync(dir), false, 'the folder is removed');
    return true;
  });
});

test('a sweep through EXECUTOR=slurm (one sbatch --array job) gives the CSV of a local run', async (t) => {
  const missing = missingBinaries();
  if (missing.length && process.env.CI !== 'true') return t.skip(`Slurm is not installed here (missing ${missing.join(', ')}; apt-get install -y slurm-wlm munge)`);
  assert.deepEqual(missing, [], 'Slurm and munge are installed (scripts/setup.sh installs them)');
  cluster = await startCluster();
  const out = mkdtempSync(join(tmpdir(), 'sweep-slurm-'));
  const common = ['--notebooks-dir', FIXTURES, '--notebook', 'fixture-data-a', '--grid', GRID, '--out', out];
  const env = { KERNEL_LIB_DATA_DIR: join(REPO, 'test', 'fixtures', 'data') };
  const slurm = runScript('sweep.ts', [...common, '--name', 'on-slurm', '--executor', 'slurm'], 10 * 60 * 1000, { ...cluster.env, ...env });
  assert.equal(slurm.status, 0, slurm.stdout + slurm.stderr);
  assert.match(slurm.stdout, /slurm: job array \d+ of 4 tasks ended with status 0/);
  const logs = readdirSync(join(out, 'sweeps', 'on-slurm', 'slurm')).filter((f) => f.endsWith('.out'));
  assert.equal(logs.length, 4, `one log per array task: ${logs.join(', ')}`);
  assert.ok(readFileSync(join(out, 'sweeps', 'on-slurm', 'sweep.sbatch'), 'utf8').includes('#SBATCH --array=0-3'));
  const local = runScript('sweep.ts', [...common, '--name', 'local', '--executor', 'local', '--jobs', '2'], 10 * 60 * 1000, env);
  assert.equal(local.status, 0, local.stdout + local.stderr);
  const a = readFileSync(join(out, 'sweeps', 'on-slurm', 'results.csv'), 'utf8');
  const b = readFileSync(join(out, 'sweeps', 'local', 'results.csv'), 'utf8');
  assert.deepEqual(withoutTiming(a), withoutTiming(b));
  const rows = withoutTiming(a);
  assert.deepEqual(rows[0], ['point', 'scale', 'DA.ours', 'DA.pass', 'ok']);
  assert.deepEqual(rows.slice(1).map((r) => r[2]), ['1', '2', '3', '5'], 'the check value follows the scale parameter');
  for (const f of ['summary.md', 'summary.json', 'figures/DA-vs-scale.svg']) assert.ok(existsSync(join(out, 'sweeps', 'on-slurm', f)), f);
});
