/**
 * Inside the extension dialogs: "if approved, this is what stops and what starts", for the date
 * being asked for (the request form's own field, as it is typed) or the request awaiting a decision.
 */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useWatch } from 'react-hook-form';
import { isIsoDate } from '@ip/domain';
import { trpc } from '../providers/trpc';
import { useApiQuery } from '../use-api-query';
import { ActionWhatIfResult } from './ActionWhatIfResult';

export function ExtensionWhatIf({ actionId, newDueOn, dueOn }: { actionId: string; newDueOn: string | null | undefined; dueOn: string }) {
  const usable = typeof newDueOn === 'string' && isIsoDate(newDueOn) && newDueOn > dueOn;
  const q = useApiQuery(usable ? `what-if:extension:${actionId}:${newDueOn}` : null, async (signal) =>
    (await trpc.whatIf.action.query({ actionId, change: { kind: 'extension', newDueOn: newDueOn! } }, { signal })).data);
  return (
    <Box component="section" aria-labelledby="extension-what-if-heading" sx={{ my: 2, p: 2, border: 1, borderColor: 'divider' }}>
      <Typography id="extension-what-if-heading" component="h3" variant="h6">If approved</Typography>
      {!usable && <Typography color="text.secondary">Enter a new due date after the current one to see what the extension would stop and start.</Typography>}
      {q.isPending && <Typography role="status">Working out what would change…</Typography>}
      {q.error && <Alert severity="warning">{q.error.message}</Alert>}
      {usable && q.data && <ActionWhatIfResult data={q.data} idPrefix="extension-what-if" compact />}
    </Box>
  );
}

/** The request form's date field, watched as it is typed. */
export function RequestExtensionWhatIf({ actionId, dueOn }: { actionId: string; dueOn: string }) {
  const newDueOn = useWatch({ name: 'newDueOn' }) as string | undefined;
  return <ExtensionWhatIf actionId={actionId} newDueOn={newDueOn} dueOn={dueOn} />;
}
