/**
 * "What if it slips" and the history's emails in Chromium against the real system (HTTP API, a
 * worker on the Temporal dev server, PostgreSQL, a real SMTP server): a programme manager asks what
 * a new due date would change, on the action's page and in the extension dialog; an auditor asks
 * what happens if an overdue action is not done; a clock's slip is asked from the programme page;
 * the business history lists an escalation's emails under its row.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRig, type Rig } from '@ip/api-server/testing';
import { DEMO_PASSWORD } from '@ip/db/seed';
import { defaultCalendar, londonDateOf } from '@ip/domain';
import { createMailer, smtpConfigFromEnv, startLocalSmtpServer, ZSmtpEnv, type LocalSmtpServer, type Mailer } from '@ip/mail';
import { fillDate, launchChromium, screenshot, signIn } from './browser.js';
import { seedNorthmoor, type TSeeded } from './seed-programme.js';

const consoleDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const cal = defaultCalendar();
let rig: Rig;
let browser: Browser;
let seeded: TSeeded;
let smtp: LocalSmtpServer;
let mailer: Mailer;
let onTrack: { id: string; dueOn: string };
let overdue: { id: string };

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London' });
  const page = await context.newPage();
  page.on('pageerror', (e) => { throw e; });
  return page;
}

beforeAll(async () => {
  if (!existsSync(join(consoleDir, 'index.html'))) throw new Error('Build the console first (turbo runs build before test)');
  smtp = await startLocalSmtpServer();
  mailer = createMailer({ ...smtpConfigFromEnv(ZSmtpEnv.parse({ SMTP_PORT: String(smtp.port) })), timeouts: { connection: 2000, greeting: 2000, socket: 5000 } });
  rig = await startRig({ consoleDir, delivery: { mailer, consoleUrl: 'http://127.0.0.1:3000', maxAttempts: 3, leaseMs: 10_000 } });
  browser = await launchChromium();
  seeded = await seedNorthmoor(rig);
  const { trpc } = rig.client();
  await trpc.auth.login.mutate({ email: 'admin@northmoor.gov.uk', password: DEMO_PASSWORD });
  const meta = (reason: string) => ({ clientRequestId: randomUUID(), reason });
  for (const person of [
    { role: 'workstream_lead' as const, name: 'Lee Front', email: 'lee.front@northmoor.gov.uk', workstream: '' },
    { role: 'programme_manager' as const, name: 'Priya Shah', email: 'priya.shah@northmoor.gov.uk', workstream: '' },
    { role: 'director' as const, name: 'Dana Okoro', email: 'dcs@northmoor.gov.uk', workstream: '' },
  ]) await trpc.people.create.mutate({ programmeId: seeded.programmeId, person, ...meta('Who the ladder tells') });
  const today = londonDateOf(Date.now());
  const owner = { name: 'Helen Okafor', email: 'helen.okafor@northmoor.gov.uk' };
  onTrack = (await trpc.actions.create.mutate({ programmeId: seeded.programmeId, title: 'Audit front-door decisions', owner, dueOn: cal.addWorkingDays(today, 8), ofstedLinked: true, recommendationRefs: [], ...meta('Priority 1') })).data;
  // Entered 12 working days overdue: the workflow raises the highest step reached at once (late), which is emailed.
  overdue = (await trpc.actions.create.mutate({ programmeId: seeded.programmeId, title: 'Refresh the threshold document', owner, dueOn: cal.addWorkingDays(today, -12), ofstedLinked: false, recommendationRefs: [], ...meta('Found overdue at the audit') })).data;
});
afterAll(async () => {
  await browser?.close();
  await rig?.close();
  mailer?.close();
  await smtp?.close();
});

describe('what if it slips, in Chromium', () => {
  it('a programme manager sees what a new due date would stop, start and move, on the page and in the extension dialog', async () => {
    const page = await newPage();
    await signIn(page, rig.url, 'pm@northmoor.gov.uk', DEMO_PASSWORD);
    await page.goto(`${rig.url}/#/actions/${encodeURIComponent(onTrack.id)}/show`);
    const section = page.getByRole('region', { name: 'What if it slips' });
    await section.getByLabel(/if its due date moved/).check();
    const newDueOn = cal.addWorkingDays(onTrack.dueOn, 15);
    await fillDate(section, 'Possible new due date', newDueOn);
    await section.getByRole('button', { name: 'Show what would happen' }).click();
    await section.getByRole('heading', { name: 'Moves to another day' }).waitFor();
    // The red step moves to the end of the new due date; the owner's first reminder starts.
    await section.getByText(/Overdue: action turns red; workstream lead told — from end of .* to end of .*, to Lee Front/).waitFor();
    await section.getByRole('heading', { name: 'If approved, this starts' }).waitFor();
    await section.getByText(/Reminder to the owner: due in 10 working days/).first().waitFor();
    const table = section.getByRole('table', { name: /in firing order/ }).first();
    await table.getByText(/Helen Okafor \(Action owner\), at once/).first().waitFor();
    await section.getByRole('table', { name: /RAG at noon each Monday/ }).waitFor();
    await section.getByText(/Overdue actions: \d+ → \d+/).first().waitFor();
    await screenshot(page, '70-what-if-action');

    await page.getByRole('button', { name: 'Request extension' }).click();
    const dialog = page.getByRole('dialog');
    await fillDate(dialog, 'New due date', newDueOn);
    await dialog.getByRole('heading', { name: 'If approved' }).waitFor();
    await dialog.getByRole('heading', { name: 'Moves to another day' }).waitFor();
    await dialog.getByText(/Overdue 10 working days: AD\/DCS and board exception report — from .* to .*, to Dana Okoro/).waitFor();
    await screenshot(page, '71-what-if-extension-dialog');
    await page.keyboard.press('Escape');
    // Asking changed nothing.
    expect((await rig.prisma.action.findUniqueOrThrow({ where: { id: onTrack.id } })).dueOn).toBe(onTrack.dueOn);
  });

  it('an auditor asks what happens if an overdue action is not done; a statutory clock’s slip from the programme page', async () => {
    const page = await newPage();
    await signIn(page, rig.url, 'auditor@northmoor.gov.uk', DEMO_PASSWORD);
    await page.goto(`${rig.url}/#/actions/${encodeURIComponent(overdue.id)}/show`);
    const section = page.getByRole('region', { name: 'What if it slips' });
    await section.getByRole('button', { name: 'Show what would happen' }).click();
    await section.getByText(/If it is not done: \d+ reminders? and escalations? would be raised|If it is not done: no reminder or escalation would be raised/).waitFor();
    await section.getByRole('table', { name: /RAG at noon each Monday/ }).getByText('Red').first().waitFor();

    await page.goto(`${rig.url}/#/programmes/${encodeURIComponent(seeded.programmeId)}/show`);
    await page.getByRole('button', { name: 'What if it slips: Submit the action plan to Ofsted' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Working days late').fill('3');
    await dialog.getByRole('button', { name: 'Show what would happen' }).click();
    await dialog.getByRole('heading', { name: /this starts$/ }).waitFor();
    await dialog.getByText(/chief executive/i).first().waitFor();
    await screenshot(page, '72-what-if-clock');
  });

  it('the business history lists an escalation’s emails under its row', async () => {
    // The overdue action's escalation, emailed to the director.
    await expect.poll(() => rig.prisma.emailDelivery.count({ where: { subjectId: overdue.id, status: 'sent' } }), { timeout: 30_000, interval: 500 }).toBeGreaterThan(0);
    const page = await newPage();
    await signIn(page, rig.url, 'auditor@northmoor.gov.uk', DEMO_PASSWORD);
    await page.goto(`${rig.url}/#/programmes/${encodeURIComponent(seeded.programmeId)}/history`);
    await page.getByRole('table', { name: /^History of / }).waitFor();
    await page.getByLabel('Category').click();
    await page.getByRole('option', { name: 'Escalations and reminders' }).click();
    const emails = page.getByRole('table', { name: /^Emails for: .*Overdue 10 working days: AD\/DCS and board exception report \(raised late/ });
    await emails.getByRole('row', { name: /Dana Okoro <dcs@northmoor\.gov\.uk>.*Sent/ }).waitFor();
    await emails.getByText(/^250 /).first().waitFor();
    await screenshot(page, '73-history-emails');
  });
});
