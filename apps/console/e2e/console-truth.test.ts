/**
 * What the console says must be true (issue 14, first phase), in Chromium against the real system:
 * Northmoor as the demo has it (report received 3 November 2025, the scrutiny milestone due
 * 31 December 2025 done on 6 January 2026, visit 1 planned for 12 May 2026 with no fieldwork recorded,
 * Worcestershire's 2017-18 KPI readings), an action signed off with an extension pending.
 * Each check fails on the behaviour the issue reported.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRig, type Rig } from '@ip/api-server/testing';
import { DEMO_PASSWORD, NORTHMOOR_PROGRAMME_ID } from '@ip/db/seed';
import { addDays, defaultCalendar, londonDateOf } from '@ip/domain';
import { fillDate, launchChromium, screenshot, signIn } from './browser.js';

const consoleDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const meta = (reason: string) => ({ clientRequestId: randomUUID(), reason });
const ACTION_TITLE = 'Audit of contact decisions within 24 hours';

let rig: Rig;
let browser: Browser;
let actionId = '';

beforeAll(async () => {
  if (!existsSync(join(consoleDir, 'index.html'))) throw new Error('Build the console first (turbo runs build before test)');
  rig = await startRig({ consoleDir });
  browser = await launchChromium();
  const { trpc } = rig.client();
  await trpc.auth.login.mutate({ email: 'pm@northmoor.gov.uk', password: DEMO_PASSWORD });
  const programmeId = (await trpc.programmes.create.mutate({ onsCode: 'E09000099', ...meta('Northmoor judged inadequate') })).data.id;
  expect(programmeId).toBe(NORTHMOOR_PROGRAMME_ID);
  await trpc.programmes.recordInspection.mutate({
    programmeId, ...meta('Ofsted report received'),
    inspection: { type: 'standard', fieldworkStartedOn: '2025-09-29', fieldworkEndedOn: '2025-10-10', reportReceivedOn: '2025-11-03', judgements: { overallEffectiveness: 'inadequate' } },
  });
  await trpc.programmes.completeMilestone.mutate({ programmeId, ...meta('Scrutiny panel, one week late'), milestone: 'scrutiny', completedOn: '2026-01-06' });
  // The plan goes in later: that must not move the day the scrutiny milestone was done.
  await trpc.programmes.submitPlan.mutate({
    programmeId, ...meta('Plan submitted to Ofsted and the DfE'), submittedOn: '2026-02-10',
    approvals: [{ body: 'dcs', on: '2026-02-05', by: 'Director of Children’s Services' }, { body: 'cabinet', on: '2026-01-22', by: 'Cabinet' }],
  });
  await trpc.programmes.recordPlanResponse.mutate({ programmeId, ...meta("Ofsted's letter on the plan"), outcome: 'accepted', letterOn: '2026-03-03', comments: 'The plan addresses the recommendations.' });
  await trpc.programmes.scheduleMonitoringVisit.mutate({ programmeId, ...meta('Ofsted notified the council'), number: 1, theme: 'Front door', plannedStartOn: '2026-05-12' });

  const calendar = defaultCalendar();
  const dueOn = calendar.addWorkingDays(calendar.workingDayOnOrAfter(londonDateOf(Date.now())), 30);
  actionId = (await trpc.actions.create.mutate({
    ...meta('In the plan'), programmeId, title: ACTION_TITLE, workstream: 'front-door', owner: { name: 'Helen Okafor' }, dueOn, ofstedLinked: true, recommendationRefs: [],
  })).data.id;
  await trpc.actions.requestExtension.mutate({ actionId, ...meta('Asked at the workstream meeting'), newDueOn: addDays(dueOn, 60), justification: 'Recruitment to the new team delayed' });
  await trpc.actions.updateProgress.mutate({ actionId, ...meta('Monthly update'), percentComplete: 100, note: 'Audit complete' });
  await trpc.actions.attachEvidence.mutate({ actionId, ...meta('Audit report'), title: 'Audit of 40 contacts', reference: 'QA-2026-14' });
  await trpc.actions.requestSignOff.mutate({ actionId, ...meta('All done; evidence attached') });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await rig?.close();
});

async function pageAs(email: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London' })).newPage();
  await signIn(page, rig.url, email, DEMO_PASSWORD);
  return page;
}

const rowText = async (page: Page, name: string | RegExp) => (await page.getByRole('row', { name }).first().innerText()).replace(/\s+/g, ' ');

describe('console tells the truth (issue 14)', () => {
  it('a milestone done late reads "Done, 3 working days late" (to the day it was done), on the programme page and in the as-at panel', async () => {
    const page = await pageAs('auditor@northmoor.gov.uk');
    await page.goto(`${rig.url}/#/programmes/${encodeURIComponent(NORTHMOOR_PROGRAMME_ID)}/show`);
    const clocks = page.getByRole('table', { name: 'Statutory clocks', exact: true });
    await clocks.getByRole('row', { name: /scrutiny/i }).waitFor();
    // 31 December 2025 → 6 January 2026: 2, 5 and 6 January (1 January is a bank holiday).
    expect(await rowText(page, /scrutiny/i)).toMatch(/31 December 2025 Done, 3 working days late Met late/);
    const asAt = page.getByRole('table', { name: 'Statutory clocks then' });
    await asAt.getByRole('row', { name: /scrutiny/i }).waitFor({ timeout: 30_000 });
    expect((await asAt.getByRole('row', { name: /scrutiny/i }).innerText()).replace(/\s+/g, ' ')).toMatch(/Done, 3 working days late Met late/);
    // Labels, not keys, in the as-at panel.
    const panel = await page.getByRole('region', { name: 'As at an earlier date' }).innerText();
    expect(panel).toContain('Inadequate');
    expect(panel).not.toMatch(/\binadequate\b|_/);
    await screenshot(page, 'programme-page');
  });

  it('the dashboard and the visit page agree on the visit\'s stage; a KPI read in 2017-18 is flagged out of date', async () => {
    const page = await pageAs('auditor@northmoor.gov.uk');
    const panel = page.getByRole('region', { name: 'Next monitoring visit' });
    await panel.getByText('Monitoring visit 1').waitFor();
    expect(await panel.innerText()).toContain('Scheduled, fieldwork not yet done');
    expect(await panel.innerText()).not.toContain('Under way');
    await panel.getByRole('link', { name: 'Monitoring visit 1' }).click();
    await page.getByRole('heading', { name: /Monitoring visit 1: Front door/ }).waitFor();
    expect(await page.getByText('Scheduled, fieldwork not yet done').count()).toBeGreaterThan(0);

    await page.goto(`${rig.url}/#/`);
    const kpis = page.getByRole('region', { name: 'Key performance indicators' });
    await kpis.getByText('Out of date').first().waitFor();
    expect(await kpis.getByText(/not current, no reading since/).count()).toBeGreaterThan(0);
  });

  it('the actions list shows programme and workstream names, opens on the dashboard\'s programme, and warns before an overdue action is added', async () => {
    const page = await pageAs('pm@northmoor.gov.uk');
    await page.getByRole('menuitem', { name: 'Actions' }).click();
    const row = page.getByRole('row', { name: new RegExp(ACTION_TITLE) });
    await row.waitFor();
    expect((await row.innerText()).replace(/\s+/g, ' ')).toMatch(/Northmoor Borough Council Front door and MASH/);
    expect(await row.innerText()).not.toContain('front-door');
    expect(await page.getByRole('combobox', { name: 'Programme' }).innerText()).toContain('Northmoor Borough Council');

    await page.goto(`${rig.url}/#/action-plan`);
    await page.getByRole('button', { name: 'Add action to Front door and MASH' }).click();
    const dialog = page.getByRole('dialog');
    await fillDate(dialog, 'Due date', '2026-01-05');
    await dialog.getByText(/This due date has already passed \(5 January 2026/).waitFor();
    await fillDate(dialog, 'Due date', addDays(londonDateOf(Date.now()), 40));
    await dialog.getByText(/This due date has already passed/).waitFor({ state: 'detached' });
  });

  it('sign-off: the requester is refused (separation of duties); another manager signs off and both pages refresh, the pending extension closed by the system', async () => {
    const pm = await pageAs('pm@northmoor.gov.uk');
    const url = `${rig.url}/#/actions/${encodeURIComponent(actionId)}/show`;
    await pm.goto(url);
    const asAtHeading = pm.getByRole('heading', { name: /As at .* \(now\)/ });
    await asAtHeading.waitFor({ timeout: 30_000 });
    const asAtSection = pm.getByRole('region', { name: 'As at an earlier date' });
    await asAtSection.getByText('Awaiting sign-off', { exact: true }).first().waitFor();

    await pm.getByRole('button', { name: 'Sign off' }).click();
    const dialog = pm.getByRole('dialog');
    await dialog.getByLabel('Reason for this change').fill('Evidence reviewed');
    await dialog.getByRole('button', { name: 'Sign off' }).click();
    await pm.getByText(/someone other than the person who asked for it/).first().waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // The admin is neither the requester nor the owner; the programme manager's page stays open.
    const admin = await pageAs('admin@northmoor.gov.uk');
    await admin.goto(url);
    await admin.getByRole('region', { name: 'As at an earlier date' }).getByText('Awaiting sign-off', { exact: true }).first().waitFor({ timeout: 30_000 });
    await admin.getByRole('button', { name: 'Sign off' }).click();
    const d2 = admin.getByRole('dialog');
    await d2.getByLabel('Reason for this change').fill('Evidence reviewed at the improvement board');
    await d2.getByRole('button', { name: 'Sign off' }).click();
    await d2.waitFor({ state: 'detached' });

    // After the command (admin) and on the live update (programme manager), without a reload.
    for (const page of [admin, pm]) {
      const section = page.getByRole('region', { name: 'As at an earlier date' });
      await section.getByText('Complete (signed off)', { exact: true }).waitFor({ timeout: 30_000 });
      expect(await section.getByText('Awaiting sign-off', { exact: true }).count()).toBe(0);
      const extensions = page.getByRole('region', { name: 'Extensions' });
      await extensions.getByText(/Closed by the system .* because the action was signed off/).waitFor({ timeout: 30_000 });
      expect(await extensions.innerText()).not.toMatch(/Withdrawn/);
    }
    // The confirmation toast would hide the extensions in the picture.
    await admin.getByText('Sign-off recorded').waitFor({ state: 'detached', timeout: 20_000 });
    await screenshot(admin, 'action-page-after-sign-off');
  });

  it('history: headed and exported by name, dates typed day/month/year, a raw event never widens the page', async () => {
    const page = await pageAs('auditor@northmoor.gov.uk');
    await page.goto(`${rig.url}/#/programmes/${encodeURIComponent(NORTHMOOR_PROGRAMME_ID)}/history`);
    await page.getByRole('heading', { level: 1, name: 'Northmoor Borough Council' }).waitFor();
    await page.getByRole('button', { name: `Export JSON: Action: ${ACTION_TITLE}` }).waitFor({ timeout: 30_000 });
    expect(await page.getByRole('button', { name: /Export JSON: Action [0-9a-f]{8}$/ }).count()).toBe(0);
    expect(await page.locator('input[type="date"]').count()).toBe(0);
    await fillDate(page, 'From', '2025-11-01');
    await page.getByRole('button', { name: /Show raw event/ }).first().click();
    await page.locator('pre').first().waitFor();
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: window.innerWidth }));
    expect(widths.page).toBeLessThanOrEqual(widths.viewport);

    // Our own words for react-admin's: no "No Audit trail found".
    await page.goto(`${rig.url}/#/auditTrail?filter=${encodeURIComponent(JSON.stringify({ q: 'no-such-record-anywhere' }))}`);
    await page.getByText('No audit trail records match these filters.').waitFor();
  });

  it('an admin adds a council (ONS code checked), records it as Northmoor\'s successor, and Northmoor\'s programme is listed under it; the DfE status matches the DfE page', async () => {
    const page = await pageAs('admin@northmoor.gov.uk');
    await page.goto(`${rig.url}/#/authorities`);
    const northmoor = page.getByRole('row', { name: /Northmoor Borough Council/ });
    await northmoor.waitFor();
    // No intervention workflow exists for Northmoor: the list must not claim a statutory direction.
    expect(await northmoor.innerText()).not.toMatch(/statutory/i);

    await page.getByRole('button', { name: 'Add a council' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('North Moors Council');
    await dialog.getByLabel('ONS code').fill('E07000123');
    await dialog.getByLabel('Region').click();
    await page.getByRole('option', { name: 'North West' }).click();
    await dialog.getByLabel('Reason for this change').fill('New unitary council from the structural change order');
    await dialog.getByRole('button', { name: 'Add a council' }).click();
    await dialog.getByText(/Enter the council’s ONS code: E06, E08, E09 or E10/).first().waitFor();
    await dialog.getByLabel('ONS code').fill('E06000901');
    await dialog.getByRole('button', { name: 'Add a council' }).click();
    await page.getByRole('heading', { level: 1, name: 'North Moors Council' }).waitFor();

    await page.goto(`${rig.url}/#/authorities`);
    await page.getByRole('row', { name: /Northmoor Borough Council/ }).click();
    await page.getByRole('button', { name: 'Record successor' }).click();
    const d2 = page.getByRole('dialog');
    await d2.getByLabel('Successor council').fill('North Moors');
    await page.getByRole('option', { name: /North Moors Council/ }).click();
    await fillDate(d2, 'Date it took over', '2026-04-01');
    await d2.getByLabel('Reason for this change').fill('Merged into the new unitary council on vesting day');
    await d2.getByRole('button', { name: 'Record successor' }).click();
    await d2.waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'North Moors Council' }).click();
    await page.getByRole('heading', { name: 'Councils it succeeded' }).waitFor();
    await page.getByRole('link', { name: 'Northmoor Borough Council: improvement programme, cycle 1' }).click();
    await page.getByRole('heading', { level: 1, name: 'Northmoor Borough Council' }).waitFor();

    const trail = await rig.prisma.auditEvent.findMany({ where: { entity: 'authority' }, orderBy: { id: 'asc' } });
    expect(trail.map((r) => r.action)).toEqual(['create', 'record_successor']);
  });
});
