import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useRecordContext } from 'react-admin';
import type { TEscalationRecord } from '../api-types';
import type { TFieldProps } from '../components/fields';
import { StatusTag } from '../components/StatusTag';
import { formatDateTime } from '../format';
import { ESCALATION_KIND_LABELS, ESCALATION_LEVEL_LABELS, ESCALATION_LEVEL_TONES, labelOf } from '../labels';
import { AcknowledgeButton } from './AcknowledgeButton';

/** Who the step told. */
export function LevelField(_props: TFieldProps) {
  const record = useRecordContext<TEscalationRecord>();
  if (!record) return null;
  const tone = (ESCALATION_LEVEL_TONES as Record<string, (typeof ESCALATION_LEVEL_TONES)[keyof typeof ESCALATION_LEVEL_TONES]>)[record.level] ?? 'grey';
  return <StatusTag label={labelOf(ESCALATION_LEVEL_LABELS, record.level)} tone={tone} />;
}

/** Reminder or escalation, and "raised late" when it was found due long after its instant (the late-escalation rule). */
export function KindField(_props: TFieldProps) {
  const record = useRecordContext<TEscalationRecord>();
  if (!record) return null;
  return (
    <Box component="span" sx={{ display: 'inline-flex', flexDirection: 'column', alignItems: 'flex-start', gap: 0.5 }}>
      <Typography component="span" variant="body2">
        {labelOf(ESCALATION_KIND_LABELS, record.kind)}
      </Typography>
      {record.raisedLate && <StatusTag label={`Raised late (due ${formatDateTime(record.fireAt)})`} tone="orange" />}
    </Box>
  );
}

/** "Acknowledged 1 December 2026 at 09:12", or "Not acknowledged" and (in lists) the button. */
export function AcknowledgementField({ withButton = true }: TFieldProps & { withButton?: boolean }) {
  const record = useRecordContext<TEscalationRecord>();
  if (!record) return null;
  if (record.acknowledged) {
    return (
      <Box component="span" sx={{ display: 'inline-flex', flexDirection: 'column', alignItems: 'flex-start', gap: 0.5 }}>
        <StatusTag label="Acknowledged" tone="green" />
        <Typography component="span" variant="body2">
          {formatDateTime(record.acknowledgedAt)}
          {record.acknowledgedByName ? ` by ${record.acknowledgedByName}` : ''}
        </Typography>
      </Box>
    );
  }
  return (
    <Box component="span" sx={{ display: 'inline-flex', flexWrap: 'wrap', alignItems: 'center', gap: 1 }}>
      <StatusTag label="Not acknowledged" tone="orange" />
      {withButton && <AcknowledgeButton escalation={record} />}
    </Box>
  );
}

/** What fired, and about what. */
export function EscalationSummaryField(_props: TFieldProps) {
  const record = useRecordContext<TEscalationRecord>();
  if (!record) return null;
  return (
    <Box component="span" sx={{ display: 'block', minWidth: 260 }}>
      <Typography component="span" variant="body2" sx={{ fontWeight: 700, display: 'block' }}>
        {record.label}
      </Typography>
      <Typography component="span" variant="body2" color="text.secondary">
        {record.subjectTitle}
      </Typography>
    </Box>
  );
}
