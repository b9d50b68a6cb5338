import { Datagrid, List, SearchInput, TextField, TopToolbar, useRecordContext } from 'react-admin';
import { GradeField } from '../components/fields';
import { PageHeading } from '../components/PageHeading';
import { StatusTag } from '../components/StatusTag';
import { formatDate } from '../format';
import { INTERVENTION_PHASE_LABELS, INTERVENTION_PHASE_TONES, labelOf } from '../labels';
import { AddAuthorityButton } from './AuthorityCommands';
import type { TAuthorityRecord } from './types';
import { exportCsv } from '../csv-export';

const filters = [<SearchInput key="q" source="q" alwaysOn placeholder="Search by name or ONS code" aria-label="Search authorities by name or ONS code" />];

/** The DfE status from the authority's intervention workflow: the DfE page's own source. */
export function InterventionField(_props: { source: string; label?: string }) {
  const a = useRecordContext<TAuthorityRecord>();
  if (!a) return null;
  if (!a.interventionPhase) return <span>None</span>;
  return <StatusTag label={labelOf(INTERVENTION_PHASE_LABELS, a.interventionPhase)} tone={INTERVENTION_PHASE_TONES[a.interventionPhase] ?? 'grey'} />;
}

function SuccessionField(_props: { source: string; label?: string }) {
  const a = useRecordContext<TAuthorityRecord>();
  if (!a?.successor) return <span>–</span>;
  return <span>Succeeded by {a.successor.name}{a.succeededOn ? ` from ${formatDate(a.succeededOn)}` : ''}</span>;
}

/** Local authorities with children's services responsibilities; admins add, rename and link them. */
export function AuthorityList() {
  return (
    <>
      <PageHeading>Local authorities</PageHeading>
      <List exporter={exportCsv('authorities')} title="Local authorities" sort={{ field: 'name', order: 'ASC' }} filters={filters} perPage={25} actions={<TopToolbar><AddAuthorityButton /></TopToolbar>}>
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="name" label="Authority" />
          <TextField source="onsCode" label="ONS code" />
          <TextField source="region" label="Region" emptyText="–" />
          <GradeField source="currentGrade" label="Current grade" />
          <InterventionField source="interventionPhase" label="DfE intervention" />
          <SuccessionField source="successorId" label="Succession" />
        </Datagrid>
      </List>
    </>
  );
}
