import type { PrismaClient } from '@ip/db';
import type { TActionState, TProgrammeState } from '@ip/domain';
import { recordEscalationFact, type EscalationFact } from './escalation/record.js';
import { projectLifecycleRecord, type LifecycleRecordProjection } from './projection/lifecycle-record.js';
import { projectProgrammeState } from './projection/programme.js';
import { projectActionState } from './projection/action.js';
import { evaluateKpiReturn, type KpiReturnInput, type KpiReturnResult } from './kpi/evaluate-return.js';

export type { KpiReturnInput, KpiReturnResult };
export type { EscalationFact, LifecycleRecordProjection };
/** The projections themselves, for rebuilding the read model from Temporal (the API's projections.rebuild). */
export { projectActionState, projectLifecycleRecord, projectProgrammeState };

export interface ActivityDeps {
  prisma: PrismaClient;
}

/** Builds the activities with their I/O clients injected (the worker and tests pass the same shape). */
export function createActivities(deps: ActivityDeps) {
  return {
    async projectProgramme(state: TProgrammeState): Promise<void> {
      await projectProgrammeState(deps.prisma, state);
    },
    /** Monotonic by stateVersion: see projectActionState. */
    async projectAction(state: TActionState): Promise<void> {
      await projectActionState(deps.prisma, state);
    },
    async projectLifecycleRecord(p: LifecycleRecordProjection): Promise<void> {
      await projectLifecycleRecord(deps.prisma, p);
    },
    /** The monthly KPI return: RAG changes to the owner, red two periods running to the board. */
    async evaluateKpiReturn(input: KpiReturnInput): Promise<KpiReturnResult> {
      return evaluateKpiReturn(deps.prisma, input);
    },
    /** Exactly-once: see recordEscalationFact. */
    async recordEscalation(fact: EscalationFact): Promise<{ created: boolean }> {
      return recordEscalationFact(deps.prisma, fact);
    },
  };
}

export type Activities = ReturnType<typeof createActivities>;
