/** HTTP-level guards that need no database: body size, Origin, and cookie flags. */
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTERNAL_ERROR_MESSAGE } from '@ip/api';
import { sessionCookie } from './cookies.js';
import { clientAddress, createApiServer, originAllowed, ownOrigin } from './server.js';

const failing = new Proxy({}, { get: () => () => Promise.reject(new Error('no database in this test')) });
let url = '';
const logged: Record<string, unknown>[] = [];
const capture = { write: (line: string) => void logged.push(JSON.parse(line) as Record<string, unknown>) };
const server = createApiServer({ prisma: { session: failing, user: failing } as never, temporal: {} as never, logger: pino({ level: 'info' }, capture) });
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

  it('Origin must match scheme, host and port exactly; no Origin passes only for non-browsers and same-origin fetches', () => {
    const own = ownOrigin('localhost:3000', false);
    expect(own).toBe('http://localhost:3000');
    expect(originAllowed('http://localhost:3000', own)).toBe(true);
    expect(originAllowed('https://localhost:3000', own), 'another scheme').toBe(false);
    expect(originAllowed('http://localhost:3001', own), 'another port').toBe(false);
    expect(originAllowed('http://localhost', own), 'no port').toBe(false);
    expect(originAllowed('http://localhost:3000.evil.example', own)).toBe(false);
    expect(originAllowed('https://evil.example', own)).toBe(false);
    expect(originAllowed('null', own), 'a sandboxed frame or file: page').toBe(false);
    expect(originAllowed('not a url', own)).toBe(false);
    expect(originAllowed('https://console.council.gov.uk', ownOrigin('api.internal:3000', false), ['https://console.council.gov.uk'])).toBe(true);
    // Over TLS (COOKIE_SECURE) the console's origin is https.
    expect(originAllowed('https://ip.council.gov.uk', ownOrigin('ip.council.gov.uk', true))).toBe(true);
    expect(originAllowed('http://ip.council.gov.uk', ownOrigin('ip.council.gov.uk', true))).toBe(false);
    expect(ownOrigin('evil.example/x', false)).toBeNull();
    expect(ownOrigin('user@host', false)).toBeNull();
    // No Origin: curl and scripts (no Sec-Fetch-Site), a same-origin GET, a typed URL; not a link from another site.
    expect(originAllowed(undefined, own)).toBe(true);
    expect(originAllowed(undefined, own, [], 'same-origin')).toBe(true);
    expect(originAllowed(undefined, own, [], 'none')).toBe(true);
    expect(originAllowed(undefined, own, [], 'cross-site')).toBe(false);
    expect(originAllowed(undefined, own, [], 'same-site')).toBe(false);
  });

  it('the sign-in source address: the socket, or as many proxies from the right of X-Forwarded-For as are trusted', () => {
    expect(clientAddress('10.0.0.5', '6.6.6.6', 0), 'no proxy trusted: a client cannot pick its address').toBe('10.0.0.5');
    expect(clientAddress('10.0.0.5', '6.6.6.6, 203.0.113.7', 1), 'one proxy: what it saw, not what the client claimed').toBe('203.0.113.7');
    expect(clientAddress('10.0.0.5', ['203.0.113.7', '10.0.0.4'], 2)).toBe('203.0.113.7');
    expect(clientAddress('10.0.0.5', undefined, 1), 'header missing: the socket').toBe('10.0.0.5');
  });

  it('an unexpected error answers a fixed message and the request id: no stack, SQL, Prisma call or file path', async () => {
    // This rig's database is a stand-in that fails every call: sign-in meets an error nobody planned for.
    const res = await fetch(`${url}/trpc/auth.login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'pm@northmoor.gov.uk', password: 'x' }) });
    const text = await res.text();
    expect(res.status).toBe(500);
    const error = (JSON.parse(text) as { error: { message: string; data: { requestId: string; stack?: unknown } } }).error;
    expect(error.message).toBe(INTERNAL_ERROR_MESSAGE);
    expect(error.data.requestId).toBe(res.headers.get('x-request-id'));
    expect(error.data.stack).toBeUndefined();
    expect(text).not.toMatch(/node_modules|\/src\/|\.ts:\d+|TypeError|prisma|no database in this test/i);
    // The log has the details, every line of this request under the id the caller was given.
    const id = res.headers.get('x-request-id');
    await expect.poll(() => logged.filter((l) => l.requestId === id).map((l) => l.msg)).toEqual(expect.arrayContaining(['procedure failed', 'request']));
    expect(logged.find((l) => l.requestId === id && l.msg === 'procedure failed')).toMatchObject({ level: 50, path: 'auth.login', err: { message: expect.any(String), stack: expect.any(String) } });
    expect(logged.find((l) => l.requestId === id && l.msg === 'request')).toMatchObject({ method: 'POST', url: '/trpc/auth.login', status: 500 });
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
