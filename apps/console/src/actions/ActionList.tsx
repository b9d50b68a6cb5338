import { Datagrid, List, NullableBooleanInput, ReferenceInput, SearchInput, SelectArrayInput, SelectInput, TextField, TextInput, TopToolbar, FilterButton } from 'react-admin';
import { ZActionRag } from '@ip/domain';
import { PageHeading } from '../components/PageHeading';
import { CsvExportButton } from '../components/commands';
import { exportActions } from './export';
import { ActionRagField, DueField, OwnerField, ProgressField, RecommendationRefsField } from './fields';
import { ACTION_RAG_LABELS } from './labels';

const ragChoices = ZActionRag.options.map((id) => ({ id, name: ACTION_RAG_LABELS[id] }));

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search action titles" sx={{ minWidth: 260 }} />,
  <ReferenceInput key="programmeId" source="programmeId" reference="programmes" alwaysOn>
    <SelectInput label="Programme" optionText="authorityName" emptyText="All programmes" />
  </ReferenceInput>,
  <TextInput key="owner" source="owner" label="Owner" helperText="Part of a name or email" alwaysOn />,
  <SelectArrayInput key="rag" source="rag" label="RAG" choices={ragChoices} alwaysOn sx={{ minWidth: 160 }} />,
  <NullableBooleanInput key="overdue" source="overdue" label="Overdue" alwaysOn />,
  <NullableBooleanInput key="awaitingSignOff" source="awaitingSignOff" label="Awaiting sign-off" />,
  <NullableBooleanInput key="stale" source="stale" label="Stale (no update for 20 working days)" />,
  <NullableBooleanInput key="chronicAmber" source="chronicAmber" label="Chronic amber" />,
  <TextInput key="workstream" source="workstream" label="Workstream key" />,
];

function Actions() {
  return (
    <TopToolbar>
      <FilterButton />
      <CsvExportButton />
    </TopToolbar>
  );
}

/**
 * Every action of every plan, soonest due first (by working-day due date), with the filters a
 * programme manager uses before a board: overdue, stale, chronic amber, awaiting sign-off.
 */
export function ActionList() {
  return (
    <>
    <PageHeading>Actions</PageHeading>
    <List
      title="Actions"
      resource="actions"
      filters={filters}
      sort={{ field: 'dueOn', order: 'ASC' }}
      actions={<Actions />}
      exporter={exportActions}
      perPage={25}
      empty={false}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="title" label="Action" sx={{ fontWeight: 700 }} />
        <TextField source="workstream" label="Workstream" emptyText="–" />
        <OwnerField source="ownerName" label="Owner" />
        <ActionRagField source="rag" label="RAG" />
        <DueField source="dueOn" label="Due (working days left)" />
        <ProgressField source="percentComplete" label="Done" />
        <RecommendationRefsField source="recommendationRefs" label="Recommendations" sortable={false} />
      </Datagrid>
    </List>
    </>
  );
}
