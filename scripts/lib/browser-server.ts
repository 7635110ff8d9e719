/**
 * One warm Chromium for a whole run: launched the first time a notebook needs it, with a DevTools
 * endpoint on 127.0.0.1 that every kernel of the run (and this process's own figure export)
 * connects to instead of launching a browser of its own (kernel-lib/src/notebook/browser.ts).
 * Loading plotly.js into a page is the expensive part of a render session, so the browser keeps
 * warm pages (plotly loaded): each notebook run borrows one (KERNEL_LIB_BROWSER_PAGE names it),
 * and gives it back when its kernel has exited, so plotly is loaded once per concurrent job, not
 * once per notebook. Closed at the end of the run; playwright also kills it if this process dies.
 */
import { existsSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { BROWSER_CDP_ENDPOINT_ENV, CHROMIUM_ARGS, ChromiumMissingError, chromiumPath, preparePlotPage } from '../../kernel-lib/src/notebook/browser.js';
import { freePort } from './free-port.js';

interface Launched {
  browser: Browser;
  context: BrowserContext;
  endpoint: string;
}

export class SharedBrowser {
  private launched: Promise<Launched> | null = null;
  private readonly idle: { token: string; page: Page }[] = [];
  private count = 0;
  /** Seconds the launch took (0 until launched). */
  launchSeconds = 0;

  private launch(): Promise<Launched> {
    if (!this.launched) {
      const path = chromiumPath();
      if (!existsSync(path)) throw new ChromiumMissingError(path);
      const t0 = performance.now();
      this.launched = (async () => {
        const { chromium } = await import('playwright-core');
        const port = await freePort();
        const browser = await chromium.launch({ executablePath: path, args: [...CHROMIUM_ARGS, `--remote-debugging-port=${port}`, '--remote-debugging-address=127.0.0.1'], headless: true });
        const context = await browser.newContext();
        this.launchSeconds = (performance.now() - t0) / 1000;
        return { browser, context, endpoint: `http://127.0.0.1:${port}` };
      })();
      this.launched.catch(() => (this.launched = null));
    }
    return this.launched;
  }

  /** The endpoint (launching the browser on first call), also put in this process's environment. */
  async endpoint(): Promise<string> {
    const { endpoint } = await this.launch();
    process.env[BROWSER_CDP_ENDPOINT_ENV] = endpoint;
    return endpoint;
  }

  /** A warm page for one notebook run: its token (for KERNEL_LIB_BROWSER_PAGE) and how to give it back. */
  async borrowPage(): Promise<{ token: string; release: () => Promise<void> }> {
    const { context } = await this.launch();
    let entry = this.idle.pop();
    if (!entry) {
      const token = `kernel-lib-page-${process.pid}-${++this.count}`;
      const page = await context.newPage();
      await preparePlotPage(page, token);
      entry = { token, page };
    }
    const e = entry;
    return {
      token: e.token,
      release: async () => {
        // A page that a render left in a bad state is replaced rather than handed on.
        const clean = await e.page
          .evaluate(() => document.querySelectorAll('.js-plotly-plot').length === 0 && typeof (globalThis as unknown as { Plotly?: unknown }).Plotly === 'object')
          .catch(() => false);
        if (clean) this.idle.push(e);
        else await e.page.close().catch(() => undefined);
      },
    };
  }

  async close(): Promise<void> {
    if (!this.launched) return;
    const l = this.launched;
    this.launched = null;
    this.idle.length = 0;
    delete process.env[BROWSER_CDP_ENDPOINT_ENV];
    try {
      await (await l).browser.close();
    } catch {
      /* the launch had failed */
    }
  }
}
