import { useCallback, useMemo } from 'react';
import Typography from '@mui/material/Typography';
import { Edit, SimpleForm, useDataProvider, useEditContext, useNotify, useRedirect } from 'react-admin';
import type { TKpiRecord } from '../api-types';
import { CommandToolbar } from '../components/commands';
import { updatePaths } from '../forms/field-paths';
import { useCommand } from '../forms/use-command';
import { KPI_FIELDS, KpiInputs, kpiResolver, type TKpiForm } from './KpiForm';

const RENAME = updatePaths(KPI_FIELDS);

function KpiEditForm() {
  const { record } = useEditContext<TKpiRecord>();
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const redirect = useRedirect();
  const formRecord = useMemo(() => {
    if (!record) return undefined;
    const { key, name, unit, direction, target, amberBand, redBand, period, source } = record;
    return { id: record.id, kpi: { key, name, unit, direction, target, amberBand, redBand, period, source } };
  }, [record]);
  const send = useCallback(
    (data: TKpiForm & { clientRequestId: string }) => dataProvider.update<TKpiRecord>('kpis', { id: record?.id ?? '', data, previousData: record }),
    [dataProvider, record],
  );
  const onSuccess = useCallback(
    ({ data }: { data: TKpiRecord }) => {
      notify('KPI changed', { type: 'success', messageArgs: { _: 'KPI changed' } });
      redirect('show', 'kpis', data.id);
    },
    [notify, redirect],
  );
  const submit = useCommand<TKpiForm, { data: TKpiRecord }>(send, { fields: KPI_FIELDS, rename: RENAME, onSuccess });
  if (!formRecord || !record) return null;
  return (
    <SimpleForm record={formRecord} resolver={kpiResolver} onSubmit={(v: object) => submit(v as TKpiForm)} toolbar={<CommandToolbar label="Save changes" />}>
      <Typography component="h1" variant="h4" sx={{ mb: 1 }}>
        Change KPI
      </Typography>
      <Typography variant="body1" sx={{ mb: 2, maxWidth: 640 }}>
        Every reading is re-rated against the new target and thresholds as soon as you save.
      </Typography>
      <KpiInputs keyLocked={record.readingCount > 0} />
    </SimpleForm>
  );
}

/** Change a KPI's name, target or thresholds; every reading is re-rated against the new bands. */
export function KpiEdit() {
  return (
    <Edit title="Change KPI" mutationMode="pessimistic" actions={false}>
      <KpiEditForm />
    </Edit>
  );
}
