/**
 * "What if it slips" on an action's page: a programme manager (or an auditor: it changes nothing)
 * asks what happens if the action is not done, or if its due date moved to a date they enter, and
 * sees every reminder and escalation that would fire, to whom, the RAG week by week and the
 * programme figures it moves, computed by the API from the workflow's own machine (whatIf.action).
 */
import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Typography from '@mui/material/Typography';
import type { TActionRecord } from '../api-types';
import { PlainDateInput } from '../components/DateInput';
import { Section } from '../components/Section';
import { formatDate } from '../format';
import { trpc } from '../providers/trpc';
import { fieldErrorOf } from '../providers/api-error';
import { useApiQuery } from '../use-api-query';
import { ActionWhatIfResult } from './ActionWhatIfResult';

type TChange = { kind: 'none' } | { kind: 'extension'; newDueOn: string };

export function ActionWhatIfSection({ action }: { action: Pick<TActionRecord, 'id' | 'status' | 'dueOn' | 'stateVersion'> }) {
  const [kind, setKind] = useState<TChange['kind']>('none');
  const [date, setDate] = useState('');
  const [missing, setMissing] = useState<string | null>(null);
  const [asked, setAsked] = useState<TChange | null>(null);
  // The action's version is in the key: a command or a live update (which refresh every query) asks again.
  const key = asked ? `what-if:action:${action.id}:${action.stateVersion}:${JSON.stringify(asked)}` : null;
  const q = useApiQuery(key, async (signal) => (await trpc.whatIf.action.query({ actionId: String(action.id), change: asked! }, { signal })).data);
  if (action.status !== 'open' && action.status !== 'awaiting_sign_off') return null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (kind === 'extension' && !date) {
      setMissing('Enter the possible new due date');
      return;
    }
    setMissing(null);
    setAsked(kind === 'none' ? { kind } : { kind, newDueOn: date });
  };
  const dateError = missing ?? fieldErrorOf(q.error, 'change.newDueOn');
  return (
    <Section id="what-if-heading" title="What if it slips">
      <Typography gutterBottom>
        See every reminder and escalation that would fire, to whom and when, before asking for anything. Nothing is changed or sent.
      </Typography>
      <Box component="form" aria-labelledby="what-if-heading" onSubmit={submit} sx={{ mb: 2 }}>
        <FormControl>
          <FormLabel id="what-if-kind">What would happen…</FormLabel>
          <RadioGroup aria-labelledby="what-if-kind" value={kind} onChange={(e) => setKind(e.target.value as TChange['kind'])}>
            <FormControlLabel value="none" control={<Radio />} label={`…if it is not done (due ${formatDate(action.dueOn)}, nothing changes)`} />
            <FormControlLabel value="extension" control={<Radio />} label="…if its due date moved to a new date (an extension approved today)" />
          </RadioGroup>
        </FormControl>
        {kind === 'extension' && (
          <Box sx={{ mt: 1 }}>
            <PlainDateInput name="whatIfNewDueOn" label="Possible new due date" value={date} onChange={setDate} helperText="For example, 27 3 2026" />
            {dateError && <Typography role="alert" color="error" sx={{ fontWeight: 700 }}>{dateError}</Typography>}
          </Box>
        )}
        <Button type="submit" variant="outlined" sx={{ mt: 1 }}>Show what would happen</Button>
      </Box>
      {q.isPending && <Typography role="status">Working out what would happen…</Typography>}
      {q.error && !fieldErrorOf(q.error, 'change.newDueOn') && <Alert severity="error">Could not work it out: {q.error.message}</Alert>}
      {q.data && <Box aria-live="polite"><ActionWhatIfResult data={q.data} idPrefix="what-if" /></Box>}
    </Section>
  );
}
