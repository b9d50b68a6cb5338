/**
 * Measures the console's JavaScript and first load in Chromium, and prints the figures:
 *  - gzip size of all emitted JS, of the JS fetched before the sign-in form is usable, and of the
 *    JS fetched from then until the dashboard is rendered;
 *  - navigation start → sign-in form usable, and "Sign in" clicked → dashboard rendered
 *    (median of --runs cold loads, each in a fresh browser context with an empty cache).
 *
 *   pnpm --filter @ip/console measure-load                      # builds nothing; measures dist/
 *   pnpm --filter @ip/console measure-load -- --dist /tmp/old-dist --runs 7
 *   pnpm --filter @ip/console measure-load -- --url http://127.0.0.1:3000   # a running `npm run dev`
 *
 * Without --url it starts the test rig (real API, worker and database; needs DATABASE_URL and
 * TEMPORAL_ADDRESS, as `bash infra/test.sh` sets them) serving the built console from --dist.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { DEMO_PASSWORD } from '@ip/db/seed';
import { loadE2eEnv } from '../e2e/env.js';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: { dist: { type: 'string' }, url: { type: 'string' }, runs: { type: 'string', default: '5' }, email: { type: 'string', default: 'pm@northmoor.gov.uk' } },
});
const dist = resolve(values.dist ?? join(import.meta.dirname, '..', 'dist'));
const runs = Number(values.runs);

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const gzipOf = (file: string) => gzipSync(readFileSync(file)).length;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function bundleSizes(): { files: number; total: number } {
  const assets = join(dist, 'assets');
  const js = readdirSync(assets).filter((f) => f.endsWith('.js'));
  return { files: js.length, total: js.reduce((sum, f) => sum + gzipOf(join(assets, f)), 0) };
}

/** gzip bytes of the console's own JS files a page fetched (by name, from dist/assets). */
function fetchedSize(urls: Set<string>): { files: number; bytes: number } {
  const names = [...urls].map((u) => new URL(u).pathname).filter((p) => p.startsWith('/assets/') && p.endsWith('.js'));
  return { files: names.length, bytes: names.reduce((sum, p) => sum + gzipOf(join(dist, p)), 0) };
}

async function oneLoad(browser: Browser, url: string) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London' });
  const page = await context.newPage();
  const loginJs = new Set<string>();
  const dashboardJs = new Set<string>();
  let formUsable = false;
  page.on('request', (r) => (formUsable ? dashboardJs : loginJs).add(r.url()));
  await page.goto(url, { waitUntil: 'commit' });
  // Usable: the email field and an enabled "Sign in" button are on the page (ms since navigation start).
  const loginReady = (await (
    await page.waitForFunction(() => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Sign in');
      return document.querySelector('input[type=email], input[autocomplete=email], input[name=email]') && button && !button.disabled ? performance.now() : false;
    }, undefined, { polling: 'raf', timeout: 60_000 })
  ).jsonValue()) as number;
  formUsable = true;
  await page.getByLabel('Email address').fill(values.email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  const clickedAt = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Rendered: the menu and the dashboard's main heading are shown and nothing is loading.
  const dashboardAt = (await (
    await page.waitForFunction(
      () => (document.querySelector('[role=menuitem]') && document.querySelector('main h1') && !document.querySelector('[role=progressbar]') ? performance.now() : false),
      undefined,
      { polling: 'raf', timeout: 60_000 },
    )
  ).jsonValue()) as number;
  await context.close();
  return { loginReady, signInToDashboard: dashboardAt - clickedAt, loginJs: fetchedSize(loginJs), dashboardJs: fetchedSize(dashboardJs) };
}

const sizes = bundleSizes();
let close = async () => {};
let url = values.url;
if (!url) {
  const { startRig } = await import('@ip/api-server/testing');
  const rig = await startRig({ consoleDir: dist });
  url = rig.url;
  close = () => rig.close();
}
const browser = await chromium.launch({ executablePath: loadE2eEnv().CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu'] });
try {
  await oneLoad(browser, url); // warm-up: the server's first responses (and its JIT) are not the console's
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await oneLoad(browser, url));
  const first = results[0]!;
  console.log(`console dist: ${dist}`);
  console.log(`all emitted JS: ${sizes.files} files, ${kb(sizes.total)} gzip`);
  console.log(`JS fetched before the sign-in form was usable: ${first.loginJs.files} files, ${kb(first.loginJs.bytes)} gzip`);
  console.log(`JS fetched from then until the dashboard rendered (idle prefetch + after sign-in): ${first.dashboardJs.files} files, ${kb(first.dashboardJs.bytes)} gzip (total: ${kb(first.loginJs.bytes + first.dashboardJs.bytes)})`);
  console.log(`navigation start → sign-in form usable: median ${median(results.map((r) => r.loginReady)).toFixed(0)} ms (${results.map((r) => r.loginReady.toFixed(0)).join(', ')})`);
  console.log(`sign-in clicked → dashboard rendered: median ${median(results.map((r) => r.signInToDashboard)).toFixed(0)} ms (${results.map((r) => r.signInToDashboard.toFixed(0)).join(', ')})`);
} finally {
  await browser.close();
  await close();
}
