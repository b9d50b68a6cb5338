/**
 * In Chromium against the real system: a locked-out sign-in says when to try again, an admin lifts
 * the lockout from Administration → Sign-in lockouts with a reason (audited), and a list's CSV
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

    const admin = await newPage();
    await signIn(admin, rig.url, 'admin@northmoor.gov.uk', DEMO_PASSWORD);
    await admin.getByRole('menuitem', { name: 'Sign-in lockouts' }).click();
    await admin.getByRole('heading', { name: 'Sign-in lockouts', level: 1 }).waitFor();
    const row = admin.getByRole('row', { name: /pm@northmoor\.gov\.uk/ });
    await row.waitFor();
    await screenshot(admin, '71-sign-in-lockouts');
    await row.getByRole('button', { name: 'Unlock pm@northmoor.gov.uk' }).click();
    await admin.getByLabel('Reason for this change').fill('Confirmed who they are by phone');
    await admin.getByRole('dialog').getByRole('button', { name: 'Unlock' }).click();
    await admin.getByText('No sign-in is locked.').waitFor();
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
});
