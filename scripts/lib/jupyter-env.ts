/**
 * The environment in which notebooks run headless: Debian's Jupyter (/usr/bin/python3 with
 * nbclient) and the project-local tslab kernelspec in <repo>/.jupyter-kernels, which starts the
 * project's own node_modules/.bin/tslab. JUPYTER_PATH puts it ahead of any user-level spec.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export function kernelDir(repo: string): string {
  return join(repo, '.jupyter-kernels', 'share', 'jupyter');
}

export function kernelEnv(repo: string): NodeJS.ProcessEnv {
  const prior = process.env.JUPYTER_PATH;
  return {
    ...process.env,
    JUPYTER_PATH: prior ? `${kernelDir(repo)}:${prior}` : kernelDir(repo),
    PYDEVD_DISABLE_FILE_VALIDATION: '1',
  };
}

/** Throws with what to run when the headless runner cannot work. */
export function checkPrerequisites(repo: string): void {
  const problems: string[] = [];
  if (!existsSync('/usr/bin/python3')) problems.push('/usr/bin/python3 is missing');
  else {
    const probe = spawnSync('/usr/bin/python3', ['-c', 'import nbclient, nbformat'], { encoding: 'utf8' });
    if (probe.status !== 0) problems.push("Python's nbclient is missing (Debian: apt-get install -y jupyter-client python3-nbclient jupyter-nbconvert python3-ipykernel)");
  }
  if (!existsSync(join(kernelDir(repo), 'kernels', 'tslab', 'kernel.json'))) problems.push('the tslab kernelspec is not registered for this checkout');
  if (!existsSync(join(repo, 'kernel-lib', 'dist', 'index.js'))) problems.push('kernel-lib is not built');
  if (problems.length) throw new Error(`cannot run notebooks: ${problems.join('; ')}. Run "make setup" first.`);
}
