import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { Show, useRecordContext } from 'react-admin';
import type { TWorkstreamRecord } from '../api-types';
import { IsoDateField } from '../components/fields';
import { SummaryList } from '../components/SummaryList';
import { LeadField, PhaseTagField } from './WorkstreamList';

function Detail() {
  const w = useRecordContext<TWorkstreamRecord>();
  if (!w) return null;
  return (
    <Box sx={{ p: { xs: 2, sm: 3 } }}>
      <Typography variant="body1" color="text.secondary">
        {w.priorityNumber ? `Priority ${w.priorityNumber}` : 'Workstream'}
      </Typography>
      <Typography component="h1" variant="h4" sx={{ mb: 3 }}>
        {w.name}
      </Typography>
      <SummaryList
        rows={[
          ['Lead', <LeadField source="leadName" />],
          ['Phase', <PhaseTagField source="phase" />],
          ['Priority number', w.priorityNumber == null ? 'Not numbered' : String(w.priorityNumber)],
          ['Key', w.key],
          ['Added', <IsoDateField source="createdAt" withTime />],
          ['Last changed', <IsoDateField source="updatedAt" withTime />],
        ]}
      />
    </Box>
  );
}

function WorkstreamTitle() {
  const w = useRecordContext<TWorkstreamRecord>();
  return <span>{w ? `Workstream: ${w.name}` : 'Workstream'}</span>;
}

/** One workstream: its lead, phase and place in the priority order. */
export function WorkstreamShow() {
  return (
    <Show title={<WorkstreamTitle />}>
      <Detail />
    </Show>
  );
}
