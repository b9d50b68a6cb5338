import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { Datagrid, EmailField, List, SelectInput, TextField, TextInput, usePermissions, useRecordContext } from 'react-admin';
import {
  PROGRAMME_PERSON_ROLES, RECIPIENT_ROLE_LABELS, ZAddProgrammePersonInput, ZRemoveProgrammePersonInput, ZSetDeliveryPreferenceInput, ZUpdateProgrammePersonInput,
  type TRole,
} from '@ip/domain';
import type { TPersonRecord } from '../api-types';
import { CommandDialog } from '../components/CommandDialog';
import type { TFieldProps } from '../components/fields';
import { ProgrammePage } from '../components/ProgrammePage';
import { updatePaths } from '../forms/field-paths';
import { zodFormResolver } from '../forms/zod-form-resolver';
import { trpc } from '../providers/trpc';

export const roleChoices = PROGRAMME_PERSON_ROLES.map((id) => ({ id, name: RECIPIENT_ROLE_LABELS[id] }));
const modeChoices = [
  { id: 'immediate', name: 'At once, one email each' },
  { id: 'digest', name: 'In one daily digest' },
];
const PERSON_FIELDS = ['person.role', 'person.name', 'person.email', 'person.workstream', 'reason'] as const;
const REQUIRED = { 'person.role': 'Select the role', 'person.name': 'Enter the person’s name', 'person.email': 'Enter their email address' };
const updateResolver = zodFormResolver(ZUpdateProgrammePersonInput.shape.data.omit({ clientRequestId: true }), REQUIRED);

function PersonInputs() {
  return (
    <>
      <SelectInput source="person.role" label="Role" choices={roleChoices} emptyText="Select a role" />
      <TextInput source="person.name" label="Full name" />
      <TextInput source="person.email" label="Email address" type="email" />
      <TextInput source="person.workstream" label="Workstream key (workstream leads only)" helperText="For example front-door; leave empty to lead every workstream without a lead of its own" />
    </>
  );
}

const preferenceLabel = (p: TPersonRecord['preference']) =>
  p ? `Reminders ${p.reminders === 'digest' ? 'in the digest' : 'at once'}; escalations ${p.escalations === 'digest' ? 'in the digest' : 'at once'}` : 'Everything at once (not chosen)';

function PreferenceField(_: TFieldProps) {
  const r = useRecordContext<TPersonRecord>();
  return r ? <Typography variant="body2">{preferenceLabel(r.preference)}</Typography> : null;
}

/** Admin: change, remove, or set how this person takes their emails. */
function RowCommands(_: TFieldProps) {
  const r = useRecordContext<TPersonRecord>();
  const { permissions } = usePermissions<TRole | undefined>();
  if (!r || permissions !== 'admin') return null;
  const person = { role: r.role, name: r.name, email: r.email, workstream: r.workstream };
  return (
    <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }} onClick={(e) => e.stopPropagation()}>
      <CommandDialog
        label="Change"
        buttonName={`Change ${r.name}`}
        title={`Change ${r.name}`}
        resolver={updateResolver}
        fields={PERSON_FIELDS}
        rename={updatePaths(PERSON_FIELDS)}
        defaultValues={{ person }}
        send={(input) => trpc.people.update.mutate({ id: r.id, data: input as never })}
        success="Person changed"
        reasonExample="Acting director while the DCS is on leave"
      >
        <PersonInputs />
      </CommandDialog>
      <CommandDialog
        label="Email preference"
        buttonName={`Email preference of ${r.name}`}
        title={`How ${r.name} receives emails`}
        schema={ZSetDeliveryPreferenceInput}
        fixed={{ email: r.email }}
        fields={['preference.reminders', 'preference.escalations', 'reason']}
        defaultValues={{ preference: r.preference ?? { reminders: 'immediate', escalations: 'immediate' } }}
        send={(input) => trpc.deliveryPreferences.set.mutate(input as never)}
        success="Email preference saved"
        reasonExample="Asked for one email a day"
        intro="Escalations at director level and above are always sent at once, whatever is chosen here. The digest goes at the set time on working days."
      >
        <SelectInput source="preference.reminders" label="Reminders" choices={modeChoices} />
        <SelectInput source="preference.escalations" label="Escalations" choices={modeChoices} />
      </CommandDialog>
      <CommandDialog
        label="Remove"
        buttonName={`Remove ${r.name}`}
        title={`Remove ${r.name} from the programme`}
        color="error"
        schema={ZRemoveProgrammePersonInput}
        fixed={{ id: r.id }}
        fields={['reason']}
        send={(input) => trpc.people.remove.mutate(input as never)}
        success="Person removed"
        reasonExample="Left the council at the end of March"
        intro="Emails already planned for this person stay as they are; later steps go to whoever holds the role then."
      />
    </Box>
  );
}

/** Who the programme's reminders and escalations go to, by role; admins keep the list. */
export function PeopleList() {
  const { permissions } = usePermissions<TRole | undefined>();
  return (
    <ProgrammePage
      heading="People and emails"
      intro="Each ladder step emails the people holding its role: the action’s owner, the workstream lead, the programme manager, the director, the improvement board chair and DfE adviser, the committee chair or the chief executive. A workstream lead without a record here is taken from the workstream register."
    >
      {(programme) => (
        <>
          {permissions === 'admin' && (
            <Box sx={{ mb: 2 }}>
              <CommandDialog
                label="Add a person"
                variant="contained"
                schema={ZAddProgrammePersonInput}
                fixed={{ programmeId: programme.id }}
                fields={PERSON_FIELDS}
                required={REQUIRED}
                defaultValues={{ person: { workstream: '' } }}
                send={(input) => trpc.people.create.mutate(input as never)}
                success="Person added"
                reasonExample="New improvement board chair appointed by the DfE"
              >
                <PersonInputs />
              </CommandDialog>
            </Box>
          )}
          <List key={programme.id} title="People" resource="people" filter={{ programmeId: programme.id }} sort={{ field: 'role', order: 'ASC' }} perPage={50} actions={false} empty={false}>
            <Datagrid bulkActionButtons={false} rowClick={false}>
              <TextField source="roleLabel" label="Role" sortBy="role" />
              <TextField source="name" label="Name" />
              <EmailField source="email" label="Email address" />
              <TextField source="workstream" label="Workstream" emptyText="All" />
              <PreferenceField source="preference" label="Receives" sortable={false} />
              <RowCommands source="id" label="Commands" sortable={false} />
            </Datagrid>
          </List>
        </>
      )}
    </ProgrammePage>
  );
}
