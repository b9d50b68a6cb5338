import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { clockIsOverdue, clockProgressText } from '@ip/domain';
import { formatDate, formatDateTime } from '../format';
import { CLOCK_OUTCOME_LABELS, CLOCK_OUTCOME_TONES, labelOf } from '../labels';
import { StatusTag } from './StatusTag';

/** A clock of a lifecycle record (intervention, information request), as the API reports it. */
export interface TLifecycleClock {
  name: string;
  label: string;
  dueOn: string;
  status: string;
  workingDaysLeft: number | null;
  nextStep: { label: string; fireAt: string } | null;
}

/** What is due, when, how many working days are left and what the ladder does next. */
export function LifecycleClocks({ clocks, labelledBy, empty }: { clocks: readonly TLifecycleClock[]; labelledBy: string; empty: string }) {
  if (clocks.length === 0) return <Typography color="text.secondary">{empty}</Typography>;
  return (
    <Table size="small" aria-labelledby={labelledBy}>
      <TableHead>
        <TableRow>
          <TableCell component="th" scope="col">Deadline</TableCell>
          <TableCell component="th" scope="col">Due</TableCell>
          <TableCell component="th" scope="col">Working days</TableCell>
          <TableCell component="th" scope="col">Status</TableCell>
          <TableCell component="th" scope="col">Next step</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {clocks.map((clock) => {
          return (
            <TableRow key={`${clock.name}-${clock.dueOn}`}>
              <TableCell component="th" scope="row">{clock.label}</TableCell>
              <TableCell><time dateTime={clock.dueOn}>{formatDate(clock.dueOn)}</time></TableCell>
              <TableCell sx={{ color: clockIsOverdue(clock) ? 'error.main' : undefined }}>{clockProgressText(clock)}</TableCell>
              <TableCell><StatusTag label={labelOf(CLOCK_OUTCOME_LABELS, clock.status)} tone={CLOCK_OUTCOME_TONES[clock.status as keyof typeof CLOCK_OUTCOME_TONES] ?? 'grey'} /></TableCell>
              <TableCell>{clock.nextStep ? `${clock.nextStep.label} (${formatDateTime(clock.nextStep.fireAt)})` : 'None'}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
