// Helpers of the engine lifecycle tests: is a pid alive, and wait for a condition.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

/** Alive and not a zombie (a killed process nobody has reaped yet counts as gone). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

export async function until(cond: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (cond()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return cond();
}

/**
 * Runs `script` (CommonJS, under tsx) in a child Node process that starts a server and prints
 * `{"pid": …, "dir": …}` once it is up; resolves to that line and the child.
 */
export async function startOwner(script: string, ms = 60_000): Promise<{ owner: ChildProcess; pid: number; dir: string }> {
  const owner = spawn(process.execPath, ['--import', 'tsx', '-e', `${script}\nsetInterval(() => {}, 1000);`], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<{ pid: number; dir: string }>((res, rej) => {
    let buf = '';
    const t = setTimeout(() => rej(new Error(`no server line within ${ms} ms: ${buf}`)), ms);
    owner.stdout!.on('data', (b) => {
      buf += String(b);
      const m = /\{"pid":\d+[^\n]*\}/.exec(buf);
      if (m) {
        clearTimeout(t);
        res(JSON.parse(m[0]));
      }
    });
    owner.once('exit', (code) => rej(new Error(`owner exited (${code}) before the server was up: ${buf}`)));
  });
  return { owner, ...line };
}

/** SIGKILLs the owner and waits until its server and the server's folder are gone (and `extra()` holds). */
export async function killOwnerLeavesNothing(o: { owner: ChildProcess; pid: number; dir: string }, ms: number, extra: () => boolean = () => true): Promise<boolean> {
  o.owner.kill('SIGKILL');
  return until(() => !alive(o.pid) && !existsSync(o.dir) && extra(), ms);
}
