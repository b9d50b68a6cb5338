/**
 * What a fresh load of the sign-in page costs on the wire, as Chromium counts it: the sum of
 * `encodedDataLength` (headers and body as received, before decoding) over every response from
 * navigation until the network is idle (the page's idle prefetch of the dashboard included), in a
 * new browser context with an empty cache.
 */
import type { Browser } from 'playwright-core';

export interface TTransfer {
  /** Bytes received, headers included. */
  bytes: number;
  responses: number;
  /** Content-Encoding of each response by path ('identity' when none). */
  encodings: Map<string, string>;
}

/**
 * `identity`: the browser asks for uncompressed bodies (Accept-Encoding: identity, set through the
 * DevTools protocol), i.e. what a server that ignores compression sends — the baseline, measured
 * in the same run against the same server and files.
 */
export async function signInPageTransfer(browser: Browser, url: string, mode: 'browser-default' | 'identity'): Promise<TTransfer> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London' });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (mode === 'identity') await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': 'identity' } });
    const paths = new Map<string, string>();
    const encodings = new Map<string, string>();
    let bytes = 0;
    let responses = 0;
    cdp.on('Network.responseReceived', (e) => {
      const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
      const path = new URL(e.response.url).pathname;
      paths.set(e.requestId, path);
      encodings.set(path, headers['content-encoding'] ?? 'identity');
    });
    cdp.on('Network.loadingFinished', (e) => {
      if (!paths.has(e.requestId)) return;
      bytes += e.encodedDataLength;
      responses += 1;
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.waitForLoadState('networkidle');
    return { bytes, responses, encodings };
  } finally {
    await context.close();
  }
}
