import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import type { Client } from '@temporalio/client';
import pino, { type Logger } from 'pino';
import { TRPCError } from '@trpc/server';
import { appRouter, createContextInner, sessionCache, toUserError, type LiveFeed } from '@ip/api';
import type { PrismaClient } from '@ip/db';
import { appendSetCookie, readCookie, SESSION_COOKIE, sessionCookie } from './cookies.js';
import { serveStatic } from './static.js';

export interface ApiServerOptions {
  prisma: PrismaClient;
  temporal: Client;
  taskQueue?: string;
  consoleDir?: string;
  allowedOrigins?: string[];
  cookieSecure?: boolean;
  logger?: Logger;
  /** Largest request body accepted, in bytes. */
  maxBodySize?: number;
  /** The process's live feed (one LISTEN fanned out to every console); without it live.changes is unavailable. */
  live?: LiveFeed;
  /** Reverse proxies in front that append to X-Forwarded-For (env TRUST_PROXY_HOPS); 0: the socket's address. */
  trustProxyHops?: number;
}

/**
 * The HTTP server: tRPC at /trpc, the built console everywhere else.
 *
 * Cross-site requests (CSRF): the session cookie is SameSite=Lax and HttpOnly, every procedure that
 * changes state or starts work is a POST mutation, and every /trpc request, GET or POST, is refused
 * (403) when its Origin is not exactly this server's own (scheme, host and port) or one listed in
 * `allowedOrigins`, or when it has no Origin and the browser says it came from another site
 * (Sec-Fetch-Site). Clients that are not browsers (curl, scripts) send neither header and pass.
 */
export function createApiServer(opts: ApiServerOptions): Server {
  const log = opts.logger ?? pino({ level: 'info' });
  const secure = opts.cookieSecure ?? false;
  const allowed = normaliseOrigins(opts.allowedOrigins ?? []);
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    maxBodySize: opts.maxBodySize ?? 256 * 1024,
    async createContext({ req, res }) {
      const token = readCookie(req, SESSION_COOKIE);
      // A session that cannot be checked because the database is down is SERVICE_UNAVAILABLE, not
      // "signed out": the client should retry, not send the user to the sign-in page.
      const session = await sessionCache.lookup(opts.prisma, token, Date.now()).catch((err: unknown) => {
        const mapped = token ? toUserError(err) : null;
        if (mapped instanceof TRPCError && mapped.code === 'SERVICE_UNAVAILABLE') throw mapped;
        return null;
      });
      return createContextInner(
        { prisma: opts.prisma, temporal: opts.temporal, taskQueue: opts.taskQueue, live: opts.live },
        {
          user: session?.user ?? null,
          sessionId: session?.sessionId ?? null,
          sessionToken: token,
          clientIp: clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], opts.trustProxyHops ?? 0),
          requestId: String(res.getHeader('x-request-id') ?? '') || null,
          cookies: {
            setSessionCookie: (t, exp) => appendSetCookie(res, sessionCookie(t, exp, secure)),
            clearSessionCookie: () => appendSetCookie(res, sessionCookie('', null, secure)),
          },
        },
      );
    },
    onError({ error, path, ctx }) {
      // The reply says only that something went wrong (trpc.ts); the details are here, by request id.
      if (error.code === 'INTERNAL_SERVER_ERROR') log.error({ path, requestId: ctx?.requestId, err: error.cause ?? error }, 'procedure failed');
    },
  });

  return createServer((req, res) => {
    const requestId = randomUUID();
    // Every line about this request carries its id (also sent back as X-Request-Id).
    const reqLog = log.child({ requestId });
    const started = performance.now();
    res.setHeader('x-request-id', requestId);
    res.on('finish', () => {
      reqLog.info({ method: req.method, url: req.url?.split('?')[0], status: res.statusCode, ms: Math.round(performance.now() - started) }, 'request');
    });
    const url = req.url ?? '/';
    if (url.startsWith('/trpc/')) {
      const site = req.headers['sec-fetch-site'];
      if (!originAllowed(req.headers.origin, ownOrigin(req.headers.host, secure), allowed, site)) {
        res.writeHead(403, { 'content-type': 'application/json' }).end(
          JSON.stringify({ error: { message: 'Cross-origin request refused: the Origin must be this service’s own (scheme, host and port)', code: 'FORBIDDEN' } }),
        );
        return;
      }
      Promise.resolve(trpc(req, res)).catch((err: unknown) => {
        reqLog.error({ err }, 'trpc handler');
        if (!res.headersSent) res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'Bad request', code: 'BAD_REQUEST' } }));
      });
      return;
    }
    if (opts.consoleDir) {
      serveStatic(opts.consoleDir, req, res).catch((err) => {
        reqLog.error({ err }, 'static');
        if (!res.headersSent) res.writeHead(500).end();
      });
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
  });
}

/**
 * The client's address for sign-in throttling: the socket's, or with `hops` trusted proxies in front,
 * the address the outermost of them saw (that many entries from the right of X-Forwarded-For; the
 * entries further left are whatever the client claimed, and are ignored).
 */
export function clientAddress(socket: string | undefined, forwardedFor: string | string[] | undefined, hops: number): string {
  if (hops === 0) return socket ?? 'unknown';
  const chain = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return chain[chain.length - hops] ?? chain[0] ?? socket ?? 'unknown';
}

/** Origins as a browser serialises them (`https://host:port`, default ports dropped); malformed ones dropped. */
function normaliseOrigins(list: readonly string[]): string[] {
  return list.flatMap((o) => {
    try {
      const origin = new URL(o).origin;
      return origin === 'null' ? [] : [origin];
    } catch {
      return [];
    }
  });
}

/** This server's own origin as its browsers see it: https when served over TLS (COOKIE_SECURE), the Host header's host and port. */
export function ownOrigin(host: string | undefined, secure: boolean): string | null {
  // A Host header is a host and an optional port, nothing else (no user info, path or spaces).
  if (!host || /[/@?#\\\s]/.test(host)) return null;
  try {
    return new URL(`${secure ? 'https' : 'http'}://${host}`).origin;
  } catch {
    return null;
  }
}

/**
 * Whether a request may reach a procedure. With an Origin header: only this server's own origin or
 * a listed one, compared exactly (scheme, host and port; `null` and malformed origins are refused).
 * Without one: a browser's same-origin GET (Sec-Fetch-Site same-origin), a typed URL (none), or a
 * client that is not a browser (no Sec-Fetch-Site at all); a navigation from another site is refused.
 */
export function originAllowed(origin: string | undefined, own: string | null, allowed: readonly string[] = [], fetchSite?: string): boolean {
  if (origin === undefined) return fetchSite === undefined || fetchSite === 'same-origin' || fetchSite === 'none';
  return (own !== null && origin === own) || allowed.includes(origin);
}
