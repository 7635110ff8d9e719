/** Runs `scripts/reproduce.ts` in a child process (the real runner, real kernel) for tests. */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

export const REPO = resolve(__dirname, '..', '..');

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runReproduce(args: string[], timeoutMs = 40 * 60 * 1000, env: NodeJS.ProcessEnv = {}): RunResult {
  return runScript('reproduce.ts', args, timeoutMs, env);
}

/** Runs `scripts/<script>` with tsx in a child process. */
export function runScript(script: string, args: string[], timeoutMs = 40 * 60 * 1000, env: NodeJS.ProcessEnv = {}): RunResult {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'scripts', script), ...args], {
    cwd: REPO,
    env: { ...process.env, FORCE: '', ...env },
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}
