/**
 * What an admin does to the list of councils as local government is reorganised: add a council,
 * rename one, and record the council that succeeds one when councils merge. Each is a command with a
 * reason, in the audit trail; the API refuses everyone but admins.
 */
import { AutocompleteInput, ReferenceInput, SelectInput, TextInput, usePermissions, useRedirect } from 'react-admin';
import { ENGLISH_REGIONS, ZAddAuthorityInput, ZRecordSuccessorInput, ZRenameAuthorityInput, type TRole } from '@ip/domain';
import { CommandDialog } from '../components/CommandDialog';
import { DateInput } from '../components/DateInput';
import { trpc } from '../providers/trpc';
import type { TAuthorityRecord } from './types';

type TSend = Parameters<typeof CommandDialog>[0]['send'];
const as = <T,>(send: (input: T) => Promise<unknown>): TSend => send as unknown as TSend;

export function useIsAdmin(): boolean {
  const { permissions } = usePermissions<TRole | undefined>();
  return permissions === 'admin';
}

export function AddAuthorityButton() {
  const redirect = useRedirect();
  if (!useIsAdmin()) return null;
  return (
    <CommandDialog
      label="Add a council"
      variant="contained"
      schema={ZAddAuthorityInput}
      fields={['name', 'onsCode', 'region']}
      required={{ name: 'Enter the council’s name', onsCode: 'Enter the council’s ONS code', region: 'Choose the council’s region' }}
      send={as(trpc.authorities.create.mutate)}
      success="Council added"
      reasonExample="New unitary council from the structural change order"
      intro="For a council with children’s services: a new unitary council created by reorganisation, for example."
      onDone={(r) => redirect('show', 'authorities', (r as { data: { id: string } }).data.id)}
    >
      <TextInput source="name" label="Name" />
      <TextInput source="onsCode" label="ONS code" helperText="E06, E08, E09 or E10 then 6 digits, like E06000065" />
      <SelectInput source="region" label="Region" choices={ENGLISH_REGIONS.map((id) => ({ id, name: id }))} />
    </CommandDialog>
  );
}

export function AuthorityCommands({ authority }: { authority: TAuthorityRecord }) {
  if (!useIsAdmin()) return null;
  const fixed = { id: authority.id };
  return (
    <>
      <CommandDialog
        label="Rename"
        schema={ZRenameAuthorityInput}
        fixed={fixed}
        fields={['name']}
        required={{ name: 'Enter the council’s new name' }}
        defaultValues={{ name: authority.name }}
        send={as(trpc.authorities.rename.mutate)}
        success="Council renamed"
        reasonExample="Name confirmed by the structural change order"
        intro="Its programmes, history and registers stay with it under the new name."
      >
        <TextInput source="name" label="New name" />
      </CommandDialog>
      <CommandDialog
        label="Record successor"
        schema={ZRecordSuccessorInput}
        fixed={fixed}
        fields={['successorId', 'succeededOn']}
        required={{ successorId: 'Choose the council that takes over', succeededOn: 'Enter the date it took over' }}
        send={as(trpc.authorities.recordSuccessor.mutate)}
        success="Successor recorded"
        reasonExample="Merged into the new unitary council on vesting day"
        intro={`The council that takes over ${authority.name}’s children’s services. ${authority.name} and its programmes stay on record and are shown under its successor.`}
      >
        <ReferenceInput source="successorId" reference="authorities" filter={{}} sort={{ field: 'name', order: 'ASC' }}>
          <AutocompleteInput label="Successor council" optionText={(a: TAuthorityRecord) => `${a.name} (${a.onsCode})`} filterToQuery={(q: string) => ({ q })} />
        </ReferenceInput>
        <DateInput source="succeededOn" label="Date it took over" />
      </CommandDialog>
    </>
  );
}
