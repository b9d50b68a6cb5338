/**
 * One live feed per API process: it LISTENs once (see @ip/db's live sources) and fans each change
 * out to every connected console, so a thousand idle consoles cost PostgreSQL nothing. Changes are
 * numbered in commit order (seq, see migration live_events); a console that reconnects with its last
 * number gets what it missed from the live_event table, then the live stream, without a gap or a
 * repeat. After a lost connection the feed catches up from the table before going live again.
 */
import type { LiveEvent, LiveNotification, LiveSource, PrismaClient } from '@ip/db';

export type LiveResource =
  | 'programmes' | 'actions' | 'lifecycleRecords' | 'escalations' | 'inspections' | 'actionPlans'
  | 'kpis' | 'kpiReadings' | 'risks' | 'workstreams' | 'recommendations' | 'outbox' | 'people';

/** What a console is told: a record changed (refetch it), or `reset` (refetch everything). */
export interface LiveChange {
  /** Commit-order number, the SSE event id a reconnecting client sends back. */
  seq: string;
  resource: LiveResource | 'all';
  id: string;
  /** The projection's state version (0 for tables without one). */
  version: number;
  op: 'insert' | 'update' | 'delete' | 'reset';
  at: string;
}

type Listener = (change: LiveChange) => void;

/** How many changes one slow client may have queued before it is told to refetch everything. */
export const MAX_QUEUED = 10_000;
const PAGE = 1000;

function toChange(n: LiveNotification): LiveChange {
  return { seq: n.seq.toString(), resource: n.resource as LiveResource, id: n.id, version: n.version, op: n.op, at: n.at };
}

function fromRow(r: LiveEvent): LiveNotification {
  return { seq: r.seq, resource: r.resource, id: r.recordId, version: r.version, op: r.op as LiveNotification['op'], at: r.at.toISOString() };
}

function resetAfter(seq: bigint): LiveChange {
  return { seq: seq.toString(), resource: 'all', id: '', version: 0, op: 'reset', at: new Date().toISOString() };
}

export interface LiveFeedStats {
  listening: boolean;
  clients: number;
  head: string | null;
  delivered: number;
  catchUps: number;
}

export class LiveFeed {
  private readonly listeners = new Set<Listener>();
  /** The last seq handed to listeners; null until the first LISTEN is in force. */
  private head: bigint | null = null;
  /**
   * Notifications held back while not caught up: from the start, and from the moment the connection
   * is lost (the first notifications on a new connection can arrive before its LISTEN has even
   * returned) until the table has been read; then delivered, those already delivered skipped.
   */
  private buffered: LiveNotification[] | null = [];
  private catchingUp: Promise<void> | null = null;
  private closed = false;
  private listening = false;
  private delivered = 0;
  private catchUps = 0;
  private readonly ready: Promise<void>;
  private markReady!: () => void;

  constructor(private readonly prisma: PrismaClient, private readonly source: LiveSource, private readonly onError: (err: unknown) => void = () => {}) {
    this.ready = new Promise((ok) => { this.markReady = ok; });
  }

  /** Starts listening; resolves once LISTEN is in force (or at once if the database is down: it keeps trying). */
  async start(): Promise<void> {
    await this.source.start({
      onChange: (n) => {
        if (this.buffered) this.buffered.push(n);
        else this.deliver(n);
      },
      onListening: () => {
        this.catchingUp ??= this.catchUp().finally(() => { this.catchingUp = null; });
      },
      onLost: (err) => {
        this.listening = false;
        this.buffered ??= [];
        this.onError(err);
      },
    });
  }

  /** Resolves when the feed is live (for tests and start-up ordering). */
  whenReady(): Promise<void> {
    return this.ready;
  }

  stats(): LiveFeedStats {
    return { listening: this.listening, clients: this.listeners.size, head: this.head?.toString() ?? null, delivered: this.delivered, catchUps: this.catchUps };
  }

  close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    return this.source.close();
  }

  private deliver(n: LiveNotification): void {
    if (this.head !== null && n.seq <= this.head) return; // already delivered by a catch-up
    this.head = n.seq;
    const change = toChange(n);
    this.delivered++;
    for (const l of this.listeners) l(change);
  }

  /** After each (re)connection: deliver from the table what committed while not listening. */
  private async catchUp(): Promise<void> {
    this.buffered ??= [];
    // Until it succeeds: delivering what was buffered before the table is read would leave a gap.
    for (let attempt = 0; !this.closed; attempt++) {
      try {
        if (this.head === null) {
          const last = await this.prisma.liveEvent.findFirst({ orderBy: { seq: 'desc' }, select: { seq: true } });
          this.head = last?.seq ?? 0n;
        } else {
          this.catchUps++;
          for (;;) {
            const rows = await this.prisma.liveEvent.findMany({ where: { seq: { gt: this.head } }, orderBy: { seq: 'asc' }, take: PAGE });
            for (const r of rows) this.deliver(fromRow(r));
            if (rows.length < PAGE) break;
          }
        }
        break;
      } catch (err) {
        this.onError(err);
        await new Promise((r) => setTimeout(r, Math.min(250 * 2 ** attempt, 5000)));
      }
    }
    const pending = this.buffered ?? [];
    this.buffered = null;
    for (const n of pending) this.deliver(n);
    this.listening = true;
    this.markReady();
  }

  /**
   * The changes after `lastSeq` (the client's last event id; none: from now on), in commit order,
   * each once, until `signal` aborts; in batches of whatever has arrived since the last one (at most
   * PAGE), so a burst costs each console a few messages, not one per change. A client too far behind
   * (its changes no longer kept) or too slow to read gets one `reset` instead of what it missed.
   */
  async *changes(lastSeq: bigint | null, signal?: AbortSignal): AsyncGenerator<LiveChange[]> {
    const queue: LiveChange[] = [];
    /** The last change dropped because the queue was full: the client is sent a reset up to it. */
    let droppedUpTo: bigint | null = null;
    let wake: (() => void) | null = null;
    const listener: Listener = (c) => {
      if (queue.length >= MAX_QUEUED) droppedUpTo = BigInt(c.seq);
      else queue.push(c);
      wake?.();
    };
    // Listen first, then read the backlog: every change is in one or the other (or both: skipped by seq).
    this.listeners.add(listener);
    const onAbort = () => wake?.();
    signal?.addEventListener('abort', onAbort);
    try {
      let sent = lastSeq ?? this.head ?? 0n;
      if (lastSeq !== null && (this.head === null || lastSeq < this.head)) {
        const oldest = await this.prisma.liveEvent.findFirst({ orderBy: { seq: 'asc' }, select: { seq: true } });
        if (oldest && oldest.seq > lastSeq + 1n && lastSeq > 0n) {
          // Pruned (or a hole at the start of what is kept): refetching everything is always safe.
          sent = oldest.seq - 1n;
          yield [resetAfter(sent)];
        }
        for (;;) {
          const rows = await this.prisma.liveEvent.findMany({ where: { seq: { gt: sent } }, orderBy: { seq: 'asc' }, take: PAGE });
          if (rows.length) {
            sent = rows.at(-1)!.seq;
            yield rows.map((r) => toChange(fromRow(r)));
          }
          if (rows.length < PAGE || signal?.aborted) break;
        }
      }
      while (!signal?.aborted) {
        if (droppedUpTo !== null) {
          sent = droppedUpTo;
          droppedUpTo = null;
          queue.length = 0;
          yield [resetAfter(sent)];
          continue;
        }
        if (!queue.length) {
          await new Promise<void>((ok) => { wake = ok; });
          wake = null;
          continue;
        }
        const batch = queue.splice(0, PAGE).filter((c) => BigInt(c.seq) > sent);
        if (!batch.length) continue;
        sent = BigInt(batch.at(-1)!.seq);
        yield batch;
      }
    } finally {
      this.listeners.delete(listener);
      signal?.removeEventListener('abort', onAbort);
    }
  }
}

/** Parses a client's last event id: a seq, or null (none, or an id from the old time-based feed). */
export function parseLastEventId(id: string | null | undefined): bigint | null {
  return id && /^\d{1,19}$/.test(id) ? BigInt(id) : null;
}
