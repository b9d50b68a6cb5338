import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRig, type Rig } from '@ip/api-server/testing';
import { DEMO_PASSWORD } from '@ip/db/seed';
import { fillDate, launchChromium, screenshot, signIn } from './browser.js';

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

describe('console in Chromium against the real system', () => {
  let programmeUrl = '';

  it('a programme manager signs in, starts a programme and records an inadequate inspection; the 70-WD deadline appears', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London' })).newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, rig.url, 'pm@northmoor.gov.uk', DEMO_PASSWORD);
    await screenshot(page, '01-programmes-empty');

    await page.getByRole('link', { name: 'Start programme' }).click();
    await page.getByLabel('Local authority').fill('Worc');
    await page.getByRole('option', { name: /Worcestershire/ }).click();
    await page.getByLabel('Reason for starting the programme').fill('Judged inadequate in the January ILACS inspection');
    await page.getByRole('button', { name: 'Start programme' }).click();
    await page.getByText('Awaiting inspection').first().waitFor();
    programmeUrl = page.url();

    await page.getByRole('button', { name: 'Record inspection' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Type of inspection').click();
    await page.getByRole('option', { name: 'Standard inspection' }).click();
    await fillDate(dialog, 'Fieldwork started', '2025-09-29');
    await fillDate(dialog, 'Fieldwork ended', '2025-10-10');
    // 30 February does not exist: the form says so in words, against the date, and sends nothing.
    await fillDate(dialog, 'Report received', '2025-02-30');
    await dialog.getByRole('button', { name: 'Record inspection' }).click();
    await dialog.getByText('Report received must be a real date: February 2025 has 28 days').waitFor();
    await fillDate(dialog, 'Report received', '2025-11-03');
    await dialog.getByLabel(/Overall effectiveness/).click();
    await page.getByRole('option', { name: 'Inadequate' }).click();
    await dialog.getByLabel('Reason for this change').fill('Final report received from Ofsted');
    await dialog.getByRole('button', { name: 'Record inspection' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByText('12 February 2026').first().waitFor();
    await expect(page.getByText('15 December 2025').first().isVisible()).resolves.toBe(true);
    await expect(page.getByText('Inspection recorded: Inadequate').first().isVisible()).resolves.toBe(true);
    const shot = await screenshot(page, '02-programme-after-inspection');
    expect(statSync(shot).size).toBeGreaterThan(20_000);
    expect(errors).toEqual([]);

    // And it really is in the workflow and the read model, not just on screen.
    const row = await rig.prisma.programme.findFirstOrThrow({ include: { authority: true } });
    expect(row.authority.name).toMatch(/Worcestershire/);
    expect(row.actionPlanDueOn).toBe('2026-02-12');
  });

  it('an auditor sees everything, finds no mutating control, and the API refuses a forged mutation', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await signIn(page, rig.url, 'auditor@northmoor.gov.uk', DEMO_PASSWORD);
    await page.getByText(/Worcestershire/).first().waitFor();
    expect(await page.getByRole('link', { name: 'Start programme' }).count()).toBe(0);
    await page.goto(programmeUrl);
    await page.getByText('12 February 2026').first().waitFor();
    expect(await page.getByRole('button', { name: 'Record inspection' }).count()).toBe(0);
    await screenshot(page, '03-auditor-programme');

    // Live: a colleague publishes the report elsewhere; this page updates without a reload.
    const colleague = rig.client();
    await colleague.trpc.auth.login.mutate({ email: 'pm@northmoor.gov.uk', password: DEMO_PASSWORD });
    const programmeId = decodeURIComponent(programmeUrl.split('/programmes/')[1]!.split('/')[0]!);
    await colleague.trpc.programmes.publishReport.mutate({ programmeId, clientRequestId: crypto.randomUUID(), reason: 'Published on the council website', publishedOn: '2025-11-20' });
    await page.getByText('Inspection report published on 20 November 2025').first().waitFor({ timeout: 15_000 });

    const forged = await page.evaluate(async () => {
      const res = await fetch('/trpc/programmes.create', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ onsCode: 'E08000099', clientRequestId: crypto.randomUUID(), reason: 'forged by an auditor' }),
      });
      return { status: res.status, body: await res.text() };
    });
    expect(forged.status).toBe(403);
    expect(forged.body).toContain('FORBIDDEN');
    expect(await rig.prisma.programme.count()).toBe(1);
  });
});
