import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { CreateButton, Link, Loading, RecordContextProvider, Title, useCreatePath, useGetList, useGetOne } from 'react-admin';
import type { TActionListRecord, TEscalationRecord, TKpiReadingRecord, TKpiRecord, TMonitoringVisitRecord, TRiskRecord, TWorkstreamRecord } from '../api-types';
import { GradeField, PhaseField } from '../components/fields';
import { formatDate } from '../format';
import { programmeName, useCurrentProgramme } from '../programmes/current-programme';
import { ProgrammePicker } from '../programmes/ProgrammePicker';
import type { TProgrammeRecord } from '../programmes/types';
import { useRiskHeatMap } from '../risks/use-risk-heat-map';
import { useCanMutate } from '../use-can-mutate';
import { ActionRagPanel } from './ActionRagPanel';
import { boardFigures, deadlines } from '@ip/domain';
import { DeadlinesPanel } from './DeadlinesPanel';
import { EscalationsPanel } from './EscalationsPanel';
import { HeatMapPanel } from './HeatMapPanel';
import { KpiTiles } from './KpiTiles';
import { NextVisitPanel } from './NextVisitPanel';
import { SummaryTiles } from './SummaryTiles';
import { StoppedWorkflowsPanel } from './StoppedWorkflowsPanel';

const ALL = { page: 1, perPage: 500 };
const OPEN_ESCALATIONS_SHOWN = 8;

function ProgrammeDashboard({ programmeId, header }: { programmeId: string; header: (p: TProgrammeRecord) => ReactNode }) {
  const createPath = useCreatePath();
  const { data: programme } = useGetOne<TProgrammeRecord>('programmes', { id: programmeId });
  const filter = { programmeId };
  const kpis = useGetList<TKpiRecord>('kpis', { filter, pagination: ALL, sort: { field: 'name', order: 'ASC' } });
  const readings = useGetList<TKpiReadingRecord>('kpiReadings', { filter, pagination: ALL, sort: { field: 'periodEnd', order: 'ASC' } });
  const risks = useGetList<TRiskRecord>('risks', { filter, pagination: ALL, sort: { field: 'score', order: 'DESC' } });
  const escalations = useGetList<TEscalationRecord>('escalations', {
    filter: { programmeId, acknowledged: false },
    pagination: { page: 1, perPage: OPEN_ESCALATIONS_SHOWN },
    sort: { field: 'firedAt', order: 'DESC' },
  });
  const actions = useGetList<TActionListRecord>('actions', { filter, pagination: ALL, sort: { field: 'dueOn', order: 'ASC' } });
  const workstreams = useGetList<TWorkstreamRecord>('workstreams', { filter, pagination: ALL, sort: { field: 'priorityNumber', order: 'ASC' } });
  const heat = useRiskHeatMap(programmeId);
  // The visits' own records: the same stage the visit's page shows.
  const visits = useGetList<TMonitoringVisitRecord>('monitoringVisits', { filter, pagination: ALL, sort: { field: 'createdAt', order: 'ASC' } });

  if (!programme || kpis.isPending || risks.isPending || escalations.isPending || actions.isPending || workstreams.isPending) return <Loading />;
  const riskList = risks.data ?? [];
  const due = deadlines(programme.clocks ?? [], actions.data ?? []);
  // The figures are counted by the domain (figures.ts), as the board pack counts them, so they agree.
  const figures = boardFigures({
    actions: actions.data ?? [],
    workstreams: workstreams.data ?? [],
    clocks: programme.clocks ?? [],
    kpis: kpis.data ?? [],
    risks: riskList.map((r) => ({ rag: r.rag, escalate: r.escalation.escalate })),
    openEscalations: escalations.total ?? 0,
  });
  const overdueActionsPath = `/actions?filter=${encodeURIComponent(JSON.stringify({ programmeId, overdue: true }))}`;
  const summary = {
    kpis: figures.kpis,
    risks: figures.risks,
    risksToEscalate: figures.risksToEscalate,
    openEscalations: figures.openEscalations,
    deadlinesSoon: figures.deadlinesSoon,
    overdue: figures.overdueDeadlines,
  };
  const idsByRef = Object.fromEntries(riskList.map((r) => [r.ref, r.id]));

  return (
    <RecordContextProvider value={programme}>
      {header(programme)}
      <Box sx={{ display: 'flex', flexDirection: 'column', gap: 3 }}>
        <StoppedWorkflowsPanel programmeId={programmeId} />
        <SummaryTiles summary={summary} clocksPath={createPath({ resource: 'programmes', type: 'show', id: programme.id })} />
        <Box sx={{ display: 'grid', gap: 3, gridTemplateColumns: { xs: '1fr', lg: '2fr 1fr' }, alignItems: 'start' }}>
          <DeadlinesPanel all={due} overdueActionsPath={overdueActionsPath} />
          <NextVisitPanel visits={visits.data} isPending={visits.isPending} />
        </Box>
        <ActionRagPanel rows={figures.actionsByWorkstream} />
        <EscalationsPanel escalations={escalations.data ?? []} total={escalations.total ?? 0} />
        <KpiTiles kpis={kpis.data ?? []} readings={readings.data ?? []} />
        <HeatMapPanel heat={heat} idsByRef={idsByRef} />
      </Box>
    </RecordContextProvider>
  );
}

/**
 * The programme dashboard the director shows the improvement board: where the KPIs and risks
 * stand, the plan's actions by RAG per workstream, what is due in the next 20 working days, what has
 * escalated, and the next visit.
 */
export function Dashboard() {
  const current = useCurrentProgramme();
  const canMutate = useCanMutate();
  const { programme, isPending } = current;
  const today = formatDate(new Date());
  if (isPending) return <Loading />;
  return (
    <Box sx={{ py: { xs: 1, sm: 2 }, px: { xs: 1, sm: 0 }, maxWidth: 1400 }}>
      <Title title="Dashboard" />
      {!programme ? (
        <Box sx={{ maxWidth: 640 }}>
          <Typography component="h1" variant="h4" gutterBottom>
            Programme dashboard
          </Typography>
          <Typography sx={{ mb: 2 }}>
            There are no improvement programmes yet. A programme follows one council through one inspection cycle: the
            report, the action plan, monitoring visits and re-inspection.
          </Typography>
          {canMutate ? (
            <CreateButton resource="programmes" label="Start programme" variant="contained" />
          ) : (
            <Link to="/programmes">Go to programmes</Link>
          )}
        </Box>
      ) : (
        <ProgrammeDashboard
          key={programme.id}
          programmeId={programme.id}
          header={(p) => (
            <Box sx={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', alignItems: 'flex-end', gap: 2, mb: 3 }}>
              <Box>
                <Typography variant="body1" color="text.secondary" sx={{ fontSize: '1.1rem' }}>
                  Improvement programme dashboard
                </Typography>
                <Typography component="h1" variant="h4" sx={{ mb: 1 }}>
                  {programmeName(p)}
                </Typography>
                <Box sx={{ display: 'flex', gap: 1.5, alignItems: 'center', flexWrap: 'wrap' }}>
                  <PhaseField source="phase" />
                  {p.grade && <GradeField source="grade" />}
                  <Typography variant="body2">
                    Figures as at <time dateTime={new Date().toISOString()}>{today}</time>
                  </Typography>
                </Box>
              </Box>
              <ProgrammePicker current={current} />
            </Box>
          )}
        />
      )}
    </Box>
  );
}
