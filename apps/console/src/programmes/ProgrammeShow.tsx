import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { Link, Show, TopToolbar, useCreatePath, useRecordContext } from 'react-admin';
import { ActionPlanDaysLeftField, GradeField, IsoDateField, PhaseField } from '../components/fields';
import { SummaryList } from '../components/SummaryList';
import { useCanMutate } from '../use-can-mutate';
import { EarlierStateSections } from '../audit';
import { ClocksTable } from './ClocksTable';
import { HistoryTimeline } from './HistoryTimeline';
import { JudgementGrid } from './JudgementGrid';
import { RecordInspectionButton } from './RecordInspectionDialog';
import { BoardPackButton } from '../audit/BoardPackButton';
import type { TProgrammeRecord } from './types';
import { Section } from '../components/Section';
import { StoppedNotice } from '../components/StoppedNotice';

function ProgrammeActions() {
  const record = useRecordContext<TProgrammeRecord>();
  const canMutate = useCanMutate();
  if (!record) return null;
  return (
    <TopToolbar>
      {canMutate && !record.stopped && record.phase === 'awaiting_inspection' && <RecordInspectionButton programmeId={record.id} />}
      <BoardPackButton programmeId={record.id} />
    </TopToolbar>
  );
}


function ProgrammeDetail() {
  const record = useRecordContext<TProgrammeRecord>();
  const createPath = useCreatePath();
  if (!record) return null;
  const authorityPath = createPath({ resource: 'authorities', type: 'show', id: record.authorityId });
  return (
    <Box sx={{ p: { xs: 2, sm: 3 } }}>
      <Typography component="h1" variant="h4">
        {record.authorityName}
      </Typography>
      <Typography variant="body1" color="text.secondary">
        Improvement programme, cycle {record.cycle}
      </Typography>

      <StoppedNotice stopped={record.stopped} workflowId={String(record.id)} what="programme" />
      <Section id="summary-heading" title="Summary">
        <SummaryList
          rows={[
            ['Authority', <Link to={authorityPath}>{record.authorityName}</Link>],
            ['ONS code', record.onsCode],
            ['Phase', <PhaseField source="phase" />],
            ['Overall grade', <GradeField source="grade" />],
            ['Report received', <IsoDateField source="reportReceivedOn" />],
            ['Report to be published by', <IsoDateField source="publishDueOn" />],
            ['Action plan due', <IsoDateField source="actionPlanDueOn" />],
            ['Working days left for the plan', <ActionPlanDaysLeftField source="actionPlanWorkingDaysLeft" />],
            ['Started', <IsoDateField source="startedAt" withTime />],
            ['Last updated', <IsoDateField source="updatedAt" withTime />],
          ]}
        />
      </Section>

      <Section id="judgements-heading" title="Inspection judgements">
        <JudgementGrid inspection={record.inspection} labelledBy="judgements-heading" />
      </Section>

      <Section id="clocks-heading" title="Statutory clocks">
        <ClocksTable clocks={record.clocks ?? []} whatIfFor={String(record.id)} />
      </Section>

      <Section id="history-heading" title="History">
        <HistoryTimeline history={record.history ?? []} />
        <Box sx={{ mt: 1 }}>
          <Link to={`/programmes/${encodeURIComponent(String(record.id))}/history`}>Full history with raw events and exports</Link>
        </Box>
      </Section>

      <EarlierStateSections kind="programme" workflowId={String(record.id)} idPrefix="" />
    </Box>
  );
}

function ProgrammeTitle() {
  const record = useRecordContext<TProgrammeRecord>();
  return <span>{record ? `Programme: ${record.authorityName}` : 'Programme'}</span>;
}

/** One programme: summary, statutory clocks and who did what, when and why. */
export function ProgrammeShow() {
  return (
    <Show title={<ProgrammeTitle />} actions={<ProgrammeActions />}>
      <ProgrammeDetail />
    </Show>
  );
}
