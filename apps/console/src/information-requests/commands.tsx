import { SelectInput, TextInput } from 'react-admin';
import type { z } from 'zod';
import {
  ZAnswerInformationRequestInput,
  ZCommandMeta,
  ZInformationRequestFields,
  ZExtendInformationRequestInput,
  ZWithdrawInformationRequestInput,
} from '@ip/domain';
import { CommandDialog } from '../components/CommandDialog';
import { DateInput } from '../components/DateInput';
import { zodFormResolver } from '../forms/zod-form-resolver';
import type { TProgrammeRecord } from '../programmes/types';
import { trpc } from '../providers/trpc';

/** The create command minus what the page supplies (its schema has a refinement, so it is rebuilt here from its parts). */
const ZCreateForm = ZCommandMeta.omit({ clientRequestId: true })
  .extend(ZInformationRequestFields.omit({ onsCode: true, programmeId: true }).shape)
  .superRefine((v, ctx) => {
    if (v.requestedOn && v.dueOn < v.requestedOn) ctx.addIssue({ code: 'custom', path: ['dueOn'], message: 'The answer cannot be due before the request was made' });
  });
const createResolver = zodFormResolver(ZCreateForm, {
  'requester.kind': 'Select who asked',
  'requester.name': 'Name the committee or person who asked',
  subject: 'Say what was asked for',
  dueOn: 'Enter the date the answer is due',
  reason: 'Give a reason, for example the meeting it was asked at',
});
const requesterChoices = [{ id: 'committee', name: 'A committee' }, { id: 'person', name: 'A named person' }];

export function RecordRequestButton({ programme }: { programme: TProgrammeRecord }) {
  return (
    <CommandDialog<z.infer<typeof ZCreateForm>>
      label="Record a request"
      title="Record an information request"
      submitLabel="Record request"
      reasonExample="Asked at the scrutiny meeting of 4 June 2026"
      success="Information request recorded"
      resolver={createResolver}
      fields={['requester.kind', 'requester.name', 'subject', 'requestedOn', 'dueOn', 'reason']}
      send={(input) => trpc.informationRequests.create.mutate({ ...input, onsCode: programme.onsCode, programmeId: programme.id })}
    >
      <SelectInput source="requester.kind" label="Who asked" choices={requesterChoices} emptyText="Select" />
      <TextInput source="requester.name" label="Committee or person" helperText="For example, Children’s Services Scrutiny Committee" />
      <TextInput source="subject" label="What they asked for" multiline minRows={2} />
      <DateInput source="requestedOn" label="Asked on (optional)" helperText="Leave blank for today" />
      <DateInput source="dueOn" label="Answer due" />
    </CommandDialog>
  );
}

const ZAnswerForm = ZAnswerInformationRequestInput.omit({ clientRequestId: true, requestId: true });
const answerResolver = zodFormResolver(ZAnswerForm, {
  answeredOn: 'Enter the date the answer was sent',
  summary: 'Summarise the answer',
  reason: 'Give a reason, for example how the answer was sent',
});

export function AnswerButton({ requestId }: { requestId: string }) {
  return (
    <CommandDialog<z.infer<typeof ZAnswerForm>>
      label="Record the answer"
      title="Record the answer"
      submitLabel="Record answer"
      reasonExample="Briefing note sent to the committee clerk"
      success="Answer recorded"
      variant="contained"
      resolver={answerResolver}
      fields={['answeredOn', 'summary', 'reason']}
      send={(input) => trpc.informationRequests.answer.mutate({ ...input, requestId })}
    >
      <DateInput source="answeredOn" label="Answer sent" />
      <TextInput source="summary" label="Summary of the answer" multiline minRows={3} />
    </CommandDialog>
  );
}

const ZExtendForm = ZExtendInformationRequestInput.omit({ clientRequestId: true, requestId: true });
const extendResolver = zodFormResolver(ZExtendForm, { newDueOn: 'Enter the new date agreed', reason: 'Give a reason, for example who agreed the new date' });

export function ExtendButton({ requestId }: { requestId: string }) {
  return (
    <CommandDialog<z.infer<typeof ZExtendForm>>
      label="Agree a later date"
      title="Agree a later date for the answer"
      submitLabel="Change due date"
      reasonExample="Chair agreed by email to wait for the quarter’s figures"
      success="Due date changed"
      resolver={extendResolver}
      fields={['newDueOn', 'reason']}
      send={(input) => trpc.informationRequests.extendDueDate.mutate({ ...input, requestId })}
    >
      <DateInput source="newDueOn" label="New due date" helperText="Reminders and escalations start again for this date" />
    </CommandDialog>
  );
}

const ZWithdrawForm = ZWithdrawInformationRequestInput.omit({ clientRequestId: true, requestId: true });
const withdrawResolver = zodFormResolver(ZWithdrawForm, { reason: 'Give a reason, for example who withdrew the request' });

export function WithdrawButton({ requestId }: { requestId: string }) {
  return (
    <CommandDialog<z.infer<typeof ZWithdrawForm>>
      label="Withdraw"
      title="Withdraw the request"
      submitLabel="Withdraw request"
      reasonExample="The committee no longer needs it: covered by the June report" reasonLabel="Why it is withdrawn"
      success="Request withdrawn"
      resolver={withdrawResolver}
      fields={['reason']}
      send={(input) => trpc.informationRequests.withdraw.mutate({ ...input, requestId })}
    >
    </CommandDialog>
  );
}
