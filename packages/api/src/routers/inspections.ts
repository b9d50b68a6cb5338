/**
 * Ofsted inspections (BRIEF "Framework facts"): the judgement grid of every inspection and
 * re-inspection recorded on a programme. Read only: inspections are recorded through the programme's
 * commands (programmes.recordInspection / recordReinspection), which the workflow validates, and the
 * projection writes these rows.
 */
import { z } from 'zod';
import type { Inspection, Prisma } from '@ip/db';
import { GRADE_LABELS, ZGrade, ZInspectionType, ZIsoDate, type TGrade, type TJudgements } from '@ip/domain';
import type { Context } from '../context.js';
import { router } from '../trpc.js';
import { orderBy, page, parseFilter, type TListParams } from './list-params.js';
import { resourceReads } from './resource-reads.js';

const SORTABLE = {
  id: 'reportReceivedOn', reportReceivedOn: 'reportReceivedOn', fieldworkStartedOn: 'fieldworkStartedOn', cycle: 'cycle',
  kind: 'kind', type: 'type', overallEffectiveness: 'overallEffectiveness', programmeId: 'programmeId',
} as const;

const ZInspectionFilter = z
  .object({
    programmeId: z.string().max(200).optional(),
    authorityId: z.string().max(200).optional(),
    overallEffectiveness: ZGrade.optional(),
    type: ZInspectionType.optional(),
    kind: z.enum(['inspection', 're-inspection']).optional(),
    /** Report received on or after / before (ISO dates). */
    receivedFrom: ZIsoDate.optional(),
    receivedTo: ZIsoDate.optional(),
  });

const JUDGEMENT_AREAS = [
  ['overallEffectiveness', 'Overall effectiveness'],
  ['impactOfLeaders', 'The impact of leaders on social work practice with children and families'],
  ['helpAndProtection', 'The experiences and progress of children who need help and protection'],
  ['childrenInCare', 'The experiences and progress of children in care'],
  ['careLeavers', 'The experiences and progress of care leavers'],
] as const;

/** The inspection with its judgement grid spelled out in Ofsted's words, one row per area. */
export function toInspectionRecord(row: Inspection) {
  const judgements = row.judgements as TJudgements;
  return {
    id: row.id,
    programmeId: row.programmeId,
    authorityId: row.authorityId,
    cycle: row.cycle,
    kind: row.kind,
    type: row.type,
    overallEffectiveness: row.overallEffectiveness,
    overallEffectivenessLabel: GRADE_LABELS[row.overallEffectiveness as TGrade] ?? row.overallEffectiveness,
    judgements,
    grid: JUDGEMENT_AREAS.map(([area, label]) => {
      const grade = judgements[area];
      return { area, label, grade: grade ?? null, gradeLabel: grade ? GRADE_LABELS[grade] : 'Not judged' };
    }),
    fieldworkStartedOn: row.fieldworkStartedOn,
    fieldworkEndedOn: row.fieldworkEndedOn,
    reportReceivedOn: row.reportReceivedOn,
    leadInspector: row.leadInspector,
  };
}
export type InspectionRecord = ReturnType<typeof toInspectionRecord>;

async function list(ctx: Context, input: TListParams) {
  const f = parseFilter(ZInspectionFilter, input.filter);
  const where: Prisma.InspectionWhereInput = {
    ...(f.programmeId ? { programmeId: f.programmeId } : {}),
    ...(f.authorityId ? { authorityId: f.authorityId } : {}),
    ...(f.overallEffectiveness ? { overallEffectiveness: f.overallEffectiveness } : {}),
    ...(f.type ? { type: f.type } : {}),
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.receivedFrom || f.receivedTo
      ? { reportReceivedOn: { ...(f.receivedFrom ? { gte: f.receivedFrom } : {}), ...(f.receivedTo ? { lte: f.receivedTo } : {}) } }
      : {}),
  };
  const [rows, total] = await Promise.all([
    ctx.prisma.inspection.findMany({ where, orderBy: [orderBy(input.sort, SORTABLE, 'reportReceivedOn'), { id: 'asc' }], ...page(input.pagination) }),
    ctx.prisma.inspection.count({ where }),
  ]);
  return { data: rows.map(toInspectionRecord), total };
}

export const inspectionsRouter = router(
  resourceReads({
    filter: ZInspectionFilter,
    noun: 'inspection',
    targets: ['programmeId', 'authorityId'],
    list,
    byIds: async (ctx, ids) => (await ctx.prisma.inspection.findMany({ where: { id: { in: ids } } })).map(toInspectionRecord),
  }),
);
