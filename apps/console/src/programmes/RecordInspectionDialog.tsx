import { useCallback, useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { Form, SaveButton, SelectInput, TextInput, useNotify, useRefresh } from 'react-admin';
import { DateInput } from '../components/DateInput';
import type { z } from 'zod';
import { GRADE_LABELS, ZInspectionType, ZRecordInspectionInput } from '@ip/domain';
import { useCommand } from '../forms/use-command';
import { zodFormResolver } from '../forms/zod-form-resolver';
import { INSPECTION_TYPE_LABELS, JUDGEMENT_LABELS } from '../labels';
import { trpc } from '../providers/trpc';

/** The form collects the command minus what the console supplies itself. */
const ZRecordInspectionForm = ZRecordInspectionInput.omit({ programmeId: true, clientRequestId: true });
type TRecordInspectionForm = z.infer<typeof ZRecordInspectionForm>;

const resolver = zodFormResolver(ZRecordInspectionForm, {
  'inspection.type': 'Select the type of inspection',
  'inspection.fieldworkStartedOn': 'Enter the date fieldwork started',
  'inspection.fieldworkEndedOn': 'Enter the date fieldwork ended',
  'inspection.reportReceivedOn': 'Enter the date the report was received',
  'inspection.judgements.overallEffectiveness': 'Select the overall effectiveness judgement',
  reason: 'Give a reason for recording this inspection',
});

const typeChoices = ZInspectionType.options.map((id) => ({ id, name: INSPECTION_TYPE_LABELS[id] }));
const gradeChoices = Object.entries(GRADE_LABELS).map(([id, name]) => ({ id, name }));
const AREAS = ['impactOfLeaders', 'helpAndProtection', 'childrenInCare', 'careLeavers'] as const;

const FIELDS = [
  'reason',
  'inspection.type',
  'inspection.fieldworkStartedOn',
  'inspection.fieldworkEndedOn',
  'inspection.leadInspector',
  'inspection.reportReceivedOn',
  'inspection.judgements.overallEffectiveness',
  ...AREAS.map((area) => `inspection.judgements.${area}`),
] as const;

/** No record: the form must not pick up the programme's own fields as default values. */
const NO_RECORD = {};
const DEFAULTS = { inspection: { judgements: {} } };

function RecordInspectionForm({ programmeId, onDone }: { programmeId: string; onDone: () => void }) {
  const notify = useNotify();
  const refresh = useRefresh();
  const send = useCallback(
    (input: TRecordInspectionForm & { clientRequestId: string }) => trpc.programmes.recordInspection.mutate({ ...input, programmeId }),
    [programmeId],
  );
  const onSuccess = useCallback(() => {
    notify('Inspection recorded', { type: 'success', messageArgs: { _: 'Inspection recorded' } });
    refresh();
    onDone();
  }, [notify, refresh, onDone]);
  const submit = useCommand<TRecordInspectionForm, unknown>(send, { fields: FIELDS, onSuccess });

  return (
    <Form record={NO_RECORD} defaultValues={DEFAULTS} resolver={resolver} onSubmit={(values: object) => submit(values as TRecordInspectionForm)}>
      <DialogContent dividers>
        <Typography variant="body2" sx={{ mb: 2 }}>
          Enter the inspection as Ofsted reported it. An inadequate overall judgement starts the statutory clocks from the
          date the report was received.
        </Typography>
        <SelectInput source="inspection.type" label="Type of inspection" choices={typeChoices} emptyText="Select a type" />
        <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
          <Box sx={{ flex: '1 1 200px' }}>
            <DateInput source="inspection.fieldworkStartedOn" label="Fieldwork started" />
          </Box>
          <Box sx={{ flex: '1 1 200px' }}>
            <DateInput source="inspection.fieldworkEndedOn" label="Fieldwork ended" />
          </Box>
        </Box>
        <TextInput source="inspection.leadInspector" label="Lead inspector (optional)" />
        <DateInput source="inspection.reportReceivedOn" label="Report received" helperText="The day the council received the final report" />
        <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, mt: 2 }}>
          <Typography component="legend" variant="h6" sx={{ mb: 1 }}>
            Judgements
          </Typography>
          <SelectInput
            source="inspection.judgements.overallEffectiveness"
            label={JUDGEMENT_LABELS.overallEffectiveness}
            choices={gradeChoices}
            emptyText="Select a grade"
          />
          {AREAS.map((area) => (
            <SelectInput
              key={area}
              source={`inspection.judgements.${area}`}
              label={`${JUDGEMENT_LABELS[area]} (optional)`}
              choices={gradeChoices}
              emptyText="Not judged"
            />
          ))}
        </Box>
        <TextInput
          source="reason"
          label="Reason for this change"
          helperText="Auditors will read this, for example: 'Final ILACS report received by email from Ofsted'"
          multiline
          minRows={2}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onDone}>Cancel</Button>
        <SaveButton label="Record inspection" />
      </DialogActions>
    </Form>
  );
}

/**
 * "Record inspection" on a programme. The form mounts when the dialog opens, so each opening is one
 * command with its own clientRequestId; submitting the same opening twice is the same command.
 */
export function RecordInspectionButton({ programmeId }: { programmeId: string }) {
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  return (
    <>
      <Button variant="contained" onClick={() => setOpen(true)}>
        Record inspection
      </Button>
      <Dialog open={open} onClose={close} maxWidth="md" fullWidth>
        <DialogTitle>Record inspection</DialogTitle>
        {open && <RecordInspectionForm programmeId={programmeId} onDone={close} />}
      </Dialog>
    </>
  );
}
