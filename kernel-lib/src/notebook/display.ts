/**
 * The one adapter between kernel-lib and tslab's display channel.
 *
 * tslab's public `display.raw(mime, string)` sends one MIME type per output, as a string.
 * A plotly figure must arrive as an *object* under `application/vnd.plotly.v1+json`, beside an
 * `image/png` (for GitHub / nbviewer) and `text/plain`, in the same output. tslab keeps the
 * current cell's `writeDisplayData` callback in `tslab/dist/jupyter.js` (`lastWriteDisplayData`);
 * calling it with a full bundle sends one `display_data` message with every MIME type.
 * That export is undocumented, so it is reached here only, and tested (display.test.ts).
 */
export type MimeBundle = Record<string, unknown>;

interface WriteDisplayData {
  (data: { data: MimeBundle; metadata: Record<string, unknown>; transient: Record<string, unknown> }, update: boolean): void;
}

interface TslabJupyterModule {
  lastWriteDisplayData: WriteDisplayData | null;
}

/** Finds tslab's jupyter module *as loaded by the running kernel* (never loads a second copy). */
function tslabJupyter(): TslabJupyterModule | null {
  for (const key of Object.keys(require.cache)) {
    if (/[\\/]tslab[\\/]dist[\\/]jupyter\.js$/.test(key)) {
      const mod = require.cache[key]?.exports as TslabJupyterModule | undefined;
      if (mod && 'lastWriteDisplayData' in mod) return mod;
    }
  }
  return null;
}

/** True when running inside a tslab kernel that can display rich output. */
export function inKernel(): boolean {
  return typeof tslabJupyter()?.lastWriteDisplayData === 'function';
}

/**
 * Sends one `display_data` output with every MIME type of `data`.
 * Outside a kernel (tests, scripts) it prints `text/plain` to stdout and returns false.
 */
export function displayBundle(data: MimeBundle, metadata: Record<string, unknown> = {}): boolean {
  const write = tslabJupyter()?.lastWriteDisplayData;
  if (typeof write !== 'function') {
    if (typeof data['text/plain'] === 'string' && process.env.KERNEL_LIB_QUIET !== '1') {
      process.stdout.write(String(data['text/plain']) + '\n');
    }
    return false;
  }
  write({ data, metadata, transient: {} }, false);
  return true;
}
