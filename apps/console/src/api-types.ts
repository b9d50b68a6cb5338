import type { trpc } from './providers/trpc';

/**
 * Record types of the register resources, read off the API's own procedure types (`import type`
 * only: nothing from the API ships in the console bundle). The dataProvider is generic, so these
 * are what keeps a renamed API field from turning into a silently empty column: tsc fails instead.
 */
type TClient = typeof trpc;
type TDataOf<P extends { query: (...args: never[]) => Promise<{ data: unknown }> }> = Awaited<ReturnType<P['query']>>['data'];

export type TKpiRecord = TDataOf<TClient['kpis']['getOne']>;
export type TKpiReadingRecord = TDataOf<TClient['kpiReadings']['getList']>[number];
export type TRiskRecord = TDataOf<TClient['risks']['getOne']>;
export type TRiskHeatMap = TDataOf<TClient['risks']['heatMap']>;
export type THeatMapGrid = TRiskHeatMap['after'];
export type THeatMapCell = THeatMapGrid[number][number];
export type TEscalationRecord = TDataOf<TClient['escalations']['getOne']>;
export type TWorkstreamRecord = TDataOf<TClient['workstreams']['getOne']>;
export type TRecommendationRecord = TDataOf<TClient['recommendations']['getOne']>;
export type TAuditRecord = TDataOf<TClient['auditTrail']['getOne']>;
export type TAuditChainReport = TDataOf<TClient['auditTrail']['verify']>;
/** The running workflow's own view of a programme (visits, plan response...), from `programmes.live`. */
export type TProgrammeLive = TDataOf<TClient['programmes']['live']>;

/** Red / amber / green, as every RAG in the API reads. */
export type TRag = NonNullable<TKpiRecord['rag']>;
export type TActionRecord = TDataOf<TClient['actions']['getOne']>;
/** A row of an actions list: the record without its history, evidence items and schedule (getOne has those). */
export type TActionListRecord = TDataOf<TClient['actions']['getList']>[number];
export type TMonitoringVisitRecord = TDataOf<TClient['monitoringVisits']['getOne']>;
export type TUserRecord = TDataOf<TClient['users']['getOne']>;
export type TSavedViewRecord = TDataOf<TClient['savedViews']['getOne']>;
export type TInterventionRecord = TDataOf<TClient['interventions']['getOne']>;
export type TInformationRequestRecord = TDataOf<TClient['informationRequests']['getOne']>;
/** An email as lists show it (Outbox, escalation and action pages), and one in full with its parts and attempts. */
export type TDeliveryRecord = TDataOf<TClient['outbox']['getList']>[number];
export type TDeliveryDetail = TDataOf<TClient['outbox']['getOne']>;
export type TPersonRecord = TDataOf<TClient['people']['getOne']>;
export type TPreferenceRecord = TDataOf<TClient['deliveryPreferences']['mine']>;
