import { CreateButton, Datagrid, List, SearchInput, SelectInput, TextField, TopToolbar } from 'react-admin';
import { JUDGEMENT_AREA_LABELS, ZJudgementArea } from '@ip/domain';
import { CsvExportButton } from '../components/commands';
import { ProgrammePage } from '../components/ProgrammePage';
import { useCanMutate } from '../use-can-mutate';
import { JudgementAreaField, PriorityActionField } from './fields';
import { SavedViewsMenu } from '../saved-views/SavedViewsMenu';
import { exportCsv } from '../csv-export';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search recommendations" sx={{ minWidth: 300 }} />,
  <SelectInput key="judgementArea" source="judgementArea" label="Judgement area" alwaysOn emptyText="All areas" sx={{ maxWidth: 420 }}
    choices={ZJudgementArea.options.map((id) => ({ id, name: JUDGEMENT_AREA_LABELS[id] }))} />,
  <SelectInput key="priorityAction" source="priorityAction" label="Type" alwaysOn emptyText="All"
    choices={[{ id: 'true', name: 'Areas for priority action' }, { id: 'false', name: 'Recommendations' }]} />,
];

function Actions() {
  const canMutate = useCanMutate();
  return (
    <TopToolbar>
      <SavedViewsMenu resource="recommendations" />
      {canMutate && <CreateButton label="Add a recommendation" />}
      <CsvExportButton />
    </TopToolbar>
  );
}

/** Ofsted's recommendations and areas for priority action for the programme. */
export function RecommendationList() {
  return (
    <ProgrammePage heading="Recommendations" intro="What Ofsted’s report asks the council to improve, as worded in the report. Plan actions link to these references.">
      {(programme) => (
        <List
          exporter={exportCsv('recommendations')}
          key={programme.id}
          title="Recommendations"
          resource="recommendations"
          filter={{ programmeId: programme.id }}
          filters={filters}
          sort={{ field: 'ref', order: 'ASC' }}
          actions={<Actions />}
          perPage={25}
          empty={false}
        >
          <Datagrid rowClick="show" bulkActionButtons={false}>
            <TextField source="ref" label="Ref" sx={{ fontWeight: 700 }} />
            <TextField source="text" label="Recommendation" sortable={false} />
            <JudgementAreaField source="judgementArea" label="Judgement area" />
            <PriorityActionField source="priorityAction" label="Type" />
          </Datagrid>
        </List>
      )}
    </ProgrammePage>
  );
}
