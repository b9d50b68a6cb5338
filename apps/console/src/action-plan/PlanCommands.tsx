import Box from '@mui/material/Box';
import { ArrayInput, ResourceContextProvider, SelectInput, SimpleFormIterator, TextInput } from 'react-admin';
import { DateInput } from '../components/DateInput';
import { PLAN_APPROVAL_BODY_LABELS, ZPlanApprovalBody, ZRecordPlanResponseInput, ZSubmitPlanInput } from '@ip/domain';
import { CommandDialog } from '../components/CommandDialog';
import { formatDate } from '../format';
import type { TProgrammeRecord } from '../programmes/types';
import { trpc } from '../providers/trpc';
import { useCanMutate } from '../use-can-mutate';

type TSend = Parameters<typeof CommandDialog>[0]['send'];
const as = <T,>(send: (input: T) => Promise<unknown>): TSend => send as unknown as TSend;

const bodyChoices = ZPlanApprovalBody.options.map((id) => ({ id, name: PLAN_APPROVAL_BODY_LABELS[id] }));
const outcomeChoices = [
  { id: 'accepted', name: 'Accepted' },
  { id: 'returned', name: 'Returned: changes needed' },
];

/**
 * "Submit plan" while the plan is being written, then "Record Ofsted's response" once it has gone
 * in; both are Updates to the programme's workflow, which stops the 70-working-day clock.
 */
export function PlanCommands({ programme }: { programme: TProgrammeRecord }) {
  const canMutate = useCanMutate();
  if (!canMutate) return null;
  const fixed = { programmeId: programme.id };
  // The plan page is a custom route: the commands are about the programme resource (ArrayInput needs one).
  return (
    <ResourceContextProvider value="programmes">
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        {programme.phase === 'action_planning' && (
          <CommandDialog
            label="Submit plan"
            variant="contained"
            title="Submit the action plan to Ofsted"
            schema={ZSubmitPlanInput}
            fixed={fixed}
            fields={['submittedOn', 'approvals']}
            required={{ submittedOn: 'Enter the date the plan was sent to Ofsted' }}
            defaultValues={{ approvals: [{}] }}
            send={as(trpc.programmes.submitPlan.mutate)}
            success="Action plan submitted"
            reasonExample="Signed off by the DCS and lead member; sent to Ofsted by email"
            intro={
              programme.actionPlanDueOn
                ? `The statutory deadline is ${formatDate(programme.actionPlanDueOn)}. Record who signed the plan off first.`
                : 'Record who signed the plan off first.'
            }
          >
            <DateInput source="submittedOn" label="Submitted to Ofsted on" />
            <ArrayInput source="approvals" label="Sign-offs">
              <SimpleFormIterator inline disableReordering>
                <SelectInput source="body" label="Signed off by" choices={bodyChoices} emptyText="Select who" />
                <DateInput source="on" label="On" />
                <TextInput source="by" label="Name or decision reference" />
              </SimpleFormIterator>
            </ArrayInput>
          </CommandDialog>
        )}
        {programme.phase === 'plan_submitted' && (
          <CommandDialog
            label="Record Ofsted’s response"
            variant="contained"
            schema={ZRecordPlanResponseInput}
            fixed={fixed}
            fields={['outcome', 'letterOn', 'comments']}
            required={{ outcome: 'Select whether Ofsted accepted or returned the plan', letterOn: 'Enter the date of Ofsted’s letter' }}
            send={as(trpc.programmes.recordPlanResponse.mutate)}
            success="Ofsted’s response recorded"
            reasonExample="Letter from the regional director received today"
          >
            <SelectInput source="outcome" label="Outcome" choices={outcomeChoices} emptyText="Select" />
            <DateInput source="letterOn" label="Date of the letter" />
            <TextInput source="comments" label="Comments (required if returned)" multiline minRows={3} />
          </CommandDialog>
        )}
      </Box>
    </ResourceContextProvider>
  );
}
