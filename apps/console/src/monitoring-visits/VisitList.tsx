import Button from '@mui/material/Button';
import { Datagrid, Link, List, SelectInput, TopToolbar } from 'react-admin';
import { ZMonitoringVisitPhase } from '@ip/domain';
import { CsvExportButton } from '../components/commands';
import { IsoDateField } from '../components/fields';
import { ProgrammePage } from '../components/ProgrammePage';
import type { TProgrammeRecord } from '../programmes/types';
import { VisitNameField, VisitPhaseField } from './fields';
import { VISIT_PHASE_LABELS } from './labels';
import { ScheduleVisitDialog } from './VisitCommands';
import { exportCsv } from '../csv-export';

const filters = [
  <SelectInput key="phase" source="phase" label="Stage" alwaysOn emptyText="All stages"
    choices={ZMonitoringVisitPhase.options.map((id) => ({ id, name: VISIT_PHASE_LABELS[id] }))} />,
];

function Actions({ programme }: { programme: TProgrammeRecord }) {
  return (
    <TopToolbar>
      <ScheduleVisitDialog programme={programme} />
      <Button component={Link} to="/monitoring-visits/calendar">
        Calendar view
      </Button>
      <CsvExportButton />
    </TopToolbar>
  );
}

/** Ofsted's monitoring visits of the programme, in date order, with their stage and deadlines. */
export function VisitList() {
  return (
    <ProgrammePage heading="Monitoring visits" intro="Ofsted’s quarterly monitoring visits: fieldwork, the letter, and the actions its findings add to the plan.">
      {(programme) => (
        <List
          exporter={exportCsv('monitoring-visits')}
          key={programme.id}
          title="Monitoring visits"
          resource="monitoringVisits"
          filter={{ programmeId: programme.id }}
          filters={filters}
          sort={{ field: 'createdAt', order: 'ASC' }}
          actions={<Actions programme={programme} />}
          perPage={25}
          empty={false}
        >
          <Datagrid rowClick="show" bulkActionButtons={false}>
            <VisitNameField source="title" label="Visit" />
            <IsoDateField source="plannedStartOn" label="Planned start" />
            <VisitPhaseField source="phase" label="Stage" />
            <IsoDateField source="letterPublishedOn" label="Letter published" />
            <IsoDateField source="dueOn" label="Next deadline" />
          </Datagrid>
        </List>
      )}
    </ProgrammePage>
  );
}
