/**
 * What changed between two dates ("the March and June boards"), from audit.diff, in business words,
 * on either basis: what was *recorded* between them, or what *happened* between them by the dates
 * the records carry (each line then also says when it was recorded).
 */
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import { PlainDateInput } from '../components/DateInput';
import Typography from '@mui/material/Typography';
import { formatDate, formatDateTime } from '../format';
import { trpc } from '../providers/trpc';
import { useApiQuery } from '../use-api-query';
import { BasisChoice, type TBasis } from './BasisChoice';
import type { TAuditKind, TDiff } from './types';

type TLine = TDiff['events'][number];

/** When a line happened: a date on the "happened" basis (with when it was recorded), else date and time. */
function when(e: TLine, basis: TBasis): string {
  if (basis === 'recorded') return formatDateTime(new Date(e.at));
  const recorded = e.recordedAt !== null ? `, recorded ${formatDateTime(new Date(e.recordedAt))}` : '';
  return e.dated ? `${formatDate(new Date(e.at))}${recorded}` : `${formatDateTime(new Date(e.at))}${recorded || ' (time passing)'}`;
}

export function DiffPanel({ kind, workflowId }: { kind: TAuditKind; workflowId: string }) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [basis, setBasis] = useState<TBasis>('recorded');
  const [asked, setAsked] = useState<{ from: string; to: string; basis: TBasis } | null>(null);
  const diff = useApiQuery(asked ? `diff:${workflowId}:${asked.basis}:${asked.from}:${asked.to}` : null, (signal) =>
    trpc.audit.diff.query({ kind, workflowId, from: asked!.from, to: asked!.to, basis: asked!.basis }, { signal }).then((r) => r.data));
  const shown = asked?.basis ?? basis;
  const everything = shown === 'recorded' ? 'Everything recorded' : 'Everything that happened';
  return (
    <Box component="form" onSubmit={(e) => { e.preventDefault(); if (from && to) setAsked({ from, to, basis }); }}>
      <BasisChoice name={`diff-basis-${workflowId}`} value={basis} onChange={(b) => { setBasis(b); if (asked) setAsked({ ...asked, basis: b }); }} />
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'flex-end' }}>
        <PlainDateInput name="diff-from" label="From (end of day)" value={from} onChange={setFrom} />
        <PlainDateInput name="diff-to" label="To (end of day)" value={to} onChange={setTo} />
        <Button type="submit" variant="outlined" disabled={!from || !to}>Compare</Button>
      </Box>
      {diff.error ? <Alert severity="error" sx={{ mt: 2 }}>{diff.error.message}</Alert> : null}
      {diff.isPending && asked ? <Typography role="status">Comparing…</Typography> : null}
      {diff.data && asked ? (
        <Box sx={{ mt: 2 }} aria-live="polite">
          <Typography component="h3" variant="h6">
            {shown === 'recorded' ? 'Recorded' : 'Happened'} between {formatDate(asked.from)} and {formatDate(asked.to)}
          </Typography>
          <Typography variant="body2" sx={{ mb: 1 }}>
            {shown === 'recorded'
              ? 'Changes entered in the system between these dates, whatever dates they carry.'
              : 'Changes whose own dates fall between these dates (report received, plan submitted, letter published…), whenever they were entered; a change with no date of its own counts from when it was entered.'}
          </Typography>
          {diff.data.notes.map((n, i) => <Alert key={i} severity="info" sx={{ mb: 1 }}>{n}</Alert>)}
          {diff.data.changes.length === 0 ? (
            <Typography>{shown === 'recorded' ? 'Nothing recorded between these dates.' : 'Nothing happened between these dates, by the dates the records carry.'}</Typography>
          ) : (
            <List dense aria-label={`What changed (${shown})`}>
              {diff.data.changes.map((c, i) => <ListItem key={i} disableGutters>{c.subject}: {c.words}</ListItem>)}
            </List>
          )}
          <Typography component="h4" variant="subtitle1">Escalations and reminders ({diff.data.escalations.length})</Typography>
          <List dense>
            {diff.data.escalations.map((e, i) => <ListItem key={i} disableGutters>{when(e, shown)} — {e.subject}: {e.summary}</ListItem>)}
          </List>
          <Typography component="h4" variant="subtitle1">{everything} ({diff.data.events.length})</Typography>
          <List dense aria-label={everything}>
            {diff.data.events.map((e, i) => <ListItem key={i} disableGutters>{when(e, shown)} — {e.subject}: {e.summary}</ListItem>)}
          </List>
        </Box>
      ) : null}
    </Box>
  );
}
