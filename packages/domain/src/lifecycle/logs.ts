/**
 * Append-only logs in workflow state (the business timeline, evidence, decisions, ladder steps):
 * what keeps a workflow's history small over a programme's years.
 *
 * A log only ever grows at its end. The read model keeps every entry; the workflow's own state keeps
 * what its decisions need: when a run continues as new, the entries it no longer needs are dropped
 * from the front and counted in `logBase`, so an entry's absolute index is `logBase[log] + i` for
 * ever. Projections send only the entries appended since the last projection, with their absolute
 * start, so the history holds each entry once instead of the whole state at every change.
 * Pure and workflow-safe.
 */

/** The counts of entries dropped from the front of each log (absent: none). */
export type LogBase = Record<string, number>;

export interface LogSlice {
  /** Absolute index of the first item. */
  from: number;
  items: unknown[];
}

type WithLogs = { logBase?: LogBase | undefined } & Record<string, unknown>;

/** Absolute length of each log: entries dropped before this run plus entries held now. */
export function logLengths<S extends object>(state: S, logs: readonly string[]): Record<string, number> {
  const s = state as unknown as WithLogs;
  const out: Record<string, number> = {};
  for (const log of logs) out[log] = (s.logBase?.[log] ?? 0) + ((s[log] as unknown[] | undefined)?.length ?? 0);
  return out;
}

/**
 * What to project: the state without its logs (the "core", bounded in size) and, for each log, the
 * entries appended since `since` (absolute lengths, as logLengths returned them at the last
 * projection; all of them when `since` is null).
 */
export function splitLogs<S extends object>(state: S, logs: readonly string[], since: Record<string, number> | null): {
  core: Record<string, unknown>;
  appended: Record<string, LogSlice>;
} {
  const s = state as unknown as WithLogs;
  const core: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s)) if (!logs.includes(k) && k !== 'logBase') core[k] = v;
  const appended: Record<string, LogSlice> = {};
  for (const log of logs) {
    const base = s.logBase?.[log] ?? 0;
    const held = (s[log] as unknown[] | undefined) ?? [];
    const from = Math.max(since?.[log] ?? base, base);
    appended[log] = { from, items: held.slice(from - base) };
  }
  return { core, appended };
}

/**
 * Drops the first `drop[log]` entries of each log, counting them in logBase. What a run carries into
 * the next one: decisions never look at the dropped entries (each kind says which it keeps).
 */
export function dropLogPrefix<S extends object>(state: S, drop: Record<string, number>): S {
  const s = state as unknown as WithLogs;
  const logBase: LogBase = { ...(s.logBase ?? {}) };
  const out: WithLogs = { ...s };
  for (const [log, n] of Object.entries(drop)) {
    const held = (s[log] as unknown[] | undefined) ?? [];
    const k = Math.max(0, Math.min(n, held.length));
    if (k === 0) continue;
    out[log] = held.slice(k);
    logBase[log] = (logBase[log] ?? 0) + k;
  }
  if (Object.keys(logBase).length) out.logBase = logBase;
  return out as unknown as S;
}

/**
 * The state as a run that started from a carried state holds it: `full` (every entry, as the audit
 * fold rebuilds it) with the logs' first `base[log]` entries dropped. For comparing a fold with a live
 * query after continue-as-new.
 */
export function withLogBase<S extends object>(full: S, base: LogBase | undefined): S {
  if (!base) return full;
  const s = full as unknown as WithLogs;
  const already = s.logBase ?? {};
  const drop: Record<string, number> = {};
  for (const [log, n] of Object.entries(base)) drop[log] = n - (already[log] ?? 0);
  return dropLogPrefix(full, drop);
}
