/**
 * The cluster executor of a sweep: the whole grid as one Slurm job array (`sbatch --array`),
 * each task running one point (`scripts/sweep.ts --task $SLURM_ARRAY_TASK_ID --plan FILE`) in
 * the shared checkout. `sbatch --wait` returns when every task of the array has ended; the
 * points' results are then read from their folders. Slurm does the scheduling.
 * SWEEP_SBATCH_ARGS adds options (e.g. "--partition=short --time=30"); SLURM_CONF is Slurm's own.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { atomicWriteFileSync } from '../../kernel-lib/src/core/atomic-write.js';

export interface ArraySubmission {
  jobName: string;
  tasks: number;
  /** Folder for the batch script and the tasks' logs (`<jobid>_<task>.out`). */
  dir: string;
  /** The checkout every task runs in. */
  repo: string;
  /** The command each task runs; `$SLURM_ARRAY_TASK_ID` is expanded by the shell. */
  command: string[];
  extraArgs?: string[];
}

export interface ArrayOutcome {
  jobId: string;
  /** sbatch --wait's status: 0 when every task exited 0. */
  status: number | null;
  stdout: string;
  stderr: string;
  logDir: string;
}

function shellQuote(a: string): string {
  return a === '"$SLURM_ARRAY_TASK_ID"' ? a : `'${a.replace(/'/g, `'\\''`)}'`;
}

export function batchScript(s: ArraySubmission): string {
  const logDir = join(s.dir, 'slurm');
  return [
    '#!/bin/bash',
    `#SBATCH --job-name=${s.jobName.replace(/[^A-Za-z0-9._-]/g, '_')}`,
    `#SBATCH --array=0-${s.tasks - 1}`,
    `#SBATCH --output=${logDir}/%A_%a.out`,
    `#SBATCH --chdir=${s.repo}`,
    '#SBATCH --cpus-per-task=1',
    'set -euo pipefail',
    `exec ${s.command.map(shellQuote).join(' ')}`,
    '',
  ].join('\n');
}

export function submitArray(s: ArraySubmission): ArrayOutcome {
  if (!(s.tasks >= 1)) throw new Error('a job array needs at least one task');
  const logDir = join(s.dir, 'slurm');
  mkdirSync(logDir, { recursive: true });
  const script = join(s.dir, 'sweep.sbatch');
  atomicWriteFileSync(script, batchScript(s));
  const args = ['--wait', '--parsable', ...(s.extraArgs ?? []), script];
  const r = spawnSync('sbatch', args, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (r.error) throw new Error(`sbatch could not be run (${r.error.message}); EXECUTOR=slurm needs Slurm's client commands on PATH`);
  const jobId = (r.stdout ?? '').trim().split('\n')[0]?.split(';')[0] ?? '';
  return { jobId, status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', logDir };
}
