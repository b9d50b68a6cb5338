import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useRecordContext } from 'react-admin';
import type { TRiskRecord } from '../api-types';
import type { TFieldProps } from '../components/fields';
import { RagTag } from '../components/RagTag';
import { StatusTag } from '../components/StatusTag';

/** "16" with its RAG tag and the grid position, e.g. "L4 × I4". */
export function ScoreField({ source }: TFieldProps) {
  const risk = useRecordContext<TRiskRecord>();
  if (!risk) return null;
  const before = source === 'beforeScore';
  const score = before ? risk.beforeScore : risk.score;
  const position = before ? risk.beforeMitigation : risk.afterMitigation;
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 1, whiteSpace: 'nowrap' }}>
      <Typography component="span" sx={{ fontWeight: 700, minWidth: 24, fontSize: '1.05rem' }}>
        {score}
      </Typography>
      <RagTag rag={before ? risk.beforeRag : risk.rag} />
      <Typography component="span" variant="body2" color="text.secondary">
        {`L${position.likelihood} × I${position.impact}`}
      </Typography>
    </Box>
  );
}

/** The title with the owner underneath. */
export function RiskTitleField(_props: TFieldProps) {
  const risk = useRecordContext<TRiskRecord>();
  if (!risk) return null;
  return (
    <span>
      <Typography component="span" variant="body2" sx={{ fontWeight: 700, display: 'block' }}>
        {risk.title}
      </Typography>
      <Typography component="span" variant="body2" color="text.secondary">
        Owner: {risk.owner}
      </Typography>
    </span>
  );
}

const REASON_TEXT: Record<string, string> = { at_or_above_threshold: 'At or over threshold', rising: 'Rising' };

/** Whether the residual score must be escalated, and why, in words. */
export function EscalationFlagField(_props: TFieldProps) {
  const risk = useRecordContext<TRiskRecord>();
  if (!risk) return null;
  if (!risk.escalation.escalate) {
    return (
      <Typography component="span" variant="body2" color="text.secondary">
        Within appetite
      </Typography>
    );
  }
  const reasons = risk.escalation.reasons.map((r) => REASON_TEXT[r] ?? r.replaceAll('_', ' ')).join(', ');
  return <StatusTag label={`Escalate: ${reasons}`} tone="red" />;
}
