import GridIcon from '@mui/icons-material/GridOnOutlined';
import { Button, CreateButton, Datagrid, List, SearchInput, TextField, TopToolbar } from 'react-admin';
import { CsvExportButton } from '../components/commands';
import { ProgrammePage } from '../components/ProgrammePage';
import { useCanMutate } from '../use-can-mutate';
import { EscalationFlagField, RiskTitleField, ScoreField } from './fields';
import { SavedViewsMenu } from '../saved-views/SavedViewsMenu';
import { exportCsv } from '../csv-export';

const filters = [<SearchInput key="q" source="q" alwaysOn placeholder="Search by reference, risk or owner" sx={{ minWidth: 320 }} />];

function Actions() {
  const canMutate = useCanMutate();
  return (
    <TopToolbar>
      <SavedViewsMenu resource="risks" />
      <Button label="Heat map" to="/risk-heat-map" startIcon={<GridIcon />} />
      {canMutate && <CreateButton label="Add a risk" />}
      <CsvExportButton />
    </TopToolbar>
  );
}

/** The programme's risk register, highest residual score first. */
export function RiskList() {
  return (
    <ProgrammePage heading="Risk register" intro="Risks to the improvement programme, scored 1 to 25 (likelihood × impact) before and after mitigation. Highest residual risk first.">
      {(programme) => (
        <List
          exporter={exportCsv('risks')}
          key={programme.id}
          title="Risk register"
          resource="risks"
          filter={{ programmeId: programme.id }}
          filters={filters}
          sort={{ field: 'score', order: 'DESC' }}
          actions={<Actions />}
          perPage={25}
          empty={false}
        >
          <Datagrid rowClick="show" bulkActionButtons={false}>
            <TextField source="ref" label="Ref" />
            <RiskTitleField source="title" label="Risk" />
            <ScoreField source="beforeScore" label="Before mitigation" />
            <ScoreField source="score" label="After mitigation" />
            <TextField source="threshold" label="Threshold" />
            <EscalationFlagField source="escalation" label="Escalation" sortable={false} />
          </Datagrid>
        </List>
      )}
    </ProgrammePage>
  );
}
