/**
 * Escalations fired by the workflows' ladders (BRIEF (b)): read, and acknowledged by a recipient.
 * The rows are durable facts written by the escalation activity; the only change a user makes is
 * the acknowledgement, recorded once.
 */
import { z } from 'zod';
import type { Escalation } from '@ip/db';
import { ZAcknowledgeEscalationInput, ZEscalationLevel } from '@ip/domain';
import { recordAudit, snapshot, type Tx } from '../audit.js';
import type { Context } from '../context.js';
import { MANAGERS, procedure, router } from '../trpc.js';
import { orderBy, page, parseFilter, type TListParams } from './list-params.js';
import { resourceReads } from './resource-reads.js';
import { notFound, registerCommand, rethrow, searchAny } from './register-support.js';

const SORTABLE = {
  id: 'firedAt', firedAt: 'firedAt', fireAt: 'fireAt', dueOn: 'dueOn', level: 'level',
  acknowledgedAt: 'acknowledgedAt', subjectTitle: 'subjectTitle',
} as const;

const ZEscalationFilter = z
  .object({
    programmeId: z.string().max(200).optional(),
    acknowledged: z.union([z.boolean(), z.stringbool()]).optional(),
    level: ZEscalationLevel.optional(),
    kind: z.enum(['reminder', 'escalation']).optional(),
    subjectKind: z.string().max(64).optional(),
    subjectId: z.string().max(200).optional(),
    q: z.string().max(200).optional(),
  });

export function toEscalationRecord(row: Escalation, names: ReadonlyMap<string, string> = new Map()) {
  return {
    id: row.id,
    workflowId: row.workflowId,
    programmeId: row.programmeId,
    subjectKind: row.subjectKind,
    subjectId: row.subjectId,
    subjectTitle: row.subjectTitle,
    ladderId: row.ladderId,
    stepId: row.stepId,
    kind: row.kind,
    level: row.level,
    label: row.label,
    dueOn: row.dueOn,
    fireAt: row.fireAt.toISOString(),
    firedAt: row.firedAt.toISOString(),
    /** Raised more than an hour after its instant (the late-escalation rule): entered overdue, a past due date, an outage. */
    raisedLate: row.raisedLate,
    acknowledged: row.acknowledgedAt !== null,
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    acknowledgedBy: row.acknowledgedBy,
    /** The acknowledging user's name as it is now (the id stays the durable fact). */
    acknowledgedByName: row.acknowledgedBy ? (names.get(row.acknowledgedBy) ?? null) : null,
    createdAt: row.createdAt.toISOString(),
  };
}
export type EscalationRecord = ReturnType<typeof toEscalationRecord>;

/** Rows as records, with the names of whoever acknowledged them (one query for the lot). */
async function escalationRecords(db: Pick<Tx, 'user'>, rows: readonly Escalation[]): Promise<EscalationRecord[]> {
  const ids = [...new Set(rows.flatMap((r) => (r.acknowledgedBy ? [r.acknowledgedBy] : [])))];
  const users = ids.length ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : [];
  const names = new Map(users.map((u) => [u.id, u.name]));
  return rows.map((r) => toEscalationRecord(r, names));
}

async function list(ctx: Context, input: TListParams) {
  const f = parseFilter(ZEscalationFilter, input.filter);
  const where = {
    ...(f.programmeId ? { programmeId: f.programmeId } : {}),
    ...(f.acknowledged === undefined ? {} : { acknowledgedAt: f.acknowledged ? { not: null } : null }),
    ...(f.level ? { level: f.level } : {}),
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.subjectKind ? { subjectKind: f.subjectKind } : {}),
    ...(f.subjectId ? { subjectId: f.subjectId } : {}),
    ...searchAny(['subjectTitle', 'label'] as const, f.q),
  };
  const [rows, total] = await Promise.all([
    ctx.prisma.escalation.findMany({ where, orderBy: [orderBy(input.sort, SORTABLE, 'firedAt'), { id: 'asc' }], ...page(input.pagination) }),
    ctx.prisma.escalation.count({ where }),
  ]);
  return { data: await escalationRecords(ctx.prisma, rows), total };
}

export const escalationsRouter = router({
  ...resourceReads({
    filter: ZEscalationFilter,
    noun: 'escalation',
    targets: ['programmeId', 'subjectId'],
    list,
    byIds: async (ctx, ids) => escalationRecords(ctx.prisma, await ctx.prisma.escalation.findMany({ where: { id: { in: ids } } })),
  }),
  /**
   * Records who acknowledged and when, once. Once per request id like every command; acknowledging
   * again with a new id (a second recipient) changes nothing and returns the record as first
   * acknowledged.
   */
  acknowledge: procedure(MANAGERS)
    .input(ZAcknowledgeEscalationInput)
    .mutation(({ ctx, input, path }) =>
      registerCommand(ctx, { path, input }, rethrow, async (tx) => {
        const before = await tx.escalation.findUnique({ where: { id: input.escalationId } });
        if (!before) throw notFound('escalation', input.escalationId);
        const record = async (row: Escalation) => ({ data: (await escalationRecords(tx, [row]))[0]! });
        if (before.acknowledgedAt) return record(before);
        // Conditional on still being unacknowledged: of two concurrent acknowledgements, one wins.
        const { count } = await tx.escalation.updateMany({
          where: { id: before.id, acknowledgedAt: null },
          data: { acknowledgedAt: new Date(ctx.now()), acknowledgedBy: ctx.user.id },
        });
        const row = await tx.escalation.findUniqueOrThrow({ where: { id: before.id } });
        if (count === 1) {
          await recordAudit(tx, ctx.user, {
            entity: 'escalation', entityId: row.id, action: 'acknowledge', reason: input.reason, before: snapshot(before), after: snapshot(row),
          });
        }
        return record(row);
      }),
    ),
});
