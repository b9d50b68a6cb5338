import Box from '@mui/material/Box';
import { NumberInput, SelectInput, TextInput } from 'react-admin';
import { DateInput } from '../components/DateInput';
import {
  ZApproveExtensionInput,
  ZAttachEvidenceInput,
  ZCancelActionInput,
  ZRejectExtensionInput,
  ZRequestExtensionInput,
  ZRequestSignOffInput,
  ZSignOffActionInput,
  ZUpdateActionProgressInput,
} from '@ip/domain';
import type { TActionRecord } from '../api-types';
import { CommandDialog } from '../components/CommandDialog';
import { formatDate } from '../format';
import { trpc } from '../providers/trpc';
import { useCanMutate } from '../use-can-mutate';
import { ExtensionWhatIf, RequestExtensionWhatIf } from '../what-if/ExtensionWhatIf';

type TSend = Parameters<typeof CommandDialog>[0]['send'];
/** The typed client takes the schema's exact input; the dialog has checked it against that schema. */
const as = <T,>(send: (input: T) => Promise<unknown>): TSend => send as unknown as TSend;

const ownerRagChoices = [
  { id: 'green', name: 'Green: on track' },
  { id: 'amber', name: 'Amber: at risk' },
  { id: 'red', name: 'Red: off track' },
];

/**
 * The commands an action offers in its current state, each a typed form checked by the API's own
 * schema. Only programme managers and admins see them; the API refuses everyone else anyway.
 */
export function ActionCommands({ action }: { action: TActionRecord }) {
  const canMutate = useCanMutate();
  if (!canMutate || action.status === 'complete' || action.status === 'cancelled') return null;
  const fixed = { actionId: action.id };
  const open = action.status === 'open';
  const pending = action.pendingExtension;
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }} role="group" aria-label="Commands for this action">
      {open && (
        <CommandDialog
          label="Update progress"
          variant="contained"
          schema={ZUpdateActionProgressInput}
          fixed={fixed}
          fields={['percentComplete', 'note', 'ragAssessment']}
          required={{ percentComplete: 'Enter how far through the action is, 0 to 100', note: 'Say what has been done' }}
          defaultValues={{ percentComplete: action.percentComplete }}
          send={as(trpc.actions.updateProgress.mutate)}
          success="Progress updated"
          reasonExample="Monthly update from the owner"
        >
          <NumberInput source="percentComplete" label="Per cent complete" min={0} max={100} step={5} />
          <TextInput source="note" label="What has been done" multiline minRows={3} />
          <SelectInput source="ragAssessment" label="Owner’s RAG (optional)" choices={ownerRagChoices} emptyText="No view given" />
        </CommandDialog>
      )}
      <CommandDialog
        label="Attach evidence"
        schema={ZAttachEvidenceInput}
        fixed={fixed}
        fields={['title', 'url', 'reference']}
        required={{ title: 'Give the evidence a title' }}
        send={as(trpc.actions.attachEvidence.mutate)}
        success="Evidence attached"
        reasonExample="Audit of 40 case files completed"
        intro="Give a link, or a document reference when there is no link (a case-file audit number, a minute reference)."
      >
        <TextInput source="title" label="Title" />
        <TextInput source="url" label="Link (optional)" type="url" helperText="Starting https://" />
        <TextInput source="reference" label="Document reference (optional)" />
      </CommandDialog>
      {open && (
        <CommandDialog
          label="Request sign-off"
          schema={ZRequestSignOffInput}
          fixed={fixed}
          fields={[]}
          send={as(trpc.actions.requestSignOff.mutate)}
          success="Sign-off requested"
          reasonExample="All milestones met; evidence attached"
          intro="The action is then rated as delivered, awaiting sign-off. Sign-off needs evidence attached."
        />
      )}
      {action.status === 'awaiting_sign_off' && (
        <CommandDialog
          label="Sign off"
          variant="contained"
          schema={ZSignOffActionInput}
          fixed={fixed}
          fields={['outcome']}
          defaultValues={{ outcome: 'signed_off' }}
          send={as(trpc.actions.signOff.mutate)}
          success="Sign-off recorded"
          reasonExample="Evidence reviewed at the improvement board"
        >
          <SelectInput
            source="outcome"
            label="Decision"
            choices={[
              { id: 'signed_off', name: 'Signed off as complete' },
              { id: 'returned', name: 'Returned to the owner: not yet done' },
            ]}
          />
        </CommandDialog>
      )}
      {open && !pending && (
        <CommandDialog
          label="Request extension"
          schema={ZRequestExtensionInput}
          fixed={fixed}
          fields={['newDueOn', 'justification']}
          required={{ newDueOn: 'Enter the new due date', justification: 'Explain why more time is needed' }}
          send={as(trpc.actions.requestExtension.mutate)}
          success="Extension requested"
          reasonExample="Recruitment to the new team delayed"
          intro={`Currently due ${formatDate(action.dueOn)}. Someone other than you must approve the extension.`}
        >
          <DateInput source="newDueOn" label="New due date" />
          <TextInput source="justification" label="Why more time is needed" multiline minRows={3} />
          <RequestExtensionWhatIf actionId={String(action.id)} dueOn={action.dueOn} />
        </CommandDialog>
      )}
      {pending && (
        <>
          <CommandDialog
            label="Approve extension"
            variant="contained"
            schema={ZApproveExtensionInput}
            fixed={fixed}
            fields={[]}
            send={as(trpc.actions.approveExtension.mutate)}
            success="Extension approved: the due date has moved"
            reasonExample="Agreed at the improvement board"
            intro={`${pending.requestedBy.name ?? 'A colleague'} asked to move the due date from ${formatDate(action.dueOn)} to ${formatDate(pending.newDueOn)}: “${pending.justification}”. Every reminder and escalation is re-timed from the new date.`}
          >
            <ExtensionWhatIf actionId={String(action.id)} newDueOn={pending.newDueOn} dueOn={action.dueOn} />
          </CommandDialog>
          <CommandDialog
            label="Reject extension"
            schema={ZRejectExtensionInput}
            fixed={fixed}
            fields={[]}
            send={as(trpc.actions.rejectExtension.mutate)}
            success="Extension rejected"
            reasonExample="The original date still stands"
          />
        </>
      )}
      <CommandDialog
        label="Cancel action"
        color="error"
        schema={ZCancelActionInput}
        fixed={fixed}
        fields={[]}
        send={as(trpc.actions.cancel.mutate)}
        success="Action cancelled"
        reasonExample="Superseded by the revised plan"
        intro="A cancelled action stays on the record, with your reason; it is no longer rated."
      />
    </Box>
  );
}
