import { Datagrid, List, SearchInput, TextField } from 'react-admin';
import { GradeField } from '../components/fields';
import { PageHeading } from '../components/PageHeading';
import { exportCsv } from '../csv-export';

const filters = [<SearchInput key="q" source="q" alwaysOn placeholder="Search by name" aria-label="Search authorities by name" />];

/** Local authorities with children's services responsibilities (read only). */
export function AuthorityList() {
  return (
    <>
      <PageHeading>Local authorities</PageHeading>
      <List exporter={exportCsv('authorities')} title="Local authorities" sort={{ field: 'name', order: 'ASC' }} filters={filters} perPage={25}>
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="name" label="Authority" />
          <TextField source="onsCode" label="ONS code" />
          <GradeField source="currentGrade" label="Current grade" />
          <TextField source="interventionStatus" label="Intervention status" emptyText="None" />
        </Datagrid>
      </List>
    </>
  );
}
