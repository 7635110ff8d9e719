/**
 * One headless Chromium per process (Debian's /usr/bin/chromium driven by playwright-core),
 * holding a page with plotly.js loaded, used to render figures to SVG / PNG / PDF.
 * Launched on first use, closed at process exit.
 */
import { existsSync, readFileSync } from 'node:fs';
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
const CHROMIUM_ARGS = [
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

interface BrowserSession {
  browser: Browser;
  page: Page;
}

let session: Promise<BrowserSession> | null = null;

async function launch(): Promise<BrowserSession> {
  const path = chromiumPath();
  if (!existsSync(path)) throw new ChromiumMissingError(path);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: path, args: CHROMIUM_ARGS, headless: true });
  const page = await browser.newPage();
  await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
  await page.addScriptTag({ content: readFileSync(plotlyScriptPath(), 'utf8') });
  return { browser, page };
}

/** The process-wide browser session (launched on first call). */
export function browserSession(): Promise<BrowserSession> {
  if (!session) {
    session = launch();
    session.catch(() => {
      session = null;
    });
  }
  return session;
}

/** Closes the browser if it is open (call before a script ends to exit promptly). */
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
