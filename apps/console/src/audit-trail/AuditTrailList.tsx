import { Datagrid, FunctionField, List, SearchInput, SelectInput, TextField, TopToolbar } from 'react-admin';
import type { TAuditRecord } from '../api-types';
import { CsvExportButton } from '../components/commands';
import { PageHeading } from '../components/PageHeading';
import { IsoDateField } from '../components/fields';
import { ROLE_LABELS } from '../labels';
import { VerifyChainPanel } from './VerifyChainPanel';
import { ACTION_LABELS, ENTITY_LABELS, labelOf } from './labels';
import { exportCsv } from '../csv-export';

const choices = (labels: Record<string, string>) => Object.entries(labels).map(([id, name]) => ({ id, name }));
const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search reasons" />,
  <SelectInput key="entity" source="entity" label="What" choices={choices(ENTITY_LABELS)} alwaysOn emptyText="Everything" />,
  <SelectInput key="actorRole" source="actorRole" label="Role" choices={choices(ROLE_LABELS)} alwaysOn emptyText="Every role" />,
];

function Actions() {
  return (
    <TopToolbar>
      <CsvExportButton />
    </TopToolbar>
  );
}

/**
 * Every change to the registers (KPIs, risks, workstreams, recommendations, users, saved views) and
 * every acknowledgement: who, what, when and why, newest first, with the tamper check above it.
 */
export function AuditTrailList() {
  return (
    <>
    <PageHeading>Audit trail</PageHeading>
    <List exporter={exportCsv('audit-trail')} title="Audit trail" sort={{ field: 'id', order: 'DESC' }} filters={filters} actions={<Actions />} aside={undefined} perPage={25} empty={false}>
      <VerifyChainPanel />
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <IsoDateField source="at" label="When" withTime />
        <FunctionField<TAuditRecord> label="Who" render={(r) => `${r.actorName ?? r.actorUserId ?? 'System'}${r.actorRole ? ` (${labelOf(ROLE_LABELS, r.actorRole)})` : ''}`} />
        <FunctionField<TAuditRecord> source="action" label="What" render={(r) => `${labelOf(ACTION_LABELS, r.action)} ${labelOf(ENTITY_LABELS, r.entity).toLowerCase()}`} />
        <TextField source="entityId" label="Record" sortable={false} />
        <TextField source="reason" label="Why" sortable={false} emptyText="—" />
      </Datagrid>
    </List>
    </>
  );
}
