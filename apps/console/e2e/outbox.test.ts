/**
 * People, emails and the Outbox in Chromium against the real system (HTTP API, a worker on the
 * Temporal dev server, PostgreSQL, and a real SMTP server): an admin records the director, an
 * escalation at director level is delivered, and the email is readable in the Outbox and listed on
 * the escalation's page; an auditor chooses the daily digest for their own reminders.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordEscalationFact } from '@ip/activities/testing';
import { startRig, type Rig } from '@ip/api-server/testing';
import { DEMO_PASSWORD } from '@ip/db/seed';
import { createMailer, smtpConfigFromEnv, startLocalSmtpServer, ZSmtpEnv, type LocalSmtpServer, type Mailer } from '@ip/mail';
import { deliverEscalationWorkflowId } from '@ip/workflows/definitions';
import { launchChromium, screenshot, signIn } from './browser.js';
import { seedNorthmoor, type TSeeded } from './seed-programme.js';

const consoleDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
let rig: Rig;
let browser: Browser;
let seeded: TSeeded;
let smtp: LocalSmtpServer;
let mailer: Mailer;

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London' });
  return context.newPage();
}

beforeAll(async () => {
  if (!existsSync(join(consoleDir, 'index.html'))) throw new Error('Build the console first (turbo runs build before test)');
  smtp = await startLocalSmtpServer();
  mailer = createMailer({ ...smtpConfigFromEnv(ZSmtpEnv.parse({ SMTP_PORT: String(smtp.port) })), timeouts: { connection: 2000, greeting: 2000, socket: 5000 } });
  rig = await startRig({ consoleDir, delivery: { mailer, consoleUrl: 'http://127.0.0.1:3000', maxAttempts: 3, leaseMs: 10_000 } });
  browser = await launchChromium();
  seeded = await seedNorthmoor(rig);
});
afterAll(async () => {
  await browser?.close();
  await rig?.close();
  mailer?.close();
  await smtp?.close();
});

describe('people, the Outbox and email preferences in Chromium', () => {
  it('an admin records the director; the director’s escalation email is readable in the Outbox and on the escalation', async () => {
    const page = await newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, rig.url, 'admin@northmoor.gov.uk', DEMO_PASSWORD);
    await page.getByRole('menuitem', { name: 'People and emails' }).click();
    await page.getByRole('heading', { name: 'People and emails' }).first().waitFor();
    await page.getByRole('button', { name: 'Add a person' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Role').click();
    await page.getByRole('option', { name: /^Director of Children/ }).click();
    await dialog.getByLabel('Full name').fill('Dana Okoro');
    await dialog.getByLabel('Email address').fill('dana.okoro@northmoor.gov.uk');
    await dialog.getByLabel(/Reason/).fill('New director started in March');
    await dialog.getByRole('button', { name: 'Add a person' }).click();
    await page.getByRole('row', { name: /dana\.okoro@northmoor\.gov\.uk/ }).waitFor();
    await screenshot(page, '60-people');

    const id = `${seeded.programmeId}/e2e-ladder/director-10/b1`;
    const at = Date.parse('2026-03-02T09:00:00Z');
    await recordEscalationFact(rig.prisma, {
      id, workflowId: seeded.programmeId, programmeId: seeded.programmeId, subjectKind: 'programme', subjectId: seeded.programmeId,
      subjectTitle: 'Northmoor improvement programme', ladderId: 'e2e-ladder', stepId: 'director-10', kind: 'escalation', level: 'director',
      label: 'Overdue 10 working days: AD/DCS and board exception report', dueOn: '2026-02-13', fireAt: at, firedAt: at,
    });
    const summary = await rig.temporal.workflow.execute('deliverEscalationWorkflow', { workflowId: deliverEscalationWorkflowId(id), taskQueue: rig.taskQueue, args: [{ escalationId: id }] });
    expect(summary).toMatchObject({ sent: 1 });

    await page.getByRole('menuitem', { name: 'Outbox' }).click();
    await page.getByRole('heading', { name: 'Outbox' }).first().waitFor();
    const row = page.getByRole('row', { name: /Dana Okoro/ });
    await row.getByText('Sent', { exact: true }).waitFor();
    await row.click();
    await page.getByRole('heading', { name: /^Escalation: Northmoor improvement programme, overdue since Friday 13 February 2026/ }).waitFor();
    await page.getByText('You receive this as the director of children’s services.').waitFor();
    expect(await page.getByTitle(/^HTML part of:/).getAttribute('sandbox')).toBe('');
    await page.frameLocator('iframe[title^="HTML part of:"]').getByRole('heading', { name: 'What to do' }).waitFor();
    await page.getByRole('cell', { name: 'Accepted by the server' }).waitFor();
    await screenshot(page, '61-outbox-email');

    await page.getByRole('link', { name: 'Open the escalation' }).click();
    await page.getByRole('heading', { name: 'Emails' }).waitFor();
    await page.getByRole('row', { name: /Dana Okoro.*Sent/ }).waitFor();
    expect(errors).toEqual([]);
  });

  it('an auditor chooses the daily digest for their own reminders; the Outbox is not theirs', async () => {
    const page = await newPage();
    await signIn(page, rig.url, 'auditor@northmoor.gov.uk', DEMO_PASSWORD);
    expect(await page.getByRole('menuitem', { name: 'Outbox' }).count()).toBe(0);
    await page.getByRole('menuitem', { name: 'Your email preferences' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your email preferences' }).waitFor();
    await page.getByRole('button', { name: 'Change your email preferences' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Reminders').click();
    await page.getByRole('option', { name: 'In one daily digest' }).click();
    await dialog.getByLabel(/Reason/).fill('One email a day is enough');
    await dialog.getByRole('button', { name: 'Change your email preferences' }).click();
    await page.getByRole('definition').filter({ hasText: 'In one daily digest' }).waitFor();
    const saved = await rig.prisma.deliveryPreference.findUniqueOrThrow({ where: { email: 'auditor@northmoor.gov.uk' } });
    expect([saved.reminders, saved.escalations]).toEqual(['digest', 'immediate']);
  });
});
