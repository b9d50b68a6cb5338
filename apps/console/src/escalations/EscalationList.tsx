import { Datagrid, List, SearchInput, SelectInput, TopToolbar } from 'react-admin';
import { ZEscalationLevel } from '@ip/domain';
import { CsvExportButton } from '../components/commands';
import { IsoDateField } from '../components/fields';
import { ProgrammePage } from '../components/ProgrammePage';
import { ESCALATION_KIND_LABELS, ESCALATION_LEVEL_LABELS } from '../labels';
import { AcknowledgementField, EscalationSummaryField, KindField, LevelField } from './fields';
import { SavedViewsMenu } from '../saved-views/SavedViewsMenu';
import { exportCsv } from '../csv-export';

const acknowledgedChoices = [
  { id: 'false', name: 'Not yet acknowledged' },
  { id: 'true', name: 'Acknowledged' },
];
const levelChoices = ZEscalationLevel.options.map((id) => ({ id, name: ESCALATION_LEVEL_LABELS[id] }));
const kindChoices = Object.entries(ESCALATION_KIND_LABELS).map(([id, name]) => ({ id, name }));

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search" />,
  <SelectInput key="acknowledged" source="acknowledged" label="Acknowledged" choices={acknowledgedChoices} alwaysOn emptyText="All" />,
  <SelectInput key="level" source="level" label="Who was told" choices={levelChoices} alwaysOn emptyText="Everyone" />,
  <SelectInput key="kind" source="kind" label="Kind" choices={kindChoices} alwaysOn emptyText="Reminders and escalations" />,
];

function Actions() {
  return (
    <TopToolbar>
      <SavedViewsMenu resource="escalations" />
      <CsvExportButton />
    </TopToolbar>
  );
}

/** Reminders and escalations the programme's deadlines have fired, newest first. */
export function EscalationList() {
  return (
    <ProgrammePage heading="Escalations" intro="Reminders and escalations fired by the programme’s deadlines. Acknowledge an escalation to show it has been seen.">
      {(programme) => (
        <List
          exporter={exportCsv('escalations')}
          key={programme.id}
          title="Escalations"
          resource="escalations"
          filter={{ programmeId: programme.id }}
          filters={filters}
          filterDefaultValues={{ acknowledged: 'false' }}
          sort={{ field: 'firedAt', order: 'DESC' }}
          actions={<Actions />}
          perPage={25}
          empty={false}
        >
          <Datagrid rowClick="show" bulkActionButtons={false}>
            <IsoDateField source="firedAt" label="Raised" />
            <EscalationSummaryField source="label" label="What happened" sortable={false} />
            <LevelField source="level" label="Who was told" />
            <KindField source="kind" label="Kind" sortable={false} />
            <IsoDateField source="dueOn" label="Deadline" />
            <AcknowledgementField source="acknowledgedAt" label="Acknowledgement" />
          </Datagrid>
        </List>
      )}
    </ProgrammePage>
  );
}
