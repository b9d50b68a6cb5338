/**
 * The transport itself, fuzzed and probed over real HTTP against the real server on real PostgreSQL
 * (Temporal unreachable: commands answer SERVICE_UNAVAILABLE): cookies (bad percent-escapes, junk),
 * headers (Origin, Sec-Fetch-Site, content types), bodies (not JSON, huge numbers, nesting past the
 * limit), query strings and paths. No request may get a 500, and no error body may carry a stack
 * trace, SQL, a Prisma call or a file path. A bad cookie is simply no session.
 */
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter, createTemporalClient } from '@ip/api';
import { createPrisma, type PrismaClient } from '@ip/db';
import { applyMigrations } from '@ip/db/migrate';
import { DEMO_PASSWORD, seedDemoData } from '@ip/db/seed';
import { createTempDatabase, type TempDatabase } from '@ip/db/testing';
import { createApiServer } from './server.js';

const RUNS = Number(process.env.FUZZ_HTTP_RUNS ?? 300);
const SEED = process.env.FUZZ_SEED === 'random' ? Date.now() : Number(process.env.FUZZ_SEED ?? 20261206);
/** What an error body must never show outside development. */
const LEAKS = /node_modules|\/work\/|\/home\/|\/src\/|\bat \S+ \(|\.ts:\d+|prisma\.\w+\.\w+\(|invocation in|SELECT |INSERT INTO|UPDATE "|PrismaClient|stack/;

let db: TempDatabase;
let prisma: PrismaClient;
let server: ReturnType<typeof createApiServer>;
let port = 0;
let origin = '';
let session = '';
const closeTemporal: (() => Promise<void>)[] = [];
const tally: Record<string, number> = {};

interface Sent { method?: string; path: string; headers?: Record<string, string>; body?: string }
interface Got { status: number; body: string }

function send({ method = 'GET', path, headers = {}, body }: Sent): Promise<Got> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { ...(body !== undefined ? { 'content-length': String(Buffer.byteLength(body)) } : {}), ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', fail);
    req.setTimeout(30_000, () => req.destroy(new Error(`timeout: ${method} ${path}`)));
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** No 500 and nothing leaked, whatever was sent. */
function expectSafe(sent: Sent, got: Got): void {
  const what = `${sent.method ?? 'GET'} ${sent.path.slice(0, 120)} ${JSON.stringify(sent.headers ?? {}).slice(0, 200)} ${String(sent.body ?? '').slice(0, 120)}`;
  expect(got.status, `${what} → ${got.status}: ${got.body.slice(0, 300)}`).not.toBe(500);
  expect(got.status, `${what} → ${got.status}`).toBeLessThan(600);
  if (got.status >= 400) expect(got.body, `${what} leaked: ${got.body.slice(0, 500)}`).not.toMatch(LEAKS);
}

const trpcError = (got: Got) => (JSON.parse(got.body) as { error: { message: string; data: { code: string; fieldErrors: Record<string, string[]> | null } } }).error;
const json = { 'content-type': 'application/json' };

beforeAll(async () => {
  db = await createTempDatabase();
  await applyMigrations({ databaseUrl: db.url });
  prisma = createPrisma({ databaseUrl: db.url });
  await seedDemoData(prisma);
  const { client: temporal, connection } = createTemporalClient('127.0.0.1:9', 'default'); // nothing listens there
  closeTemporal.push(() => connection.close());
  server = createApiServer({ prisma, temporal, logger: pino({ level: 'silent' }) });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  const res = await fetch(`${origin}/trpc/auth.login`, { method: 'POST', headers: { ...json, origin }, body: JSON.stringify({ email: 'pm@northmoor.gov.uk', password: DEMO_PASSWORD }) });
  session = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}, 120_000);

afterAll(async () => {
  console.log(`transport inputs that passed (no 500, nothing leaked): ${JSON.stringify(tally)}`);
  await new Promise<void>((ok) => server?.close(() => ok()));
  for (const close of closeTemporal) await close().catch(() => undefined);
  await prisma?.$disconnect();
  await db?.drop();
});

const BAD_COOKIES = ['ip_session=%E0%A4%A', 'ip_session=%', 'ip_session=%zz', 'ip_session=%C0%AF', 'ip_session=%ED%A0%80', 'ip_session=="=";;;', 'ip_session', '=; ip_session=%'];

describe('cookies', () => {
  it('a malformed session cookie is no session: sign-in still works, reads say "sign in", never a 500', async () => {
    for (const cookie of BAD_COOKIES) {
      const login = await send({ method: 'POST', path: '/trpc/auth.login', headers: { ...json, origin, cookie }, body: JSON.stringify({ email: 'pm@northmoor.gov.uk', password: DEMO_PASSWORD }) });
      expect([cookie, login.status]).toEqual([cookie, 200]);
      const me = await send({ path: '/trpc/auth.me', headers: { cookie } });
      expect([cookie, me.status, JSON.parse(me.body).result.data.user]).toEqual([cookie, 200, null]);
      const list = await send({ path: '/trpc/programmes.getList', headers: { cookie } });
      expect([cookie, list.status, trpcError(list).data.code]).toEqual([cookie, 401, 'UNAUTHORIZED']);
    }
  });
});

describe('Origin', () => {
  it('must match scheme, host and port exactly, on every request that carries one; a cross-site navigation without one is refused', async () => {
    const body = JSON.stringify({ clientRequestId: crypto.randomUUID(), reason: 'Checked', view: { resource: 'kpis', name: 'Mine', params: {} } });
    const as = (headers: Record<string, string>) => send({ method: 'POST', path: '/trpc/savedViews.create', headers: { ...json, cookie: session, ...headers }, body });
    for (const bad of [`https://127.0.0.1:${port}`, `http://127.0.0.1:${port + 1}`, 'http://127.0.0.1', `http://localhost:${port}`, 'null', 'https://evil.example']) {
      expect([bad, (await as({ origin: bad })).status]).toEqual([bad, 403]);
      expect([bad, (await send({ path: '/trpc/programmes.getList', headers: { cookie: session, origin: bad } })).status]).toEqual([bad, 403]);
    }
    const list = `/trpc/programmes.getList?input=${encodeURIComponent('{}')}`;
    expect((await send({ path: list, headers: { cookie: session, 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate' } })).status).toBe(403);
    expect((await send({ path: list, headers: { cookie: session, 'sec-fetch-site': 'same-origin' } })).status).toBe(200);
    const same = await as({ origin });
    expect(same.status, same.body).toBe(200);
  });

  it('work is started only by mutations: verifying histories is a POST, and a GET of it is refused', async () => {
    const get = await send({ path: `/trpc/historyVerification.run?input=${encodeURIComponent(JSON.stringify({ clientRequestId: crypto.randomUUID() }))}`, headers: { cookie: session } });
    expect(get.status).toBe(405);
    const nonMutations = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>).filter(([, p]) => p._def.type !== 'mutation').map(([path]) => path);
    // Every GET-able procedure is a read: the query fuzzer checks that none of them stores anything.
    expect(nonMutations).not.toContain('historyVerification.run');
  });
});

/** Nesting `depth` levels deep, with `leaf` at the bottom, inside a saved view's params (a JSON column). */
const nested = (depth: number, leaf: unknown): unknown => {
  let v: unknown = leaf;
  for (let i = 0; i < depth; i++) v = { k: v };
  return v;
};

describe('bodies', () => {
  it('nesting deeper than 32 levels is a 400 that says so and where, even 100,000 levels deep; text PostgreSQL cannot store is refused by path at any depth', async () => {
    const create = (params: unknown) => send({
      method: 'POST', path: '/trpc/savedViews.create', headers: { ...json, origin, cookie: session },
      body: JSON.stringify({ clientRequestId: crypto.randomUUID(), reason: 'Checked', view: { resource: 'kpis', name: `v-${crypto.randomUUID()}`, params } }),
    });
    expect((await create(nested(25, 'fine'))).status).toBe(200);
    const deep = await create(nested(40, 'x'));
    expect(deep.status).toBe(400);
    expect(trpcError(deep).message).toMatch(/^view\.params(\.k)+: nested more than 32 levels deep/);
    const deeper = await send({ method: 'POST', path: '/trpc/savedViews.create', headers: { ...json, origin, cookie: session }, body: `${'['.repeat(100_000)}${']'.repeat(100_000)}` });
    expect([deeper.status, trpcError(deeper).message]).toEqual([400, expect.stringMatching(/nested more than 32 levels deep/)]);
    const nul = await create(nested(28, 'a\u0000b'));
    expect(nul.status).toBe(400);
    expect(Object.keys(trpcError(nul).data.fieldErrors ?? {})).toEqual([`view.params${'.k'.repeat(28)}`]);
    const surrogate = await send({ path: `/trpc/kpis.getList?input=${encodeURIComponent(JSON.stringify({ filter: { q: 'x\uD800' } }))}`, headers: { cookie: session } });
    expect([surrogate.status, Object.keys(trpcError(surrogate).data.fieldErrors ?? {})]).toEqual([400, ['filter.q']]);
  });
});

// Not sign-out: the fuzz would end its own session and try everything else signed out.
const procedurePaths = Object.keys(appRouter._def.procedures as object).filter((p) => p !== 'auth.logout');
const headerText = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 200 });
const percentJunk = fc.array(fc.oneof(fc.constantFrom('%', '%E0', '%A4%A', '%zz', '%00', '%C0%AF', '%ED%A0%80', '%FF', ';', '=', '"', ','), headerText.map((s) => s.slice(0, 20))), { maxLength: 8 }).map((xs) => xs.join(''));
const deepJson = fc.integer({ min: 1, max: 5000 }).map((n) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`);
const bodyText = fc.oneof(
  fc.json({ maxDepth: 4 }),
  fc.string({ maxLength: 300 }),
  deepJson,
  fc.constantFrom('', 'null', '[]', '{', '{"json":', '1e999999', '-0', '"\\ud800"', '{"__proto__":{"polluted":true}}', '{"0":{"json":null}}', '\u0000', '{"a":"\\u0000"}'),
);

describe('the transport, fuzzed (fixed seed; FUZZ_SEED=random explores)', () => {
  it(`${RUNS} requests with junk cookies, headers, methods, query strings, bodies and paths: no 500, nothing leaked`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'),
          path: fc.oneof(fc.constantFrom(...procedurePaths), fc.constantFrom('auth.login', 'auth.me', 'health'), percentJunk, headerText.map((s) => encodeURIComponent(s).slice(0, 60))),
          batch: fc.boolean(),
          query: fc.option(fc.oneof(percentJunk, bodyText.map(encodeURIComponent), deepJson.map(encodeURIComponent)), { nil: undefined }),
          cookie: fc.option(fc.oneof(fc.constantFrom(...BAD_COOKIES), percentJunk.map((j) => `ip_session=${j}`), headerText), { nil: undefined }),
          contentType: fc.option(fc.constantFrom('application/json', 'text/plain', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'application/json; charset=utf-16', 'application/octet-stream', ''), { nil: undefined }),
          origin: fc.option(fc.oneof(fc.constant('same'), fc.constantFrom('null', 'https://evil.example', 'not a url'), headerText), { nil: undefined }),
          signedIn: fc.boolean(),
          body: fc.option(bodyText, { nil: undefined }),
        }),
        async (r) => {
          const headers: Record<string, string> = {};
          const cookie = [r.signedIn ? session : '', r.cookie ?? ''].filter(Boolean).join('; ');
          if (cookie) headers.cookie = cookie;
          if (r.contentType !== undefined) headers['content-type'] = r.contentType;
          if (r.origin !== undefined) headers.origin = r.origin === 'same' ? origin : r.origin;
          const qs = [r.batch ? 'batch=1' : '', r.query !== undefined ? `input=${r.query}` : ''].filter(Boolean).join('&');
          // A request line cannot hold a space (Node refuses to send one): as a browser would, escape it.
          const sent: Sent = { method: r.method, path: `/trpc/${r.path}${qs ? `?${qs}` : ''}`.replace(/ /g, '%20'), headers, ...(r.body !== undefined && r.method !== 'GET' && r.method !== 'HEAD' ? { body: r.body } : {}) };
          const got = await send(sent);
          expectSafe(sent, got);
          const kind = got.status < 300 ? '2xx' : got.status < 500 ? '4xx' : '5xx (503)';
          tally[kind] = (tally[kind] ?? 0) + 1;
        },
      ),
      { numRuns: RUNS, seed: SEED, endOnFailure: true, includeErrorInReport: true },
    );
  }, 600_000);
});
