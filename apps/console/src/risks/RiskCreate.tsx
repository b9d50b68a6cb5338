import { useCallback } from 'react';
import { Create, SimpleForm, useNotify, useRedirect } from 'react-admin';
import type { TRiskRecord } from '../api-types';
import { CommandToolbar } from '../components/commands';
import { ProgrammePage } from '../components/ProgrammePage';
import { useCommand } from '../forms/use-command';
import { trpc } from '../providers/trpc';
import { RISK_FIELDS, RiskInputs, riskResolver, type TRiskForm } from './RiskForm';

const DEFAULTS = { risk: { threshold: 12 } };

function RiskCreateForm({ programmeId }: { programmeId: string }) {
  const notify = useNotify();
  const redirect = useRedirect();
  const send = useCallback(
    (input: TRiskForm & { clientRequestId: string }) => trpc.risks.create.mutate({ ...input, programmeId }),
    [programmeId],
  );
  const onSuccess = useCallback(
    ({ data }: { data: TRiskRecord }) => {
      notify('Risk added to the register', { type: 'success', messageArgs: { _: 'Risk added to the register' } });
      redirect('show', 'risks', data.id);
    },
    [notify, redirect],
  );
  const submit = useCommand<TRiskForm, { data: TRiskRecord }>(send, { fields: RISK_FIELDS, onSuccess });
  return (
    <Create resource="risks" title="Add a risk">
      <SimpleForm defaultValues={DEFAULTS} resolver={riskResolver} onSubmit={(v: object) => submit(v as TRiskForm)} toolbar={<CommandToolbar label="Add risk" />}>
        <RiskInputs />
      </SimpleForm>
    </Create>
  );
}

/** Add a risk to the current programme's register. */
export function RiskCreate() {
  return <ProgrammePage heading="Add a risk">{(programme) => <RiskCreateForm key={programme.id} programmeId={programme.id} />}</ProgrammePage>;
}
