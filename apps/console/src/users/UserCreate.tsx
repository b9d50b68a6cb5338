import { useCallback } from 'react';
import Typography from '@mui/material/Typography';
import { Create, PasswordInput, SelectInput, SimpleForm, TextInput, useNotify, useRedirect } from 'react-admin';
import type { z } from 'zod';
import { ZCreateUserInput } from '@ip/domain';
import type { TUserRecord } from '../api-types';
import { CommandToolbar, ReasonInput } from '../components/commands';
import { useCommand } from '../forms/use-command';
import { zodFormResolver } from '../forms/zod-form-resolver';
import { trpc } from '../providers/trpc';
import { roleChoices } from './fields';

const ZUserCreateForm = ZCreateUserInput.omit({ clientRequestId: true });
type TUserCreateForm = z.infer<typeof ZUserCreateForm>;
const resolver = zodFormResolver(ZUserCreateForm, {
  name: 'Enter the person’s name',
  email: 'Enter their work email address',
  role: 'Select a role',
  password: 'Enter a first password of at least 12 characters',
  reason: 'Give a reason, for example who asked for the account',
});
const FIELDS = ['name', 'email', 'role', 'password', 'reason'] as const;

/** Admin: give someone a sign-in with a role and a first password. */
export function UserCreate() {
  const notify = useNotify();
  const redirect = useRedirect();
  const send = useCallback((input: TUserCreateForm & { clientRequestId: string }) => trpc.users.create.mutate(input), []);
  const onSuccess = useCallback(
    ({ data }: { data: TUserRecord }) => {
      notify('User added', { type: 'success', messageArgs: { _: 'User added' } });
      redirect('list', 'users', data.id);
    },
    [notify, redirect],
  );
  const submit = useCommand<TUserCreateForm, { data: TUserRecord }>(send, { fields: FIELDS, onSuccess });
  return (
    <Create resource="users" title="Add a user">
      <SimpleForm resolver={resolver} onSubmit={(v: object) => submit(v as TUserCreateForm)} toolbar={<CommandToolbar label="Add user" />}>
        <Typography component="h1" variant="h4" sx={{ mb: 1 }}>
          Add a user
        </Typography>
        <Typography variant="body1" sx={{ mb: 2, maxWidth: 640 }}>
          Auditors read everything and change nothing; programme managers run the programme; administrators also manage users
          and programme configuration. Tell the person their first password by a separate channel.
        </Typography>
        <TextInput source="name" label="Full name" sx={{ maxWidth: 480 }} />
        <TextInput source="email" label="Email address" type="email" sx={{ maxWidth: 480 }} />
        <SelectInput source="role" label="Role" choices={roleChoices} emptyText="Select a role" sx={{ maxWidth: 480 }} />
        <PasswordInput source="password" label="First password" helperText="At least 12 characters" sx={{ maxWidth: 480 }} />
        <ReasonInput example="New assistant director for children’s social care" />
      </SimpleForm>
    </Create>
  );
}
