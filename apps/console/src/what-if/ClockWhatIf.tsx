/**
 * "What if it slips" for a programme's statutory clock (the 70-WD action plan, publication, the
 * plan's milestones): done N working days late, on a date, or not at all, against done on time.
 * Computed by the API from the programme workflow's own machine (whatIf.clock); changes nothing.
 */
import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { WHAT_IF_CLOCKS, type TWhatIfClock } from '@ip/domain';
import { PlainDateInput } from '../components/DateInput';
import { StatusTag } from '../components/StatusTag';
import { formatDate } from '../format';
import { CLOCK_OUTCOME_LABELS, CLOCK_OUTCOME_TONES, labelOf } from '../labels';
import { trpc } from '../providers/trpc';
import { fieldErrorOf } from '../providers/api-error';
import { useApiQuery } from '../use-api-query';
import { Comparison } from './Comparison';
import { StepsTable } from './StepsTable';
import type { TClockWeek, TClockWhatIf } from './types';

type TChange = { kind: 'not_done' } | { kind: 'slips'; workingDays: number } | { kind: 'done_on'; doneOn: string };

/** Whether a clock can be asked about: open, and satisfied by something the council does. */
export function canAskWhatIf(clock: { name: string; status: string }): clock is { name: TWhatIfClock; status: string } {
  return (WHAT_IF_CLOCKS as readonly string[]).includes(clock.name) && (clock.status === 'running' || clock.status === 'overdue');
}

function StatusWeeks({ onTime, slipped, slippedHeading }: { onTime: readonly TClockWeek[]; slipped: readonly TClockWeek[]; slippedHeading: string }) {
  const tag = (w: TClockWeek | undefined) => (w ? <StatusTag label={labelOf(CLOCK_OUTCOME_LABELS, w.status)} tone={CLOCK_OUTCOME_TONES[w.status] ?? 'grey'} /> : null);
  return (
    <Box sx={{ overflowX: 'auto', maxHeight: 360 }}>
      <Table size="small" stickyHeader>
        <caption style={{ textAlign: 'left', captionSide: 'top', paddingBottom: 8 }}>Where the clock stands at noon each Monday</caption>
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col">Week</TableCell>
            <TableCell component="th" scope="col">Done on time</TableCell>
            <TableCell component="th" scope="col">{slippedHeading}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {onTime.map((w, i) => (
            <TableRow key={w.at}>
              <TableCell component="th" scope="row" sx={{ fontWeight: 400 }}>{i === 0 ? `Today (${formatDate(w.on)})` : `Monday ${formatDate(w.on)}`}</TableCell>
              <TableCell>{tag(w)}</TableCell>
              <TableCell>{tag(slipped[i])}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

function ClockWhatIfResult({ data }: { data: TClockWhatIf }) {
  const slippedHeading = data.change.kind === 'not_done' ? 'Not done' : `Done on ${formatDate(data.slipped.doneOn)}`;
  const exceptions = data.boardExceptions.slipped.filter((s) => !data.boardExceptions.onTime.some((o) => o.slot === s.slot));
  return (
    <Box aria-live="polite">
      {data.notes.map((n) => <Alert key={n} severity="info" sx={{ mb: 1 }}>{n}</Alert>)}
      <Typography sx={{ fontWeight: 700, mb: 1 }}>
        {data.clock.label}, due {formatDate(data.clock.dueOn)}: {slippedHeading.toLowerCase()}, compared with done on {formatDate(data.onTime.doneOn)}.
      </Typography>
      <Comparison comparison={data.comparison} idPrefix="clock-what-if" changeWords={slippedHeading} />
      <Typography component="h3" variant="h6" sx={{ mt: 2 }}>Board-level exceptions the slip adds</Typography>
      {exceptions.length === 0 ? <Typography>None.</Typography> : (
        <Box component="ul" sx={{ m: 0, pl: 3 }}>{exceptions.map((s) => <li key={s.slot}>{s.label} ({formatDate(s.fireOn)})</li>)}</Box>
      )}
      <Typography component="h3" variant="h6" sx={{ mt: 2 }}>Every reminder and escalation ({slippedHeading.toLowerCase()})</Typography>
      <StepsTable steps={data.slipped.steps} caption="Across the programme’s clocks, in firing order" />
      <Typography component="h3" variant="h6" sx={{ mt: 2 }}>Week by week</Typography>
      <StatusWeeks onTime={data.onTime.weeks} slipped={data.slipped.weeks} slippedHeading={slippedHeading} />
    </Box>
  );
}

/** The button on a clock's row, and the dialog that asks and answers. */
export function ClockWhatIfButton({ programmeId, clock }: { programmeId: string; clock: { name: TWhatIfClock; label: string; dueOn: string } }) {
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<TChange['kind']>('slips');
  const [days, setDays] = useState('5');
  const [date, setDate] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [asked, setAsked] = useState<TChange | null>(null);
  const key = open && asked ? `what-if:clock:${programmeId}:${clock.name}:${JSON.stringify(asked)}` : null;
  const q = useApiQuery(key, async (signal) => (await trpc.whatIf.clock.query({ programmeId, clock: clock.name, change: asked! }, { signal })).data);
  const titleId = `clock-what-if-${clock.name}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = Number(days);
    if (kind === 'slips' && !(Number.isInteger(n) && n >= 1 && n <= 120)) return setProblem('Enter a whole number of working days from 1 to 120');
    if (kind === 'done_on' && !date) return setProblem('Enter the date it would be done');
    setProblem(null);
    setAsked(kind === 'not_done' ? { kind } : kind === 'slips' ? { kind, workingDays: n } : { kind, doneOn: date });
  };
  const serverProblem = fieldErrorOf(q.error, 'change.doneOn') ?? fieldErrorOf(q.error, 'change.workingDays');
  return (
    <>
      <Button size="small" variant="outlined" onClick={() => setOpen(true)} aria-label={`What if it slips: ${clock.label}`}>What if it slips</Button>
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="lg" fullWidth aria-labelledby={titleId}>
        <DialogTitle id={titleId}>What if it slips: {clock.label}</DialogTitle>
        <DialogContent dividers>
          <Box component="form" onSubmit={submit} aria-label={`What if it slips: ${clock.label}`} sx={{ mb: 2 }}>
            <FormControl>
              <FormLabel id={`${titleId}-kind`}>Due {formatDate(clock.dueOn)}. What if it is…</FormLabel>
              <RadioGroup aria-labelledby={`${titleId}-kind`} value={kind} onChange={(e) => setKind(e.target.value as TChange['kind'])}>
                <FormControlLabel value="slips" control={<Radio />} label="…done some working days after its due date" />
                <FormControlLabel value="done_on" control={<Radio />} label="…done on a date" />
                <FormControlLabel value="not_done" control={<Radio />} label="…not done at all" />
              </RadioGroup>
            </FormControl>
            {kind === 'slips' && (
              <TextField fullWidth={false} size="small" label="Working days late" inputMode="numeric" value={days} onChange={(e) => setDays(e.target.value)} sx={{ display: 'block', mt: 1 }} />
            )}
            {kind === 'done_on' && <PlainDateInput name={`${titleId}-date`} label="Done on" value={date} onChange={setDate} />}
            {(problem ?? serverProblem) && <Typography role="alert" color="error" sx={{ fontWeight: 700 }}>{problem ?? serverProblem}</Typography>}
            <Button type="submit" variant="outlined" sx={{ mt: 1 }}>Show what would happen</Button>
          </Box>
          {q.isPending && <Typography role="status">Working out what would happen…</Typography>}
          {q.error && !serverProblem && <Alert severity="error">Could not work it out: {q.error.message}</Alert>}
          {q.data && <ClockWhatIfResult data={q.data} />}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Close</Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
