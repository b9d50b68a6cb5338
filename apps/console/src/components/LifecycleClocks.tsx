import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { formatDate, formatDateTime, formatWorkingDaysLeft } from '../format';
import { StatusTag, type TTone } from './StatusTag';

/** A clock of a lifecycle record (intervention, information request), as the API reports it. */
export interface TLifecycleClock {
  name: string;
  label: string;
  dueOn: string;
  status: string;
  workingDaysLeft: number | null;
  nextStep: { label: string; fireAt: string } | null;
}

const STATUS: Record<string, { label: string; tone: TTone }> = {
  running: { label: 'Running', tone: 'blue' },
  overdue: { label: 'Overdue', tone: 'red' },
  met: { label: 'Met', tone: 'green' },
  breached: { label: 'Missed', tone: 'red' },
  closed: { label: 'Closed', tone: 'grey' },
};

/** What is due, when, how many working days are left and what the ladder does next. */
export function LifecycleClocks({ clocks, labelledBy, empty }: { clocks: readonly TLifecycleClock[]; labelledBy: string; empty: string }) {
  if (clocks.length === 0) return <Typography color="text.secondary">{empty}</Typography>;
  return (
    <Table size="small" aria-labelledby={labelledBy}>
      <TableHead>
        <TableRow>
          <TableCell component="th" scope="col">Deadline</TableCell>
          <TableCell component="th" scope="col">Due</TableCell>
          <TableCell component="th" scope="col">Working days left</TableCell>
          <TableCell component="th" scope="col">Status</TableCell>
          <TableCell component="th" scope="col">Next step</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {clocks.map((clock) => {
          const status = STATUS[clock.status] ?? { label: clock.status, tone: 'grey' as const };
          return (
            <TableRow key={`${clock.name}-${clock.dueOn}`}>
              <TableCell component="th" scope="row">{clock.label}</TableCell>
              <TableCell><time dateTime={clock.dueOn}>{formatDate(clock.dueOn)}</time></TableCell>
              <TableCell>{clock.workingDaysLeft === null ? 'Not applicable' : formatWorkingDaysLeft(clock.workingDaysLeft)}</TableCell>
              <TableCell><StatusTag label={status.label} tone={status.tone} /></TableCell>
              <TableCell>{clock.nextStep ? `${clock.nextStep.label} (${formatDateTime(clock.nextStep.fireAt)})` : 'None'}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
