import { randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRig, type Rig } from '@ip/api-server/testing';
import { DEMO_PASSWORD, NORTHMOOR_PROGRAMME_ID } from '@ip/db/seed';
import { addDays, defaultCalendar, londonDateOf } from '@ip/domain';
import { launchChromium, screenshot, signIn } from './browser.js';

const consoleDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
let rig: Rig;
let browser: Browser;

const calendar = defaultCalendar();
const today = londonDateOf(Date.now());
/** The report arrived five working days ago, so the 70-working-day plan deadline is ahead. */
const reportReceivedOn = calendar.addWorkingDays(calendar.workingDayOnOrAfter(today), -5);
const planDueOn = calendar.addWorkingDays(reportReceivedOn, 70);
const actionDueOn = calendar.workingDayOnOrAfter(addDays(today, 40));
const long = (d: string) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${d}T12:00:00Z`));

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London' });
  return context.newPage();
}

/** Picks `option` in the react-admin SelectInput labelled `label` inside `scope`. */
async function choose(page: Page, scope: ReturnType<Page['getByRole']>, label: string | RegExp, option: string | RegExp) {
  await scope.getByLabel(label).click();
  await page.getByRole('option', { name: option }).click();
}

beforeAll(async () => {
  if (!existsSync(join(consoleDir, 'index.html'))) throw new Error('Build the console first (turbo runs build before test)');
  rig = await startRig({ consoleDir });
  browser = await launchChromium();
  // The programme exists (started as in programme-manager.test.ts); everything after is done in the browser.
  const { trpc } = rig.client();
  await trpc.auth.login.mutate({ email: 'pm@northmoor.gov.uk', password: DEMO_PASSWORD });
  const { data } = await trpc.programmes.create.mutate({ onsCode: 'E09000099', clientRequestId: randomUUID(), reason: 'Northmoor judged inadequate' });
  expect(data.id).toBe(NORTHMOOR_PROGRAMME_ID);
});
afterAll(async () => {
  await browser?.close();
  await rig?.close();
});

describe('the programme manager’s working path in Chromium against the real system', () => {
  it('records an inadequate inspection, sees the judgement grid and the 70-working-day deadline, and builds the plan', async () => {
    const page = await newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, rig.url, 'pm@northmoor.gov.uk', DEMO_PASSWORD);

    // Inspection: an inadequate judgement starts the 70-working-day clock.
    await page.getByRole('menuitem', { name: 'Programmes' }).click();
    await page.getByText('Northmoor Borough Council').first().click();
    await page.getByRole('button', { name: 'Record inspection' }).click();
    let dialog = page.getByRole('dialog');
    await choose(page, dialog, 'Type of inspection', 'Standard inspection');
    await dialog.getByLabel('Fieldwork started').fill(addDays(reportReceivedOn, -35));
    await dialog.getByLabel('Fieldwork ended').fill(addDays(reportReceivedOn, -24));
    await dialog.getByLabel('Report received').fill(reportReceivedOn);
    await choose(page, dialog, /Overall effectiveness/, 'Inadequate');
    await choose(page, dialog, /care leavers/, 'Requires improvement to be good');
    await dialog.getByLabel('Reason for this change').fill('Final report received from Ofsted');
    await dialog.getByRole('button', { name: 'Record inspection' }).click();
    await dialog.waitFor({ state: 'detached' });
    const grid = page.getByRole('table', { name: 'Inspection judgements' });
    await grid.getByRole('rowheader', { name: /care leavers/ }).waitFor();
    await expect(grid.getByRole('row', { name: /care leavers.*Requires improvement/ }).count()).resolves.toBe(1);
    await expect(grid.getByRole('row', { name: /Overall effectiveness.*Inadequate/ }).count()).resolves.toBe(1);

    // The action plan page shows the statutory deadline and the working days left.
    await page.getByRole('menuitem', { name: 'Action plan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Action plan' }).waitFor();
    const status = page.getByRole('region', { name: 'Plan status' });
    await status.getByText(long(planDueOn)).waitFor();
    await expect(status.getByText(`${calendar.workingDaysBetween(today, planDueOn)} working days`).isVisible()).resolves.toBe(true);

    // A workstream, then its actions, from the plan page.
    await page.getByRole('link', { name: 'Add a workstream' }).click();
    await page.getByLabel('Name').fill('Permanent social work workforce');
    await page.getByLabel('Key').fill('permanent-workforce');
    await page.getByLabel('Lead', { exact: true }).fill('Priya Shah');
    await choose(page, page.locator('form'), 'Phase', 'Responding');
    await page.getByLabel('Reason for this change').fill('Agreed at the plan-writing workshop');
    await page.getByRole('button', { name: 'Add workstream' }).click();
    await page.getByRole('heading', { level: 1, name: 'Permanent social work workforce' }).waitFor({ timeout: 10_000 }).catch(async (e) => {
      await screenshot(page, 'failure-workstream');
      throw e;
    });

    await page.getByRole('menuitem', { name: 'Action plan' }).click();
    const workstream = page.getByRole('region', { name: 'Permanent social work workforce' });
    for (const title of ['Audit 40 contacts a month at the front door', 'Recruit four permanent MASH social workers']) {
      await workstream.getByRole('button', { name: 'Add action to Permanent social work workforce' }).click();
      dialog = page.getByRole('dialog');
      await dialog.getByLabel('Action', { exact: true }).fill(title);
      await dialog.getByLabel('Owner', { exact: true }).fill('Sam Okafor');
      await dialog.getByLabel('Due date').fill(actionDueOn);
      await dialog.getByLabel('Responds to an Ofsted recommendation or finding').check();
      await dialog.getByLabel('Reason for this change').fill('Agreed at the plan-writing workshop');
      await dialog.getByRole('button', { name: 'Add action' }).click();
      await dialog.waitFor({ state: 'detached' });
      await workstream.getByRole('link', { name: title }).waitFor();
    }
    await expect(workstream.getByText(long(actionDueOn)).count()).resolves.toBe(2);

    await page.waitForLoadState('networkidle');
    const shot = await screenshot(page, '20-action-plan');
    expect(statSync(shot).size).toBeGreaterThan(30_000);
    const rows = await rig.prisma.action.findMany({ where: { programmeId: NORTHMOOR_PROGRAMME_ID } });
    expect(rows.map((r) => r.dueOn)).toEqual([actionDueOn, actionDueOn]);
    expect(errors).toEqual([]);
  });
});
