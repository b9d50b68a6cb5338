import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { Show, useRecordContext } from 'react-admin';
import type { TRecommendationRecord } from '../api-types';
import { IsoDateField } from '../components/fields';
import { SummaryList } from '../components/SummaryList';
import { JudgementAreaField, PriorityActionField } from './fields';

function Detail() {
  const r = useRecordContext<TRecommendationRecord>();
  if (!r) return null;
  return (
    <Box sx={{ p: { xs: 2, sm: 3 } }}>
      <Typography variant="body1" color="text.secondary">
        {r.priorityAction ? 'Area for priority action' : 'Recommendation'} {r.ref}
      </Typography>
      <Typography component="h1" variant="h5" sx={{ mb: 3, maxWidth: 900, lineHeight: 1.4 }}>
        {r.text}
      </Typography>
      <SummaryList
        rows={[
          ['Reference', r.ref],
          ['Judgement area', <JudgementAreaField source="judgementArea" />],
          ['Type', <PriorityActionField source="priorityAction" />],
          ['From the report of', r.sourceInspectionId],
          ['Recorded', <IsoDateField source="createdAt" withTime />],
        ]}
      />
    </Box>
  );
}

function RecommendationTitle() {
  const r = useRecordContext<TRecommendationRecord>();
  return <span>{r ? `Recommendation ${r.ref}` : 'Recommendation'}</span>;
}

export function RecommendationShow() {
  return (
    <Show title={<RecommendationTitle />}>
      <Detail />
    </Show>
  );
}
