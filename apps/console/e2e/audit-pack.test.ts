/**
 * Auditor screens in real Chromium against the real system: "Verify histories" replays every stored
 * history (live and archived) with a progress bar and a results table; "Board pack as at…" on the
 * programme page downloads the PDF as at a chosen history event of the programme, the same bytes each time.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
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

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London', acceptDownloads: true });
  return context.newPage();
}

beforeAll(async () => {
  if (!existsSync(join(consoleDir, 'index.html'))) throw new Error('Build the console first (turbo runs build before test)');
  rig = await startRig({ consoleDir });
  browser = await launchChromium();
  const pm = rig.client().trpc;
  await pm.auth.login.mutate({ email: 'pm@northmoor.gov.uk', password: DEMO_PASSWORD });
  const meta = (reason: string) => ({ clientRequestId: randomUUID(), reason });
  const { data: programme } = await pm.programmes.create.mutate({ onsCode: 'E09000099', ...meta('Northmoor judged inadequate') });
  const reportReceivedOn = defaultCalendar().addWorkingDays(defaultCalendar().workingDayOnOrAfter(londonDateOf(Date.now())), -10);
  await pm.programmes.recordInspection.mutate({
    programmeId: programme.id,
    ...meta('Final report received from Ofsted'),
    inspection: { type: 'standard', fieldworkStartedOn: addDays(reportReceivedOn, -35), fieldworkEndedOn: addDays(reportReceivedOn, -24), reportReceivedOn, judgements: { overallEffectiveness: 'inadequate' } },
  });
  // A closed workflow for the archive: one monthly KPI return.
  await (await rig.temporal.workflow.start('kpiReturnWorkflow', { workflowId: `kpi-return-e2e-${randomUUID()}`, taskQueue: rig.taskQueue, args: [{ programmeId: programme.id }] })).result();
  const admin = rig.client().trpc;
  await admin.auth.login.mutate({ email: 'admin@northmoor.gov.uk', password: DEMO_PASSWORD });
  await admin.historyArchive.run.mutate(meta('Archive before the board'));
});
afterAll(async () => {
  await browser?.close();
  await rig?.close();
});

describe('auditor: verify histories and board packs in Chromium', () => {
  it('verifies every stored history with a progress bar and a results table', async () => {
    const page = await newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, rig.url, 'auditor@northmoor.gov.uk', DEMO_PASSWORD);
    await page.getByRole('menuitem', { name: 'Verify histories' }).click();
    await page.getByRole('heading', { level: 1, name: 'Verify histories' }).waitFor();
    await page.getByRole('button', { name: 'Verify all histories' }).click();
    await page.getByRole('heading', { name: /Passed: every history replays/ }).waitFor({ timeout: 90_000 });
    const status = await page.getByRole('status').filter({ hasText: 'histories replayed' }).textContent();
    const [, done, total] = /(\d+) of (\d+) histories replayed/.exec(status ?? '') ?? [];
    expect(Number(total)).toBeGreaterThanOrEqual(3); // the programme, the KPI return (archived), the archive run
    expect(done).toBe(total);
    expect(await page.getByRole('progressbar', { name: 'Histories replayed' }).getAttribute('aria-valuenow')).toBe('100');
    await page.getByRole('table', { name: 'Mismatches' }).getByText('No mismatches.').waitFor();
    await screenshot(page, '40-verify-histories');
    const job = await rig.prisma.historyVerification.findFirstOrThrow({ orderBy: { startedAt: 'desc' } });
    expect(job).toMatchObject({ status: 'passed', done: Number(done), total: Number(total) });
    expect(errors).toEqual([]);
  });

  it('downloads the board pack as at a chosen event, byte-identical on a second download', async () => {
    const page = await newPage();
    await signIn(page, rig.url, 'auditor@northmoor.gov.uk', DEMO_PASSWORD);
    await page.goto(`${rig.url}/#/programmes/${encodeURIComponent(NORTHMOOR_PROGRAMME_ID)}/show`);
    await page.getByRole('button', { name: 'Board pack as at…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Board pack' });
    // "Now" is the default (pack-and-basis.test.ts); a history event of the programme is still offered.
    await dialog.getByRole('radio', { name: 'Just after a change to the programme' }).check();
    await dialog.getByLabel('As at event').click();
    const options = page.getByRole('option');
    await options.first().waitFor();
    expect(await options.count()).toBeGreaterThanOrEqual(2);
    await options.filter({ hasText: /inspection|Inspection/ }).first().click();
    const download = async () => {
      const [file] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download PDF' }).click()]);
      return readFileSync((await file.path()));
    };
    const first = await download();
    await dialog.getByText(/^sha256 /).waitFor();
    const second = await download();
    expect(first.subarray(0, 5).toString()).toBe('%PDF-');
    const sha = createHash('sha256').update(first).digest('hex');
    expect(createHash('sha256').update(second).digest('hex')).toBe(sha);
    expect(await dialog.getByText(`sha256 ${sha}`).count()).toBe(1);
    await screenshot(page, '41-board-pack-dialog');
  });
});
