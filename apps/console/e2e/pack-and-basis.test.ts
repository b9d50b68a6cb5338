/**
 * The board pack "as at now" and the two questions an auditor asks — what had been *recorded* by a
 * date, and what had *happened* by it — in Chromium against the real system, on the demo data exactly
 * as `npm run dev` enters it (apps/dev: Northmoor's plan submitted 10 February 2026 and accepted
 * 3 March 2026, all entered today; ten actions, some overdue, one signed off).
 *
 * - "What changed between 1 December 2025 and 31 March 2026": the plan in the "happened" mode, and
 *   nothing recorded in the other (before: "Nothing changed", with no choice).
 * - The slider in the "happened" mode steps back to dates before today (before: it could not).
 * - The board pack as at now (the dialog's default) has the dashboard's figures, downloads the same
 *   bytes twice, and its first page is rendered to PNG for reviewers (pdftoppm).
 * Screenshots (committed): diff-happened.png, diff-recorded.png, board-pack-page-1.png.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startRig, type Rig } from '@ip/api-server/testing';
import { DEMO_PASSWORD, NORTHMOOR_PROGRAMME_ID } from '@ip/db/seed';
import { seedDemoProgrammes } from '@ip/dev/demo';
import { fillDate, launchChromium, SCREENSHOTS, signIn } from './browser.js';

const consoleDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const programmePage = () => `${rig.url}/#/programmes/${encodeURIComponent(NORTHMOOR_PROGRAMME_ID)}/show`;
let rig: Rig;
let browser: Browser;

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London', acceptDownloads: true });
  return context.newPage();
}

async function pdfText(pdf: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).text.replace(/\s+/g, ' ');
  } finally {
    await parser.destroy();
  }
}

beforeAll(async () => {
  if (!existsSync(join(consoleDir, 'index.html'))) throw new Error('Build the console first (turbo runs build before test)');
  rig = await startRig({ consoleDir });
  browser = await launchChromium();
  expect(await seedDemoProgrammes(rig.prisma, rig.temporal, { taskQueue: rig.taskQueue })).toBe(2);
  // The demo's back-dated workflows have written their escalations and projections: nothing in flight.
  await vi.waitFor(async () => expect(await rig.busyWorkflows()).toEqual([]), { timeout: 120_000, interval: 500 });
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await rig?.close();
});

describe('recorded by a date, and happened by a date (demo data)', () => {
  it('the two-date comparison shows the plan in the "happened" mode and nothing recorded in the other', async () => {
    const page = await newPage();
    await signIn(page, rig.url, 'auditor@northmoor.gov.uk', DEMO_PASSWORD);
    await page.goto(programmePage());
    const section = page.getByRole('region', { name: 'What changed between two dates' });
    await section.scrollIntoViewIfNeeded();
    await section.getByRole('radio', { name: /When it happened/ }).check();
    await fillDate(section, 'From (end of day)', '2025-12-01');
    await fillDate(section, 'To (end of day)', '2026-03-31');
    await section.getByRole('button', { name: 'Compare' }).click();
    await section.getByRole('heading', { name: 'Happened between 1 December 2025 and 31 March 2026' }).waitFor();
    const changed = section.getByRole('list', { name: 'What changed (happened)' });
    await changed.getByText(/Action plan submitted: none → 10 February 2026/).waitFor();
    await changed.getByText(/Ofsted response to the plan: none → accepted/).waitFor();
    const everything = section.getByRole('list', { name: 'Everything that happened' });
    // Each line says when it happened and when it was recorded (today).
    await everything.getByText(/^10 February 2026, recorded .* — Northmoor Borough Council: Action plan submitted on 10 February 2026/).waitFor();
    await section.screenshot({ path: join(SCREENSHOTS, 'diff-happened.png') });

    await section.getByRole('radio', { name: /When it was recorded/ }).check();
    await section.getByRole('heading', { name: 'Recorded between 1 December 2025 and 31 March 2026' }).waitFor();
    await section.getByText('Nothing recorded between these dates.').waitFor();
    expect(await section.getByText(/Action plan submitted/).count()).toBe(0);
    await section.screenshot({ path: join(SCREENSHOTS, 'diff-recorded.png') });
  });

  it('the slider in the "happened" mode steps back to the dates things happened', async () => {
    const page = await newPage();
    await signIn(page, rig.url, 'auditor@northmoor.gov.uk', DEMO_PASSWORD);
    await page.goto(programmePage());
    const section = page.getByRole('region', { name: 'As at an earlier date' });
    await section.scrollIntoViewIfNeeded();
    await section.getByRole('radio', { name: /When it happened/ }).check();
    const slider = section.getByRole('slider');
    await slider.focus();
    await page.keyboard.press('Home');
    await section.getByRole('heading', { name: /^As it had happened by 3 November 2025/ }).waitFor();
    for (let i = 0; i < 40; i++) {
      if (/Action plan submitted on 10 February 2026/.test((await slider.getAttribute('aria-valuetext')) ?? '')) break;
      await page.keyboard.press('ArrowRight');
    }
    expect(await slider.getAttribute('aria-valuetext')).toMatch(/^10 February 2026: Action plan submitted/);
    await section.getByRole('heading', { name: /^As it had happened by 10 February 2026/ }).waitFor();
    await section.getByText('Plan submitted', { exact: true }).first().waitFor();
    // The recorded mode at the same point in time: nothing was recorded before today.
    await section.getByRole('radio', { name: /When it was recorded/ }).check();
    await section.getByRole('heading', { name: /^As at .* \(now\)/ }).waitFor();
    await slider.focus();
    await page.keyboard.press('Home');
    await section.getByRole('heading', { name: /^As at .* — after “Programme started/ }).waitFor();
  });
});

describe('the board pack as at now (demo data)', () => {
  it('has the dashboard’s figures, the same bytes twice, and its first page as a picture', async () => {
    const page = await newPage();
    await signIn(page, rig.url, 'auditor@northmoor.gov.uk', DEMO_PASSWORD);
    // What the dashboard shows now.
    await page.getByRole('menuitem', { name: 'Dashboard' }).click();
    const tileText = async (name: string) => (await page.getByRole('region', { name, exact: true }).textContent()) ?? '';
    await page.getByRole('region', { name: 'Open escalations', exact: true }).waitFor();
    const openEscalations = Number(/Open escalations(\d+)/.exec(await tileText('Open escalations'))?.[1]);
    const deadlines = await tileText('Deadlines');
    const soon = Number(/Deadlines(\d+)/.exec(deadlines)?.[1]);
    const overdue = /None overdue/.test(deadlines) ? 0 : Number(/(\d+) overdue/.exec(deadlines)?.[1]);
    const totals = (await page.getByRole('row', { name: /^All actions/ }).textContent()) ?? '';

    await page.goto(programmePage());
    await page.getByRole('button', { name: 'Board pack as at…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Board pack' });
    expect(await dialog.getByRole('radio', { name: /^Now/ }).isChecked()).toBe(true);
    expect(await dialog.getByRole('radio', { name: /When it was recorded/ }).isChecked()).toBe(true);
    const download = async () => {
      const [file] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download PDF' }).click()]);
      return readFileSync((await file.path()));
    };
    const first = await download();
    await dialog.getByText(/^sha256 /).waitFor();
    const second = await download();
    const sha = createHash('sha256').update(first).digest('hex');
    expect(createHash('sha256').update(second).digest('hex')).toBe(sha);

    const text = await pdfText(first);
    expect(text).toContain('What had been recorded by then');
    expect(text).toContain(`Open escalations (not acknowledged) ${openEscalations}`);
    expect(text).toContain(`Deadlines in the next 20 working days ${soon}`);
    expect(text).toContain(`Deadlines overdue (clocks and actions) ${overdue}`);
    expect(text).toContain('All actions (10)');
    // The dashboard's "All actions" row (red, amber, green, awaiting sign-off, complete) is the pack's column sums.
    const [red, amber, green, waiting, complete] = (/All actions\s*(\d+)\s*(\d+)\s*(\d+)\s*(\d+)\s*(\d+)/.exec(totals) ?? []).slice(1).map(Number);
    expect(red! + amber! + green! + waiting! + complete!).toBe(10);
    expect(text).toMatch(new RegExp(`Actions overdue (\\d+) of 10`));

    const pdfPath = join(SCREENSHOTS, 'board-pack-now.pdf');
    writeFileSync(pdfPath, first);
    await promisify(execFile)('pdftoppm', ['-png', '-r', '90', '-f', '1', '-l', '1', '-singlefile', pdfPath, join(SCREENSHOTS, 'board-pack-page-1-tmp')]);
    renameSync(join(SCREENSHOTS, 'board-pack-page-1-tmp.png'), join(SCREENSHOTS, 'board-pack-page-1.png'));
    expect(readFileSync(join(SCREENSHOTS, 'board-pack-page-1.png')).subarray(1, 4).toString()).toBe('PNG');
  });
});
