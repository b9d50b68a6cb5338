import Box from '@mui/material/Box';
import Alert from '@mui/material/Alert';
import { useWatch } from 'react-hook-form';
import { BooleanInput, SelectArrayInput, TextInput, useGetList } from 'react-admin';
import { DateInput } from '../components/DateInput';
import { defaultCalendar, isoDateProblem, londonDateOf, ZCreateActionInput } from '@ip/domain';
import { formatDate } from '../format';
import type { TRecommendationRecord } from '../api-types';
import { CommandDialog } from '../components/CommandDialog';
import { trpc } from '../providers/trpc';

type TSend = Parameters<typeof CommandDialog>[0]['send'];

export const ACTION_FIELDS = ['title', 'description', 'owner.name', 'owner.email', 'dueOn', 'ofstedLinked', 'recommendationRefs'];
export const ACTION_REQUIRED = {
  title: 'Give the action a title',
  'owner.name': 'Give the owner’s name',
  dueOn: 'Enter the due date',
  ofstedLinked: 'Say whether the action responds to Ofsted',
};

/** The programme's recommendations, for linking an action to the ones it answers. */
export function useRecommendationChoices(programmeId: string) {
  const { data } = useGetList<TRecommendationRecord>('recommendations', {
    filter: { programmeId },
    pagination: { page: 1, perPage: 200 },
    sort: { field: 'ref', order: 'ASC' },
  });
  return (data ?? []).map((r) => ({ id: r.ref, name: `${r.ref}: ${r.text.length > 80 ? `${r.text.slice(0, 79)}…` : r.text}` }));
}

/**
 * Said before submitting when the due date has already passed: the API accepts such an action (a
 * plan may record work that is already late) and the workflow escalates it at once, so the person
 * entering it should know. The end of the due date is the deadline, so "today" is not yet overdue.
 */
export function OverdueWarning({ source = 'dueOn' }: { source?: string }) {
  const dueOn = useWatch({ name: source }) as unknown;
  const today = londonDateOf(Date.now());
  if (typeof dueOn !== 'string' || isoDateProblem(dueOn) || dueOn >= today) return null;
  const late = defaultCalendar().workingDaysBetween(dueOn, today);
  return (
    <Alert severity="warning" role="status" sx={{ mb: 2 }}>
      This due date has already passed ({formatDate(dueOn)}{late > 0 ? `, ${late === 1 ? '1 working day' : `${late} working days`} ago` : ''}). The action
      will start overdue and red, and its escalations (workstream lead, programme manager and beyond) will be sent straight away.
      Check the date, or add it anyway if the work really is already late.
    </Alert>
  );
}

/** The inputs of an action's definition (the add-action form and "create actions from findings"). */
export function ActionDefinitionInputs({ recommendationChoices }: { recommendationChoices: { id: string; name: string }[] }) {
  return (
    <>
      <TextInput source="title" label="Action" />
      <TextInput source="description" label="Description (optional)" multiline minRows={2} />
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <TextInput source="owner.name" label="Owner" sx={{ flex: '1 1 240px' }} />
        <TextInput source="owner.email" label="Owner’s email (optional)" type="email" sx={{ flex: '1 1 240px' }} />
      </Box>
      <DateInput source="dueOn" label="Due date" helperText="Reminders and escalations count working days to the end of this day" />
      <OverdueWarning />
      <BooleanInput source="ofstedLinked" label="Responds to an Ofsted recommendation or finding" helperText="Adds the final escalation to the board chair and the DfE" />
      {recommendationChoices.length > 0 && (
        <SelectArrayInput source="recommendationRefs" label="Recommendations it answers (optional)" choices={recommendationChoices} />
      )}
    </>
  );
}

/** "Add action" in one workstream of the plan: starts the action's workflow. */
export function AddActionDialog({ programmeId, workstream, workstreamName }: { programmeId: string; workstream?: string; workstreamName?: string }) {
  const recommendationChoices = useRecommendationChoices(programmeId);
  return (
    <CommandDialog
      label="Add action"
      buttonName={workstreamName ? `Add action to ${workstreamName}` : undefined}
      title={workstreamName ? `Add an action to ${workstreamName}` : 'Add an action'}
      submitLabel="Add action"
      schema={ZCreateActionInput}
      fixed={workstream ? { programmeId, workstream } : { programmeId }}
      fields={ACTION_FIELDS}
      required={ACTION_REQUIRED}
      defaultValues={{ ofstedLinked: false, recommendationRefs: [] }}
      send={trpc.actions.create.mutate as unknown as TSend}
      success="Action added to the plan"
      reasonExample="Agreed at the plan-writing workshop"
    >
      <ActionDefinitionInputs recommendationChoices={recommendationChoices} />
    </CommandDialog>
  );
}
