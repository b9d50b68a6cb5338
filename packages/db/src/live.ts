/**
 * Where live changes come from: the `live_event` notifications that the triggers of migration
 * live_events send on commit, in commit order. One source per process (the API LISTENs once and
 * fans out to its clients); on real PostgreSQL a dedicated connection that reconnects by itself,
 * on PGlite the in-process `listen` of the same database the Prisma client uses.
 */
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export const LIVE_CHANNEL = 'live_event';

/** One change as the trigger sends it. `seq` is a bigint in text (numbers in commit order). */
export interface LiveNotification {
  seq: bigint;
  resource: string;
  id: string;
  version: number;
  op: 'insert' | 'update' | 'delete';
  at: string;
}

export interface LiveSourceHandlers {
  /** Each notification, in commit order. */
  onChange(change: LiveNotification): void;
  /** After every (re)connection, once LISTEN is in force: changes missed while away are in live_event. */
  onListening(): void;
  /** The connection was lost; the source reconnects by itself. */
  onLost(err: unknown): void;
}

export interface LiveSource {
  start(handlers: LiveSourceHandlers): Promise<void>;
  close(): Promise<void>;
}

/** Parses a notification payload; null for anything that is not one of ours. */
export function parseLiveNotification(payload: string | undefined): LiveNotification | null {
  if (!payload) return null;
  try {
    const p = JSON.parse(payload) as Record<string, unknown>;
    if (typeof p.seq !== 'string' || !/^\d+$/.test(p.seq) || typeof p.resource !== 'string' || typeof p.id !== 'string') return null;
    return {
      seq: BigInt(p.seq),
      resource: p.resource,
      id: p.id,
      version: typeof p.version === 'number' ? p.version : 0,
      op: p.op === 'delete' ? 'delete' : p.op === 'update' ? 'update' : 'insert',
      at: typeof p.at === 'string' ? new Date(p.at).toISOString() : new Date().toISOString(),
    };
  } catch {
    return null;
  }
}

/**
 * A dedicated PostgreSQL connection (not from the pool: LISTEN belongs to one session) that
 * LISTENs and, when the connection drops (a restart, a failover), reconnects with backoff from
 * 250 ms to 5 s and LISTENs again.
 */
export function pgLiveSource(databaseUrl: string): LiveSource {
  let client: pg.Client | null = null;
  let closed = false;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let backoff = 250;

  async function connect(h: LiveSourceHandlers): Promise<void> {
    if (closed) return;
    const c = new pg.Client({ connectionString: databaseUrl, keepAlive: true, connectionTimeoutMillis: 5000 });
    let lost = false;
    const lose = (err: unknown) => {
      if (lost) return;
      lost = true;
      if (client === c) client = null;
      c.removeAllListeners('notification');
      void c.end().catch(() => undefined);
      if (closed) return;
      h.onLost(err);
      retry = setTimeout(() => void connect(h), backoff);
      backoff = Math.min(backoff * 2, 5000);
    };
    c.on('error', lose);
    c.on('end', () => lose(new Error('connection ended')));
    c.on('notification', (n) => {
      if (n.channel !== LIVE_CHANNEL) return;
      const change = parseLiveNotification(n.payload);
      if (change) h.onChange(change);
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${LIVE_CHANNEL}`);
    } catch (err) {
      lose(err);
      return;
    }
    if (closed) {
      await c.end().catch(() => undefined);
      return;
    }
    client = c;
    backoff = 250;
    h.onListening();
  }

  return {
    start: (h) => connect(h),
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const c = client;
      client = null;
      await c?.end().catch(() => undefined);
    },
  };
}

/** PGlite runs in this process: its `listen` hears the NOTIFYs of every query run on it. */
export function pgliteLiveSource(pglite: PGlite): LiveSource {
  let unlisten: (() => Promise<void>) | null = null;
  return {
    async start(h) {
      unlisten = await pglite.listen(LIVE_CHANNEL, (payload) => {
        const change = parseLiveNotification(payload);
        if (change) h.onChange(change);
      });
      h.onListening();
    },
    async close() {
      await unlisten?.().catch(() => undefined);
      unlisten = null;
    },
  };
}
