import Typography from '@mui/material/Typography';
import { useRecordContext } from 'react-admin';
import { clockIsOverdue, clockProgressText, GRADE_LABELS, type TGrade, type TProgrammePhase } from '@ip/domain';
import { formatDate, formatDateTime } from '../format';
import { GRADE_TONES, labelOf, PHASE_LABELS, PHASE_TONES } from '../labels';
import { StatusTag } from './StatusTag';

/** Props react-admin's Datagrid and SimpleShowLayout read from their children (header, sorting). */
export interface TFieldProps {
  source: string;
  label?: string;
  sortable?: boolean;
  sortBy?: string;
}

function useValue(source: string): unknown {
  const record = useRecordContext();
  return record ? source.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | null)?.[k], record) : undefined;
}

const Empty = () => (
  <Typography component="span" variant="body2" color="text.secondary">
    Not set
  </Typography>
);

/** An ISO date (or instant, with `withTime`) as "12 February 2026". */
export function IsoDateField({ source, withTime }: TFieldProps & { withTime?: boolean }) {
  const value = useValue(source) as string | null | undefined;
  const text = withTime ? formatDateTime(value) : formatDate(value);
  if (!text) return <Empty />;
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
      <time dateTime={value ?? undefined}>{text}</time>
    </Typography>
  );
}

export function PhaseField({ source }: TFieldProps) {
  const value = useValue(source) as TProgrammePhase | null | undefined;
  if (!value) return <Empty />;
  return <StatusTag label={labelOf(PHASE_LABELS, value)} tone={PHASE_TONES[value] ?? 'grey'} />;
}

export function GradeField({ source }: TFieldProps) {
  const value = useValue(source) as TGrade | null | undefined;
  if (!value) return <Empty />;
  return <StatusTag label={labelOf(GRADE_LABELS, value)} tone={GRADE_TONES[value] ?? 'grey'} />;
}

/**
 * Where the action plan's clock stands, in the same words as the programme page's clock table
 * (the domain's clockProgressText): "12 working days", "3 working days overdue", "Done, 2 working days late".
 */
export function ActionPlanDaysLeftField(_props: TFieldProps) {
  const record = useRecordContext<{
    clocks?: ReadonlyArray<{ name: string; status: string; workingDaysLeft: number | null }>;
  }>();
  const clock = record?.clocks?.find((c) => c.name === ACTION_PLAN_CLOCK);
  if (!clock) return <Empty />;
  const days = clock.workingDaysLeft;
  const open = clock.status === 'running' || clock.status === 'overdue';
  return (
    <Typography component="span" variant="body2" sx={{ fontWeight: open && days != null && days <= 5 ? 700 : 400 }} color={clockIsOverdue(clock) ? 'error' : 'text.primary'}>
      {clockProgressText(clock)}
    </Typography>
  );
}

/** The API's name for the statutory action-plan clock. */
const ACTION_PLAN_CLOCK = 'actionPlan';
