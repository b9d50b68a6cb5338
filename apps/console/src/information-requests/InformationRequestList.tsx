import { labelOf } from '../labels';
import { Datagrid, List, SelectInput, TextField, TopToolbar, useRecordContext } from 'react-admin';
import { CsvExportButton } from '../components/commands';
import { IsoDateField, type TFieldProps } from '../components/fields';
import { ProgrammePage } from '../components/ProgrammePage';
import { StatusTag } from '../components/StatusTag';
import { WorkingDaysLeftField } from '../interventions/InterventionList';
import type { TProgrammeRecord } from '../programmes/types';
import { SavedViewsMenu } from '../saved-views/SavedViewsMenu';
import { useCanMutate } from '../use-can-mutate';
import { RecordRequestButton } from './commands';
import { REQUEST_PHASE_LABELS, REQUEST_PHASE_TONES } from './labels';
import { exportCsv } from '../csv-export';

const filters = [
  <SelectInput key="open" source="open" label="Open or closed" alwaysOn emptyText="Open and closed"
    choices={[{ id: 'true', name: 'Open' }, { id: 'false', name: 'Answered or withdrawn' }]} />,
  <SelectInput key="overdue" source="overdue" label="Overdue" alwaysOn emptyText="Any"
    choices={[{ id: 'true', name: 'Overdue' }, { id: 'false', name: 'Not overdue' }]} />,
];

export function RequestPhaseField(_: TFieldProps) {
  const record = useRecordContext<{ phase: string }>();
  if (!record) return null;
  return <StatusTag label={labelOf(REQUEST_PHASE_LABELS, record.phase)} tone={REQUEST_PHASE_TONES[record.phase] ?? 'grey'} />;
}

function RequesterField(_: TFieldProps) {
  const record = useRecordContext<{ requester: { name: string } }>();
  return <span>{record?.requester.name}</span>;
}

function Actions({ programme }: { programme: TProgrammeRecord }) {
  const canMutate = useCanMutate();
  return (
    <TopToolbar>
      <SavedViewsMenu resource="informationRequests" />
      {canMutate && <RecordRequestButton programme={programme} />}
      <CsvExportButton />
    </TopToolbar>
  );
}

/** Committees’ and councillors’ requests for information: what is due, when, and what was answered. */
export function InformationRequestList() {
  return (
    <ProgrammePage heading="Information requests" intro="Requests from committees and councillors. Reminders go out before the due date; an overdue request is escalated to the committee chair.">
      {(programme) => (
        <List exporter={exportCsv('information-requests')} key={programme.id} title="Information requests" resource="informationRequests" filter={{ onsCode: programme.onsCode }}
          filters={filters} sort={{ field: 'dueOn', order: 'ASC' }} actions={<Actions programme={programme} />} perPage={25} empty={false}>
          <Datagrid rowClick="show" bulkActionButtons={false}>
            <TextField source="subject" label="What was asked" sortable={false} />
            <RequesterField source="requester" label="Asked by" sortable={false} />
            <IsoDateField source="dueOn" label="Due" />
            <WorkingDaysLeftField source="workingDaysLeft" label="Working days left" />
            <RequestPhaseField source="phase" label="Status" />
          </Datagrid>
        </List>
      )}
    </ProgrammePage>
  );
}
