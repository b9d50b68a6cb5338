/** Debian's Chromium driven by playwright-core (no browser downloads on our machines). */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadE2eEnv } from './env.js';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

export const SCREENSHOTS = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: loadE2eEnv().CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

export async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(baseUrl);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // The side menu appears once signed in (text alone would match the sign-in page's own wording).
  await page.getByRole('menuitem', { name: 'Programmes' }).waitFor();
  // Let the first data loads settle: clicking while react-admin re-renders the list detaches buttons.
  await page.waitForLoadState('networkidle');
}

/**
 * Types an ISO date into the console's GOV.UK-style date input (a group named `label` with Day,
 * Month and Year fields).
 */
export async function fillDate(scope: Page | Locator, label: string | RegExp, iso: string): Promise<void> {
  await fillDateGroup(scope.getByRole('group', { name: label }), iso);
}

/** Types an ISO date into one day / month / year group (e.g. the nth "Due date" of a list of rows). */
export async function fillDateGroup(group: Locator, iso: string): Promise<void> {
  const [year, month, day] = iso.split('-');
  await group.getByLabel('Day', { exact: true }).fill(String(Number(day)));
  await group.getByLabel('Month', { exact: true }).fill(String(Number(month)));
  await group.getByLabel('Year', { exact: true }).fill(year!);
}
