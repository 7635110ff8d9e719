/**
 * One warm Chromium for a whole run: started with playwright's `chromium.launchServer()` the
 * first time a notebook needs it, its WebSocket endpoint put in KERNEL_LIB_BROWSER_WS_ENDPOINT
 * so that every kernel the run starts (and this process's own figure export) connects to it
 * instead of launching a browser of its own (kernel-lib/src/notebook/browser.ts). Closed at the
 * end of the run; playwright also kills it if this process is interrupted.
 */
import { existsSync } from 'node:fs';
import type { BrowserServer } from 'playwright-core';
import { BROWSER_WS_ENDPOINT_ENV, CHROMIUM_ARGS, ChromiumMissingError, chromiumPath } from '../../kernel-lib/src/notebook/browser.js';

export class SharedBrowser {
  private server: Promise<BrowserServer> | null = null;
  private readonly inherited = process.env[BROWSER_WS_ENDPOINT_ENV];
  /** Seconds the launch took (0 until launched, or when an outer run's server is reused). */
  launchSeconds = 0;

  /** The endpoint, launching the server on first call (an endpoint set by an outer run is reused). */
  async endpoint(): Promise<string> {
    if (this.inherited) return this.inherited;
    if (!this.server) {
      const path = chromiumPath();
      if (!existsSync(path)) throw new ChromiumMissingError(path);
      const t0 = performance.now();
      this.server = import('playwright-core').then(({ chromium }) =>
        chromium.launchServer({ executablePath: path, args: [...CHROMIUM_ARGS], headless: true }),
      );
      this.server.then(() => (this.launchSeconds = (performance.now() - t0) / 1000), () => undefined);
    }
    const ws = (await this.server).wsEndpoint();
    process.env[BROWSER_WS_ENDPOINT_ENV] = ws;
    return ws;
  }

  async close(): Promise<void> {
    if (!this.server) return;
    const s = this.server;
    this.server = null;
    if (process.env[BROWSER_WS_ENDPOINT_ENV] !== this.inherited) delete process.env[BROWSER_WS_ENDPOINT_ENV];
    try {
      await (await s).close();
    } catch {
      /* the launch had failed */
    }
  }
}
