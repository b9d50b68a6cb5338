import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { ESCALATION_LEVEL_LABELS, labelOf } from '../labels';
import { StatusTag } from '../components/StatusTag';
import type { TWhatIfStep } from './types';
import { fromNowWords, offsetWords, outcomeWords, recipientWords, whenWords } from './words';

/** Who a raised step emails, and the roles nobody holds ("not delivered: nobody is recorded as …"). */
export function Recipients({ step }: { step: Pick<TWhatIfStep, 'raised' | 'recipients' | 'gaps'> }) {
  if (!step.raised) return <Typography variant="body2" color="text.secondary">Nobody: not sent</Typography>;
  return (
    <Box component="ul" sx={{ m: 0, pl: 2 }}>
      {step.recipients.map((r) => (
        <li key={r.email}>
          <Typography variant="body2" component="span">{recipientWords(r)}</Typography>
          <Typography variant="body2" component="span" color="text.secondary" sx={{ display: 'block', overflowWrap: 'anywhere' }}>{r.email}</Typography>
        </li>
      ))}
      {step.gaps.map((g) => (
        <li key={g.role}>
          <Typography variant="body2" component="span" color="error">Not delivered: {g.reason}</Typography>
        </li>
      ))}
    </Box>
  );
}

/**
 * Every reminder and escalation a future holds, in firing order: when (the date and time, in
 * working days from the deadline and from today), the step and its level, who is emailed, and
 * whether it is raised, raised late or not sent.
 */
export function StepsTable({ steps, caption }: { steps: readonly TWhatIfStep[]; caption: string }) {
  if (steps.length === 0) return <Typography color="text.secondary">No reminders or escalations before the horizon.</Typography>;
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" sx={{ tableLayout: 'fixed', minWidth: 720 }}>
        <caption style={{ textAlign: 'left', captionSide: 'top', paddingBottom: 8 }}>{caption}</caption>
        <TableHead>
          <TableRow>
            {([['When', '24%'], ['Step', '30%'], ['Who is emailed', '28%'], ['What happens', '18%']] as const).map(([h, width]) => (
              <TableCell key={h} component="th" scope="col" sx={{ width }}>{h}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {steps.map((s) => (
            <TableRow key={`${s.slot}@${s.fireAt}`} sx={{ '& td, & th': { verticalAlign: 'top' } }}>
              <TableCell component="th" scope="row" sx={{ fontWeight: 400 }}>
                <time dateTime={new Date(s.fireAt).toISOString()}>{whenWords(s)}</time>
                <Typography variant="body2" color="text.secondary">{fromNowWords(s.workingDaysFromNow)}; {offsetWords(s)}</Typography>
              </TableCell>
              <TableCell>
                {s.label}
                <Typography variant="body2" color="text.secondary">
                  {s.subject} · {labelOf(ESCALATION_LEVEL_LABELS, s.level)}
                </Typography>
                {s.boardException && <StatusTag label="Board exception" tone="red" />}
              </TableCell>
              <TableCell><Recipients step={s} /></TableCell>
              <TableCell>
                <Typography variant="body2" sx={{ fontWeight: s.raised ? 700 : 400 }} color={s.raised ? 'text.primary' : 'text.secondary'}>{outcomeWords(s)}</Typography>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
