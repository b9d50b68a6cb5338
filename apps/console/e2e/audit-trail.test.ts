/**
 * The audit trail in Chromium against the real system: an auditor reads who changed what and why,
 * checks the hash chain, and sees the first broken link named when a row is altered behind the
 * application's back (straight in PostgreSQL, as an insider with database access would).
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRig, type Rig } from '@ip/api-server/testing';
import { DEMO_PASSWORD, NORTHMOOR_PROGRAMME_ID } from '@ip/db/seed';
import { launchChromium, screenshot, signIn } from './browser.js';

const consoleDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
let rig: Rig;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(join(consoleDir, 'index.html'))) throw new Error('Build the console first (turbo runs build before test)');
  rig = await startRig({ consoleDir });
  browser = await launchChromium();
  const { trpc } = rig.client();
  await trpc.auth.login.mutate({ email: 'pm@northmoor.gov.uk', password: DEMO_PASSWORD });
  await trpc.programmes.create.mutate({ onsCode: 'E09000099', clientRequestId: randomUUID(), reason: 'Northmoor judged inadequate' });
  for (const [key, name] of [['e2e-quality', 'Quality assurance of practice'], ['e2e-workforce', 'Workforce stability']] as const) {
    await trpc.workstreams.create.mutate({
      programmeId: NORTHMOOR_PROGRAMME_ID, clientRequestId: randomUUID(), reason: `Agreed at the improvement board: ${name}`,
      workstream: { key, name, lead: { name: 'Helen Okafor' }, phase: 'responding' },
    });
  }
});
afterAll(async () => {
  await browser?.close();
  await rig?.close();
});

describe('audit trail in Chromium', () => {
  it('an auditor reads the trail, checks it is intact, and is shown the first broken link after tampering', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London' })).newPage();
    await signIn(page, rig.url, 'auditor@northmoor.gov.uk', DEMO_PASSWORD);
    await page.getByRole('menuitem', { name: 'Audit trail' }).click();
    await page.getByText('Agreed at the improvement board: Workforce stability').waitFor();
    await expect(page.getByText('Added workstream').count()).resolves.toBeGreaterThanOrEqual(2);

    await page.getByRole('button', { name: 'Check the audit trail' }).click();
    await page.getByText('The trail is intact').waitFor();
    await screenshot(page, 'audit-trail-intact');

    // An insider edits a reason directly in the database.
    const row = await rig.prisma.auditEvent.findFirstOrThrow({ where: { reason: { contains: 'Quality assurance' } } });
    await rig.prisma.auditEvent.update({ where: { id: row.id }, data: { reason: 'Nothing was agreed' } });
    try {
      await page.getByRole('button', { name: 'Check the audit trail' }).click();
      await page.getByText('The trail has been altered.').waitFor();
      const alert = await page.getByRole('alert').filter({ hasText: 'altered' }).innerText();
      expect(alert).toContain(`#${row.id}`);
      expect(alert).toMatch(/changed after it was written/);
      await screenshot(page, 'audit-trail-broken');
      await page.getByRole('link', { name: `#${row.id}` }).click();
      await page.getByText('Nothing was agreed').first().waitFor();
      await expect(page.getByText('Fingerprint', { exact: true }).count()).resolves.toBe(1);
    } finally {
      await rig.prisma.auditEvent.update({ where: { id: row.id }, data: { reason: row.reason } });
    }
    // Nothing on these pages changes the trail: no create, edit or delete control for an auditor (or anyone).
    await page.goBack();
    await expect(page.getByRole('button', { name: /delete|edit|create/i }).count()).resolves.toBe(0);
  });
});
