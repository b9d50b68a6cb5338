/**
 * Many consoles on live updates: idle SSE connections spread over the API processes, what they
 * cost PostgreSQL (transactions per second on the read model's database, from pg_stat_database),
 * and how long a change takes to reach every one of them.
 */
import pg from 'pg';
import { until } from '@ip/faults/processes';
import { sessionCookie } from './cluster.js';
import { subscribe, type SseStream } from './sse.js';

export interface Consoles {
  streams: SseStream[];
  close(): Promise<void>;
}

/** `n` consoles subscribed to live.changes, round-robin over `apiUrls`, each with its own session. */
export async function connectConsoles(apiUrls: string[], n: number): Promise<Consoles> {
  const cookies = await Promise.all(apiUrls.map((u) => sessionCookie(u, 'auditor@northmoor.gov.uk')));
  const streams: SseStream[] = [];
  for (let i = 0; i < n; i += 50) {
    const batch = Array.from({ length: Math.min(50, n - i) }, (_, j) => subscribe(apiUrls[(i + j) % apiUrls.length]!, 'live.changes', undefined, cookies[(i + j) % apiUrls.length]!));
    streams.push(...batch);
    await Promise.all(batch.map((s) => s.opened));
  }
  return {
    streams,
    async close() {
      for (const s of streams) s.close();
      await Promise.all(streams.map((s) => s.ended));
    },
  };
}

/** Transactions committed and rolled back on database `db` (pg_stat_database), read from another database. */
export async function transactions(adminUrl: string, db: string): Promise<number> {
  const c = new pg.Client({ connectionString: adminUrl.replace(/\/[^/?]*(\?|$)/, '/template1$1') });
  await c.connect();
  try {
    const r = await c.query<{ n: string }>('SELECT (xact_commit + xact_rollback)::text AS n FROM pg_stat_database WHERE datname = $1', [db]);
    return Number(r.rows[0]?.n ?? 0);
  } finally {
    await c.end();
  }
}

/**
 * PostgreSQL transactions per second on `db` over `seconds` while nothing else happens. An idle
 * backend reports its statistics to pg_stat_database up to 10 s late, so each read comes 11 s after
 * the last activity it must (or must not) include, and the rate is over the whole span.
 */
export async function idleTransactionsPerSecond(adminUrl: string, db: string, seconds: number): Promise<number> {
  const flush = 11_000;
  await new Promise((r) => setTimeout(r, flush));
  const before = await transactions(adminUrl, db);
  await new Promise((r) => setTimeout(r, seconds * 1000 + flush));
  const after = await transactions(adminUrl, db);
  return (after - before) / (seconds + flush / 1000);
}

export interface Change {
  seq: string;
  resource: string;
  id: string;
  at: string;
}

/** The changes of a live.changes event (each event carries the batch that arrived together). */
export function changesOf(data: unknown): Change[] {
  return (data as { changes?: Change[] } | undefined)?.changes ?? [];
}

/** Waits until every console has received a change for which `match` holds; ms from `since` per console. */
export async function deliveredToAll(streams: SseStream[], since: number, match: (change: Change) => boolean, timeoutMs = 60_000): Promise<number[]> {
  const hit = (s: SseStream) => s.events.find((e) => e.at >= since && changesOf(e.data).some(match));
  await until(`a change to reach all ${streams.length} consoles`, async () => streams.every((s) => hit(s)), timeoutMs, 50);
  return streams.map((s) => hit(s)!.at - since);
}
