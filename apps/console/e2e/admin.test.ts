import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRig, type Rig } from '@ip/api-server/testing';
import { DEMO_PASSWORD } from '@ip/db/seed';
import { londonDateOf } from '@ip/domain';
import { fillDate, launchChromium, screenshot, signIn } from './browser.js';
import { formatDate } from '../src/format.js';
import { seedNorthmoor, type TSeeded } from './seed-programme.js';

const consoleDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
let rig: Rig;
let browser: Browser;
let seeded: TSeeded;

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London' });
  const page = await context.newPage();
  return page;
}

async function liveConfig(): Promise<{ ladders: Record<string, { steps: { label: string; offsetWorkingDays: number }[] }>; calendarOverrides?: { add: { date: string; title: string }[]; remove: string[] } }> {
  const { trpc } = rig.client();
  await trpc.auth.login.mutate({ email: 'auditor@northmoor.gov.uk', password: DEMO_PASSWORD });
  const { data } = await trpc.programmes.live.query({ id: seeded.programmeId });
  return (data as unknown as { config: never }).config;
}

beforeAll(async () => {
  if (!existsSync(join(consoleDir, 'index.html'))) throw new Error('Build the console first (turbo runs build before test)');
  rig = await startRig({ consoleDir });
  browser = await launchChromium();
  seeded = await seedNorthmoor(rig);
});
afterAll(async () => {
  await browser?.close();
  await rig?.close();
});

describe('admin and auditor pages in Chromium against the real system', () => {
  it('lets an admin add a user and change their role, with a reason each time', async () => {
    const page = await newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, rig.url, 'admin@northmoor.gov.uk', DEMO_PASSWORD);
    await page.getByRole('menuitem', { name: 'Users' }).click();
    await page.getByRole('heading', { name: 'Users' }).first().waitFor();
    await page.getByRole('row', { name: /pm@northmoor.gov.uk/ }).waitFor();
    await screenshot(page, '30-users');

    await page.getByRole('link', { name: 'Add a user' }).click();
    await page.getByRole('button', { name: 'Add user' }).click();
    await page.getByText('Enter the person’s name').waitFor();
    await page.getByLabel('Full name').fill('Tomasz Nowak');
    await page.getByLabel('Email address').fill('tomasz.nowak@northmoor.gov.uk');
    await page.getByLabel('Role').click();
    await page.getByRole('option', { name: 'Programme manager' }).click();
    await page.getByLabel('First password').fill('correct-horse-battery-2026');
    await page.getByLabel('Reason for this change').fill('New head of service for early help');
    await screenshot(page, '31-user-create');
    await page.getByRole('button', { name: 'Add user' }).click();
    await page.getByRole('row', { name: /tomasz.nowak@northmoor.gov.uk/ }).waitFor();
    const created = await rig.prisma.user.findUniqueOrThrow({ where: { email: 'tomasz.nowak@northmoor.gov.uk' } });
    expect(created.role).toBe('programme_manager');

    await page.getByRole('row', { name: /tomasz.nowak@northmoor.gov.uk/ }).click();
    await page.getByRole('heading', { name: 'Change user: Tomasz Nowak' }).waitFor();
    await page.getByLabel('Role').click();
    await page.getByRole('option', { name: 'Auditor' }).click();
    await page.getByLabel('Reason for this change').fill('Moved to the quality assurance team');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('row', { name: /tomasz.nowak@northmoor.gov.uk.*Auditor/ }).waitFor();
    expect((await rig.prisma.user.findUniqueOrThrow({ where: { id: created.id } })).role).toBe('auditor');
    expect(errors).toEqual([]);
  });

  it('a KPI and a risk are changed on their edit pages: the form is built from the record, and only the command’s fields are sent (the API refuses any other key)', async () => {
    const { trpc } = rig.client();
    await trpc.auth.login.mutate({ email: 'pm@northmoor.gov.uk', password: DEMO_PASSWORD });
    const meta = () => ({ programmeId: seeded.programmeId, clientRequestId: `req-${crypto.randomUUID()}`, reason: 'Board agreed the register' });
    const { data: kpi } = await trpc.kpis.create.mutate({
      ...meta(),
      kpi: { key: 'edit_probe', name: 'Visits on time', unit: 'percent', direction: 'higher_is_better', target: 90, amberBand: 85, redBand: 75, period: 'monthly', source: 'Monthly performance report' },
    });
    const { data: risk } = await trpc.risks.create.mutate({
      ...meta(),
      risk: { ref: 'R-E2E', title: 'Agency staff leave', owner: 'Head of Workforce', threshold: 12, mitigation: 'Retention payments', beforeMitigation: { likelihood: 4, impact: 4 }, afterMitigation: { likelihood: 3, impact: 3 } },
    });
    const page = await newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const refused: string[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/trpc/') && r.status() >= 400) refused.push(`${r.status()} ${r.url()}`);
    });
    await signIn(page, rig.url, 'pm@northmoor.gov.uk', DEMO_PASSWORD);

    await page.goto(`${rig.url}/#/kpis/${kpi.id}`);
    await page.getByLabel('Name', { exact: true }).fill('Visits within timescale');
    await page.getByLabel('Reason for this change').fill('Renamed to match the board report');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(/\/kpis\/.*\/show/);
    await expect.poll(async () => (await rig.prisma.kpi.findUniqueOrThrow({ where: { id: kpi.id } })).name).toBe('Visits within timescale');

    await page.goto(`${rig.url}/#/risks/${risk.id}`);
    await page.getByLabel('Mitigation (optional)').fill('Retention payments and a career pathway');
    await page.getByLabel('Reason for this change').fill('Reviewed at the improvement board');
    await page.getByRole('button', { name: 'Save review' }).click();
    await page.waitForURL(/\/risks\/.*\/show/);
    await expect.poll(async () => (await rig.prisma.risk.findUniqueOrThrow({ where: { id: risk.id } })).mitigation).toBe('Retention payments and a career pathway');
    expect(refused).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('lets an admin change an escalation ladder and the working-day calendar; both reach the workflow', async () => {
    const page = await newPage();
    await signIn(page, rig.url, 'admin@northmoor.gov.uk', DEMO_PASSWORD);
    await page.getByRole('menuitem', { name: 'Programme configuration' }).click();
    await page.getByRole('heading', { name: 'Escalation ladders' }).waitFor();
    const ladders = page.getByRole('region', { name: 'Escalation ladders' });
    await ladders.getByLabel('What they are told').first().waitFor();
    await ladders.getByLabel('What they are told').first().fill('Action plan due in 10 working days: programme manager to check drafts');
    await ladders.getByLabel('Working days', { exact: true }).first().fill('-12');
    await ladders.getByLabel('Reason for this change').fill('Improvement board asked for earlier warning');
    await screenshot(page, '32-programme-configuration');
    await ladders.getByRole('button', { name: 'Save ladder' }).click();
    await page.getByText('Configuration saved').first().waitFor();
    await expect.poll(async () => (await liveConfig()).ladders.actionPlan?.steps[0]).toMatchObject({
      offsetWorkingDays: -12,
      label: 'Action plan due in 10 working days: programme manager to check drafts',
    });

    const calendar = page.getByRole('region', { name: 'Working-day calendar' });
    await calendar.getByRole('button', { name: 'Change the calendar' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Kind of change').click();
    await page.getByRole('option', { name: /extra non-working day/ }).click();
    await fillDate(dialog, 'Date', '2027-06-07');
    await dialog.getByLabel('Name of the day (for a non-working day)').fill('Bank holiday for the state occasion');
    await dialog.getByLabel('Reason for this change').fill('Proclamation of 12 May 2027');
    await dialog.getByRole('button', { name: 'Change calendar' }).click();
    await dialog.waitFor({ state: 'detached' });
    await calendar.getByRole('cell', { name: /Bank holiday for the state occasion/ }).waitFor();
    expect((await liveConfig()).calendarOverrides?.add).toEqual([{ date: '2027-06-07', title: 'Bank holiday for the state occasion' }]);

    // Christmas Day is non-working by statute: the server refuses, and the refusal is shown.
    await calendar.getByRole('button', { name: 'Change the calendar' }).click();
    await dialog.getByLabel('Kind of change').click();
    await page.getByRole('option', { name: /now a working day/ }).click();
    await fillDate(dialog, 'Date', '2027-12-25');
    await dialog.getByLabel('Reason for this change').fill('Trying to work on Christmas Day');
    await dialog.getByRole('button', { name: 'Change calendar' }).click();
    await dialog.getByText(/Christmas Day, a non-working day under SI 2007\/462/).waitFor();
    await screenshot(page, '33-calendar-refused');
  });

  it('lets a programme manager record a DfE step on the intervention timeline; a step out of order is refused with the reason', async () => {
    const page = await newPage();
    await signIn(page, rig.url, 'pm@northmoor.gov.uk', DEMO_PASSWORD);
    await page.getByRole('menuitem', { name: 'DfE intervention' }).click();
    await page.getByRole('row', { name: /Improvement notice/ }).click();
    await page.getByRole('heading', { name: 'The DfE track' }).waitFor();

    await page.getByRole('button', { name: 'Record a DfE step' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('What happened').click();
    await page.getByRole('option', { name: 'Alternative delivery model went live' }).click();
    const today = londonDateOf(Date.now());
    await fillDate(dialog, 'Date', today);
    await dialog.getByLabel('Reason for this change').fill('Recording go-live');
    await dialog.getByRole('button', { name: 'Record step' }).click();
    await page.getByText(/Cannot record the ADM going live: Northmoor Borough Council is/).first().waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: 'Record a DfE step' }).click();
    await dialog.getByLabel('What happened').click();
    await page.getByRole('option', { name: /Statutory direction issued/ }).click();
    await fillDate(dialog, 'Date', today);
    await dialog.getByLabel('Commissioner', { exact: true }).fill('Sir Alan Wood');
    await fillDate(dialog, 'Commissioner appointed', today);
    await dialog.getByLabel('Reason for this change').fill('Direction letter received today');
    await dialog.getByRole('button', { name: 'Record step' }).click();
    await dialog.waitFor({ state: 'detached' });
    const track = page.getByRole('list', { name: 'The DfE track' });
    await track.getByText(formatDate(today)).waitFor();
    await track.getByText('Commissioner: Sir Alan Wood').waitFor();
    const row = await rig.prisma.lifecycleRecord.findUniqueOrThrow({ where: { id: seeded.interventionId } });
    expect(row.phase).toBe('statutory_direction');
    await page.waitForLoadState('networkidle');
    await screenshot(page, '34-intervention');
  });

  it('lets a programme manager agree a later date for an information request, then record the answer', async () => {
    const page = await newPage();
    await signIn(page, rig.url, 'pm@northmoor.gov.uk', DEMO_PASSWORD);
    await page.getByRole('menuitem', { name: 'Information requests' }).click();
    await page.getByRole('row', { name: /re-referrals/ }).click();
    await page.getByRole('heading', { level: 1, name: /re-referrals/ }).waitFor();

    await page.getByRole('button', { name: 'Agree a later date' }).click();
    const dialog = page.getByRole('dialog');
    await fillDate(dialog, 'New due date', '2027-01-29');
    await dialog.getByLabel('Reason for this change').fill('Chair agreed to wait for the quarter’s figures');
    await dialog.getByRole('button', { name: 'Change due date' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('29 January 2027').first().waitFor();

    await page.getByRole('button', { name: 'Record the answer' }).click();
    await fillDate(dialog, 'Answer sent', '2026-02-30');
    await dialog.getByLabel('Summary of the answer').fill('Briefing note on re-referrals sent to the clerk');
    await dialog.getByLabel('Reason for this change').fill('Sent by email to the committee clerk');
    await dialog.getByRole('button', { name: 'Record answer' }).click();
    await dialog.getByText('Answer sent must be a real date: February 2026 has 28 days').waitFor();
    await fillDate(dialog, 'Answer sent', londonDateOf(Date.now()));
    await dialog.getByRole('button', { name: 'Record answer' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Answered', { exact: true }).first().waitFor();
    const row = await rig.prisma.lifecycleRecord.findUniqueOrThrow({ where: { id: seeded.requestId } });
    expect(row.phase).toBe('answered');
    await page.waitForLoadState('networkidle');
    await screenshot(page, '35-information-request');
  });

  it('saves a filtered list as a shared view that an auditor applies from the menu; auditors cannot save views', async () => {
    const page = await newPage();
    await signIn(page, rig.url, 'pm@northmoor.gov.uk', DEMO_PASSWORD);
    await page.getByRole('menuitem', { name: 'Escalations' }).click();
    await page.getByRole('heading', { level: 1, name: 'Escalations' }).waitFor();
    await page.getByRole('combobox', { name: 'Who was told' }).click();
    await page.getByRole('option', { name: 'Director of Children’s Services' }).click();
    await page.waitForLoadState('networkidle');
    await page.getByRole('button', { name: 'Saved views' }).click();
    await page.getByRole('menuitem', { name: 'Save the current view…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name of the view').fill('Told the DCS');
    await dialog.getByLabel(/Share with the team/).check();
    await screenshot(page, '36-save-view');
    await dialog.getByRole('button', { name: 'Save view' }).click();
    await dialog.waitFor({ state: 'detached' });
    const saved = await rig.prisma.savedView.findFirstOrThrow({ where: { name: 'Told the DCS' } });
    expect(saved).toMatchObject({ resource: 'escalations', shared: true });
    expect((saved.params as { filter: Record<string, unknown> }).filter).toMatchObject({ level: 'director' });

    const auditor = await newPage();
    await signIn(auditor, rig.url, 'auditor@northmoor.gov.uk', DEMO_PASSWORD);
    await auditor.getByRole('menuitem', { name: 'Escalations' }).click();
    await auditor.getByRole('heading', { level: 1, name: 'Escalations' }).waitFor();
    await auditor.getByRole('button', { name: 'Saved views' }).click();
    await expect(auditor.getByRole('menuitem', { name: /Save the current view/ }).count()).resolves.toBe(0);
    await auditor.getByRole('menuitem', { name: /Told the DCS/ }).click();
    await expect.poll(() => decodeURIComponent(auditor.url())).toContain('"level":"director"');
    // The URL changes first; the filter form follows on the next render.
    await expect.poll(() => auditor.getByRole('combobox', { name: 'Who was told' }).innerText()).toContain('Director of Children’s Services');
  });

  it('shows an auditor no administration and the API refuses them the admin procedures', async () => {
    const page = await newPage();
    await signIn(page, rig.url, 'auditor@northmoor.gov.uk', DEMO_PASSWORD);
    await page.getByRole('menuitem', { name: 'Information requests' }).waitFor();
    await expect(page.getByRole('menuitem', { name: 'Users' }).count()).resolves.toBe(0);
    await expect(page.getByRole('menuitem', { name: 'Programme configuration' }).count()).resolves.toBe(0);
    await page.getByRole('menuitem', { name: 'Information requests' }).click();
    await page.getByRole('row', { name: /re-referrals/ }).click();
    await page.getByRole('heading', { name: 'Deadlines' }).waitFor();
    await expect(page.getByRole('button', { name: /Record the answer|Agree a later date|Withdraw/ }).count()).resolves.toBe(0);

    const { trpc } = rig.client();
    await trpc.auth.login.mutate({ email: 'auditor@northmoor.gov.uk', password: DEMO_PASSWORD });
    await expect(trpc.users.getList.query({ pagination: { page: 1, perPage: 10 }, sort: { field: 'email', order: 'ASC' }, filter: {} })).rejects.toMatchObject({ data: { code: 'FORBIDDEN' } });
    await expect(
      trpc.programmes.configure.mutate({ programmeId: seeded.programmeId, clientRequestId: 'forged-request-1', reason: 'Forged', calendarOverrides: { add: [], remove: [] } }),
    ).rejects.toMatchObject({ data: { code: 'FORBIDDEN' } });
  });
});
