/**
 * Applies a workflow's projection delta to the PostgreSQL read model (the machine runner's
 * applyProjection local activity). A delta is the state's core (every field but its append-only
 * logs) and, per log, the entries appended since the previous projection with their absolute start:
 * the workflow's history then holds each entry once, not the whole state at every change.
 *
 * Exactly one effect, whatever the retries:
 *  - the first projection of a fresh workflow (fromVersion 0, every log from 0) is the whole state,
 *    written like any full projection: monotonic by stateVersion (moveForward);
 *  - a delta applies only to the row it was computed against: `state_version = fromVersion` and
 *    every log exactly as long as the delta's start. One UPDATE does the check, the append and the
 *    columns, so a concurrent or repeated delta can never append twice;
 *  - a delta that finds its row already at its version or newer is a retry: nothing to do;
 *  - anything else is a gap (the row was deleted or restored from an older backup). The delta is
 *    still written, as far as it goes, and the row says which log entries are missing
 *    (`state.projectionGap`), so `projections.rebuild` can restore them from Temporal.
 * Every write clears the row's "stopped" mark: a workflow that projects is running.
 */
import type { PrismaClient } from '@ip/db';
import type { TActionState, TProgrammeState } from '@ip/domain';
import { actionColumns, projectActionState } from './action.js';
import { projectLifecycleRecord, type LifecycleRecordProjection } from './lifecycle-record.js';
import { projectProgrammeSideTables, projectProgrammeState, programmeColumns } from './programme.js';

export interface ProjectionDelta {
  kind: 'action' | 'programme' | LifecycleRecordProjection['kind'];
  /** The workflow id, which is the row's id. */
  id: string;
  version: number;
  /** The version the previous projection wrote; 0 before the first. */
  fromVersion: number;
  core: Record<string, unknown>;
  appended: Record<string, { from: number; items: unknown[] }>;
  /** The lifecycle row's columns (kind, programmeId, onsCode, title, phase, dueOn). */
  row?: Record<string, unknown>;
}

export type ProjectionOutcome = 'written' | 'already' | 'gap';

type Column = { name: string; cast: 'text' | 'int' | 'boolean' | 'timestamptz' };
const TABLES = {
  action: 'action',
  programme: 'programme',
  lifecycle: 'lifecycle_record',
} as const;

/** The whole state a delta stands for when it starts from nothing (a fresh workflow's first projection). */
function wholeState(d: ProjectionDelta): Record<string, unknown> | null {
  if (d.fromVersion !== 0 || Object.values(d.appended).some((a) => a.from !== 0)) return null;
  const state: Record<string, unknown> = { ...d.core };
  for (const [log, a] of Object.entries(d.appended)) state[log] = a.items;
  return state;
}

export async function applyProjection(prisma: PrismaClient, d: ProjectionDelta): Promise<ProjectionOutcome> {
  const whole = wholeState(d);
  if (whole) return (await writeWhole(prisma, d, whole)) ? 'written' : 'already';
  const table = d.kind === 'action' ? TABLES.action : d.kind === 'programme' ? TABLES.programme : TABLES.lifecycle;
  const columns = d.kind === 'action' ? actionColumns(d.core as unknown as TActionState)
    : d.kind === 'programme' ? programmeColumns(d.core as unknown as TProgrammeState)
      : lifecycleColumns(d.row ?? {});
  const params: unknown[] = [d.id, JSON.stringify(d.core), d.version, d.fromVersion];
  const p = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  // Column values are scalars (text, numbers, flags); the SQL cast gives each its column's type.
  const sets = Object.entries(columns).map(([, c]) => `"${c.column.name}" = ${p(c.value === null ? null : String(c.value as string | number | boolean))}::${c.column.cast}`);
  const logs = Object.entries(d.appended);
  const merged = logs.map(([log, a]) => `'${log}', COALESCE("state"->'${log}', '[]'::jsonb) || ${p(JSON.stringify(a.items))}::jsonb`);
  // The log's absolute length: the entries held plus any a gap lost (so deltas after a gap still apply).
  const checks = logs.map(([log, a]) =>
    `COALESCE(jsonb_array_length("state"->'${log}'), 0) + COALESCE(("state"->'projectionGap'->>'${log}')::int, 0) = ${p(a.from)}::int`);
  const sql = `UPDATE "${table}" SET ${[...sets,
    // The logs appended, and a gap recorded earlier kept until a rebuild replaces the row.
    `"state" = $2::jsonb${merged.length ? ` || jsonb_build_object(${merged.join(', ')})` : ''}` +
      ` || CASE WHEN "state" ? 'projectionGap' THEN jsonb_build_object('projectionGap', "state"->'projectionGap') ELSE '{}'::jsonb END`,
    '"state_version" = $3::int', '"updated_at" = now()', '"stopped_at" = NULL', '"stopped_reason" = NULL'].join(', ')}
    WHERE "id" = $1 AND "state_version" = $4::int${checks.map((c) => ` AND ${c}`).join('')}`;
  const updated = await prisma.$executeRawUnsafe(sql, ...params);
  if (updated > 0) {
    if (d.kind === 'programme') await projectProgrammeSideTables(prisma, d.core as unknown as TProgrammeState, { newest: true });
    return 'written';
  }
  const current = await prisma.$queryRawUnsafe<Array<{ state_version: number; state: Record<string, unknown> }>>(
    `SELECT "state_version", "state" FROM "${table}" WHERE "id" = $1`, d.id);
  const row = current[0];
  if (row && row.state_version >= d.version) {
    // A retry: the row was written; its side tables may not have been (they are idempotent).
    if (d.kind === 'programme') await projectProgrammeSideTables(prisma, d.core as unknown as TProgrammeState, { newest: false });
    return 'already';
  }
  await writeWhole(prisma, d, withGap(d, row?.state ?? {}));
  return 'gap';
}

/**
 * The delta on top of whatever the row holds, with the missing log entries counted (a gap): the
 * entries are kept in order, and `projectionGap[log]` says how many are missing before the latest,
 * so the absolute indices of later deltas still line up.
 */
function withGap(d: ProjectionDelta, existing: Record<string, unknown>): Record<string, unknown> {
  const state: Record<string, unknown> = { ...d.core };
  const before = (existing.projectionGap ?? {}) as Record<string, number>;
  const missing: Record<string, number> = {};
  for (const [log, a] of Object.entries(d.appended)) {
    const lost = before[log] ?? 0;
    const held = Array.isArray(existing[log]) ? (existing[log] as unknown[]) : [];
    const have = held.slice(0, Math.max(0, a.from - lost));
    if (have.length + lost < a.from || lost > 0) missing[log] = a.from - have.length;
    state[log] = [...have, ...a.items];
  }
  if (Object.keys(missing).length) state.projectionGap = missing;
  return state;
}

/** Writes a whole state (monotonic by version); whether it wrote. */
async function writeWhole(prisma: PrismaClient, d: ProjectionDelta, state: Record<string, unknown>): Promise<boolean> {
  if (d.kind === 'action') return projectActionState(prisma, state as unknown as TActionState);
  if (d.kind === 'programme') return projectProgrammeState(prisma, state as unknown as TProgrammeState);
  const row = d.row ?? {};
  return projectLifecycleRecord(prisma, {
    id: d.id, kind: d.kind, programmeId: (row.programmeId as string | null) ?? null, onsCode: (row.onsCode as string | null) ?? null,
    title: String((row.title as string | undefined) ?? ''), phase: String((row.phase as string | undefined) ?? ''), dueOn: (row.dueOn as string | null) ?? null, state, stateVersion: d.version,
  });
}

function lifecycleColumns(row: Record<string, unknown>): Record<string, { column: Column; value: unknown }> {
  const text = (name: string, key: string) => ({ column: { name, cast: 'text' as const }, value: row[key] ?? null });
  return {
    programmeId: text('programme_id', 'programmeId'), onsCode: text('ons_code', 'onsCode'), title: text('title', 'title'),
    phase: text('phase', 'phase'), dueOn: text('due_on', 'dueOn'),
  };
}

export type ColumnValues = Record<string, { column: Column; value: unknown }>;
