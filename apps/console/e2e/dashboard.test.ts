import { randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startRig, type Rig } from '@ip/api-server/testing';
import { DEMO_PASSWORD, DEMO_RISKS, NORTHMOOR_PROGRAMME_ID } from '@ip/db/seed';
import { addDays, defaultCalendar, londonDateOf } from '@ip/domain';
import { fillDate, launchChromium, screenshot, signIn } from './browser.js';

const consoleDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
let rig: Rig;
let browser: Browser;

/**
 * The report arrived 27 working days ago, so on the dashboard the internal draft (20 WD) is
 * overdue and has escalated to the DCS (at once, marked raised late), the 5-day reminder to publish
 * (30 WD) is not sent because its moment had passed (the late-escalation rule), and publication and
 * scrutiny (plan due − 30 WD) fall due within the next 20 working days.
 */
const today = londonDateOf(Date.now());
const reportReceivedOn = defaultCalendar().addWorkingDays(defaultCalendar().workingDayOnOrAfter(today), -27);

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London' });
  return context.newPage();
}

beforeAll(async () => {
  if (!existsSync(join(consoleDir, 'index.html'))) throw new Error('Build the console first (turbo runs build before test)');
  rig = await startRig({ consoleDir });
  browser = await launchChromium();

  // The rig seeds Northmoor's registers (KPIs, risks) but no programme: start it as the PM would.
  const { trpc } = rig.client();
  await trpc.auth.login.mutate({ email: 'pm@northmoor.gov.uk', password: DEMO_PASSWORD });
  const meta = (reason: string) => ({ clientRequestId: randomUUID(), reason });
  const { data: programme } = await trpc.programmes.create.mutate({ onsCode: 'E09000099', ...meta('Northmoor judged inadequate') });
  expect(programme.id).toBe(NORTHMOOR_PROGRAMME_ID);
  await trpc.programmes.recordInspection.mutate({
    programmeId: programme.id,
    ...meta('Final report received from Ofsted'),
    inspection: {
      type: 'standard',
      fieldworkStartedOn: addDays(reportReceivedOn, -35),
      fieldworkEndedOn: addDays(reportReceivedOn, -24),
      reportReceivedOn,
      judgements: { overallEffectiveness: 'inadequate' },
    },
  });
  // Three actions of the plan: one due within the 20-working-day window, one overdue, one beyond it.
  const cal = defaultCalendar();
  const workingDay = cal.workingDayOnOrAfter(today);
  for (const [title, workstream, dueOn] of [
    ['Screen referrals within one working day', 'front-door', cal.addWorkingDays(workingDay, 5)],
    ['Launch the ASYE academy', 'workforce', cal.addWorkingDays(workingDay, -10)],
    ['Bring average caseloads to 20 or fewer', 'workforce', cal.addWorkingDays(workingDay, 60)],
  ] as const) {
    await trpc.actions.create.mutate({ ...meta('Action from the improvement plan'), programmeId: programme.id, title, workstream, owner: { name: 'Sam Patel' }, dueOn, ofstedLinked: false });
  }
  // The workflow catches up at once: the missed draft milestone escalates, raised late; the
  // publication reminder, whose moment had passed, is recorded on the timeline as not sent.
  await vi.waitFor(async () => {
    const draft = await rig.prisma.escalation.findFirst({ where: { programmeId: programme.id, label: { startsWith: 'Draft plan milestone missed' } } });
    const row = await rig.prisma.programme.findUnique({ where: { id: programme.id } });
    const lines = ((row?.state as { history?: { summary: string }[] } | undefined)?.history ?? []).map((h) => h.summary);
    expect(draft?.raisedLate, 'the draft-plan escalation, raised late').toBe(true);
    expect(lines, 'the publication reminder, not sent').toContainEqual(expect.stringMatching(/Report must be published within 5 working days.*reminder not sent: its moment had passed/));
  }, { timeout: 30_000, interval: 250 });
});
afterAll(async () => {
  await browser?.close();
  await rig?.close();
});

describe('programme dashboard in Chromium against the real system', () => {
  it('shows Northmoor’s KPI tiles, deadlines and risk heat maps to a programme manager', async () => {
    const page = await newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, rig.url, 'pm@northmoor.gov.uk', DEMO_PASSWORD);

    await page.getByRole('heading', { level: 1, name: 'Northmoor Borough Council' }).waitFor();
    const kpis = page.getByRole('region', { name: 'Key performance indicators' });
    await kpis.getByRole('article').first().waitFor();
    expect(await kpis.getByRole('article').count()).toBe(await rig.prisma.kpi.count({ where: { programmeId: NORTHMOOR_PROGRAMME_ID } }));
    await expect(kpis.getByRole('link', { name: 'Average social worker caseload' }).isVisible()).resolves.toBe(true);
    await expect(kpis.getByText('Target 16').isVisible()).resolves.toBe(true);

    const deadlines = page.getByRole('region', { name: /Deadlines in the next 20 working days/ });
    await expect(deadlines.getByText('Publish the inspection report').isVisible()).resolves.toBe(true);
    await expect(deadlines.getByText('Internal draft of the action plan').isVisible()).resolves.toBe(true);
    await expect(deadlines.getByText('working days overdue').first().isVisible()).resolves.toBe(true);
    // The plan's actions sit beside the clocks: the one due soon and the overdue one, each a link; not the later one.
    await expect(deadlines.getByRole('link', { name: 'Screen referrals within one working day' }).isVisible()).resolves.toBe(true);
    await expect(deadlines.getByRole('link', { name: 'Launch the ASYE academy' }).isVisible()).resolves.toBe(true);
    await expect(deadlines.getByText('Bring average caseloads to 20 or fewer').count()).resolves.toBe(0);

    // Actions by RAG per workstream: the overdue action is red under Workforce; three actions in all.
    const rag = page.getByRole('region', { name: 'Actions by RAG, per workstream' });
    const workforce = rag.getByRole('row', { name: /Workforce/ });
    await expect(workforce.getByRole('cell').first().textContent()).resolves.toBe('1');
    const totals = (await rag.getByRole('row', { name: /All actions/ }).getByRole('cell').allTextContents()).slice(0, 5).map(Number);
    expect(totals.reduce((a, b) => a + b, 0)).toBe(3);

    // Both heat maps are real tables named by their captions; every demo risk sits in the "after" one.
    const after = page.getByRole('table', { name: 'After mitigation' });
    await expect(page.getByRole('table', { name: 'Before mitigation' }).isVisible()).resolves.toBe(true);
    for (const risk of DEMO_RISKS) await expect(after.getByRole('link', { name: risk.ref, exact: true }).count()).resolves.toBe(1);
    await expect(after.getByRole('rowheader', { name: /Severe/ }).isVisible()).resolves.toBe(true);

    const shot = await screenshot(page, '10-dashboard');
    expect(statSync(shot).size).toBeGreaterThan(50_000);

    await page.getByRole('link', { name: 'Open the heat map' }).click();
    await page.getByRole('heading', { level: 1, name: 'Risk heat map' }).waitFor();
    await page.getByRole('table', { name: /After mitigation/ }).waitFor();
    await page.getByRole('heading', { name: 'Risks on the map' }).waitFor();
    await page.waitForLoadState('networkidle');
    await screenshot(page, '11-risk-heat-map');
    expect(errors).toEqual([]);
  });

  it('lets a programme manager acknowledge an escalation from the dashboard, with a reason', async () => {
    const page = await newPage();
    await signIn(page, rig.url, 'pm@northmoor.gov.uk', DEMO_PASSWORD);
    const panel = page.getByRole('region', { name: /Open escalations/ });
    const open = await rig.prisma.escalation.findMany({ where: { programmeId: NORTHMOOR_PROGRAMME_ID, acknowledgedAt: null }, orderBy: { firedAt: 'desc' } });
    await panel.getByRole('button', { name: /Acknowledge/ }).first().waitFor();
    expect(await panel.getByRole('button', { name: /Acknowledge/ }).count()).toBe(open.length);

    const draft = open.find((e) => e.label.startsWith('Draft plan milestone missed'));
    expect(draft).toBeDefined();
    await panel.getByRole('button', { name: `Acknowledge: ${draft!.label}` }).click();
    const dialog = page.getByRole('dialog');
    // A reason is required: the form says so and nothing is sent.
    await dialog.getByRole('button', { name: 'Acknowledge' }).click();
    await dialog.getByText('Give a reason, for example what is being done about it').waitFor();
    expect((await rig.prisma.escalation.findUniqueOrThrow({ where: { id: draft!.id } })).acknowledgedAt).toBeNull();

    await dialog.getByLabel('What is being done about it').fill('Draft chased with the DCS; scrutiny date confirmed');
    await dialog.getByRole('button', { name: 'Acknowledge' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Escalation acknowledged').first().waitFor();
    await expect(panel.getByRole('button', { name: `Acknowledge: ${draft!.label}` }).count()).resolves.toBe(0);

    const row = await rig.prisma.escalation.findUniqueOrThrow({ where: { id: draft!.id } });
    expect(row.acknowledgedAt).not.toBeNull();
    const pm = await rig.prisma.user.findUniqueOrThrow({ where: { email: 'pm@northmoor.gov.uk' } });
    expect(row.acknowledgedBy).toBe(pm.id);

    await page.getByRole('menuitem', { name: 'Escalations' }).click();
    await page.getByRole('heading', { level: 1, name: 'Escalations' }).waitFor();
    await page.getByRole('combobox', { name: 'Acknowledged' }).click();
    await page.getByRole('listbox').getByText('All', { exact: true }).click();
    await page.getByRole('row', { name: /Draft plan milestone missed/ }).getByText('Acknowledged', { exact: true }).waitFor();
    await page.waitForLoadState('networkidle');
    await screenshot(page, '12-escalations');
  });

  it('lets a programme manager record a KPI reading; a figure the server refuses is shown against the field', async () => {
    const page = await newPage();
    await signIn(page, rig.url, 'pm@northmoor.gov.uk', DEMO_PASSWORD);
    const name = 'Children who have had 3 or fewer social workers';
    await page.getByRole('region', { name: 'Key performance indicators' }).getByRole('link', { name }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();

    await page.getByRole('button', { name: 'Record reading' }).click();
    const dialog = page.getByRole('dialog');
    await fillDate(dialog, 'Period ending', '2018-09-30');
    await dialog.getByLabel('Figure (%)').fill('120');
    await dialog.getByLabel('Reason for this change').fill('Quarterly workforce report');
    await dialog.getByRole('button', { name: 'Record reading' }).click();
    // Only the server knows this KPI is a percentage: its refusal appears under the figure.
    await dialog.getByText(/is a percentage, so it must be between 0 and 100/).waitFor();

    await dialog.getByLabel('Figure (%)').fill('78');
    await dialog.getByRole('button', { name: 'Record reading' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: '78%' }).waitFor();
    await page.getByRole('img', { name: new RegExp(`${name}: readings against target`) }).waitFor();
    const kpi = await rig.prisma.kpi.findFirstOrThrow({ where: { programmeId: NORTHMOOR_PROGRAMME_ID, name } });
    const readings = await rig.prisma.kpiReading.findMany({ where: { kpiId: kpi.id }, orderBy: { periodEnd: 'asc' } });
    expect(readings.map((r) => [r.periodEnd, r.value])).toContainEqual(['2018-09-30', 78]);
    await page.waitForLoadState('networkidle');
    await screenshot(page, '14-kpi');
  });

  it('shows an auditor the same dashboard with no Acknowledge button, and the API refuses a forged one', async () => {
    const stillOpen = await rig.prisma.escalation.findFirst({ where: { programmeId: NORTHMOOR_PROGRAMME_ID, acknowledgedAt: null } });
    expect(stillOpen).not.toBeNull();
    const page = await newPage();
    await signIn(page, rig.url, 'auditor@northmoor.gov.uk', DEMO_PASSWORD);
    const panel = page.getByRole('region', { name: /Open escalations/ });
    await panel.getByText(stillOpen!.label).waitFor();
    await page.getByRole('table', { name: 'After mitigation' }).waitFor();
    expect(await page.getByRole('button', { name: /Acknowledge/ }).count()).toBe(0);
    await screenshot(page, '13-auditor-dashboard');

    await page.getByRole('menuitem', { name: 'Escalations' }).click();
    await page.getByText(stillOpen!.label).first().waitFor();
    expect(await page.getByRole('button', { name: /Acknowledge/ }).count()).toBe(0);

    const forged = await page.evaluate(async (escalationId) => {
      const res = await fetch('/trpc/escalations.acknowledge', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ escalationId, clientRequestId: crypto.randomUUID(), reason: 'forged by an auditor' }),
      });
      return res.status;
    }, stillOpen!.id);
    expect(forged).toBe(403);
    expect((await rig.prisma.escalation.findUniqueOrThrow({ where: { id: stillOpen!.id } })).acknowledgedAt).toBeNull();
  });
});
