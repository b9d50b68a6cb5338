import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRig, type Rig } from '@ip/api-server/testing';
import { DEMO_PASSWORD } from '@ip/db/seed';
import { audit, describeFindings, type TFinding } from './axe.js';
import { launchChromium, screenshot, signIn } from './browser.js';
import { seedNorthmoor } from './seed-programme.js';

const consoleDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
let rig: Rig;
let browser: Browser;

/** A record's own page: `#/kpis/kpi-1/show`, `#/users/u-1` (edit). */
const RECORD_PAGE = /^#\/[A-Za-z]+\/[^/?]+(\/show)?$/;

/** Waits until no CSS transition or animation runs (a dialog fading in is not yet its real colours). */
async function still(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, { timeout: 5_000 }).catch(() => undefined);
}

/** Buttons that open a command dialog or a menu; each is opened once per page and checked open. */
const OPENERS = /^(Saved views|Record|Agree a later date|Withdraw|Acknowledge|Change the calendar|Open a DfE intervention|Undo )/;

beforeAll(async () => {
  if (!existsSync(join(consoleDir, 'index.html'))) throw new Error('Build the console first (turbo runs build before test)');
  rig = await startRig({ consoleDir });
  browser = await launchChromium();
  await seedNorthmoor(rig);
});
afterAll(async () => {
  await browser?.close();
  await rig?.close();
});

/**
 * The page has finished loading (its data is in and react-admin's spinners are gone) and has one
 * main heading: a page without an h1 leaves screen-reader users guessing where they are.
 */
async function settled(page: Page, where: string): Promise<TFinding[]> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('.MuiLinearProgress-root, main .MuiCircularProgress-root, [role=progressbar]'), undefined, { timeout: 15_000 });
  const hasH1 = await page.locator('h1').first().waitFor({ timeout: 5_000 }).then(() => true, () => false);
  await still(page);
  return hasH1 ? [] : [{ where, rule: 'page-has-heading-one', impact: 'serious', help: 'The page has no main heading (h1)', targets: ['main'] }];
}

/** Opens each dialog or menu the page offers (by its button's words) and checks it while open. */
async function auditOpeners(page: Page, where: string): Promise<TFinding[]> {
  const findings: TFinding[] = [];
  const names = new Set<string>();
  const buttons = page.locator('main button:visible, #main-content button:visible');
  for (const button of await buttons.all()) {
    const name = (await button.innerText()).trim();
    if (OPENERS.test(name)) names.add(name);
  }
  for (const name of names) {
    // By the words shown: an accessible name may say more ("Acknowledge: Draft plan milestone missed").
    await buttons.filter({ hasText: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).first().click();
    const popup = page.locator('[role=dialog]:visible, [role=menu]:visible').first();
    if (!(await popup.waitFor({ timeout: 5_000 }).then(() => true, () => false))) continue;
    await still(page);
    findings.push(...(await audit(page, `${where} › “${name}” open`)));
    // A form's errors are part of the page too: submit the empty form once, then check again.
    const submit = page.getByRole('dialog').locator('button[type=submit]');
    if ((await submit.count()) === 1) {
      await submit.click();
      await page.getByRole('dialog').locator('[aria-invalid=true], .Mui-error').first().waitFor({ timeout: 5_000 }).catch(() => undefined);
      await still(page);
      findings.push(...(await audit(page, `${where} › “${name}” with errors`)));
    }
    await page.keyboard.press('Escape');
    await popup.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
  }
  return findings;
}

/**
 * Every page the signed-in user can reach from the menu, the first record's page of every list,
 * every create page, and the dialogs and menus on them; a page added to the menu is covered
 * without changing this test.
 */
async function crawl(page: Page, role: string): Promise<{ findings: TFinding[]; visited: string[] }> {
  const base = page.url().split('#')[0];
  const menu = await page.locator('[role=menuitem][href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  const queue = [...new Set(menu.filter((h) => h.startsWith('#/')))];
  const seen = new Set<string>();
  const findings: TFinding[] = [];
  while (queue.length > 0) {
    const href = queue.shift()!;
    if (seen.has(href)) continue;
    seen.add(href);
    await page.goto(`${base}${href}`);
    const where = `${role} ${href}`;
    findings.push(...(await settled(page, where)));
    findings.push(...(await audit(page, where)));
    findings.push(...(await auditOpeners(page, where)));
    // The first record of a list, and the list's create page.
    const more = await page.locator('main a[href^="#/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    for (const link of more) if (/\/create$/.test(link) && !seen.has(link)) queue.push(link);
    const firstRow = page.locator('tbody tr.RaDatagrid-clickableRow').first();
    if (href.split('/').length === 2 && (await firstRow.count()) > 0) {
      await firstRow.click();
      await page.waitForURL((u) => u.hash !== href, { timeout: 5_000 }).catch(() => undefined);
      const record = `#${new URL(page.url()).hash.slice(1)}`;
      if (RECORD_PAGE.test(record) && !seen.has(record)) queue.unshift(record);
    }
  }
  return { findings, visited: [...seen] };
}

describe('accessibility: axe-core on every console page in Chromium', () => {
  for (const [role, email, expectAtLeast] of [
    ['admin', 'admin@northmoor.gov.uk', 14],
    ['auditor', 'auditor@northmoor.gov.uk', 12],
  ] as const) {
    it(`finds no serious or critical violation on any page an ${role} can reach`, { timeout: 600_000 }, async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London' });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await signIn(page, rig.url, email, DEMO_PASSWORD);
      const { findings, visited } = await crawl(page, role);
      console.log(`${role}: axe checked ${visited.length} pages: ${visited.join(' ')}`);
      expect(visited.length).toBeGreaterThanOrEqual(expectAtLeast);
      if (findings.length > 0) await screenshot(page, `a11y-${role}-last`);
      expect(describeFindings(findings)).toBe('');
      expect(errors).toEqual([]);
    });
  }

  it('the check can fail: a page with an unlabelled field and a mislabelled option is caught', async () => {
    const page = await browser.newPage();
    await page.setContent('<main><h1>Broken</h1><input type="text"><button aria-label="Clear value">All phases</button></main>');
    const rules = (await audit(page, 'fixture')).map((f) => f.rule).sort();
    expect(rules).toEqual(expect.arrayContaining(['label', 'label-content-name-mismatch']));
  });
});
