/**
 * A one-node Slurm cluster on this machine for the integration test of EXECUTOR=slurm
 * (../shared/docs/toolchain-notes.md): a private munged (`munged --force`, its own socket, pid,
 * log and seed files), slurmctld and slurmd with a slurm.conf in a temporary folder (state, spool,
 * pid and log files there too; ports chosen free), no cgroup plugins. Stopped by their pid files.
 * When a daemon does not come up, the error quotes the daemon's log line that says why.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.js';
import { alive } from '../../kernel-lib/test/engines/process-helpers.js';

export const SLURM_BINARIES = ['munged', 'slurmctld', 'slurmd', 'sbatch', 'sinfo'];

export function missingBinaries(): string[] {
  return SLURM_BINARIES.filter((b) => spawnSync('sh', ['-c', `command -v ${b}`]).status !== 0);
}

export interface Cluster {
  dir: string;
  conf: string;
  /** Environment for Slurm's client commands (SLURM_CONF). */
  env: NodeJS.ProcessEnv;
  stop(): void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function readPid(file: string): number | null {
  try {
    const n = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(n) && n > 0 ? n : null;
  } catch {
    return null;
  }
}


/** The first log line that says what went wrong (fatal, then error), or the last lines. */
export function failingLogLine(file: string): string {
  if (!existsSync(file)) return `(no log file ${file})`;
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  const hit = lines.find((l) => /fatal/i.test(l)) ?? lines.find((l) => /error/i.test(l));
  return hit ?? (lines.slice(-3).join(' | ') || '(empty log)');
}

/** `overrides` replace slurm.conf lines by key (the test of the failure report breaks one). */
export async function startCluster(overrides: Record<string, string> = {}): Promise<Cluster> {
  const dir = mkdtempSync(join(tmpdir(), 'slurm-test-'));
  const host = hostname().split('.')[0];
  const f = (name: string) => join(dir, name);
  for (const d of ['munge', 'state', 'spool']) mkdirSync(f(d), { recursive: true, mode: 0o700 });
  const pidFiles = { munged: f('munged.pid'), slurmctld: f('slurmctld.pid'), slurmd: f('slurmd.pid') };
  const logs = { munged: f('munged.log'), slurmctld: f('slurmctld.log'), slurmd: f('slurmd.log') };
  const socket = f('munge/munge.socket');
  const conf = f('slurm.conf');
  const [ctldPort, slurmdPort] = [await freePort(), await freePort()];
  writeFileSync(
    conf,
    [
      'ClusterName=sweeptest',
      `SlurmctldHost=${host}`,
      'SlurmUser=root',
      'SlurmdUser=root',
      `SlurmctldPort=${ctldPort}`,
      `SlurmdPort=${slurmdPort}`,
      'AuthType=auth/munge',
      `AuthInfo=socket=${socket}`,
      'CredType=cred/munge',
      `StateSaveLocation=${f('state')}`,
      `SlurmdSpoolDir=${f('spool')}`,
      `SlurmctldPidFile=${pidFiles.slurmctld}`,
      `SlurmdPidFile=${pidFiles.slurmd}`,
      `SlurmctldLogFile=${logs.slurmctld}`,
      `SlurmdLogFile=${logs.slurmd}`,
      'ProctrackType=proctrack/linuxproc',
      'TaskPlugin=task/none',
      'JobAcctGatherType=jobacct_gather/none',
      'AccountingStorageType=accounting_storage/none',
      'JobCompType=jobcomp/none',
      'MpiDefault=none',
      'SelectType=select/cons_tres',
      'SelectTypeParameters=CR_Core',
      'ReturnToService=2',
      `NodeName=${host} CPUs=${availableParallelism()} State=UNKNOWN`,
      'PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP',
    ]
      .map((l) => (l.split('=')[0] in overrides ? `${l.split('=')[0]}=${overrides[l.split('=')[0]]}` : l))
      .join('\n') + '\n',
  );
  const env = { ...process.env, SLURM_CONF: conf };
  const cluster: Cluster = {
    dir,
    conf,
    env,
    stop() {
      // Reverse order of start; each by its pid file; SIGKILL after 10 s.
      for (const name of ['slurmd', 'slurmctld', 'munged'] as const) {
        const pid = readPid(pidFiles[name]);
        if (pid === null || !alive(pid)) continue;
        process.kill(pid, 'SIGTERM');
        const until = Date.now() + 10_000;
        while (alive(pid) && Date.now() < until) spawnSync('sleep', ['0.1']);
        if (alive(pid)) process.kill(pid, 'SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  const fail = (daemon: keyof typeof logs, what: string): never => {
    const line = failingLogLine(logs[daemon]);
    cluster.stop();
    throw new Error(`Slurm could not run here: ${daemon} ${what}; its log says: ${line} (configuration and logs were in ${dir}, now removed)`);
  };
  const start = (daemon: keyof typeof logs, file: string, args: string[]) => {
    try {
      execFileSync(file, args, { env, stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000 });
    } catch (err) {
      const e = err as { stderr?: Buffer; message: string };
      writeFileSync(logs[daemon], `${readFileSafe(logs[daemon])}${e.stderr?.toString() ?? ''}\n${e.message}\n`);
      fail(daemon, 'did not start');
    }
  };
  start('munged', 'munged', ['--force', `--socket=${socket}`, `--pid-file=${pidFiles.munged}`, `--log-file=${logs.munged}`, `--seed-file=${f('munged.seed')}`, '--key-file=/etc/munge/munge.key']);
  start('slurmctld', 'slurmctld', ['-f', conf]);
  start('slurmd', 'slurmd', ['-f', conf]);
  const until = Date.now() + 60_000;
  for (;;) {
    for (const d of ['slurmctld', 'slurmd'] as const) {
      const pid = readPid(pidFiles[d]);
      if (pid !== null && !alive(pid)) fail(d, 'exited');
    }
    const r = spawnSync('sinfo', ['-h', '-N', '-o', '%T'], { env, encoding: 'utf8' });
    if (r.status === 0 && /^idle/m.test(r.stdout)) return cluster;
    if (Date.now() > until) fail(readPid(pidFiles.slurmd) ? 'slurmd' : 'slurmctld', `did not bring the node to idle in 60 s (sinfo: ${(r.stdout + r.stderr).trim()})`);
    await sleep(500);
  }
}

function readFileSafe(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
