import { useCallback } from 'react';
import Box from '@mui/material/Box';
import { Create, NumberInput, SelectInput, SimpleForm, TextInput, useNotify, useRedirect } from 'react-admin';
import type { z } from 'zod';
import { WORKSTREAM_PHASES, ZAddWorkstreamInput } from '@ip/domain';
import type { TWorkstreamRecord } from '../api-types';
import { CommandToolbar, ReasonInput } from '../components/commands';
import { ProgrammePage } from '../components/ProgrammePage';
import { useCommand } from '../forms/use-command';
import { zodFormResolver } from '../forms/zod-form-resolver';
import { WORKSTREAM_PHASE_LABELS } from '../labels';
import { trpc } from '../providers/trpc';

const ZWorkstreamForm = ZAddWorkstreamInput.omit({ programmeId: true, clientRequestId: true });
type TWorkstreamForm = z.infer<typeof ZWorkstreamForm>;

const resolver = zodFormResolver(ZWorkstreamForm, {
  'workstream.key': 'Enter a key, e.g. front-door',
  'workstream.name': 'Enter the workstream name',
  'workstream.lead.name': 'Enter the workstream lead’s name',
  'workstream.phase': 'Select the phase',
  reason: 'Give a reason for adding this workstream',
});
const FIELDS = ['workstream.key', 'workstream.name', 'workstream.lead.name', 'workstream.lead.email', 'workstream.phase', 'workstream.priorityNumber', 'reason'];
const phaseChoices = WORKSTREAM_PHASES.map((id) => ({ id, name: WORKSTREAM_PHASE_LABELS[id] ?? id }));

function WorkstreamCreateForm({ programmeId }: { programmeId: string }) {
  const notify = useNotify();
  const redirect = useRedirect();
  const send = useCallback(
    (input: TWorkstreamForm & { clientRequestId: string }) => trpc.workstreams.create.mutate({ ...input, programmeId }),
    [programmeId],
  );
  const onSuccess = useCallback(
    ({ data }: { data: TWorkstreamRecord }) => {
      notify('Workstream added', { type: 'success', messageArgs: { _: 'Workstream added' } });
      redirect('show', 'workstreams', data.id);
    },
    [notify, redirect],
  );
  const submit = useCommand<TWorkstreamForm, { data: TWorkstreamRecord }>(send, { fields: FIELDS, onSuccess });
  return (
    <Create resource="workstreams" title="Add a workstream">
      <SimpleForm resolver={resolver} onSubmit={(v: object) => submit(v as TWorkstreamForm)} toolbar={<CommandToolbar label="Add workstream" />}>
        <Box sx={{ maxWidth: 640, width: '100%' }}>
          <TextInput source="workstream.name" label="Name" helperText="e.g. Front door and MASH" />
          <TextInput source="workstream.key" label="Key" helperText="Lower case with hyphens, e.g. front-door" />
          <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
            <TextInput source="workstream.lead.name" label="Lead" sx={{ flex: '1 1 240px' }} />
            <TextInput source="workstream.lead.email" label="Lead’s email (optional)" type="email" sx={{ flex: '1 1 240px' }} />
          </Box>
          <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
            <SelectInput source="workstream.phase" label="Phase" choices={phaseChoices} emptyText="Select a phase" sx={{ flex: '1 1 220px' }} />
            <NumberInput source="workstream.priorityNumber" label="Priority number (optional)" min={1} max={99} sx={{ flex: '1 1 220px' }} />
          </Box>
          <ReasonInput example="Agreed at the improvement board on 3 December" />
        </Box>
      </SimpleForm>
    </Create>
  );
}

/** Add a workstream to the current programme's plan. */
export function WorkstreamCreate() {
  return <ProgrammePage heading="Add a workstream">{(p) => <WorkstreamCreateForm key={p.id} programmeId={p.id} />}</ProgrammePage>;
}
