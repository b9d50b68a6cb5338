/**
 * KPIs and their readings (BRIEF (c) KPI, (d)). Definitions are records a programme manager keeps;
 * RAG, trend and breach streak are computed from the readings by the domain rules on every read.
 */
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { kpiValueProblem, ZCreateKpiInput, ZKpiDirection, ZKpiPeriod, ZKpiUnit, ZRecordKpiReadingInput, ZUpdateKpiInput } from '@ip/domain';
import { recordAudit, snapshot } from '../audit.js';
import { conflictOnDuplicate, fieldError } from '../errors.js';
import { MANAGERS, procedure, router } from '../trpc.js';
import { kpiColumns, kpiDefinition, kpiRecords, toKpiRecord } from './kpi-record.js';
import { orderBy, page, parseFilter, type TListParams } from './list-params.js';
import { auditedCreate, auditedUpdate, registerCommand, requireProgramme, searchAny } from './register-support.js';
import { resourceReads } from './resource-reads.js';
import type { Context } from '../context.js';

const SORTABLE = {
  id: 'name', key: 'key', name: 'name', unit: 'unit', direction: 'direction', target: 'target',
  amberBand: 'amberBand', redBand: 'redBand', period: 'period', createdAt: 'createdAt', updatedAt: 'updatedAt',
} as const;

const ZKpiRagFilter = z.enum(['green', 'amber', 'red', 'none']);

const ZKpiFilter = z
  .object({
    programmeId: z.string().max(200).optional(),
    q: z.string().max(200).optional(),
    unit: ZKpiUnit.optional(),
    direction: ZKpiDirection.optional(),
    period: ZKpiPeriod.optional(),
    /** RAG of the latest reading; 'none' = no reading yet. One value or several. */
    rag: z.union([ZKpiRagFilter, z.array(ZKpiRagFilter).min(1).max(4)]).optional(),
  });

async function list(ctx: Context, input: TListParams) {
  const f = parseFilter(ZKpiFilter, input.filter);
  const where = {
    ...(f.programmeId ? { programmeId: f.programmeId } : {}),
    ...(f.unit ? { unit: f.unit } : {}),
    ...(f.direction ? { direction: f.direction } : {}),
    ...(f.period ? { period: f.period } : {}),
    ...searchAny(['name', 'key'] as const, f.q),
  };
  const order = [orderBy(input.sort, SORTABLE, 'name'), { id: 'asc' as const }];
  if (f.rag !== undefined) {
    // RAG is computed from the readings on every read, so this filter runs after the rules; a
    // programme has tens of KPIs, not thousands, so the whole filtered set is small.
    const wanted = new Set(Array.isArray(f.rag) ? f.rag : [f.rag]);
    const records = (await kpiRecords(ctx.prisma, await ctx.prisma.kpi.findMany({ where, orderBy: order }), ctx.now())).filter((k) => wanted.has(k.rag ?? 'none'));
    const { skip, take } = page(input.pagination);
    return { data: records.slice(skip, skip + take), total: records.length };
  }
  const [rows, total] = await Promise.all([
    ctx.prisma.kpi.findMany({ where, orderBy: order, ...page(input.pagination) }),
    ctx.prisma.kpi.count({ where }),
  ]);
  return { data: await kpiRecords(ctx.prisma, rows, ctx.now()), total };
}

export const kpisRouter = router({
  ...resourceReads({
    filter: ZKpiFilter,
    noun: 'KPI',
    targets: ['programmeId'],
    list,
    byIds: async (ctx, ids) => kpiRecords(ctx.prisma, await ctx.prisma.kpi.findMany({ where: { id: { in: ids } } }), ctx.now()),
  }),

  create: procedure(MANAGERS)
    .input(ZCreateKpiInput)
    .mutation(({ ctx, input, path }) =>
      registerCommand(ctx, { path, input }, conflictOnDuplicate(`kpi.key: this programme already has a KPI with the key ${input.kpi.key}`), async (tx) => {
        const row = await auditedCreate(tx, ctx.user, {
          entity: 'kpi', programmeId: input.programmeId, reason: input.reason,
          create: () => tx.kpi.create({ data: { programmeId: input.programmeId, ...kpiColumns(input.kpi) } }),
        });
        return { data: toKpiRecord(row, [], ctx.now()) };
      }),
    ),

  update: procedure(MANAGERS)
    .input(ZUpdateKpiInput)
    .mutation(({ ctx, input, path }) =>
      registerCommand(ctx, { path, input }, conflictOnDuplicate(`data.kpi.key: this programme already has a KPI with the key ${input.data.kpi.key}`), async (tx) => {
        const row = await auditedUpdate(tx, ctx.user, {
          entity: 'kpi', noun: 'KPI', id: input.id, reason: input.data.reason,
          find: () => tx.kpi.findUnique({ where: { id: input.id } }),
          update: async (before) => {
            if (before.key !== input.data.kpi.key && (await tx.kpiReading.count({ where: { kpiId: before.id } })) > 0) {
              throw fieldError(['data', 'kpi', 'key'], `The key cannot change once readings refer to it; keep ${before.key}`);
            }
            return tx.kpi.update({ where: { id: before.id }, data: kpiColumns(input.data.kpi) });
          },
        });
        const [data] = await kpiRecords(tx, [row], ctx.now());
        return { data: data! };
      }),
    ),

  /**
   * Records a period's figure, or corrects it: a second reading for the same period replaces the
   * value, and the audit trail keeps the old one. Returns the KPI with its new standing.
   */
  recordReading: procedure(MANAGERS)
    .input(ZRecordKpiReadingInput)
    .mutation(({ ctx, input, path }) =>
      registerCommand(ctx, { path, input }, conflictOnDuplicate('Another reading for this period was recorded at the same moment; refresh and try again'), async (tx) => {
        const { reading } = input;
        const kpi = await tx.kpi.findUnique({ where: { programmeId_key: { programmeId: input.programmeId, key: reading.kpiKey } } });
        if (!kpi) {
          await requireProgramme(tx, input.programmeId);
          throw fieldError(['reading', 'kpiKey'], `This programme has no KPI with the key ${reading.kpiKey}`);
        }
        const problem = kpiValueProblem(kpiDefinition(kpi), reading.value);
        if (problem) throw fieldError(['reading', 'value'], problem);
        const where = { kpiId_periodEnd: { kpiId: kpi.id, periodEnd: reading.periodEnd } };
        const existing = await tx.kpiReading.findUnique({ where });
        const fields = { value: reading.value, note: reading.note ?? null, recordedBy: ctx.user.id };
        const row = existing
          ? await tx.kpiReading.update({ where: { id: existing.id }, data: fields })
          : await tx.kpiReading.create({ data: { kpiId: kpi.id, periodEnd: reading.periodEnd, ...fields } });
        await recordAudit(tx, ctx.user, {
          entity: 'kpi_reading',
          entityId: row.id,
          action: existing ? 'correct_reading' : 'record_reading',
          reason: input.reason,
          ...(existing ? { before: snapshot(existing) } : {}),
          after: snapshot(row),
        });
        const [data] = await kpiRecords(tx, [kpi], ctx.now());
        if (!data) throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'KPI vanished mid-transaction' });
        return { data };
      }),
    ),
});
