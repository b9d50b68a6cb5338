import { useCallback } from 'react';
import { Create, SimpleForm, useNotify, useRedirect } from 'react-admin';
import type { TKpiRecord } from '../api-types';
import { CommandToolbar } from '../components/commands';
import { ProgrammePage } from '../components/ProgrammePage';
import { useCommand } from '../forms/use-command';
import { trpc } from '../providers/trpc';
import { KPI_FIELDS, KpiInputs, kpiResolver, type TKpiForm } from './KpiForm';

function KpiCreateForm({ programmeId }: { programmeId: string }) {
  const notify = useNotify();
  const redirect = useRedirect();
  const send = useCallback(
    (input: TKpiForm & { clientRequestId: string }) => trpc.kpis.create.mutate({ ...input, programmeId }),
    [programmeId],
  );
  const onSuccess = useCallback(
    ({ data }: { data: TKpiRecord }) => {
      notify('KPI added', { type: 'success', messageArgs: { _: 'KPI added' } });
      redirect('show', 'kpis', data.id);
    },
    [notify, redirect],
  );
  const submit = useCommand<TKpiForm, { data: TKpiRecord }>(send, { fields: KPI_FIELDS, onSuccess });
  return (
    <Create resource="kpis" title="Add a KPI">
      <SimpleForm resolver={kpiResolver} onSubmit={(v: object) => submit(v as TKpiForm)} toolbar={<CommandToolbar label="Add KPI" />}>
        <KpiInputs />
      </SimpleForm>
    </Create>
  );
}

/** Add a KPI to the current programme's set. */
export function KpiCreate() {
  return <ProgrammePage heading="Add a KPI">{(programme) => <KpiCreateForm key={programme.id} programmeId={programme.id} />}</ProgrammePage>;
}
