import type { Client } from '@temporalio/client';
import type { PrismaClient } from '@ip/db';
import type { TRole } from '@ip/domain';
import type { LiveFeed } from './live-feed.js';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: TRole;
}

/** What the HTTP adapter lets procedures do to the response (cookies). */
export interface ResponseCookies {
  setSessionCookie(token: string, expiresAt: Date): void;
  clearSessionCookie(): void;
}

export interface ContextDeps {
  prisma: PrismaClient;
  temporal: Client;
  /** Task queue workflows are started on (tests isolate themselves with their own). */
  taskQueue?: string;
  /** The clock: injectable so tests can pin "today" for working-day countdowns. */
  now?: () => number;
  /** The process's one live feed (LISTEN, fanned out); absent, live.changes answers SERVICE_UNAVAILABLE. */
  live?: LiveFeed;
}

export interface Context extends ContextDeps {
  now: () => number;
  user: SessionUser | null;
  sessionId: string | null;
  sessionToken: string | null;
  cookies: ResponseCookies;
  clientIp: string;
  /** The HTTP request's id (x-request-id), so an unexpected error's reply can point at its log line. */
  requestId: string | null;
}

const noCookies: ResponseCookies = { setSessionCookie() {}, clearSessionCookie() {} };

/** Builds a context without HTTP, for createCaller in tests and scripts. */
export function createContextInner(
  deps: ContextDeps,
  extra: Partial<Omit<Context, keyof ContextDeps>> = {},
): Context {
  return {
    ...deps,
    now: deps.now ?? Date.now,
    user: extra.user ?? null,
    sessionId: extra.sessionId ?? null,
    sessionToken: extra.sessionToken ?? null,
    cookies: extra.cookies ?? noCookies,
    clientIp: extra.clientIp ?? '127.0.0.1',
    requestId: extra.requestId ?? null,
  };
}
