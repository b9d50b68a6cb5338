/**
 * The sign-in page in Chromium against the real API server: every script and the page itself come
 * brotli-compressed from the copies the build wrote, and a fresh load transfers fewer bytes than the
 * same server sends a browser that accepts no compression (the baseline, measured in the same run).
 * Prints both figures and the ratio (the README quotes them).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRig, type Rig } from '@ip/api-server/testing';
import { launchChromium } from './browser.js';
import { signInPageTransfer } from './transfer.js';

const consoleDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
let rig: Rig;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(join(consoleDir, 'index.html'))) throw new Error('Build the console first (turbo runs build before test)');
  rig = await startRig({ consoleDir });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await rig?.close();
});

describe('the console’s files on the wire', () => {
  it('the sign-in page comes brotli-compressed and transfers fewer bytes than uncompressed', async () => {
    const before = await signInPageTransfer(browser, rig.url, 'identity');
    const after = await signInPageTransfer(browser, rig.url, 'browser-default');
    const files = (t: typeof after) => [...t.encodings].filter(([p]) => !p.startsWith('/trpc/'));
    // The page and its scripts, the same ones both times.
    expect(files(after).map(([p]) => p).sort()).toEqual(files(before).map(([p]) => p).sort());
    expect(files(after).some(([p]) => p.endsWith('.js'))).toBe(true);
    for (const [path, encoding] of files(after)) expect(encoding, path).toBe('br');
    for (const [path, encoding] of files(before)) expect(encoding, path).toBe('identity');
    console.log(`sign-in page transferred: before ${before.bytes} bytes, after ${after.bytes} bytes, ratio ${(after.bytes / before.bytes).toFixed(3)}`);
    expect(after.bytes).toBeLessThan(before.bytes);
  });
});
