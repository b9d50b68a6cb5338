import { describe, expect, it } from 'vitest';
import { appRouter } from './root.js';
import { createCallerFactory } from './trpc.js';
import { createContextInner } from './context.js';
import { FixedWindowLimiter } from './rate-limit.js';
import { failure } from './test-support.js';

describe('sign-in rate limit', () => {
  it('allows 10 attempts a minute per client and email, then refuses until the window passes', () => {
    const l = new FixedWindowLimiter(10, 60_000);
    for (let i = 0; i < 10; i++) expect(l.allow('1.2.3.4|pm@x', 1000 + i)).toBe(true);
    expect(l.allow('1.2.3.4|pm@x', 2000)).toBe(false);
    expect(l.allow('1.2.3.4|other@x', 2000)).toBe(true);
    expect(l.allow('1.2.3.4|pm@x', 61_001)).toBe(true);
  });

  it('the 11th wrong password in a minute gets TOO_MANY_REQUESTS without checking the password', async () => {
    let lookups = 0;
    const prisma = { user: { findUnique: async () => { lookups += 1; return null; } } };
    const caller = createCallerFactory(appRouter)(createContextInner({ prisma: prisma as never, temporal: {} as never }, { clientIp: '10.9.8.7' }));
    for (let i = 0; i < 10; i++) expect((await failure(caller.auth.login({ email: 'guess@northmoor.gov.uk', password: `guess-${i}` }))).code).toBe('UNAUTHORIZED');
    const limited = await failure(caller.auth.login({ email: 'guess@northmoor.gov.uk', password: 'guess-11' }));
    expect(limited.code).toBe('TOO_MANY_REQUESTS');
    expect(lookups).toBe(10);
  });
});
