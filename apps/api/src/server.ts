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
}

/**
 * The HTTP server: tRPC at /trpc, the built console everywhere else. State-changing requests must
 * come from an allowed Origin (the console's own by default), so another site cannot drive a
 * signed-in user's browser.
 */
export function createApiServer(opts: ApiServerOptions): Server {
  const log = opts.logger ?? pino({ level: 'info' });
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
          clientIp: req.socket.remoteAddress ?? 'unknown',
          cookies: {
            setSessionCookie: (t, exp) => appendSetCookie(res, sessionCookie(t, exp, opts.cookieSecure ?? false)),
            clearSessionCookie: () => appendSetCookie(res, sessionCookie('', null, opts.cookieSecure ?? false)),
          },
        },
      );
    },
    onError({ error, path }) {
      if (error.code === 'INTERNAL_SERVER_ERROR') log.error({ path, err: error.cause ?? error }, 'procedure failed');
    },
  });

  return createServer((req, res) => {
    const requestId = randomUUID();
    const started = performance.now();
    res.setHeader('x-request-id', requestId);
    res.on('finish', () => {
      log.info({ requestId, method: req.method, url: req.url?.split('?')[0], status: res.statusCode, ms: Math.round(performance.now() - started) }, 'request');
    });
    const url = req.url ?? '/';
    if (url.startsWith('/trpc/')) {
      if (req.method === 'POST' && !originAllowed(req.headers.origin, req.headers.host, opts.allowedOrigins)) {
        res.writeHead(403, { 'content-type': 'application/json' }).end(
          JSON.stringify({ error: { message: 'Cross-origin request refused', code: 'FORBIDDEN' } }),
        );
        return;
      }
      trpc(req, res);
      return;
    }
    if (opts.consoleDir) {
      serveStatic(opts.consoleDir, req, res).catch((err) => {
        log.error({ err }, 'static');
        if (!res.headersSent) res.writeHead(500).end();
      });
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
  });
}

/** No Origin header (curl, server-to-server) is allowed; a browser's Origin must be ours or listed. */
export function originAllowed(origin: string | undefined, host: string | undefined, allowed: string[] = []): boolean {
  if (!origin) return true;
  if (allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
