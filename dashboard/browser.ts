/** Launches Debian's Chromium for the dashboard's screenshots, tests and bench. */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, never a downloaded browser (DEVELOPERS.md, "Browser tests"); CAPE_CHROMIUM overrides. */
export const chromiumPath = (): string => process.env.CAPE_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export class BrowserMissing extends Error {}

export async function launchChromium(): Promise<Browser> {
  const path = chromiumPath();
  if (!existsSync(path))
    throw new BrowserMissing(`no browser at ${path}: install Debian's chromium (\`make system-deps\`, or apt-get install -y chromium), or set CAPE_CHROMIUM`);
  return chromium.launch({ executablePath: path, args: CHROMIUM_ARGS });
}
