import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * What scripts/run-e2e.mjs started for this run, handed to the tests in the environment variable
 * ACS_E2E_SESSION (JSON). The runner owns the processes and stops them by pid; the tests only
 * connect to them.
 */
export interface SessionConfig {
  /** code-server's base URL, e.g. http://127.0.0.1:41234 */
  readonly workbenchUrl: string;
  /** The folder the workbench opens (empty). */
  readonly workspaceFolder: string;
  /** Playwright browser server of the headless Chromium. */
  readonly wsEndpoint: string;
  /** The emulator started by its command line. */
  readonly emulator: { readonly endpoint: string; readonly accessKey: string; readonly connectionString: string };
  /** The second emulator, over https: the Azure cloud VS Code's settings point Resource Manager at; `ca` is its certificate. */
  readonly cloud: { readonly endpoint: string; readonly accessKey: string; readonly ca: string };
  /** Where screenshots of failed tests go. */
  readonly failureDir: string;
  /** Set when the run saves the README pictures (ACS_E2E_SCREENSHOTS=1): the repository's media folder. */
  readonly picturesDir?: string;
}

export const SESSION_VARIABLE = 'ACS_E2E_SESSION';

/** The window size of every run: the pictures in media/ are taken at this size. */
export const VIEWPORT = { width: 1024, height: 640 } as const;

export function readSessionConfig(): SessionConfig {
  const text = process.env[SESSION_VARIABLE];
  if (!text) {
    throw new Error(`${SESSION_VARIABLE} is not set: run the end-to-end tests with \`npm run test:e2e\``);
  }
  return JSON.parse(text) as SessionConfig;
}

export interface Session {
  readonly config: SessionConfig;
  readonly browser: Browser;
  readonly page: Page;
}

let current: Session | undefined;

/** Connects to the browser and opens the workbench in a page allowed to use the clipboard. */
export async function openSession(config: SessionConfig): Promise<Session> {
  const browser = await chromium.connect(config.wsEndpoint);
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: config.workbenchUrl });
  const page = await context.newPage();
  const url = `${config.workbenchUrl}/?${new URLSearchParams({ folder: config.workspaceFolder }).toString()}`;
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120_000 });
  current = { config, browser, page };
  return current;
}

export function session(): Session {
  if (!current) {
    throw new Error('The workbench session is not open (the root hook opens it before the first test).');
  }
  return current;
}

export async function closeSession(): Promise<void> {
  const closing = current;
  current = undefined;
  await closing?.browser.close();
}
