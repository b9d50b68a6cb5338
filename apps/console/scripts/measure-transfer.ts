/**
 * The sign-in page's transferred bytes in Chromium, with the console's precompressed assets (what
 * the browser gets by default: brotli) against the same server and files sent uncompressed (the
 * browser asking for identity, as every browser got before the API served compressed files).
 * Median of --runs fresh loads each; prints both and the ratio.
 *
 *   pnpm --filter @ip/console measure-transfer                    # needs DATABASE_URL and TEMPORAL_ADDRESS
 *   pnpm --filter @ip/console measure-transfer -- --url http://127.0.0.1:3000 --runs 5   # a running `npm run dev`
 *
 * Without --url it starts the test rig (real API, worker and database) serving the built console
 * (dist/, built by `pnpm --filter @ip/console build`, which writes the .br/.gz copies).
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../e2e/browser.js';
import { signInPageTransfer } from '../e2e/transfer.js';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: { dist: { type: 'string' }, url: { type: 'string' }, runs: { type: 'string', default: '3' } },
});
const dist = resolve(values.dist ?? join(import.meta.dirname, '..', 'dist'));
const runs = Number(values.runs);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

let close = async () => {};
let url = values.url;
if (!url) {
  const { startRig } = await import('@ip/api-server/testing');
  const rig = await startRig({ consoleDir: dist });
  url = rig.url;
  close = () => rig.close();
}
const browser = await launchChromium();
try {
  await signInPageTransfer(browser, url, 'browser-default'); // warm-up
  const before: number[] = [];
  const after: number[] = [];
  let last = await signInPageTransfer(browser, url, 'browser-default');
  for (let i = 0; i < runs; i++) {
    // Alternated, so load on the machine falls on both alike (bytes should not vary; this is cheap insurance).
    before.push((await signInPageTransfer(browser, url, 'identity')).bytes);
    last = await signInPageTransfer(browser, url, 'browser-default');
    after.push(last.bytes);
  }
  const b = median(before);
  const a = median(after);
  const assets = [...last.encodings].filter(([p]) => !p.startsWith('/trpc/')).map(([p, e]) => `${p} ${e}`).join(', ');
  console.log(`sign-in page, fresh load until network idle (${last.responses} responses): ${assets}`);
  console.log(`transferred before (uncompressed): ${b} bytes (${kib(b)})`);
  console.log(`transferred after (precompressed): ${a} bytes (${kib(a)})`);
  console.log(`signInTransferRatio ${(a / b).toFixed(3)} (after / before; ${(b / a).toFixed(1)}x fewer bytes)`);
} finally {
  await browser.close();
  await close();
}
