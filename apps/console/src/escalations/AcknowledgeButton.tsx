import { useCallback, useState } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { Form, SaveButton, useNotify, useRefresh } from 'react-admin';
import type { z } from 'zod';
import { ZAcknowledgeEscalationInput } from '@ip/domain';
import type { TEscalationRecord } from '../api-types';
import { ReasonInput } from '../components/commands';
import { useCommand } from '../forms/use-command';
import { zodFormResolver } from '../forms/zod-form-resolver';
import { trpc } from '../providers/trpc';
import { useCanMutate } from '../use-can-mutate';

/** The form collects the reason; the console supplies which escalation and the request id. */
const ZAcknowledgeForm = ZAcknowledgeEscalationInput.omit({ escalationId: true, clientRequestId: true });
type TAcknowledgeForm = z.infer<typeof ZAcknowledgeForm>;
const resolver = zodFormResolver(ZAcknowledgeForm, { reason: 'Give a reason, for example what is being done about it' });
const FIELDS = ['reason'] as const;
const NO_RECORD = {};

type TEscalationSummary = Pick<TEscalationRecord, 'id' | 'label' | 'subjectTitle'>;

function AcknowledgeForm({ escalation, onDone }: { escalation: TEscalationSummary; onDone: () => void }) {
  const notify = useNotify();
  const refresh = useRefresh();
  const send = useCallback(
    (input: TAcknowledgeForm & { clientRequestId: string }) => trpc.escalations.acknowledge.mutate({ ...input, escalationId: escalation.id }),
    [escalation.id],
  );
  const onSuccess = useCallback(() => {
    notify('Escalation acknowledged', { type: 'success', messageArgs: { _: 'Escalation acknowledged' } });
    refresh();
    onDone();
  }, [notify, refresh, onDone]);
  const submit = useCommand<TAcknowledgeForm, unknown>(send, { fields: FIELDS, onSuccess });
  return (
    <Form record={NO_RECORD} resolver={resolver} onSubmit={(values: object) => submit(values as TAcknowledgeForm)}>
      <DialogContent dividers>
        <Typography variant="body1" sx={{ fontWeight: 700 }}>
          {escalation.subjectTitle}
        </Typography>
        <Typography variant="body1" sx={{ mb: 2 }}>
          {escalation.label}
        </Typography>
        <Typography variant="body2" sx={{ mb: 2 }}>
          Acknowledging records that you have seen this and stops repeat notices at this level. It does not close the
          breach: that happens when the deadline, KPI or risk recovers.
        </Typography>
        <ReasonInput label="What is being done about it" example="Visit date chased with Ofsted; update to the board on 10 December" />
      </DialogContent>
      <DialogActions>
        <Button onClick={onDone}>Cancel</Button>
        <SaveButton label="Acknowledge" alwaysEnable />
      </DialogActions>
    </Form>
  );
}

/**
 * "Acknowledge" on an open escalation, for those who may run commands (auditors see none). Each
 * opening of the dialog is one command with its own clientRequestId.
 */
export function AcknowledgeButton({ escalation, variant = 'outlined' }: { escalation: TEscalationSummary & { acknowledged: boolean }; variant?: 'outlined' | 'contained' }) {
  const canMutate = useCanMutate();
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  if (!canMutate || escalation.acknowledged) return null;
  return (
    <>
      <Button
        variant={variant}
        size="small"
        onClick={(e) => {
          e.stopPropagation();
          setOpen(true);
        }}
        aria-label={`Acknowledge: ${escalation.label}`}
      >
        Acknowledge
      </Button>
      <Dialog open={open} onClose={close} maxWidth="sm" fullWidth onClick={(e) => e.stopPropagation()}>
        <DialogTitle>Acknowledge escalation</DialogTitle>
        {open && <AcknowledgeForm escalation={escalation} onDone={close} />}
      </Dialog>
    </>
  );
}
