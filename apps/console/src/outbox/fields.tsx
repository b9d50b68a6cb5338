import Typography from '@mui/material/Typography';
import { Datagrid, ReferenceManyField, useRecordContext } from 'react-admin';
import { RECIPIENT_ROLE_LABELS, type TRecipientRole } from '@ip/domain';
import type { TDeliveryRecord } from '../api-types';
import { IsoDateField, type TFieldProps } from '../components/fields';
import { StatusTag, type TTone } from '../components/StatusTag';

/** What became of an email, in words (the colour only repeats them). */
export const DELIVERY_STATUS: Record<string, { label: string; tone: TTone }> = {
  planned: { label: 'Waiting to send', tone: 'blue' },
  sending: { label: 'Sending', tone: 'blue' },
  held: { label: 'Held for the daily digest', tone: 'grey' },
  in_digest: { label: 'In the daily digest', tone: 'grey' },
  sent: { label: 'Sent', tone: 'green' },
  failed: { label: 'Not delivered', tone: 'red' },
  uncertain: { label: 'Uncertain: may have been delivered', tone: 'orange' },
  no_recipient: { label: 'Not delivered: nobody to send to', tone: 'red' },
  resolved: { label: 'Sent to people added later', tone: 'grey' },
};

export const deliveryStatusChoices = Object.entries(DELIVERY_STATUS).map(([id, s]) => ({ id, name: s.label }));

export function DeliveryStatusField(_: TFieldProps) {
  const r = useRecordContext<TDeliveryRecord>();
  if (!r) return null;
  const s = DELIVERY_STATUS[r.status] ?? { label: r.status, tone: 'grey' as const };
  return <StatusTag label={s.label} tone={s.tone} />;
}

/** The person and the role they were told as ("Dana Okoro, Director…"); a digest names only the person. */
export function RecipientField(_: TFieldProps) {
  const r = useRecordContext<TDeliveryRecord>();
  if (!r) return null;
  const role = r.recipientRole === 'digest' ? 'Daily digest' : (RECIPIENT_ROLE_LABELS[r.recipientRole as TRecipientRole] ?? r.recipientRole);
  return (
    <Typography component="span" variant="body2">
      {r.recipientEmail ? `${r.recipientName} <${r.recipientEmail}>` : 'Nobody'}
      <Typography component="span" variant="body2" color="text.secondary" sx={{ display: 'block' }}>
        {role}
      </Typography>
    </Typography>
  );
}

/** The server's answer when sent, else the reason it was not (or not yet). */
export function OutcomeField(_: TFieldProps) {
  const r = useRecordContext<TDeliveryRecord>();
  if (!r) return null;
  const text = r.status === 'sent' ? r.serverResponse : (r.lastError ?? r.modeReason);
  return (
    <Typography component="span" variant="body2" sx={{ wordBreak: 'break-word' }}>
      {text}
    </Typography>
  );
}

/**
 * The emails of one escalation or one action, for their pages: who, status, when, the answer. Rows
 * open the email in the Outbox for admins (who may resend); others read the summary here.
 */
export function DeliveriesTable({ target, empty, admin }: { target: 'escalationId' | 'subjectId'; empty: string; admin: boolean }) {
  return (
    <ReferenceManyField
      reference="outbox"
      target={target}
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={50}
      empty={<Typography variant="body1">{empty}</Typography>}
    >
      <Datagrid bulkActionButtons={false} rowClick={admin ? 'show' : false}>
        <RecipientField source="recipientEmail" label="To" />
        <DeliveryStatusField source="status" label="Status" />
        <IsoDateField source="sentAt" label="Sent" withTime />
        <OutcomeField source="serverResponse" label="Server’s answer or reason" />
      </Datagrid>
    </ReferenceManyField>
  );
}
