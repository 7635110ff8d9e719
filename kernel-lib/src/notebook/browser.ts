/**
 * One headless Chromium session per process (Debian's /usr/bin/chromium driven by
 * playwright-core), holding a page with plotly.js loaded, used to render figures to SVG / PNG /
 * PDF. Opened on first use. When `KERNEL_LIB_BROWSER_WS_ENDPOINT` names a running browser server
 * (the headless runner starts one per run with `chromium.launchServer()` and every kernel of the
 * run connects to it), the session connects to it instead of launching a browser of its own; if
 * that server cannot be reached it falls back to a private browser. `closeBrowser()` closes a
 * private browser, or only disconnects from a shared one (the server belongs to whoever started
 * it). A private browser dies with the process either way (playwright kills it at exit).
 * With `KERNEL_LIB_TIMING_FILE` set, how long opening the session took is appended to that file
 * as one JSON line (`{"event": "browser-launch" | "browser-connect", "seconds": s}`).
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';

/** Where to find Chromium: $CHROMIUM_PATH, else Debian's path. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

export class ChromiumMissingError extends Error {
  constructor(path: string) {
    super(
      `Chromium not found at ${path}. Figure export renders through a real browser: ` +
        `install Debian's Chromium with "sudo apt-get install -y chromium" (or run "make setup"), ` +
        `or point CHROMIUM_PATH at a Chromium/Chrome binary.`,
    );
    this.name = 'ChromiumMissingError';
  }
}

// Flags: see ../shared/docs/toolchain-notes.md; without the background-networking flags
// Chromium keeps trying to reach Google's hosts on this closed network.
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export function plotlyScriptPath(): string {
  return require.resolve('plotly.js-dist-min');
}

/**
 * Plotly names the ids inside an SVG (clip paths, defs) with Math.random, so the same figure
 * exported twice gave two different files. In the render page, Math.random is a seeded
 * generator (mulberry32) reset at every Plotly.newPlot, so a figure's SVG is the same bytes
 * whatever was rendered before it. Nothing else runs in that page.
 */
const DETERMINISTIC_PLOTS = `(() => {
  let s = 0;
  Math.random = () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const P = globalThis.Plotly;
  const newPlot = P.newPlot;
  P.newPlot = function (...args) {
    s = 0;
    return newPlot.apply(this, args);
  };
})()`;

/** The variable that names a shared browser server's WebSocket endpoint. */
export const BROWSER_WS_ENDPOINT_ENV = 'KERNEL_LIB_BROWSER_WS_ENDPOINT';

interface BrowserSession {
  browser: Browser;
  page: Page;
  /** True when connected to a shared browser server rather than owning the browser. */
  shared: boolean;
}

let session: Promise<BrowserSession> | null = null;

function recordTiming(event: string, seconds: number): void {
  const file = process.env.KERNEL_LIB_TIMING_FILE;
  if (file) appendFileSync(file, JSON.stringify({ event, seconds }) + '\n');
}

async function connectShared(endpoint: string): Promise<Browser | null> {
  const { chromium } = await import('playwright-core');
  try {
    return await chromium.connect(endpoint, { timeout: 10_000 });
  } catch {
    return null; // the server is gone: fall back to a private browser
  }
}

async function launch(): Promise<BrowserSession> {
  const t0 = performance.now();
  const endpoint = process.env[BROWSER_WS_ENDPOINT_ENV];
  let browser = endpoint ? await connectShared(endpoint) : null;
  const shared = browser !== null;
  if (!browser) {
    const path = chromiumPath();
    if (!existsSync(path)) throw new ChromiumMissingError(path);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: path, args: [...CHROMIUM_ARGS], headless: true });
  }
  const page = await browser.newPage();
  await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
  await page.addScriptTag({ content: readFileSync(plotlyScriptPath(), 'utf8') });
  await page.evaluate(DETERMINISTIC_PLOTS);
  recordTiming(shared ? 'browser-connect' : 'browser-launch', (performance.now() - t0) / 1000);
  return { browser, page, shared };
}

/** The process-wide browser session (opened on first call, reopened if the browser went away). */
export function browserSession(): Promise<BrowserSession> {
  if (!session) {
    const s = launch();
    session = s;
    s.then(
      ({ browser }) =>
        browser.on('disconnected', () => {
          if (session === s) session = null;
        }),
      () => {
        if (session === s) session = null;
      },
    );
  }
  return session;
}

/**
 * Closes the browser if this process launched it, or disconnects from a shared one (call
 * before a script ends to exit promptly).
 */
export async function closeBrowser(): Promise<void> {
  if (!session) return;
  const s = session;
  session = null;
  try {
    await (await s).browser.close();
  } catch {
    /* launch had failed or already closed */
  }
}
