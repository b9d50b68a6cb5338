import { useCallback, useState } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { Form, NumberInput, SaveButton, TextInput, useNotify, useRefresh } from 'react-admin';
import { DateInput } from '../components/DateInput';
import type { z } from 'zod';
import { ZKpiReading, ZRecordKpiReadingInput } from '@ip/domain';
import type { TKpiRecord } from '../api-types';
import { ReasonInput } from '../components/commands';
import { formatKpiValue } from '../format';
import { useCommand } from '../forms/use-command';
import { zodFormResolver } from '../forms/zod-form-resolver';
import { trpc } from '../providers/trpc';

/** The command minus what the page supplies: the programme, the KPI's key and the request id. */
const ZRecordReadingForm = ZRecordKpiReadingInput.omit({ programmeId: true, clientRequestId: true }).extend({
  reading: ZKpiReading.omit({ kpiKey: true }),
});
type TRecordReadingForm = z.infer<typeof ZRecordReadingForm>;

const resolver = zodFormResolver(ZRecordReadingForm, {
  'reading.periodEnd': 'Enter the last day the figure covers',
  'reading.value': 'Enter the figure',
  reason: 'Give a reason, for example where the figure comes from',
});
const FIELDS = ['reading.periodEnd', 'reading.value', 'reading.note', 'reason'] as const;
const NO_RECORD = {};

function RecordReadingForm({ kpi, onDone }: { kpi: TKpiRecord; onDone: () => void }) {
  const notify = useNotify();
  const refresh = useRefresh();
  const send = useCallback(
    (input: TRecordReadingForm & { clientRequestId: string }) =>
      trpc.kpis.recordReading.mutate({ ...input, programmeId: kpi.programmeId, reading: { ...input.reading, kpiKey: kpi.key } }),
    [kpi.programmeId, kpi.key],
  );
  const onSuccess = useCallback(() => {
    notify('Reading recorded', { type: 'success', messageArgs: { _: 'Reading recorded' } });
    refresh();
    onDone();
  }, [notify, refresh, onDone]);
  // The server names the KPI key when it has no such KPI: that is about this page, not a field.
  const submit = useCommand<TRecordReadingForm, unknown>(send, { fields: FIELDS, onSuccess });
  const worse = kpi.direction === 'higher_is_better' ? 'below' : 'above';

  return (
    <Form record={NO_RECORD} resolver={resolver} onSubmit={(values: object) => submit(values as TRecordReadingForm)}>
      <DialogContent dividers>
        <Typography variant="body2" sx={{ mb: 2 }}>
          Target {formatKpiValue(kpi.target, kpi.unit)}; amber {worse} {formatKpiValue(kpi.amberBand, kpi.unit)}, red {worse}{' '}
          {formatKpiValue(kpi.redBand, kpi.unit)}. Recording a figure for a period that already has one corrects it; the
          audit trail keeps the old figure.
        </Typography>
        <DateInput source="reading.periodEnd" label="Period ending" helperText={kpi.period === 'quarterly' ? 'The last day of the quarter' : 'The last day of the month'} />
        <NumberInput
          source="reading.value"
          label={kpi.unit === 'percent' ? 'Figure (%)' : kpi.unit === 'days' ? 'Figure (days)' : 'Figure'}
          helperText={kpi.unit === 'percent' ? 'A percentage from 0 to 100' : undefined}
        />
        <TextInput source="reading.note" label="Note (optional)" helperText="For example, the report the figure comes from" multiline />
        <ReasonInput example="October performance report to the improvement board" />
      </DialogContent>
      <DialogActions>
        <Button onClick={onDone}>Cancel</Button>
        <SaveButton label="Record reading" alwaysEnable />
      </DialogActions>
    </Form>
  );
}

/** "Record reading" on a KPI. Each opening of the dialog is one command with its own request id. */
export function RecordReadingButton({ kpi }: { kpi: TKpiRecord }) {
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  return (
    <>
      <Button variant="contained" onClick={() => setOpen(true)}>
        Record reading
      </Button>
      <Dialog open={open} onClose={close} maxWidth="sm" fullWidth>
        <DialogTitle>Record a reading: {kpi.name}</DialogTitle>
        {open && <RecordReadingForm kpi={kpi} onDone={close} />}
      </Dialog>
    </>
  );
}
