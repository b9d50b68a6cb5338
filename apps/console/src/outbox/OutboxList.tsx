import { BooleanInput, Datagrid, List, SearchInput, SelectInput, TextField, TopToolbar } from 'react-admin';
import { CsvExportButton } from '../components/commands';
import { IsoDateField } from '../components/fields';
import { PageHeading } from '../components/PageHeading';
import { deliveryStatusChoices, DeliveryStatusField, OutcomeField, RecipientField } from './fields';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search by person or subject" />,
  <SelectInput key="status" source="status" label="Status" choices={deliveryStatusChoices} alwaysOn emptyText="Any" />,
  <BooleanInput key="problems" source="problems" label="Only problems (not delivered, uncertain)" alwaysOn />,
];

/** Admin: every email the system planned or sent, newest first; each opens in full. */
export function OutboxList() {
  return (
    <>
      <PageHeading>Outbox</PageHeading>
      <List title="Outbox" resource="outbox" filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} actions={<TopToolbar><CsvExportButton /></TopToolbar>} perPage={25}>
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <IsoDateField source="createdAt" label="Planned" withTime />
          <RecipientField source="recipientEmail" label="To" />
          <TextField source="subject" label="Subject" emptyText="(written when first sent)" />
          <DeliveryStatusField source="status" label="Status" />
          <IsoDateField source="sentAt" label="Sent" withTime />
          <OutcomeField source="serverResponse" label="Server’s answer or reason" sortable={false} />
        </Datagrid>
      </List>
    </>
  );
}
