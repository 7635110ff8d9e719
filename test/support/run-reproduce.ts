/** Runs `scripts/reproduce.ts` in a child process (the real runner, real kernel) for tests. */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

export const REPO = resolve(__dirname, '..', '..');

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runReproduce(args: string[], timeoutMs = 40 * 60 * 1000): RunResult {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'scripts', 'reproduce.ts'), ...args], {
    cwd: REPO,
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}
