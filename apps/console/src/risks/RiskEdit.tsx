import { useCallback, useMemo } from 'react';
import Typography from '@mui/material/Typography';
import { Edit, SimpleForm, useDataProvider, useEditContext, useNotify, useRedirect } from 'react-admin';
import type { TRiskRecord } from '../api-types';
import { CommandToolbar } from '../components/commands';
import { updatePaths } from '../forms/field-paths';
import { useCommand } from '../forms/use-command';
import { RISK_FIELDS, RiskInputs, riskResolver, type TRiskForm } from './RiskForm';

const RENAME = updatePaths(RISK_FIELDS);

function RiskEditForm() {
  const { record } = useEditContext<TRiskRecord>();
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const redirect = useRedirect();
  const formRecord = useMemo(() => {
    if (!record) return undefined;
    const { ref, title, owner, beforeMitigation, afterMitigation, threshold, mitigation } = record;
    return { id: record.id, risk: { ref, title, owner, beforeMitigation, afterMitigation, threshold, mitigation: mitigation ?? '' } };
  }, [record]);
  const send = useCallback(
    (data: TRiskForm & { clientRequestId: string }) => dataProvider.update<TRiskRecord>('risks', { id: record?.id ?? '', data, previousData: record }),
    [dataProvider, record],
  );
  const onSuccess = useCallback(
    ({ data }: { data: TRiskRecord }) => {
      notify('Risk updated', { type: 'success', messageArgs: { _: 'Risk updated' } });
      redirect('show', 'risks', data.id);
    },
    [notify, redirect],
  );
  const submit = useCommand<TRiskForm, { data: TRiskRecord }>(send, { fields: RISK_FIELDS, rename: RENAME, onSuccess });
  if (!formRecord) return null;
  return (
    <SimpleForm record={formRecord} resolver={riskResolver} onSubmit={(v: object) => submit(v as TRiskForm)} toolbar={<CommandToolbar label="Save review" />}>
      <Typography component="h1" variant="h4" sx={{ mb: 1 }}>
        Review risk {formRecord.risk.ref}
      </Typography>
      <Typography variant="body1" sx={{ mb: 2, maxWidth: 640 }}>
        Re-score the risk or change its wording. If the residual score changes, the previous score is kept so the
        board can see which way the risk is moving.
      </Typography>
      <RiskInputs refLocked />
    </SimpleForm>
  );
}

/**
 * Re-score or edit a risk (a register review). The API keeps the previous residual score when the
 * position changes, so a rising risk still shows as rising.
 */
export function RiskEdit() {
  return (
    <Edit title="Review a risk" mutationMode="pessimistic" actions={false}>
      <RiskEditForm />
    </Edit>
  );
}
