import type { PrismaClient } from '@ip/db';
import { kpiBreachStreak, ZKpiDefinition, type TKpiReading } from '@ip/domain';
import { recordEscalationFact } from '../escalation/record.js';

export interface KpiReturnInput {
  programmeId: string;
  /** The workflow that runs this return (part of the escalation facts). */
  workflowId: string;
  /** When the return was evaluated (workflow time, epoch ms). */
  at: number;
}

export interface KpiReturnResult {
  evaluated: number;
  red: number;
  amber: number;
  escalationsCreated: number;
}

/**
 * The monthly KPI return (BRIEF (b)): each KPI's latest reading against its bands. A RAG change to
 * amber or red tells the KPI owner; red two periods running goes to the improvement board. Each
 * escalation's id names the KPI and the period, so a re-run of the same month records nothing new.
 */
export async function evaluateKpiReturn(prisma: PrismaClient, input: KpiReturnInput): Promise<KpiReturnResult> {
  const kpis = await prisma.kpi.findMany({ where: { programmeId: input.programmeId }, include: { readings: true }, orderBy: { key: 'asc' } });
  const result: KpiReturnResult = { evaluated: 0, red: 0, amber: 0, escalationsCreated: 0 };
  for (const kpi of kpis) {
    const definition = ZKpiDefinition.parse(kpi.definition);
    const readings: TKpiReading[] = kpi.readings.map((r) => ({ kpiKey: definition.key, periodEnd: r.periodEnd, value: r.value }));
    const streak = kpiBreachStreak(definition, readings);
    if (!streak.rag || !streak.latestPeriodEnd) continue;
    result.evaluated += 1;
    if (streak.rag === 'red') result.red += 1;
    if (streak.rag === 'amber') result.amber += 1;
    const steps = [
      ...(streak.notifyOwner ? [{ stepId: `rag-${streak.rag}`, level: 'owner', label: `${definition.name} turned ${streak.rag} (period ending ${streak.latestPeriodEnd})` }] : []),
      ...(streak.escalateToBoard ? [{ stepId: 'board', level: 'improvement_board', label: `${definition.name} red for ${streak.redPeriodsRunning} periods running: improvement board` }] : []),
    ];
    for (const s of steps) {
      const { created } = await recordEscalationFact(prisma, {
        id: `kpi:${input.programmeId}:${definition.key}/kpi-return/${s.stepId}/${streak.latestPeriodEnd}`,
        workflowId: input.workflowId,
        programmeId: input.programmeId,
        subjectKind: 'kpi',
        subjectId: kpi.id,
        subjectTitle: definition.name,
        ladderId: 'kpi-return',
        stepId: s.stepId,
        kind: 'escalation',
        level: s.level,
        label: s.label,
        dueOn: streak.latestPeriodEnd,
        fireAt: input.at,
        firedAt: input.at,
      });
      if (created) result.escalationsCreated += 1;
    }
  }
  return result;
}
