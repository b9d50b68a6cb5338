import { usePermissions } from 'react-admin';
import type { TRole } from '@ip/domain';
import { ZResendDeliveryInput } from '@ip/domain';
import type { TDeliveryRecord } from '../api-types';
import { CommandDialog } from '../components/CommandDialog';
import { trpc } from '../providers/trpc';

/** Admin: send again an email that was not delivered, is uncertain, or had nobody to go to. */
export function ResendButton({ delivery }: { delivery: Pick<TDeliveryRecord, 'id' | 'resendable' | 'status' | 'recipientEmail'> }) {
  const { permissions } = usePermissions<TRole | undefined>();
  if (permissions !== 'admin' || !delivery.resendable) return null;
  const nobody = delivery.status === 'no_recipient';
  return (
    <CommandDialog
      label={nobody ? 'Send to the people now recorded' : 'Resend'}
      variant="contained"
      schema={ZResendDeliveryInput}
      fixed={{ deliveryId: delivery.id }}
      fields={['reason']}
      send={(input) => trpc.outbox.resend.mutate(input as never)}
      success="Resend started: the Outbox shows when the server accepts it"
      reasonExample={nobody ? 'The new director is now recorded on the programme' : 'The council’s mail relay is working again'}
      intro={
        nobody
          ? 'The escalation is planned again from the people recorded on the programme now, and sent to whoever holds the role.'
          : `The same message (same Message-ID) is sent again to ${delivery.recipientEmail}, retried until the mail server accepts it.`
      }
    />
  );
}
