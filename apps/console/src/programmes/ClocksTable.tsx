import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { StatusTag } from '../components/StatusTag';
import { formatDate } from '../format';
import { CLOCK_STATUS_LABELS, CLOCK_STATUS_TONES, labelOf } from '../labels';
import { clockCountdownText, clockIsOverdue } from './clock-text';
import type { TProgrammeClock } from './types';

/** The statutory clocks of a programme: what is due, when, how many working days are left. */
export function ClocksTable({ clocks }: { clocks: readonly TProgrammeClock[] }) {
  if (clocks.length === 0) {
    return (
      <Typography variant="body1" color="text.secondary">
        No statutory clocks are running. They start when an inspection report is recorded.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-labelledby="clocks-heading">
      <TableHead>
        <TableRow>
          <TableCell component="th" scope="col">Deadline</TableCell>
          <TableCell component="th" scope="col">Due</TableCell>
          <TableCell component="th" scope="col">Working days left</TableCell>
          <TableCell component="th" scope="col">Status</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {clocks.map((clock) => (
          <TableRow key={clock.name}>
            <TableCell component="th" scope="row">{clock.label}</TableCell>
            <TableCell>
              <time dateTime={clock.dueOn}>{formatDate(clock.dueOn)}</time>
            </TableCell>
            <TableCell sx={{ color: clockIsOverdue(clock) ? 'error.main' : undefined }}>{clockCountdownText(clock)}</TableCell>
            <TableCell>
              <StatusTag label={labelOf(CLOCK_STATUS_LABELS, clock.status)} tone={CLOCK_STATUS_TONES[clock.status] ?? 'grey'} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
