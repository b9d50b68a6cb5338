import {
  CreateButton,
  Datagrid,
  List,
  SelectInput,
  TextField,
  TopToolbar,
} from 'react-admin';
import { Box, Typography } from '@mui/material';
import { ActionPlanDaysLeftField, GradeField, IsoDateField, PhaseField } from '../components/fields';
import { PHASE_LABELS } from '../labels';
import { useCanMutate } from '../use-can-mutate';
import { SavedViewsMenu } from '../saved-views/SavedViewsMenu';
import { PageHeading } from '../components/PageHeading';
import { exportCsv } from '../csv-export';

const phaseChoices = Object.entries(PHASE_LABELS).map(([id, name]) => ({ id, name }));

const filters = [<SelectInput key="phase" source="phase" label="Phase" choices={phaseChoices} alwaysOn emptyText="All phases" />];

function ListActions() {
  const canMutate = useCanMutate();
  return (
    <TopToolbar>
      <SavedViewsMenu resource="programmes" />
      {canMutate && <CreateButton label="Start programme" />}
    </TopToolbar>
  );
}

/** No programmes yet: say what a programme is and, for those who may, how to start one. */
function ProgrammesEmpty() {
  const canMutate = useCanMutate();
  return (
    <Box sx={{ p: 4, maxWidth: 640 }}>
      <Typography component="h2" variant="h5" gutterBottom>
        No programmes yet
      </Typography>
      <Typography variant="body1" sx={{ mb: 2 }}>
        A programme follows one council through one inspection cycle: the report, the action plan, monitoring visits
        and re-inspection.{canMutate ? ' Start one when an inspection report arrives.' : ''}
      </Typography>
      {canMutate && <CreateButton label="Start programme" variant="contained" />}
    </Box>
  );
}

/** All programmes, most urgent action plan first. */
export function ProgrammeList() {
  return (
    <>
      <PageHeading>Programmes</PageHeading>
      <List
        exporter={exportCsv('programmes')}
        title="Programmes"
        sort={{ field: 'actionPlanDueOn', order: 'ASC' }}
        filters={filters}
        actions={<ListActions />}
        empty={<ProgrammesEmpty />}
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
    </>
  );
}
