/**
 * Sign-in must not tell whether an email has an account. Two distributions measured in this run,
 * interleaved: sign-in with an email that has no account, and with one that has an account but the
 * wrong password. Their medians must differ by less than the noise: the median's own uncertainty,
 * as a notched box plot draws it (McGill et al.: 1.58 × IQR / √n each side, a 95% interval; two
 * medians differ when their notches do not overlap). No absolute time is asserted: the machine may
 * be slow, both distributions with it.
 *
 * The test can fail: a control in the same run measures what the missing-account path used to do
 * (look the user up, check nothing) against the existing-account path, and requires that gap to be
 * far above the same noise, so the statistic does detect a difference of the size that was found.
 */
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@ip/db';
import { appRouter } from './root.js';
import { createCallerFactory } from './trpc.js';
import { createContextInner } from './context.js';
import { failure, rid, startRouterTest, type RouterTest } from './test-support.js';

const SAMPLES = 40;
let t: RouterTest;
let existing = '';

beforeAll(async () => {
  t = await startRouterTest();
  existing = `timing-${rid()}@northmoor.gov.uk`.toLowerCase();
  await t.prisma.user.create({ data: { email: existing, name: 'Timing', role: 'programme_manager', passwordHash: await hashPassword('the right password 2026') } });
}, 120_000);
afterAll(() => t?.close());

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1)))]!;
};
const stats = (xs: number[]) => ({ median: quantile(xs, 0.5), iqr: quantile(xs, 0.75) - quantile(xs, 0.25) });
const ms = (x: number) => x.toFixed(2);

/** One wrong sign-in, at its own moment and from its own address, so no throttle interferes. */
async function timedSignIn(email: string, i: number): Promise<number> {
  const ctx = createContextInner({ prisma: t.prisma, temporal: {} as never, now: () => Date.parse('2030-01-01T00:00:00Z') + i * 3_600_000 }, { clientIp: `10.77.${i >> 8}.${i & 255}` });
  const caller = createCallerFactory(appRouter)(ctx);
  const t0 = performance.now();
  const err = await failure(caller.auth.login({ email, password: 'a wrong password' }));
  const elapsed = performance.now() - t0;
  expect(err.code).toBe('UNAUTHORIZED');
  return elapsed;
}

describe('sign-in timing', () => {
  it(`a missing account and an existing one (wrong password) take as long: medians within the noise, ${SAMPLES} samples each`, async () => {
    // One email each, so both paths update a throttle row they share with no other sign-in.
    const nobody = `nobody-${rid()}@northmoor.gov.uk`.toLowerCase();
    await timedSignIn(existing, 0); // warm up: the dummy hash is made on first use
    await timedSignIn(nobody, 1);
    const missing: number[] = [];
    const present: number[] = [];
    const lookupOnly: number[] = [];
    for (let i = 1; i <= SAMPLES; i++) {
      // Interleaved, so both see the same machine load, and first and second in turn: with a fixed
      // order, whichever ran first was up to 1.6 ms slower in some runs (either account, so an order
      // effect, not the account), and the missing account always running first once failed CI.
      if (i % 2) {
        missing.push(await timedSignIn(nobody, 2 * i));
        present.push(await timedSignIn(existing, 2 * i + 1));
      } else {
        present.push(await timedSignIn(existing, 2 * i));
        missing.push(await timedSignIn(nobody, 2 * i + 1));
      }
      const t0 = performance.now();
      await t.prisma.user.findUnique({ where: { email: `nobody-${rid()}@northmoor.gov.uk` } });
      lookupOnly.push(performance.now() - t0);
    }
    const [a, b, old] = [stats(missing), stats(present), stats(lookupOnly)];
    const noise = (1.58 * (a.iqr + b.iqr)) / Math.sqrt(SAMPLES);
    const gap = Math.abs(a.median - b.median);
    const oldGap = Math.abs(old.median - b.median);
    console.log(
      `sign-in timing (${SAMPLES} each, ms): missing account median ${ms(a.median)} (IQR ${ms(a.iqr)}), existing account median ${ms(b.median)} (IQR ${ms(b.iqr)}); ` +
        `gap ${ms(gap)} vs noise ${ms(noise)} (gap/noise ${(gap / noise).toFixed(2)}); control: a lookup without the dummy hash, median ${ms(old.median)}, gap ${ms(oldGap)} (${(oldGap / noise).toFixed(1)} × noise)`,
    );
    expect(oldGap, 'the control: the old difference stands above the noise').toBeGreaterThan(noise);
    expect(gap, 'missing vs existing account').toBeLessThan(noise);
  }, 300_000);
});
