/**
 * In Chromium against the real system: a locked-out sign-in says when to try again, an admin lifts
 * the lockout from Administration → Sign-in lockouts with a reason (audited) — the page's own read
 * follows the app bar's refresh button and the command without a reload — and every list's CSV
 * download neutralises a cell a spreadsheet would run as a formula.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRig, type Rig } from '@ip/api-server/testing';
import { DEMO_PASSWORD } from '@ip/db/seed';
import { launchChromium, screenshot, signIn } from './browser.js';

const consoleDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
let rig: Rig;
let browser: Browser;

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London', acceptDownloads: true });
  return context.newPage();
}

beforeAll(async () => {
  if (!existsSync(join(consoleDir, 'index.html'))) throw new Error('Build the console first (turbo runs build before test)');
  rig = await startRig({ consoleDir });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await rig?.close();
});

describe('sign-in lockouts and CSV downloads in the console', () => {
  it('a locked account is told when to try again; an admin unlocks it with a reason; then it signs in', async () => {
    // The admin has the lockouts page open before the lockout happens.
    const admin = await newPage();
    await signIn(admin, rig.url, 'admin@northmoor.gov.uk', DEMO_PASSWORD);
    await admin.getByRole('menuitem', { name: 'Sign-in lockouts' }).click();
    await admin.getByRole('heading', { name: 'Sign-in lockouts', level: 1 }).waitFor();
    await admin.getByText('No sign-in is locked.').waitFor();
    // Marks this document: if it is still there at the end, nothing reloaded the page.
    await admin.evaluate(() => { (window as unknown as { sameDocument: boolean }).sameDocument = true; });

    const pm = await newPage();
    await pm.goto(rig.url);
    for (let i = 0; i < 6; i++) {
      await pm.getByLabel('Email address').fill('pm@northmoor.gov.uk');
      await pm.getByLabel('Password').fill(`not the password ${i}`);
      await pm.getByRole('button', { name: 'Sign in' }).click();
      await pm.getByRole('alert').waitFor();
      if (i < 5) await pm.getByText('The email address or password is not right.').waitFor();
    }
    await pm.getByText(/Too many failed sign-in attempts for this account\. Try again at \d\d:\d\d on .* \(UK time\)/).waitFor();
    await screenshot(pm, '70-sign-in-locked');

    // The app bar's refresh button reaches the page's own read (it lives in react-admin's query cache).
    const row = admin.getByRole('row', { name: /pm@northmoor\.gov\.uk/ });
    expect(await row.count()).toBe(0);
    await admin.getByRole('button', { name: 'Refresh' }).click();
    await row.waitFor();
    await screenshot(admin, '71-sign-in-lockouts');
    await row.getByRole('button', { name: 'Unlock pm@northmoor.gov.uk' }).click();
    await admin.getByLabel('Reason for this change').fill('Confirmed who they are by phone');
    await admin.getByRole('dialog').getByRole('button', { name: 'Unlock' }).click();
    // The command's refresh reaches it too: the row goes without a reload.
    await admin.getByText('No sign-in is locked.').waitFor();
    expect(await admin.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    const audit = await rig.prisma.auditEvent.findMany({ where: { entity: 'sign_in', entityId: 'account:pm@northmoor.gov.uk' }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.action, a.actorRole, a.reason])).toEqual([
      ['lockout', 'system', expect.stringMatching(/5 failed sign-in attempts/)],
      ['unlock', 'admin', 'Confirmed who they are by phone'],
    ]);

    await signIn(pm, rig.url, 'pm@northmoor.gov.uk', DEMO_PASSWORD);
  });

  it('a list’s CSV download writes a formula-looking cell as text', async () => {
    const { trpc } = rig.client();
    await trpc.auth.login.mutate({ email: 'admin@northmoor.gov.uk', password: DEMO_PASSWORD });
    await trpc.users.create.mutate({
      clientRequestId: crypto.randomUUID(), reason: 'New starter', email: 'formula@northmoor.gov.uk', role: 'auditor', password: 'correct-horse-battery-2026',
      name: '=HYPERLINK("http://evil.example","Click")',
    });
    const page = await newPage();
    await signIn(page, rig.url, 'admin@northmoor.gov.uk', DEMO_PASSWORD);
    await page.getByRole('menuitem', { name: 'Users' }).click();
    await page.getByRole('row', { name: /formula@northmoor\.gov\.uk/ }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    const csv = readFileSync((await download.path()), 'utf8');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""Click"")"`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it('the outbox’s CSV download (a list with no exporter of its own) writes a formula-looking cell as text too', async () => {
    // A person's name as the recipient's: text someone typed, which a spreadsheet would run.
    await rig.prisma.emailDelivery.create({
      data: {
        id: 'csv-formula/to/formula@northmoor.gov.uk', kind: 'escalation', recipientEmail: 'formula@northmoor.gov.uk', recipientRole: 'owner',
        recipientName: '=HYPERLINK("http://evil.example","Click")', mode: 'immediate', modeReason: 'default: immediate', status: 'planned',
      },
    });
    const page = await newPage();
    await signIn(page, rig.url, 'admin@northmoor.gov.uk', DEMO_PASSWORD);
    await page.getByRole('menuitem', { name: 'Outbox' }).click();
    await page.getByRole('row', { name: /formula@northmoor\.gov\.uk/ }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    const csv = readFileSync((await download.path()), 'utf8');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""Click"")"`);
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });
});
