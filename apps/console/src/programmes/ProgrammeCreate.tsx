import { useCallback } from 'react';
import Typography from '@mui/material/Typography';
import {
  AutocompleteInput,
  Create,
  ReferenceInput,
  SaveButton,
  SimpleForm,
  TextInput,
  Toolbar,
  useDataProvider,
  useNotify,
  useRedirect,
} from 'react-admin';
import { z } from 'zod';
import { ZStartProgrammeInput } from '@ip/domain';
import { useCommand } from '../forms/use-command';
import { zodFormResolver } from '../forms/zod-form-resolver';
import type { TAuthorityRecord } from '../authorities/types';

/**
 * The start command takes the authority's ONS code; the form picks the authority record (a
 * searchable list of names) and the ONS code is looked up from it on submit.
 */
const ZStartProgrammeForm = ZStartProgrammeInput.omit({ onsCode: true, clientRequestId: true }).extend({
  authorityId: z.string().min(1),
});
type TStartProgrammeForm = z.infer<typeof ZStartProgrammeForm>;

const resolver = zodFormResolver(ZStartProgrammeForm, {
  authorityId: 'Choose the local authority',
  reason: 'Give a reason for starting this programme',
});
const FIELDS = ['authorityId', 'reason'] as const;
const RENAME = { onsCode: 'authorityId' };

const authorityText = (a: TAuthorityRecord) => `${a.name} (${a.onsCode})`;

function CreateToolbar() {
  return (
    <Toolbar>
      <SaveButton label="Start programme" />
    </Toolbar>
  );
}

/** Start an improvement programme (one Temporal workflow) for a local authority. */
export function ProgrammeCreate() {
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const redirect = useRedirect();

  const send = useCallback(
    async ({ authorityId, reason, clientRequestId }: TStartProgrammeForm & { clientRequestId: string }) => {
      const { data: authority } = await dataProvider.getOne<TAuthorityRecord>('authorities', { id: authorityId });
      return dataProvider.create('programmes', { data: { onsCode: authority.onsCode, reason, clientRequestId } });
    },
    [dataProvider],
  );
  const onSuccess = useCallback(
    ({ data }: { data: { id: string } }) => {
      notify('Programme started', { type: 'success', messageArgs: { _: 'Programme started' } });
      redirect('show', 'programmes', data.id);
    },
    [notify, redirect],
  );
  const submit = useCommand<TStartProgrammeForm, { data: { id: string } }>(send, { fields: FIELDS, rename: RENAME, onSuccess });

  return (
    <Create title="Start a programme">
      <SimpleForm resolver={resolver} onSubmit={(values: object) => submit(values as TStartProgrammeForm)} toolbar={<CreateToolbar />}>
        <Typography component="h1" variant="h4" gutterBottom>
          Start an improvement programme
        </Typography>
        <Typography variant="body1" sx={{ mb: 2, maxWidth: 640 }}>
          A programme follows one local authority through one inspection cycle. Record the inspection on the programme
          once Ofsted's report arrives.
        </Typography>
        <ReferenceInput source="authorityId" reference="authorities" sort={{ field: 'name', order: 'ASC' }} perPage={50}>
          <AutocompleteInput
            label="Local authority"
            clearText="Clear the local authority"
            optionText={authorityText}
            filterToQuery={(q: string) => ({ q })}
            helperText="Start typing the council's name"
            sx={{ maxWidth: 640 }}
          />
        </ReferenceInput>
        <TextInput
          source="reason"
          label="Reason for starting the programme"
          helperText="Auditors will read this"
          multiline
          minRows={2}
          sx={{ maxWidth: 640 }}
        />
      </SimpleForm>
    </Create>
  );
}
