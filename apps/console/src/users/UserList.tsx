import { CreateButton, Datagrid, EmailField, List, SearchInput, TextField, TopToolbar } from 'react-admin';
import { CsvExportButton } from '../components/commands';
import { IsoDateField } from '../components/fields';
import { SavedViewsMenu } from '../saved-views/SavedViewsMenu';
import { RoleField } from './fields';
import { PageHeading } from '../components/PageHeading';
import { exportCsv } from '../csv-export';

const filters = [<SearchInput key="q" source="q" alwaysOn placeholder="Search by name or email" />];

function Actions() {
  return (
    <TopToolbar>
      <SavedViewsMenu resource="users" />
      <CreateButton label="Add a user" />
      <CsvExportButton />
    </TopToolbar>
  );
}

/** Admin: everyone who may sign in, with their role. */
export function UserList() {
  return (
    <>
      <PageHeading>Users</PageHeading>
      <List exporter={exportCsv('users')} title="Users" resource="users" filters={filters} sort={{ field: 'name', order: 'ASC' }} actions={<Actions />} perPage={25}>
        <Datagrid rowClick="edit" bulkActionButtons={false}>
          <TextField source="name" label="Name" />
          <EmailField source="email" label="Email address" />
          <RoleField source="role" label="Role" />
          <IsoDateField source="createdAt" label="Added" />
          <IsoDateField source="passwordChangedAt" label="Password last changed" />
        </Datagrid>
      </List>
    </>
  );
}
