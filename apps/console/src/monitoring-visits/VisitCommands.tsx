import type { ReactNode } from 'react';
import { NumberInput, TextInput } from 'react-admin';
import { DateInput } from '../components/DateInput';
import {
  MONITORING_VISIT_COMMAND_NAMES,
  MONITORING_VISIT_COMMANDS,
  ZMonitoringVisitCommands,
  ZScheduleMonitoringVisitInput,
  type TMonitoringVisitCommandName,
} from '@ip/domain';
import type { TMonitoringVisitRecord } from '../api-types';
import { CommandDialog } from '../components/CommandDialog';
import type { TDeclaredCommandDialogProps } from '../components/DeclaredCommandDialog';
import { DeclaredCommands } from '../components/DeclaredCommands';
import type { TProgrammeRecord } from '../programmes/types';
import { trpc } from '../providers/trpc';
import { useCanMutate } from '../use-can-mutate';
import { CreateActionsFromFindings } from './CreateActionsFromFindings';

type TSend = Parameters<typeof CommandDialog>[0]['send'];
const as = <T,>(send: (input: T) => Promise<unknown>): TSend => send as unknown as TSend;

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

type TPageExtras = Pick<TDeclaredCommandDialogProps, 'intro' | 'defaultValues' | 'children'>;

/** What this page adds to some declared commands: the visit's planned first day as fieldwork's. */
const PAGE_EXTRAS: Partial<Record<TMonitoringVisitCommandName, (visit: TMonitoringVisitRecord) => TPageExtras>> = {
  recordFieldwork: (v) => ({ defaultValues: { startedOn: v.plannedStartOn } }),
};

/**
 * Commands whose form is this page's own: the plan's actions are created from the letter's findings
 * first, then the visit is told their ids (confirmNewActionsCreated).
 */
const OWN_FORMS: Partial<Record<TMonitoringVisitCommandName, (visit: TMonitoringVisitRecord) => ReactNode>> = {
  confirmNewActionsCreated: (v) => <CreateActionsFromFindings visit={v} />,
};

/** The commands a visit offers in its current phase to the signed-in user's role (domain monitoring-visit/declarations.ts). */
export function VisitCommands({ visit }: { visit: TMonitoringVisitRecord }) {
  return (
    <DeclaredCommands
      label="Commands for this visit"
      names={MONITORING_VISIT_COMMAND_NAMES}
      commands={MONITORING_VISIT_COMMANDS}
      schemas={ZMonitoringVisitCommands}
      subject={visit}
      fixed={{ programmeId: visit.programmeId, number: visit.number }}
      // The typed client takes the command's exact input; the dialog has checked it against that schema.
      send={(name) => trpc.monitoringVisits[name].mutate as unknown as TDeclaredCommandDialogProps['send']}
      extras={PAGE_EXTRAS}
      own={OWN_FORMS}
    />
  );
}
