import Typography from '@mui/material/Typography';
import { useRecordContext } from 'react-admin';
import { JUDGEMENT_AREA_LABELS } from '@ip/domain';
import type { TRecommendationRecord } from '../api-types';
import type { TFieldProps } from '../components/fields';
import { StatusTag } from '../components/StatusTag';
import { labelOf } from '../labels';

export function JudgementAreaField(_props: TFieldProps) {
  const r = useRecordContext<TRecommendationRecord>();
  if (!r) return null;
  return (
    <Typography component="span" variant="body2">
      {labelOf(JUDGEMENT_AREA_LABELS, r.judgementArea)}
    </Typography>
  );
}

/** "Area for priority action" gets a tag: it starts a 20 working-day draft-plan clock. */
export function PriorityActionField(_props: TFieldProps) {
  const r = useRecordContext<TRecommendationRecord>();
  if (!r) return null;
  return r.priorityAction ? (
    <StatusTag label="Area for priority action" tone="red" />
  ) : (
    <Typography component="span" variant="body2" color="text.secondary">
      Recommendation
    </Typography>
  );
}
