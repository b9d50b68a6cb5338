import { Datagrid, FilterButton, List, Loading, NullableBooleanInput, ReferenceField, ReferenceInput, SearchInput, SelectArrayInput, SelectInput, TextField, TextInput, TopToolbar, useListContext, useRecordContext } from 'react-admin';
import { ZActionRag } from '@ip/domain';
import type { TActionListRecord } from '../api-types';
import { CsvExportButton } from '../components/commands';
import type { TFieldProps } from '../components/fields';
import { PageHeading } from '../components/PageHeading';
import { useCurrentProgramme } from '../programmes/current-programme';
import { exportActions } from './export';
import { ActionRagField, DueField, OwnerField, ProgressField, RecommendationRefsField } from './fields';
import { ACTION_RAG_LABELS } from './labels';
import { useWorkstreamNames, workstreamName } from './workstream-names';

const ragChoices = ZActionRag.options.map((id) => ({ id, name: ACTION_RAG_LABELS[id] }));

/** The workstreams of the programme the list is filtered to, by name. */
function WorkstreamFilter(props: { source: string; label: string; alwaysOn?: boolean }) {
  // react-admin types a list's filter values as any; this filter reads one of them.
  const filterValues = useListContext().filterValues as { programmeId?: string };
  const { workstreams } = useWorkstreamNames(filterValues.programmeId);
  return (
    <SelectInput {...props} choices={workstreams.map((w) => ({ id: w.key, name: w.name }))} emptyText="All workstreams"
      disabled={!filterValues.programmeId} helperText={filterValues.programmeId ? false : 'Choose a programme first'} />
  );
}

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search action titles" sx={{ minWidth: 260 }} />,
  <ReferenceInput key="programmeId" source="programmeId" reference="programmes" alwaysOn>
    <SelectInput label="Programme" optionText="authorityName" emptyText="All programmes" />
  </ReferenceInput>,
  <WorkstreamFilter key="workstream" source="workstream" label="Workstream" alwaysOn />,
  <TextInput key="owner" source="owner" label="Owner" helperText="Part of a name or email" alwaysOn />,
  <SelectArrayInput key="rag" source="rag" label="RAG" choices={ragChoices} alwaysOn sx={{ minWidth: 160 }} />,
  <NullableBooleanInput key="overdue" source="overdue" label="Overdue" alwaysOn />,
  <NullableBooleanInput key="awaitingSignOff" source="awaitingSignOff" label="Awaiting sign-off" />,
  <NullableBooleanInput key="stale" source="stale" label="Stale (no update for 20 working days)" />,
  <NullableBooleanInput key="chronicAmber" source="chronicAmber" label="Chronic amber" />,
];

/** The workstream's name (actions keep its key). */
function WorkstreamField(_props: TFieldProps) {
  const a = useRecordContext<TActionListRecord>();
  const { names } = useWorkstreamNames(a?.programmeId);
  return <span>{workstreamName(names, a?.workstream) ?? '–'}</span>;
}

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
 * programme manager uses before a board: overdue, stale, chronic amber, awaiting sign-off. It opens
 * on the programme chosen on the dashboard (the filter offers every programme, or all of them).
 */
export function ActionList() {
  const { programme, isPending } = useCurrentProgramme();
  if (isPending) return <Loading />;
  return (
    <>
    <PageHeading>Actions</PageHeading>
    <List
      title="Actions"
      resource="actions"
      filters={filters}
      filterDefaultValues={programme ? { programmeId: programme.id } : {}}
      sort={{ field: 'dueOn', order: 'ASC' }}
      actions={<Actions />}
      exporter={exportActions}
      perPage={25}
      empty={false}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="title" label="Action" sx={{ fontWeight: 700 }} />
        <ReferenceField source="programmeId" reference="programmes" label="Programme" link={false} sortable={false}>
          <TextField source="authorityName" />
        </ReferenceField>
        <WorkstreamField source="workstream" label="Workstream" />
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
