/**
 * Many consoles on live updates: idle SSE connections spread over the API processes, what they
 * cost PostgreSQL (statements per second the API processes run, from pg_stat_statements), and how long a change takes to reach every one of them.
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

/** Statements each role has completed so far on the read model's database (pg_stat_statements). */
export async function statementsByRole(adminUrl: string): Promise<Map<string, number>> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    const r = await c.query<{ role: string; calls: string }>(
      `SELECT r.rolname AS role, sum(s.calls)::text AS calls FROM pg_stat_statements s JOIN pg_roles r ON r.oid = s.userid
        WHERE s.dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) GROUP BY r.rolname`);
    return new Map(r.rows.map((row) => [row.role, Number(row.calls)]));
  } finally {
    await c.end();
  }
}

/**
 * Statements per second each role ran on the read model over `seconds` of nothing happening but
 * what the system does by itself. pg_stat_statements counts a statement when it completes (unlike
 * pg_stat_database, which an idle backend reports up to 10 s late), so the window needs no margin;
 * the measuring connection's own statements are under the admin role, apart from the API's.
 */
export async function statementsPerSecond(adminUrl: string, seconds: number): Promise<Map<string, number>> {
  const before = await statementsByRole(adminUrl);
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const after = await statementsByRole(adminUrl);
  return new Map([...after].map(([role, n]) => [role, (n - (before.get(role) ?? 0)) / seconds]));
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
