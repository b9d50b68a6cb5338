import { labelOf } from '../labels';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { ShowBase, Title, useShowContext } from 'react-admin';
import type { TInterventionRecord } from '../api-types';
import { LifecycleClocks } from '../components/LifecycleClocks';
import { StatusTag } from '../components/StatusTag';
import { SummaryList } from '../components/SummaryList';
import { formatDate } from '../format';
import { HistoryTimeline } from '../programmes/HistoryTimeline';
import { useCanMutate } from '../use-can-mutate';
import { ADM_MODEL_LABELS, INTERVENTION_PHASE_LABELS, INTERVENTION_PHASE_TONES, RECOMMENDATION_LABELS } from './labels';
import { RecordStepButton } from './RecordStepDialog';
import { CardSection } from '../components/Section';
import { StoppedNotice } from '../components/StoppedNotice';

type TStage = { name: string; on: string | null; detail?: string };

/** The DfE track in order; a stage not reached says so. */
function stagesOf(r: TInterventionRecord): TStage[] {
  const label = <T extends string>(labels: Record<T, string>, v: string | null | undefined) => (v ? labels[v as T] ?? v : undefined);
  return [
    { name: 'Improvement notice', on: r.notice?.issuedOn ?? null, detail: r.notice ? `Adviser: ${r.notice.adviserName}` : undefined },
    { name: 'Statutory direction', on: r.direction?.issuedOn ?? null, detail: r.direction ? `Commissioner: ${r.direction.commissionerName}` : undefined },
    {
      name: 'Commissioner’s report', on: r.commissionerReport?.receivedOn ?? null,
      detail: r.commissionerReport ? `Recommends: ${label(RECOMMENDATION_LABELS, r.commissionerReport.recommendation)}` : undefined,
    },
    {
      name: 'Alternative delivery model', on: r.adm?.directedOn ?? null,
      detail: r.adm ? [label(ADM_MODEL_LABELS, r.adm.model), r.adm.deliveryBodyName, r.adm.liveOn ? `live from ${formatDate(r.adm.liveOn)}` : null].filter(Boolean).join(', ') || 'Options directed' : undefined,
    },
    { name: 'Exit supervision', on: r.supervision?.startedOn ?? null, detail: r.supervision ? `${r.supervision.reviewsHeld} reviews held` : undefined },
    { name: 'Intervention closed', on: r.closedOn ?? null },
  ];
}

function Track({ record }: { record: TInterventionRecord }) {
  return (
    <Box component="ol" aria-labelledby="track-heading" sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'repeat(6, 1fr)' }, gap: 1 }}>
      {stagesOf(record).map((stage, i) => (
        <Box component="li" key={stage.name} sx={{ borderTop: '6px solid', borderColor: stage.on ? 'primary.main' : 'divider', pt: 1, pr: 1 }}>
          <Typography variant="body2" color="text.secondary">Stage {i + 1}</Typography>
          <Typography sx={{ fontWeight: 700 }}>{stage.name}</Typography>
          <Typography variant="body2">{stage.on ? <time dateTime={stage.on}>{formatDate(stage.on)}</time> : 'Not reached'}</Typography>
          {stage.detail && <Typography variant="body2">{stage.detail}</Typography>}
        </Box>
      ))}
    </Box>
  );
}


function InterventionView() {
  const { record } = useShowContext<TInterventionRecord>();
  const canMutate = useCanMutate();
  if (!record) return null;
  const open = record.phase !== 'closed';
  return (
    <Box sx={{ pt: 2 }}>
      <Title title={record.title} />
      <Box sx={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', alignItems: 'flex-end', gap: 2, mb: 2 }}>
        <Box>
          <Typography color="text.secondary">DfE intervention</Typography>
          <Typography component="h1" variant="h4">{record.authorityName}</Typography>
          <Box sx={{ mt: 1 }}><StatusTag label={labelOf(INTERVENTION_PHASE_LABELS, record.phase)} tone={INTERVENTION_PHASE_TONES[record.phase] ?? 'grey'} /></Box>
        </Box>
        {canMutate && open && !record.stopped && <RecordStepButton interventionId={record.id} />}
      </Box>
      <StoppedNotice stopped={record.stopped} workflowId={String(record.id)} what="intervention" />
      <CardSection id="track-heading" title="The DfE track">
        <Track record={record} />
      </CardSection>
      <CardSection id="summary-heading" title="Summary">
        <SummaryList rows={[
          ['Opened', formatDate(record.startedAt)],
          ['Last step recorded', record.lastStepOn ? formatDate(record.lastStepOn) : 'None yet'],
          ['Reviews held', String(record.reviews.length)],
          ['Commissioner’s updates', String(record.commissionerUpdates.length)],
        ]} />
      </CardSection>
      <CardSection id="clocks-heading" title="Deadlines">
        <LifecycleClocks clocks={record.clocks} labelledBy="clocks-heading" empty="No deadline is running: the next step starts one." />
      </CardSection>
      <CardSection id="history-heading" title="History">
        <HistoryTimeline history={record.history} />
      </CardSection>
    </Box>
  );
}

/** One spell of DfE intervention: the track, its deadlines and everything recorded, with who and why. */
export function InterventionShow() {
  return (
    <ShowBase resource="interventions">
      <InterventionView />
    </ShowBase>
  );
}
