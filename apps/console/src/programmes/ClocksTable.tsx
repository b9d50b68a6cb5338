import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { clockIsOverdue, clockProgressText } from '@ip/domain';
import { StatusTag } from '../components/StatusTag';
import { formatDate } from '../format';
import { CLOCK_OUTCOME_LABELS, CLOCK_OUTCOME_TONES, labelOf } from '../labels';
import type { TProgrammeClock } from './types';
import { VisuallyHidden } from '../components/VisuallyHidden';
import { canAskWhatIf, ClockWhatIfButton } from '../what-if/ClockWhatIf';

/**
 * The statutory clocks of a programme: what is due, when, and where each stands, in the domain's one
 * wording (clockProgressText): "12 working days", "4 working days overdue", "Done, 3 working days late".
 * With `whatIfFor` (the programme's id), each open clock a person can satisfy offers "What if it slips".
 */
export function ClocksTable({ clocks, labelledBy = 'clocks-heading', whatIfFor }: { clocks: readonly TProgrammeClock[]; labelledBy?: string; whatIfFor?: string }) {
  if (clocks.length === 0) {
    return (
      <Typography variant="body1" color="text.secondary">
        No statutory clocks are running. They start when an inspection report is recorded.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-labelledby={labelledBy}>
      <TableHead>
        <TableRow>
          <TableCell component="th" scope="col">Deadline</TableCell>
          <TableCell component="th" scope="col">Due</TableCell>
          <TableCell component="th" scope="col">Working days</TableCell>
          <TableCell component="th" scope="col">Status</TableCell>
          {whatIfFor && <TableCell component="th" scope="col"><VisuallyHidden>What if it slips</VisuallyHidden></TableCell>}
        </TableRow>
      </TableHead>
      <TableBody>
        {clocks.map((clock) => (
          <TableRow key={`${clock.name}@${clock.dueOn}`}>
            <TableCell component="th" scope="row">{clock.label}</TableCell>
            <TableCell>
              <time dateTime={clock.dueOn}>{formatDate(clock.dueOn)}</time>
            </TableCell>
            <TableCell sx={{ color: clockIsOverdue(clock) ? 'error.main' : undefined }}>{clockProgressText(clock)}</TableCell>
            <TableCell>
              <StatusTag label={labelOf(CLOCK_OUTCOME_LABELS, clock.status)} tone={CLOCK_OUTCOME_TONES[clock.status] ?? 'grey'} />
            </TableCell>
            {whatIfFor && <TableCell>{canAskWhatIf(clock) && <ClockWhatIfButton programmeId={whatIfFor} clock={clock} />}</TableCell>}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
