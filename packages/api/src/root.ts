import { publicProcedure, router } from './trpc.js';
import { knownKeys } from './known-keys.js';
import { authRouter } from './routers/auth.js';
import { liveRouter } from './routers/live.js';
import { usersRouter } from './routers/users.js';
import { authoritiesRouter } from './routers/authorities.js';
import { programmeSettingsRouter } from './routers/programme-settings.js';
import { programmesRouter } from './routers/programmes.js';
import { kpisRouter } from './routers/kpis.js';
import { kpiReadingsRouter } from './routers/kpi-readings.js';
import { risksRouter } from './routers/risks.js';
import { workstreamsRouter } from './routers/workstreams.js';
import { recommendationsRouter } from './routers/recommendations.js';
import { escalationsRouter } from './routers/escalations.js';
import { savedViewsRouter } from './routers/saved-views.js';
import { actionsRouter } from './routers/actions.js';
import { monitoringVisitsRouter } from './routers/monitoring-visits.js';
import { interventionsRouter } from './routers/interventions.js';
import { informationRequestsRouter } from './routers/information-requests.js';
import { projectionsRouter } from './routers/projections.js';
import { inspectionsRouter } from './routers/inspections.js';
import { actionPlansRouter } from './routers/action-plans.js';
import { auditTrailRouter } from './routers/audit-trail.js';
import { auditRouter } from './audit/router.js';
import { historyArchiveRouter } from './routers/history-archive.js';
import { historyVerificationRouter } from './routers/history-verification.js';
import { boardPackRouter } from './routers/board-pack.js';
import { workflowHealthRouter } from './routers/workflow-health.js';
import { peopleRouter } from './routers/people.js';
import { outboxRouter } from './routers/outbox.js';
import { deliveryPreferencesRouter } from './routers/delivery-preferences.js';
import { whatIfRouter } from './what-if/router.js';

async function probe(fn: () => Promise<unknown>): Promise<'up' | 'down'> {
  try {
    await Promise.race([fn(), new Promise((_, rej) => setTimeout(() => rej(new Error('timeout')), 3000))]);
    return 'up';
  } catch {
    return 'down';
  }
}

export const appRouter = router({
  health: publicProcedure().query(async ({ ctx }) => {
    const [database, temporal] = await Promise.all([
      probe(() => ctx.prisma.$queryRaw`SELECT 1`),
      probe(() => ctx.temporal.workflowService.getSystemInfo({})),
    ]);
    return { ok: database === 'up' && temporal === 'up', database, temporal };
  }),
  auth: authRouter,
  live: liveRouter,
  users: usersRouter,
  authorities: authoritiesRouter,
  programmeSettings: programmeSettingsRouter,
  programmes: programmesRouter,
  kpis: kpisRouter,
  kpiReadings: kpiReadingsRouter,
  risks: risksRouter,
  workstreams: workstreamsRouter,
  recommendations: recommendationsRouter,
  escalations: escalationsRouter,
  savedViews: savedViewsRouter,
  actions: actionsRouter,
  monitoringVisits: monitoringVisitsRouter,
  interventions: interventionsRouter,
  informationRequests: informationRequestsRouter,
  projections: projectionsRouter,
  inspections: inspectionsRouter,
  actionPlans: actionPlansRouter,
  auditTrail: auditTrailRouter,
  audit: auditRouter,
  historyArchive: historyArchiveRouter,
  historyVerification: historyVerificationRouter,
  boardPack: boardPackRouter,
  workflowHealth: workflowHealthRouter,
  people: peopleRouter,
  outbox: outboxRouter,
  deliveryPreferences: deliveryPreferencesRouter,
  whatIf: whatIfRouter,
});
// Every call is checked for keys its procedure does not know (known-keys.ts).
knownKeys.register(appRouter._def.procedures);

export type AppRouter = typeof appRouter;
