import Box from '@mui/material/Box';
import { NumberInput, TextInput } from 'react-admin';
import { DateInput } from '../components/DateInput';
import {
  ZCancelVisitInput,
  ZPublishLetterInput,
  ZRecordDraftLetterInput,
  ZRecordFieldworkInput,
  ZScheduleMonitoringVisitInput,
  ZSubmitAccuracyCorrectionsInput,
} from '@ip/domain';
import type { TMonitoringVisitRecord } from '../api-types';
import { CommandDialog } from '../components/CommandDialog';
import { linesToList } from '../forms/zod-form-resolver';
import type { TProgrammeRecord } from '../programmes/types';
import { trpc } from '../providers/trpc';
import { useCanMutate } from '../use-can-mutate';
import { CreateActionsFromFindings } from './CreateActionsFromFindings';

type TSend = Parameters<typeof CommandDialog>[0]['send'];
const as = <T,>(send: (input: T) => Promise<unknown>): TSend => send as unknown as TSend;

const ONE_A_LINE = 'One a line';

/** "Schedule monitoring visit": an Update to the programme, which starts the visit's own workflow. */
export function ScheduleVisitDialog({ programme }: { programme: TProgrammeRecord }) {
  const canMutate = useCanMutate();
  if (!canMutate || programme.phase !== 'monitoring') return null;
  const next = (programme.visits?.length ?? 0) + 1;
  return (
    <CommandDialog
      label="Schedule monitoring visit"
      variant="contained"
      schema={ZScheduleMonitoringVisitInput}
      fixed={{ programmeId: programme.id }}
      fields={['number', 'theme', 'plannedStartOn']}
      required={{ theme: 'Give the visit theme', plannedStartOn: 'Enter the planned first day of fieldwork' }}
      defaultValues={{ number: next }}
      send={as(trpc.programmes.scheduleMonitoringVisit.mutate)}
      success={`Monitoring visit ${next} scheduled`}
      reasonExample="Ofsted’s notification email received"
    >
      <NumberInput source="number" label="Visit number" min={1} max={12} />
      <TextInput source="theme" label="Theme" helperText="e.g. children in care, the front door" />
      <DateInput source="plannedStartOn" label="Planned first day of fieldwork" />
    </CommandDialog>
  );
}

/** The commands a visit offers in its current phase, each checked by the API's own schema. */
export function VisitCommands({ visit }: { visit: TMonitoringVisitRecord }) {
  const canMutate = useCanMutate();
  if (!canMutate) return null;
  const fixed = { programmeId: visit.programmeId, number: visit.number };
  const phase = visit.phase;
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }} role="group" aria-label="Commands for this visit">
      {phase === 'scheduled' && (
        <CommandDialog
          label="Record fieldwork"
          variant="contained"
          schema={ZRecordFieldworkInput}
          fixed={fixed}
          convert={(v) => ({ ...v, inspectors: linesToList(v.inspectors) })}
          fields={['startedOn', 'endedOn', 'inspectors']}
          required={{ startedOn: 'Enter the first day of fieldwork', endedOn: 'Enter the last day of fieldwork', inspectors: 'Name at least one inspector' }}
          send={as(trpc.monitoringVisits.recordFieldwork.mutate)}
          success="Fieldwork recorded"
          reasonExample="Inspectors on site this week"
        >
          <DateInput source="startedOn" label="First day of fieldwork" defaultValue={visit.plannedStartOn} />
          <DateInput source="endedOn" label="Last day of fieldwork" />
          <TextInput source="inspectors" label="Inspectors" helperText={ONE_A_LINE} multiline minRows={2} />
        </CommandDialog>
      )}
      {phase === 'fieldwork' && (
        <CommandDialog
          label="Record draft letter"
          variant="contained"
          schema={ZRecordDraftLetterInput}
          fixed={fixed}
          fields={['receivedOn']}
          required={{ receivedOn: 'Enter the date the draft letter arrived' }}
          send={as(trpc.monitoringVisits.recordDraftLetter.mutate)}
          success="Draft letter recorded"
          reasonExample="Draft letter received for the factual accuracy check"
        >
          <DateInput source="receivedOn" label="Draft letter received on" />
        </CommandDialog>
      )}
      {phase === 'letter_draft' && (
        <>
          <CommandDialog
            label="Send accuracy corrections"
            schema={ZSubmitAccuracyCorrectionsInput}
            fixed={fixed}
            fields={['sentOn', 'note']}
            required={{ sentOn: 'Enter the date the corrections were sent', note: 'Summarise the corrections sent' }}
            send={as(trpc.monitoringVisits.submitAccuracyCorrections.mutate)}
            success="Accuracy corrections recorded"
            reasonExample="Two factual corrections agreed with the DCS"
          >
            <DateInput source="sentOn" label="Sent to Ofsted on" />
            <TextInput source="note" label="What was corrected" multiline minRows={2} />
          </CommandDialog>
          <CommandDialog
            label="Record published letter"
            variant="contained"
            schema={ZPublishLetterInput}
            fixed={fixed}
            convert={(v) => {
              const findings = (v.findings ?? {}) as Record<string, unknown>;
              return {
                ...v,
                findings: {
                  areasOfProgress: linesToList(findings.areasOfProgress ?? '') ?? [],
                  areasForImprovement: linesToList(findings.areasForImprovement ?? '') ?? [],
                },
              };
            }}
            fields={['publishedOn', 'findings', 'findings.areasOfProgress', 'findings.areasForImprovement']}
            summaryPaths={['findings']}
            required={{ publishedOn: 'Enter the date Ofsted published the letter' }}
            send={as(trpc.monitoringVisits.publishLetter.mutate)}
            success="Published letter recorded: new actions are due in the plan"
            reasonExample="Letter published on the Ofsted website"
            intro="Copy the letter’s findings, one a line. Each area for improvement can then become an action in the plan."
          >
            <DateInput source="publishedOn" label="Published on" />
            <TextInput source="findings.areasOfProgress" label="Areas of progress" helperText={ONE_A_LINE} multiline minRows={3} />
            <TextInput source="findings.areasForImprovement" label="Areas for improvement" helperText={ONE_A_LINE} multiline minRows={3} />
          </CommandDialog>
        </>
      )}
      {(phase === 'published' || phase === 'response') && <CreateActionsFromFindings visit={visit} />}
      {(phase === 'scheduled' || phase === 'fieldwork') && (
        <CommandDialog
          label="Cancel visit"
          color="error"
          schema={ZCancelVisitInput}
          fixed={fixed}
          fields={[]}
          send={as(trpc.monitoringVisits.cancelVisit.mutate)}
          success="Visit cancelled"
          reasonExample="Ofsted postponed the visit"
        />
      )}
    </Box>
  );
}
