/** HTTP-level guards that need no database: body size, Origin, and cookie flags. */
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionCookie } from './cookies.js';
import { createApiServer, originAllowed } from './server.js';

const failing = new Proxy({}, { get: () => () => Promise.reject(new Error('no database in this test')) });
let url = '';
const server = createApiServer({ prisma: { session: failing, user: failing } as never, temporal: {} as never, logger: pino({ level: 'silent' }) });
beforeAll(async () => {
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

describe('HTTP guards', () => {
  it('refuses a request body over 256 KiB with 413, not a 500', async () => {
    const res = await fetch(`${url}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'pm@northmoor.gov.uk', password: 'x'.repeat(300 * 1024) }),
    });
    expect(res.status).toBe(413);
  });

  it('allows same-origin and no-Origin requests; refuses other origins', () => {
    expect(originAllowed(undefined, 'localhost:3000')).toBe(true);
    expect(originAllowed('http://localhost:3000', 'localhost:3000')).toBe(true);
    expect(originAllowed('https://evil.example', 'localhost:3000')).toBe(false);
    expect(originAllowed('https://console.council.gov.uk', 'api.internal:3000', ['https://console.council.gov.uk'])).toBe(true);
    expect(originAllowed('not a url', 'localhost:3000')).toBe(false);
  });

  it('session cookies are HttpOnly and SameSite, Secure over TLS, and cleared on logout', () => {
    const c = sessionCookie('tok', new Date('2026-12-01T00:00:00Z'), true);
    expect(c).toMatch(/HttpOnly/);
    expect(c).toMatch(/SameSite=Lax/);
    expect(c).toMatch(/Secure/);
    expect(sessionCookie('tok', new Date(), false)).not.toMatch(/Secure/);
    expect(sessionCookie('', null, false)).toMatch(/Max-Age=0/);
  });
});
