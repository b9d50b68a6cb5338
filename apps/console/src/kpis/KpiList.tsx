import { CreateButton, Datagrid, List, SearchInput, SelectInput, TextField, TopToolbar } from 'react-admin';
import { ZKpiDirection, ZKpiPeriod } from '@ip/domain';
import { CsvExportButton } from '../components/commands';
import { ProgrammePage } from '../components/ProgrammePage';

import { KPI_DIRECTION_LABELS, KPI_PERIOD_LABELS } from '../labels';
import { useCanMutate } from '../use-can-mutate';
import { KpiStandingField, LatestValueField, TargetField, TrendField } from './fields';
import { SavedViewsMenu } from '../saved-views/SavedViewsMenu';
import { exportCsv } from '../csv-export';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search KPIs" />,
  <SelectInput key="period" source="period" label="Reported" alwaysOn emptyText="Monthly and quarterly"
    choices={ZKpiPeriod.options.map((id) => ({ id, name: KPI_PERIOD_LABELS[id] }))} />,
  <SelectInput key="direction" source="direction" label="Direction" emptyText="Either"
    choices={ZKpiDirection.options.map((id) => ({ id, name: KPI_DIRECTION_LABELS[id] }))} />,
];

function Actions() {
  const canMutate = useCanMutate();
  return (
    <TopToolbar>
      <SavedViewsMenu resource="kpis" />
      {canMutate && <CreateButton label="Add a KPI" />}
      <CsvExportButton />
    </TopToolbar>
  );
}

/** The programme's KPIs: latest figure, target, RAG and direction of travel. */
export function KpiList() {
  return (
    <ProgrammePage heading="Key performance indicators" intro="The figures the improvement board watches, rated against each KPI’s target and thresholds.">
      {(programme) => (
        <List
          exporter={exportCsv('kpis')}
          key={programme.id}
          title="Key performance indicators"
          resource="kpis"
          filter={{ programmeId: programme.id }}
          filters={filters}
          sort={{ field: 'name', order: 'ASC' }}
          actions={<Actions />}
          perPage={25}
          empty={false}
        >
          <Datagrid rowClick="show" bulkActionButtons={false}>
            <TextField source="name" label="KPI" />
            <LatestValueField source="latestValue" label="Latest" sortable={false} />
            <TargetField source="target" label="Target" />
            <KpiStandingField source="rag" label="RAG" sortable={false} />
            <TrendField source="trend" label="Trend" sortable={false} />
            <TextField source="readingCount" label="Readings" sortable={false} />
          </Datagrid>
        </List>
      )}
    </ProgrammePage>
  );
}
