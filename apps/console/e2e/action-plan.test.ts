import { randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRig, type Rig } from '@ip/api-server/testing';
import { DEMO_PASSWORD, NORTHMOOR_PROGRAMME_ID } from '@ip/db/seed';
import { addDays, defaultCalendar, londonDateOf } from '@ip/domain';
import { fillDate, fillDateGroup, launchChromium, screenshot, signIn } from './browser.js';

const consoleDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
let rig: Rig;
let browser: Browser;

const calendar = defaultCalendar();
const today = londonDateOf(Date.now());
/** The report arrived five working days ago, so the 70-working-day plan deadline is ahead. */
const reportReceivedOn = calendar.addWorkingDays(calendar.workingDayOnOrAfter(today), -5);
const planDueOn = calendar.addWorkingDays(reportReceivedOn, 70);
const actionDueOn = calendar.workingDayOnOrAfter(addDays(today, 40));
const extendedDueOn = calendar.workingDayOnOrAfter(addDays(today, 75));
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
  let actionUrl = '';

  it('records an inadequate inspection, sees the judgement grid and the 70-working-day deadline, and builds the plan', async () => {
    const page = await newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, rig.url, 'pm@northmoor.gov.uk', DEMO_PASSWORD);

    // Inspection: an inadequate judgement starts the 70-working-day clock.
    await page.goto(`${rig.url}/#/programmes/${encodeURIComponent(NORTHMOOR_PROGRAMME_ID)}/show`);
    await page.getByRole('button', { name: 'Record inspection' }).click();
    let dialog = page.getByRole('dialog');
    await choose(page, dialog, 'Type of inspection', 'Standard inspection');
    await fillDate(dialog, 'Fieldwork started', addDays(reportReceivedOn, -35));
    await fillDate(dialog, 'Fieldwork ended', addDays(reportReceivedOn, -24));
    await fillDate(dialog, 'Report received', reportReceivedOn);
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
      await fillDate(dialog, 'Due date', actionDueOn);
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

  it('submits the plan, records Ofsted’s acceptance and a monitoring visit, updates an action and asks for more time', async () => {
    const page = await newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // React's error boundary swallows render errors: keep what it logs, to say why a page broke.
    const logged: string[] = [];
    page.on('console', (m) => m.type() === 'error' && logged.push(m.text()));
    try {
      await signIn(page, rig.url, 'pm@northmoor.gov.uk', DEMO_PASSWORD);
      await page.getByRole('menuitem', { name: 'Action plan' }).click();
      const status = page.getByRole('region', { name: 'Plan status' });

      // Submit the plan, then Ofsted accepts it: the programme moves to monitoring.
      await status.getByRole('button', { name: 'Submit plan' }).click();
      let dialog = page.getByRole('dialog');
      await fillDate(dialog, 'Submitted to Ofsted on', today);
      await choose(page, dialog, 'Signed off by', 'Director of Children’s Services');
      await fillDate(dialog, /^On$/, today);
      await dialog.getByLabel('Name or decision reference').fill('Jo Reed, DCS');
      await dialog.getByLabel('Reason for this change').fill('Signed off by the DCS; sent to Ofsted by email');
      await dialog.getByRole('button', { name: 'Submit plan' }).click();
      await dialog.waitFor({ state: 'detached' });
      await status.getByText(long(today)).first().waitFor();
      await status.getByRole('button', { name: 'Record Ofsted’s response' }).click();
      dialog = page.getByRole('dialog');
      await choose(page, dialog, 'Outcome', 'Accepted');
      await fillDate(dialog, 'Date of the letter', today);
      await dialog.getByLabel('Reason for this change').fill('Letter from the regional director');
      await dialog.getByRole('button', { name: 'Record Ofsted’s response' }).click();
      await dialog.waitFor({ state: 'detached' });
      await status.getByText(/^Accepted/).waitFor();
      const programme = await rig.prisma.programme.findUniqueOrThrow({ where: { id: NORTHMOOR_PROGRAMME_ID } });
      expect(programme.phase).toBe('monitoring');

      // A monitoring visit: scheduled on the programme, fieldwork recorded on the visit.
      await page.getByRole('menuitem', { name: 'Monitoring visits' }).click();
      await page.getByRole('button', { name: 'Schedule monitoring visit' }).click();
      dialog = page.getByRole('dialog');
      await dialog.getByLabel('Theme').fill('children in care');
      await fillDate(dialog, 'Planned first day of fieldwork', today);
      await dialog.getByLabel('Reason for this change').fill('Ofsted’s notification email received');
      await dialog.getByRole('button', { name: 'Schedule monitoring visit' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByRole('cell', { name: 'Monitoring visit 1: children in care' }).click();
      await page.getByRole('heading', { level: 1, name: 'Monitoring visit 1: children in care' }).waitFor();
      await page.getByRole('button', { name: 'Record fieldwork' }).click();
      dialog = page.getByRole('dialog');
      await fillDate(dialog, 'Last day of fieldwork', today);
      await dialog.getByLabel('Inspectors').fill('Alex Morgan HMI\nRuth Ellis HMI');
      await dialog.getByLabel('Reason for this change').fill('Inspectors on site');
      await dialog.getByRole('button', { name: 'Record fieldwork' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByText('Alex Morgan HMI, Ruth Ellis HMI').first().waitFor();

      // The letter: draft, then published with findings; each area for improvement becomes an action.
      await page.getByRole('button', { name: 'Record draft letter' }).click();
      dialog = page.getByRole('dialog');
      await fillDate(dialog, 'Draft letter received on', today);
      await dialog.getByLabel('Reason for this change').fill('Draft letter received for the accuracy check');
      await dialog.getByRole('button', { name: 'Record draft letter' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByRole('button', { name: 'Record published letter' }).click();
      dialog = page.getByRole('dialog');
      await fillDate(dialog, 'Published on', today);
      await dialog.getByLabel('Areas of progress').fill('Leaders have a clear, realistic improvement plan');
      await dialog.getByLabel('Areas for improvement').fill('Return home interviews are not timely\nCare plans lack clear, measurable actions');
      await dialog.getByLabel('Reason for this change').fill('Letter published on the Ofsted website');
      await dialog.getByRole('button', { name: 'Record published letter' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByRole('button', { name: 'Create actions from findings' }).click();
      dialog = page.getByRole('dialog');
      for (const i of [0, 1]) {
        await dialog.getByLabel('Owner', { exact: true }).nth(i).fill('Aisha Rahman');
        await fillDateGroup(dialog.getByRole('group', { name: 'Due date' }).nth(i), actionDueOn);
      }
      await dialog.getByLabel('Reason for this change').last().fill('Findings of the published monitoring letter');
      await dialog.getByRole('button', { name: 'Create actions' }).click();
      await dialog.waitFor({ state: 'detached' });
      const added = page.getByRole('region', { name: 'Actions added from this visit' });
      await added.getByRole('link').nth(1).waitFor();
      const visit = await rig.prisma.lifecycleRecord.findFirstOrThrow({ where: { kind: 'monitoring_visit', programmeId: NORTHMOOR_PROGRAMME_ID } });
      expect(visit.phase).toBe('response');
      expect(await rig.prisma.action.count({ where: { programmeId: NORTHMOOR_PROGRAMME_ID, title: { in: ['Return home interviews are not timely', 'Care plans lack clear, measurable actions'] } } })).toBe(2);

      // An action: progress, then an extension the requester may not approve herself.
      await page.getByRole('menuitem', { name: 'Actions' }).click();
      await page.getByText('Recruit four permanent MASH social workers').first().click();
      await page.getByRole('heading', { level: 1, name: 'Recruit four permanent MASH social workers' }).waitFor();
      actionUrl = page.url();
      await page.getByRole('button', { name: 'Update progress' }).click();
      dialog = page.getByRole('dialog');
      await dialog.getByLabel('Per cent complete').fill('40');
      await dialog.getByLabel('What has been done').fill('Two of four posts offered; interviews for the rest on Friday');
      await dialog.getByLabel('Reason for this change').fill('Monthly update from the owner');
      await dialog.getByRole('button', { name: 'Update progress' }).click();
      await dialog.waitFor({ state: 'detached' });
      // The summary and the "as at (now)" panel both say it: the panel refreshes after a command too.
      await page.getByRole('region', { name: 'Summary' }).getByText('40% complete', { exact: true }).waitFor();
      await page.getByRole('region', { name: 'As at an earlier date' }).getByText('40% complete', { exact: true }).waitFor();

      await page.getByRole('button', { name: 'Request extension' }).click();
      dialog = page.getByRole('dialog');
      await fillDate(dialog, 'New due date', extendedDueOn);
      await dialog.getByLabel('Why more time is needed').fill('The agency market is thin; two posts need a second round');
      await dialog.getByLabel('Reason for this change').fill('Owner asked at the workstream meeting');
      await dialog.getByRole('button', { name: 'Request extension' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByText('Awaiting a decision:').waitFor();

      // The server refuses an approval by the requester; the dialog stays open and says why.
      await page.getByRole('button', { name: 'Approve extension' }).click();
      dialog = page.getByRole('dialog');
      await dialog.getByLabel('Reason for this change').fill('Agreed');
      await dialog.getByRole('button', { name: 'Approve extension' }).click();
      await page.getByText('An extension cannot be approved by the person who asked for it').first().waitFor();
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      expect((await rig.prisma.action.findFirstOrThrow({ where: { title: 'Recruit four permanent MASH social workers' } })).dueOn).toBe(actionDueOn);
      expect(errors).toEqual([]);
    } catch (e) {
      await screenshot(page, 'failure-path');
      const dialogText = await page.getByRole('dialog').allInnerTexts().catch(() => []);
      logged.push(`Dialog: ${dialogText.join(' | ')}`);
      throw new Error(`${String(e)}\nConsole errors: ${logged.join('\n')}`);
    }
  });

  it('a second manager approves the extension and reassigns the owner: the due date and the owner move, and the timeline says so', async () => {
    expect(actionUrl).not.toBe('');
    const page = await newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, rig.url, 'admin@northmoor.gov.uk', DEMO_PASSWORD);
    await page.goto(actionUrl);
    await page.getByRole('button', { name: 'Approve extension' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Reason for this change').fill('Agreed at the improvement board');
    await dialog.getByRole('button', { name: 'Approve extension' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(`Originally ${long(actionDueOn)}`).first().waitFor();
    await expect(page.getByText(long(extendedDueOn)).first().isVisible()).resolves.toBe(true);
    const row = await rig.prisma.action.findFirstOrThrow({ where: { title: 'Recruit four permanent MASH social workers' } });
    expect(row.dueOn).toBe(extendedDueOn);

    // The owner moves on: a declared command's dialog (domain action/declarations.ts), validated by
    // its own schema, then accepted; the page, the read model and the timeline show the new owner.
    await page.getByRole('button', { name: 'Reassign owner' }).click();
    const reassign = page.getByRole('dialog');
    await reassign.getByLabel('New owner’s email (optional)').fill('not an email');
    await reassign.getByLabel('Reason for this change').fill('Sam Okafor has moved to the fostering service');
    await reassign.getByRole('button', { name: 'Reassign owner' }).click();
    await reassign.getByText('Give the new owner’s name').waitFor();
    await reassign.getByText('Enter a valid email address').waitFor();
    await reassign.getByLabel('New owner’s name').fill('Lee Front');
    await reassign.getByLabel('New owner’s email (optional)').fill('lee.front@northmoor.gov.uk');
    await reassign.getByRole('button', { name: 'Reassign owner' }).click();
    await reassign.waitFor({ state: 'detached' });
    await page.getByText('Owner changed from Sam Okafor to Lee Front').first().waitFor();
    const reassigned = await rig.prisma.action.findFirstOrThrow({ where: { title: 'Recruit four permanent MASH social workers' } });
    expect([reassigned.ownerName, reassigned.ownerEmail]).toEqual(['Lee Front', 'lee.front@northmoor.gov.uk']);
    // Screenshots without the passing "saved" notice: reload, as a director opening the page would see it.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Recruit four permanent MASH social workers' }).waitFor();
    await page.getByText('Permanent social work workforce').first().waitFor();
    await page.waitForLoadState('networkidle');
    const shot = await screenshot(page, '21-action-page');
    expect(statSync(shot).size).toBeGreaterThan(30_000);

    await page.goto(`${rig.url}/#/programmes/${encodeURIComponent(NORTHMOOR_PROGRAMME_ID)}/show`);
    await page.reload();
    await page.getByRole('table', { name: 'Inspection judgements' }).waitFor();
    await page.getByText(/Action plan submitted on/).first().waitFor();
    await page.waitForLoadState('networkidle');
    await screenshot(page, '22-programme-timeline');

    await page.getByRole('menuitem', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { level: 1, name: 'Northmoor Borough Council' }).waitFor();
    await page.waitForLoadState('networkidle');
    await screenshot(page, '23-dashboard');

    await page.goto(`${rig.url}/#/monitoring-visits/calendar`);
    const cell = page.getByRole('gridcell', { name: new RegExp(`^${long(today)}: Visit 1: fieldwork starts`) });
    await cell.waitFor();
    // Keyboard: the grid has one tab stop; the arrow keys move between days.
    await cell.focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toMatch(new RegExp(`^${long(addDays(today, 1))}`));
    await screenshot(page, '24-visits-calendar');
    expect(errors).toEqual([]);
  });
});
