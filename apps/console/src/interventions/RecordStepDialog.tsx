import { FormDataConsumer, SelectInput, TextInput } from 'react-admin';
import type { z } from 'zod';
import { ZInterventionStep, ZRecordInterventionStepInput, type TInterventionStepType } from '@ip/domain';
import { CommandDialog } from '../components/CommandDialog';
import { DateInput } from '../components/DateInput';
import { zodFormResolver } from '../forms/zod-form-resolver';
import { trpc } from '../providers/trpc';
import { ADM_MODEL_LABELS, RECOMMENDATION_LABELS, STEP_LABELS } from './labels';

const ZStepForm = ZRecordInterventionStepInput.omit({ interventionId: true, clientRequestId: true });
type TStepForm = z.infer<typeof ZStepForm>;

const resolver = zodFormResolver(ZStepForm, {
  'step.type': 'Select what the DfE did',
  'step.on': 'Enter the date it happened',
  'step.adviserName': 'Name the DfE improvement adviser',
  'step.commissionerName': 'Name the commissioner',
  'step.commissionerAppointedOn': 'Enter the date the commissioner was appointed',
  'step.recommendation': 'Select the commissioner’s recommendation',
  'step.model': 'Select the model',
  'step.deliveryBodyName': 'Name the trust or company',
  'step.summary': 'Summarise it',
  reason: 'Give a reason, for example the letter it is recorded from',
});

const STEP_TYPES = ZInterventionStep.options.map<TInterventionStepType>((o) => o.shape.type.value);
const typeChoices = STEP_TYPES.map((id) => ({ id, name: STEP_LABELS[id] }));
const FIELDS = ['step.type', 'step.on', 'step.adviserName', 'step.boardChairName', 'step.commissionerName', 'step.commissionerAppointedOn',
  'step.recommendation', 'step.model', 'step.deliveryBodyName', 'step.summary', 'reason'] as const;
const choices = (labels: Record<string, string>) => Object.entries(labels).map(([id, name]) => ({ id, name }));

/** The inputs a step of this type carries beyond its date. */
function StepFields({ type }: { type: TInterventionStepType | undefined }) {
  switch (type) {
    case 'improvement_notice_issued':
      return (
        <>
          <TextInput source="step.adviserName" label="DfE improvement adviser" />
          <TextInput source="step.boardChairName" label="Improvement board chair (optional)" />
        </>
      );
    case 'statutory_direction_issued':
      return (
        <>
          <TextInput source="step.commissionerName" label="Commissioner" />
          <DateInput source="step.commissionerAppointedOn" label="Commissioner appointed" />
        </>
      );
    case 'commissioner_report_received':
      return (
        <>
          <SelectInput source="step.recommendation" label="Recommendation" choices={choices(RECOMMENDATION_LABELS)} emptyText="Select a recommendation" />
          <TextInput source="step.summary" label="Summary (optional)" multiline />
        </>
      );
    case 'adm_business_case_submitted':
      return (
        <>
          <SelectInput source="step.model" label="Model" choices={choices(ADM_MODEL_LABELS)} emptyText="Select a model" />
          <TextInput source="step.deliveryBodyName" label="Trust or company" />
        </>
      );
    case 'review_held':
    case 'commissioner_update_received':
      return <TextInput source="step.summary" label="Summary" multiline minRows={2} />;
    default:
      return null;
  }
}

/** "Record a DfE step": the workflow refuses a step that cannot follow the last one, and says why. */
export function RecordStepButton({ interventionId }: { interventionId: string }) {
  return (
    <CommandDialog<TStepForm>
      label="Record a DfE step"
      title="Record a step in the DfE intervention"
      submitLabel="Record step"
      reasonExample="DfE letter of 4 June 2026 to the chief executive"
      success="Step recorded"
      variant="contained"
      resolver={resolver}
      fields={FIELDS}
      send={(input) => trpc.interventions.recordStep.mutate({ ...input, interventionId })}
    >
      <SelectInput source="step.type" label="What happened" choices={typeChoices} emptyText="Select a step" />
      <DateInput source="step.on" label="Date" helperText="The date on the DfE’s letter, or the day it happened" />
      <FormDataConsumer>{({ formData }) => <StepFields type={(formData as { step?: { type?: TInterventionStepType } }).step?.type} />}</FormDataConsumer>
    </CommandDialog>
  );
}
