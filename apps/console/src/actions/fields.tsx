import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { Link, useCreatePath, useRecordContext } from 'react-admin';
import type { TActionListRecord } from '../api-types';
import type { TFieldProps } from '../components/fields';
import { StatusTag } from '../components/StatusTag';
import { formatDate, formatWorkingDaysLeft } from '../format';
import { ACTION_RAG_LABELS, ACTION_RAG_TONES } from './labels';

/** An action's RAG as a chip with the word on it, and its flags (stale, chronic amber) beside it. */
export function ActionRagChip({ action }: { action: Pick<TActionListRecord, 'rag' | 'stale' | 'chronicAmber'> & { stopped?: TActionListRecord['stopped'] } }) {
  return (
    <Box component="span" sx={{ display: 'inline-flex', gap: 0.5, flexWrap: 'wrap' }}>
      <StatusTag label={ACTION_RAG_LABELS[action.rag]} tone={ACTION_RAG_TONES[action.rag]} />
      {/* Its reminders and escalations are not firing, whatever the RAG says. */}
      {action.stopped && <StatusTag label="Workflow stopped" tone="red" />}
      {action.stale && <StatusTag label="Stale" tone="orange" />}
      {action.chronicAmber && <StatusTag label="Chronic amber" tone="orange" />}
    </Box>
  );
}

export function ActionRagField(_props: TFieldProps) {
  const a = useRecordContext<TActionListRecord>();
  return a ? <ActionRagChip action={a} /> : null;
}

/** "12 February 2026" over "8 working days" (or "3 working days overdue", "Closed"). */
export function DueCountdown({ action }: { action: Pick<TActionListRecord, 'dueOn' | 'workingDaysLeft' | 'overdue' | 'originalDueOn'> }) {
  const days = action.workingDaysLeft;
  return (
    <Box component="span" sx={{ display: 'block', whiteSpace: 'nowrap' }}>
      <Typography component="span" variant="body2" sx={{ display: 'block' }}>
        <time dateTime={action.dueOn}>{formatDate(action.dueOn)}</time>
      </Typography>
      <Typography
        component="span"
        variant="body2"
        sx={{ display: 'block', fontWeight: action.overdue || (days != null && days <= 5) ? 700 : 400 }}
        color={action.overdue ? 'error' : 'text.secondary'}
      >
        {days == null ? 'Closed' : days === 0 ? 'Due today' : formatWorkingDaysLeft(days)}
      </Typography>
      {action.originalDueOn !== action.dueOn && (
        <Typography component="span" variant="body2" color="text.secondary" sx={{ display: 'block' }}>
          Originally {formatDate(action.originalDueOn)}
        </Typography>
      )}
    </Box>
  );
}

export function DueField(_props: TFieldProps) {
  const a = useRecordContext<TActionListRecord>();
  return a ? <DueCountdown action={a} /> : null;
}

export function OwnerField(_props: TFieldProps) {
  const a = useRecordContext<TActionListRecord>();
  if (!a) return null;
  return (
    <span>
      <Typography component="span" variant="body2" sx={{ display: 'block' }}>
        {a.owner.name}
      </Typography>
      {a.owner.email && (
        <Typography component="span" variant="body2" color="text.secondary">
          {a.owner.email}
        </Typography>
      )}
    </span>
  );
}

/** The Ofsted recommendations an action answers, each a link to the recommendations register. */
export function RecommendationRefs({ refs }: { refs: readonly string[] }) {
  const createPath = useCreatePath();
  if (refs.length === 0) {
    return (
      <Typography component="span" variant="body2" color="text.secondary">
        None
      </Typography>
    );
  }
  const list = createPath({ resource: 'recommendations', type: 'list' });
  return (
    <Box component="span" sx={{ display: 'inline-flex', gap: 1, flexWrap: 'wrap' }}>
      {refs.map((ref) => (
        <Link key={ref} to={`${list}?filter=${encodeURIComponent(JSON.stringify({ q: ref }))}`} aria-label={`Recommendation ${ref}`}>
          {ref}
        </Link>
      ))}
    </Box>
  );
}

export function RecommendationRefsField(_props: TFieldProps) {
  const a = useRecordContext<TActionListRecord>();
  return a ? <RecommendationRefs refs={a.recommendationRefs} /> : null;
}

export function ProgressField(_props: TFieldProps) {
  const a = useRecordContext<TActionListRecord>();
  if (!a) return null;
  return (
    <Typography component="span" variant="body2">
      {a.percentComplete}%
    </Typography>
  );
}
