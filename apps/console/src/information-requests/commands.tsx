import { SelectInput, TextInput } from 'react-admin';
import type { z } from 'zod';
import {
  INFORMATION_REQUEST_COMMAND_NAMES,
  INFORMATION_REQUEST_COMMANDS,
  ZCommandMeta,
  ZInformationRequestCommands,
  ZInformationRequestFields,
} from '@ip/domain';
import type { TInformationRequestRecord } from '../api-types';
import { CommandDialog } from '../components/CommandDialog';
import type { TDeclaredCommandDialogProps } from '../components/DeclaredCommandDialog';
import { DeclaredCommands } from '../components/DeclaredCommands';
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


/** The commands an information request offers in its current state to the signed-in user's role (domain information-request/declarations.ts). */
export function InformationRequestCommands({ request }: { request: TInformationRequestRecord }) {
  return (
    <DeclaredCommands
      label="Commands for this information request"
      names={INFORMATION_REQUEST_COMMAND_NAMES}
      commands={INFORMATION_REQUEST_COMMANDS}
      schemas={ZInformationRequestCommands}
      subject={request}
      fixed={{ requestId: request.id }}
      // The typed client takes the command's exact input; the dialog has checked it against that schema.
      send={(name) => trpc.informationRequests[name].mutate as unknown as TDeclaredCommandDialogProps['send']}
      sx={{ mb: 2 }}
    />
  );
}
