import {
  CreateButton,
  Datagrid,
  List,
  SelectInput,
  TextField,
  TopToolbar,
} from 'react-admin';
import { ActionPlanDaysLeftField, GradeField, IsoDateField, PhaseField } from '../components/fields';
import { PHASE_LABELS } from '../labels';
import { useCanMutate } from '../use-can-mutate';

const phaseChoices = Object.entries(PHASE_LABELS).map(([id, name]) => ({ id, name }));

const filters = [<SelectInput key="phase" source="phase" label="Phase" choices={phaseChoices} alwaysOn emptyText="All phases" />];

function ListActions() {
  const canMutate = useCanMutate();
  return (
    <TopToolbar>
      {canMutate && <CreateButton label="Start programme" />}
    </TopToolbar>
  );
}

/** All programmes, most urgent action plan first. */
export function ProgrammeList() {
  return (
    <List
      title="Programmes"
      sort={{ field: 'actionPlanDueOn', order: 'ASC' }}
      filters={filters}
      actions={<ListActions />}
      perPage={25}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="authorityName" label="Authority" />
        <PhaseField source="phase" label="Phase" />
        <GradeField source="grade" label="Grade" />
        <IsoDateField source="reportReceivedOn" label="Report received" />
        <IsoDateField source="actionPlanDueOn" label="Action plan due" />
        <ActionPlanDaysLeftField source="actionPlanWorkingDaysLeft" label="Working days left" />
      </Datagrid>
    </List>
  );
}
