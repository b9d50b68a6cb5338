/**
 * Text that looks like HTML, entered through the API, is shown as text in the console: no script
 * runs (a window flag stays unset, no dialog opens) and the literal text is visible.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRig, type Rig } from '@ip/api-server/testing';
import { DEMO_PASSWORD } from '@ip/db/seed';
import { launchChromium, screenshot, signIn } from './browser.js';

const consoleDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const PROGRAMME_ID = 'programme-E07999001-1';
const TITLE = '<img src=x onerror="window.__pwned=1;alert(1)"> Placement sufficiency';
const OWNER = '<script>window.__pwned=2;alert(2)</script>Director';
const MITIGATION = '"><svg onload="window.__pwned=3"></svg><b>bold?</b>';
let rig: Rig;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(join(consoleDir, 'index.html'))) throw new Error('Build the console first (turbo runs build before test)');
  rig = await startRig({ consoleDir });
  browser = await launchChromium();
  // A programme row for the register (registers key rows by programme id; no workflow needed).
  const authority = await rig.prisma.localAuthority.create({ data: { onsCode: 'E07999001', name: 'Inert Borough Council' } });
  await rig.prisma.programme.create({
    data: { id: PROGRAMME_ID, authorityId: authority.id, cycle: 1, phase: 'action_planning', state: {}, stateVersion: 1, startedAt: new Date() },
  });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await rig?.close();
});

describe('HTML in user text renders inert', () => {
  it('a risk whose title, owner and mitigation hold markup shows them as literal text; no script runs', async () => {
    const { trpc } = rig.client();
    await trpc.auth.login.mutate({ email: 'pm@northmoor.gov.uk', password: DEMO_PASSWORD });
    const { data: risk } = await trpc.risks.create.mutate({
      clientRequestId: `req-${crypto.randomUUID()}`,
      reason: '<script>window.__pwned=4</script> review',
      programmeId: PROGRAMME_ID,
      risk: {
        ref: 'RX1', title: TITLE, owner: OWNER, mitigation: MITIGATION, threshold: 12,
        beforeMitigation: { likelihood: 4, impact: 4 }, afterMitigation: { likelihood: 3, impact: 3 },
      },
    });

    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London' });
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    // Any request for the injected image's source would mean the markup became an element.
    const injected: string[] = [];
    page.on('request', (r) => { if (/\/x$/.test(new URL(r.url()).pathname)) injected.push(r.url()); });
    await signIn(page, rig.url, 'pm@northmoor.gov.uk', DEMO_PASSWORD);

    await page.goto(`${rig.url}/#/risks/${encodeURIComponent(risk.id)}/show`);
    await page.getByText(TITLE).first().waitFor();
    await page.getByText(OWNER, { exact: false }).first().waitFor();
    await page.getByText(MITIGATION).first().waitFor();
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'inert-html-risk');

    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(injected).toEqual([]);
    // The markup is text, not elements: no injected img/script/svg/b nodes anywhere in the page.
    const elements = await page.evaluate(() => ({
      img: document.querySelectorAll('img[src="x"]').length,
      svg: document.querySelectorAll('svg[onload]').length,
      script: [...document.querySelectorAll('script')].filter((s) => s.textContent?.includes('__pwned')).length,
      b: [...document.querySelectorAll('b')].filter((b) => b.textContent === 'bold?').length,
    }));
    expect(elements).toEqual({ img: 0, svg: 0, script: 0, b: 0 });
    await expect(page.getByText(TITLE).first().isVisible()).resolves.toBe(true);
    await expect(page.getByText(OWNER).first().isVisible()).resolves.toBe(true);
  }, 120_000);
});
