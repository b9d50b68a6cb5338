/** What changed between two dates ("the March and June boards"), from audit.diff, in business words. */
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
import type { TAuditKind } from './types';

export function DiffPanel({ kind, workflowId }: { kind: TAuditKind; workflowId: string }) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [asked, setAsked] = useState<{ from: string; to: string } | null>(null);
  const diff = useApiQuery(asked ? `diff:${workflowId}:${asked.from}:${asked.to}` : null, (signal) =>
    trpc.audit.diff.query({ kind, workflowId, from: asked!.from, to: asked!.to }, { signal }).then((r) => r.data));
  return (
    <Box component="form" onSubmit={(e) => { e.preventDefault(); if (from && to) setAsked({ from, to }); }}>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'flex-end' }}>
        <PlainDateInput name="diff-from" label="From (end of day)" value={from} onChange={setFrom} />
        <PlainDateInput name="diff-to" label="To (end of day)" value={to} onChange={setTo} />
        <Button type="submit" variant="outlined" disabled={!from || !to}>Compare</Button>
      </Box>
      {diff.error ? <Alert severity="error" sx={{ mt: 2 }}>{diff.error.message}</Alert> : null}
      {diff.isPending && asked ? <Typography role="status">Comparing…</Typography> : null}
      {diff.data && asked ? (
        <Box sx={{ mt: 2 }} aria-live="polite">
          <Typography component="h3" variant="h6">Changed between {formatDate(asked.from)} and {formatDate(asked.to)}</Typography>
          {diff.data.changes.length === 0 ? <Typography>Nothing changed.</Typography> : (
            <List dense>
              {diff.data.changes.map((c, i) => <ListItem key={i} disableGutters>{c.subject}: {c.words}</ListItem>)}
            </List>
          )}
          <Typography component="h4" variant="subtitle1">Escalations and reminders ({diff.data.escalations.length})</Typography>
          <List dense>
            {diff.data.escalations.map((e, i) => <ListItem key={i} disableGutters>{formatDateTime(new Date(e.at))} — {e.subject}: {e.summary}</ListItem>)}
          </List>
          <Typography component="h4" variant="subtitle1">Everything that happened ({diff.data.events.length})</Typography>
          <List dense>
            {diff.data.events.map((e, i) => <ListItem key={i} disableGutters>{formatDateTime(new Date(e.at))} — {e.subject}: {e.summary}</ListItem>)}
          </List>
        </Box>
      ) : null}
    </Box>
  );
}
