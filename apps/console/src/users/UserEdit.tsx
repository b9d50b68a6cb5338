import { useCallback, useMemo } from 'react';
import Typography from '@mui/material/Typography';
import { Edit, SelectInput, SimpleForm, TextInput, useEditContext, useNotify, useRedirect } from 'react-admin';
import { type z } from 'zod';
import { ZUpdateUserInput } from '@ip/domain';
import type { TUserRecord } from '../api-types';
import { CommandToolbar, ReasonInput } from '../components/commands';
import { updatePaths } from '../forms/field-paths';
import { useCommand } from '../forms/use-command';
import { zodFormResolver } from '../forms/zod-form-resolver';
import { trpc } from '../providers/trpc';
import { roleChoices } from './fields';

const ZUserEditForm = ZUpdateUserInput.shape.data.omit({ clientRequestId: true });
type TUserEditForm = z.infer<typeof ZUserEditForm>;
const resolver = zodFormResolver(ZUserEditForm, { reason: 'Give a reason, for example the change of job' });
const FIELDS = ['name', 'role', 'reason'] as const;
const RENAME = updatePaths(FIELDS);

function UserEditForm() {
  const { record } = useEditContext<TUserRecord>();
  const notify = useNotify();
  const redirect = useRedirect();
  const formRecord = useMemo(() => (record ? { id: record.id, name: record.name, role: record.role } : undefined), [record]);
  const send = useCallback(
    (data: TUserEditForm & { clientRequestId: string }) => trpc.users.update.mutate({ id: record?.id ?? '', data }),
    [record?.id],
  );
  const onSuccess = useCallback(() => {
    notify('User changed', { type: 'success', messageArgs: { _: 'User changed' } });
    redirect('list', 'users');
  }, [notify, redirect]);
  const submit = useCommand<TUserEditForm, unknown>(send, { fields: FIELDS, rename: RENAME, onSuccess });
  if (!formRecord || !record) return null;
  return (
    <SimpleForm record={formRecord} resolver={resolver} onSubmit={(v: object) => submit(v as TUserEditForm)} toolbar={<CommandToolbar label="Save changes" />}>
      <Typography component="h1" variant="h4" sx={{ mb: 1 }}>
        Change user: {record.name}
      </Typography>
      <Typography variant="body1" sx={{ mb: 2, maxWidth: 640 }}>
        {record.email}. Changing someone’s role signs them out everywhere, so they cannot go on acting with their old role.
        To remove someone’s access to changes, make them an auditor.
      </Typography>
      <TextInput source="name" label="Full name" sx={{ maxWidth: 480 }} />
      <SelectInput source="role" label="Role" choices={roleChoices} emptyText="Select a role" sx={{ maxWidth: 480 }} />
      <ReasonInput example="Moved to the quality assurance team" />
    </SimpleForm>
  );
}

/** Admin: change someone’s name or role (the API refuses removing your own admin role). */
export function UserEdit() {
  return (
    <Edit resource="users" title="Change user" mutationMode="pessimistic" actions={false}>
      <UserEditForm />
    </Edit>
  );
}
