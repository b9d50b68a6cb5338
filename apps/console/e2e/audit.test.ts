/**
 * The auditor in Chromium against the real system (dev-server Temporal, real worker, PostgreSQL):
 * opens a programme's history, expands a raw event, filters it, then on the programme page moves the
 * "as at" slider back to the start and sees the earlier state (awaiting inspection), and saves a
 * screenshot of each.
 */
import { existsSync, statSync } from 'node:fs';
import { randomInt, randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRig, type Rig } from '@ip/api-server/testing';
import { DEMO_PASSWORD } from '@ip/db/seed';
import { launchChromium, screenshot, signIn } from './browser.js';

const consoleDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
let rig: Rig;
let browser: Browser;
let programmeId = '';

beforeAll(async () => {
  if (!existsSync(join(consoleDir, 'index.html'))) throw new Error('Build the console first (turbo runs build before test)');
  rig = await startRig({ consoleDir });
  browser = await launchChromium();
  // A programme manager runs the programme through the API: started, then an inadequate inspection.
  const { trpc } = rig.client();
  await trpc.auth.login.mutate({ email: 'pm@northmoor.gov.uk', password: DEMO_PASSWORD });
  const ons = `W${String(randomInt(10_000_000, 99_999_999))}`;
  await rig.prisma.localAuthority.create({ data: { onsCode: ons, name: 'Historymoor Borough Council' } });
  programmeId = (await trpc.programmes.create.mutate({ onsCode: ons, clientRequestId: randomUUID(), reason: 'Judged inadequate' })).data.id;
  await trpc.programmes.recordInspection.mutate({ programmeId, clientRequestId: randomUUID(), reason: 'Final report received from Ofsted',
    inspection: { type: 'standard', fieldworkStartedOn: '2025-09-29', fieldworkEndedOn: '2025-10-10', reportReceivedOn: '2025-11-03', judgements: { overallEffectiveness: 'inadequate' } } });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await rig?.close();
});

describe('auditor: history and "as at" in Chromium', () => {
  it('reads the history in business words, expands a raw event, filters by category', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London' })).newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, rig.url, 'auditor@northmoor.gov.uk', DEMO_PASSWORD);
    await page.goto(`${rig.url}/#/programmes/${encodeURIComponent(programmeId)}/history`);
    // Named by the programme, not its id.
    const table = page.getByRole('table', { name: /^History of / });
    await table.getByText(/^Inspection recorded: Inadequate/).waitFor();
    await expect(table.getByText('Final report received from Ofsted').isVisible()).resolves.toBe(true);
    await table.getByRole('button', { name: /Show raw event/ }).first().click();
    await page.getByLabel(/Raw Temporal event/).first().getByText(/EVENT_TYPE_WORKFLOW_EXECUTION_STARTED/).waitFor();
    await screenshot(page, 'audit-01-history');

    await page.getByLabel('Category').click();
    await page.getByRole('option', { name: 'By a person' }).click();
    await page.getByRole('status').filter({ hasText: /events/ }).waitFor();
    const rows = await table.locator('tbody tr').count();
    expect(rows).toBeGreaterThanOrEqual(2);
    // Exports are there for the auditor too.
    await expect(page.getByRole('button', { name: 'Export CSV' }).isVisible()).resolves.toBe(true);
    expect(errors).toEqual([]);
  }, 60_000);

  it('moves the "as at" slider on the programme page back to the start and sees the earlier state', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 1000 }, locale: 'en-GB', timezoneId: 'Europe/London' })).newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, rig.url, 'auditor@northmoor.gov.uk', DEMO_PASSWORD);
    await page.goto(`${rig.url}/#/programmes/${encodeURIComponent(programmeId)}/show`);
    const panel = page.locator('section[aria-labelledby="as-at-heading"]');
    await panel.getByText(/\(now\)/).waitFor();
    await expect(panel.getByText('Action planning').first().isVisible()).resolves.toBe(true);
    const slider = panel.getByRole('slider');
    await slider.focus();
    await page.keyboard.press('Home');
    await panel.getByText(/after “Programme started for Historymoor/).waitFor();
    await panel.getByText('Awaiting inspection').first().waitFor();
    await expect(panel.getByText('Not yet inspected').isVisible()).resolves.toBe(true);
    const shot = await screenshot(page, 'audit-02-as-at-start');
    expect(statSync(shot).size).toBeGreaterThan(20_000);
    await page.keyboard.press('End');
    await panel.getByText(/\(now\)/).waitFor();
    expect(errors).toEqual([]);
  }, 60_000);
});
