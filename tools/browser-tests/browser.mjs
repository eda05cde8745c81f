// Debian's chromium, headless, through playwright-core: the flags that keep it off the closed
// network of CI machines, and a fresh profile every time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Runs {@code work(context)} in a new browser with an empty profile, and removes the profile after. */
export async function withBrowser(work, viewport = { width: 1400, height: 900 }) {
  const profile = mkdtempSync(join(tmpdir(), 'accessgate-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ARGS,
    viewport,
  });
  try {
    return await work(context);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Opens the dashboard, enters the token, waits for the first full load. */
export async function openDashboard(page, base, token) {
  await page.goto(`${base}/dashboard`);
  await page.fill('#token-input', token);
  await page.click('#token-form button[type=submit]');
  await page.waitForSelector('body[data-loaded]');
}
