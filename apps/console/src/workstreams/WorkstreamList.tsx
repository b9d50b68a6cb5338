import { CreateButton, Datagrid, List, SearchInput, SelectInput, TextField, TopToolbar, useRecordContext } from 'react-admin';
import Typography from '@mui/material/Typography';
import { WORKSTREAM_PHASES } from '@ip/domain';
import type { TWorkstreamRecord } from '../api-types';
import { CsvExportButton } from '../components/commands';
import type { TFieldProps } from '../components/fields';
import { ProgrammePage } from '../components/ProgrammePage';
import { StatusTag } from '../components/StatusTag';
import { labelOf, WORKSTREAM_PHASE_LABELS } from '../labels';
import { useCanMutate } from '../use-can-mutate';
import { SavedViewsMenu } from '../saved-views/SavedViewsMenu';
import { exportCsv } from '../csv-export';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search workstreams or leads" sx={{ minWidth: 300 }} />,
  <SelectInput key="phase" source="phase" label="Phase" alwaysOn emptyText="All phases"
    choices={WORKSTREAM_PHASES.map((id) => ({ id, name: WORKSTREAM_PHASE_LABELS[id] ?? id }))} />,
];

export function PhaseTagField(_props: TFieldProps) {
  const w = useRecordContext<TWorkstreamRecord>();
  if (!w) return null;
  return <StatusTag label={labelOf(WORKSTREAM_PHASE_LABELS, w.phase)} tone={w.phase === 'responding' ? 'blue' : 'green'} />;
}

export function LeadField(_props: TFieldProps) {
  const w = useRecordContext<TWorkstreamRecord>();
  if (!w) return null;
  return (
    <span>
      <Typography component="span" variant="body2" sx={{ display: 'block' }}>
        {w.lead.name}
      </Typography>
      {w.lead.email && (
        <Typography component="span" variant="body2" color="text.secondary">
          {w.lead.email}
        </Typography>
      )}
    </span>
  );
}

function Actions() {
  const canMutate = useCanMutate();
  return (
    <TopToolbar>
      <SavedViewsMenu resource="workstreams" />
      {canMutate && <CreateButton label="Add a workstream" />}
      <CsvExportButton />
    </TopToolbar>
  );
}

/** The programme's workstreams (or numbered priorities), in priority order. */
export function WorkstreamList() {
  return (
    <ProgrammePage heading="Workstreams" intro="The strands of the improvement plan, each with a lead. Actions roll up into them.">
      {(programme) => (
        <List
          exporter={exportCsv('workstreams')}
          key={programme.id}
          title="Workstreams"
          resource="workstreams"
          filter={{ programmeId: programme.id }}
          filters={filters}
          sort={{ field: 'priorityNumber', order: 'ASC' }}
          actions={<Actions />}
          perPage={25}
          empty={false}
        >
          <Datagrid rowClick="show" bulkActionButtons={false}>
            <TextField source="priorityNumber" label="Priority" emptyText="–" />
            <TextField source="name" label="Workstream" sx={{ fontWeight: 700 }} />
            <LeadField source="leadName" label="Lead" />
            <PhaseTagField source="phase" label="Phase" />
          </Datagrid>
        </List>
      )}
    </ProgrammePage>
  );
}
