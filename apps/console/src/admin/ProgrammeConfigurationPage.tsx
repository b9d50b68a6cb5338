import { useCallback, useState, type ReactNode } from 'react';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import { BooleanInput, Loading, Title, useNotify, useRefresh } from 'react-admin';
import { PROGRAMME_CLOCK_LADDERS, ZProgrammeSettingsInput, type TCalendarOverrides, type TLadder } from '@ip/domain';
import { CommandDialog } from '../components/CommandDialog';
import { ProgrammePage } from '../components/ProgrammePage';
import type { TProgrammeRecord } from '../programmes/types';
import { trpc } from '../providers/trpc';
import { useApiQuery } from '../use-api-query';
import { CalendarOverridesEditor, sendCalendar } from './CalendarOverridesEditor';
import { LadderEditor } from './LadderEditor';

interface TConfig {
  ladders: Record<string, TLadder>;
  calendarOverrides?: TCalendarOverrides;
}

function Section({ id, title, intro, children }: { id: string; title: string; intro: string; children: ReactNode }) {
  return (
    <Card component="section" aria-labelledby={id} sx={{ mb: 2 }}>
      <CardContent>
        <Typography id={id} component="h2" variant="h5" gutterBottom>{title}</Typography>
        <Typography sx={{ mb: 2, maxWidth: 760 }}>{intro}</Typography>
        {children}
      </CardContent>
    </Card>
  );
}

/** Separation of duties for sign-off: on by default; the rule in force travels with each sign-off. */
function SignOffRule({ programmeId }: { programmeId: string }) {
  const settings = useApiQuery(`programmeSettings.get:${programmeId}`, (signal) => trpc.programmeSettings.get.query({ programmeId }, { signal }).then((r) => r.data));
  if (!settings.data) return <Loading />;
  const on = settings.data.signOffSeparation;
  return (
    <>
      <Typography sx={{ mb: 2 }} role="status">
        {on
          ? 'On: an action is signed off by someone who neither asked for the sign-off nor owns the action.'
          : 'Off: the person who asked for sign-off, or the action’s owner, may sign it off.'}
      </Typography>
      <CommandDialog
        label="Change the sign-off rule"
        schema={ZProgrammeSettingsInput}
        fixed={{ programmeId }}
        fields={['signOffSeparation']}
        defaultValues={{ signOffSeparation: on }}
        send={trpc.programmeSettings.update.mutate as unknown as Parameters<typeof CommandDialog>[0]['send']}
        success="Sign-off rule saved"
        reasonExample="Agreed by the improvement board"
        intro="Applies to sign-offs from now on; each sign-off records the rule it was made under."
      >
        <BooleanInput source="signOffSeparation" label="Separate the duties: the signer may be neither the requester nor the owner" />
      </CommandDialog>
    </>
  );
}

function Configuration({ programme }: { programme: TProgrammeRecord }) {
  // Each of our own saves starts the ladder editor afresh on what was stored; a colleague's change
  // arriving by the live feed updates the data without throwing away an edit in progress.
  const [saves, setSaves] = useState(0);
  const notify = useNotify();
  // refresh() invalidates react-admin's whole query cache, this read included (and the as-at panels).
  const refresh = useRefresh();
  const { data, error, isPending } = useApiQuery(`programmes.live.config:${programme.id}`, (signal) =>
    trpc.programmes.live.query({ id: programme.id }, { signal }).then((r) => (r.data as { config?: TConfig }).config ?? { ladders: {} }),
  );
  const saved = useCallback(() => {
    notify('Configuration saved', { type: 'success', messageArgs: { _: 'Configuration saved' } });
    setSaves((v) => v + 1);
    refresh();
  }, [notify, refresh]);
  if (isPending && !data) return <Loading />;
  if (error || !data) return <Typography role="alert">The programme’s configuration could not be read: {error?.message}</Typography>;
  const ladders = { ...PROGRAMME_CLOCK_LADDERS, ...data.ladders };
  const send = sendCalendar(programme.id);
  return (
    <>
      <Section id="ladders-heading" title="Escalation ladders" intro="Who is reminded or told, and when, as each statutory deadline approaches and passes. Offsets are in working days from the deadline. Changes apply from the next step; steps already fired are not repeated.">
        <LadderEditor key={saves} programmeId={programme.id} ladders={ladders} onSaved={saved} />
      </Section>
 <Section id="sign-off-heading" title="Sign-off" intro="Whether signing an action off as complete needs a second person, like approving an extension does.">
        <SignOffRule programmeId={programme.id} />
      </Section>
      <Section id="calendar-heading" title="Working-day calendar" intro="Add a one-off non-working day or cancel a bank holiday. Every working-day deadline of the programme is recalculated on the new calendar.">
        <CalendarOverridesEditor
          overrides={{ add: data.calendarOverrides?.add ?? [], remove: data.calendarOverrides?.remove ?? [] }}
          send={async (o, reason, id) => {
            const result = await send(o, reason, id);
            refresh();
            return result;
          }}
        />
      </Section>
    </>
  );
}

/** Admin: the current programme's escalation ladders and calendar overrides. */
export function ProgrammeConfigurationPage() {
  return (
    <ProgrammePage heading="Programme configuration" intro="Administrators only. Every change is recorded in the programme’s history with your reason.">
      {(programme) => (
        <>
          <Title title="Programme configuration" />
          <Configuration key={programme.id} programme={programme} />
        </>
      )}
    </ProgrammePage>
  );
}
