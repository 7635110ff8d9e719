/**
 * The one adapter between kernel-lib and tslab's display channel.
 *
 * tslab's public `display.raw(mime, string)` sends one MIME type per output, as a string.
 * A plotly figure must arrive as an *object* under `application/vnd.plotly.v1+json`, beside an
 * `image/png` (for GitHub / nbviewer) and `text/plain`, in the same output. tslab keeps the
 * current cell's `writeDisplayData` callback in `tslab/dist/jupyter.js` (`lastWriteDisplayData`);
 * calling it with a full bundle sends one `display_data` message with every MIME type.
 * That export is undocumented, so it is reached here only, and tested (display.test.ts).
 *
 * Several copies of tslab can be loaded in one kernel: a kernelspec that starts checkout B's
 * `tslab` binary on a notebook of checkout A loads B's `jupyter.js`, and B's `startKernel` then
 * hands over to A's local copy (tslab's `findLocalStartKernel`), which loads A's `jupyter.js`.
 * Only the copy that runs the cells has a `lastWriteDisplayData` callback, so that is the one
 * taken; several live copies, or a kernel process with none, is an error, never a silent
 * fall-back to plain text.
 */
export type MimeBundle = Record<string, unknown>;

interface WriteDisplayData {
  (data: { data: MimeBundle; metadata: Record<string, unknown>; transient: Record<string, unknown> }, update: boolean): void;
}

interface TslabJupyterModule {
  lastWriteDisplayData: WriteDisplayData | null;
}

const TSLAB_JUPYTER_RE = /[\\/]tslab[\\/]dist[\\/]jupyter\.js$/;

/** Thrown when the running kernel's display channel cannot be identified. */
export class KernelDisplayError extends Error {
  readonly copies: string[];
  constructor(message: string, copies: string[]) {
    super(message);
    this.name = 'KernelDisplayError';
    this.copies = copies;
  }
}

/** Every copy of tslab's jupyter module in require.cache, with its path. */
function tslabCopies(): { path: string; mod: TslabJupyterModule }[] {
  const out: { path: string; mod: TslabJupyterModule }[] = [];
  for (const key of Object.keys(require.cache)) {
    if (!TSLAB_JUPYTER_RE.test(key)) continue;
    const mod = require.cache[key]?.exports as TslabJupyterModule | undefined;
    if (mod && typeof mod === 'object' && 'lastWriteDisplayData' in mod) out.push({ path: key, mod });
  }
  return out;
}

/** True when this process was started as a tslab kernel (`tslab kernel --config-path F`). */
function isKernelProcess(): boolean {
  const argv = process.argv;
  return argv.some((a) => /[\\/]tslab$/.test(a)) && argv.includes('kernel') && argv.includes('--config-path');
}

/**
 * The write callback of the copy of tslab that runs the cells, or null outside a kernel.
 * Throws KernelDisplayError when it is ambiguous or missing inside a kernel.
 */
function liveWriter(): WriteDisplayData | null {
  const copies = tslabCopies();
  const live = copies.filter((c) => typeof c.mod.lastWriteDisplayData === 'function');
  if (live.length === 1) return live[0].mod.lastWriteDisplayData;
  const paths = copies.map((c) => c.path);
  if (live.length > 1) {
    throw new KernelDisplayError(
      `kernel-lib: ${live.length} copies of tslab are running cells (${live.map((c) => c.path).join(', ')}); ` +
        'cannot tell which one is the live kernel. Start the notebook with one tslab (the kernelspec of this checkout, "make setup").',
      paths,
    );
  }
  if (isKernelProcess()) {
    throw new KernelDisplayError(
      `kernel-lib: this is a tslab kernel but no loaded copy of tslab has a display channel ` +
        `(copies in require.cache: ${paths.join(', ') || 'none'}); figures and tables cannot be shown. ` +
        'Select the kernelspec of this checkout ("make setup" registers it) and restart the kernel.',
      paths,
    );
  }
  return null;
}

/** True when running inside a tslab kernel that can display rich output. */
export function inKernel(): boolean {
  return liveWriter() !== null;
}

/**
 * Sends one `display_data` output with every MIME type of `data`.
 * Outside a kernel (tests, scripts) it prints `text/plain` to stdout and returns false.
 */
export function displayBundle(data: MimeBundle, metadata: Record<string, unknown> = {}): boolean {
  const write = liveWriter();
  if (!write) {
    if (typeof data['text/plain'] === 'string' && process.env.KERNEL_LIB_QUIET !== '1') {
      process.stdout.write(String(data['text/plain']) + '\n');
    }
    return false;
  }
  write({ data, metadata, transient: {} }, false);
  return true;
}
