import { useMemo, useState } from 'react';
import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { AddItemButton, ArrayInput, BooleanInput, Form, NumberInput, ResourceContextProvider, SaveButton, SelectInput, SimpleFormIterator, TextInput } from 'react-admin';
import { z } from 'zod';
import { ZCommandMeta, ZEscalationLevel, ZLadderStep, type TLadder } from '@ip/domain';
import { ReasonInput } from '../components/commands';
import { useCommand } from '../forms/use-command';
import { zodFormResolver } from '../forms/zod-form-resolver';
import { ESCALATION_KIND_LABELS, ESCALATION_LEVEL_LABELS } from '../labels';
import { trpc } from '../providers/trpc';

const ZStepRow = ZLadderStep.extend({ id: ZLadderStep.shape.id.optional() });
const ZLadderForm = z.object({
  fireAtLocalTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time such as 09:00'),
  steps: z.array(ZStepRow).min(1, 'A ladder needs at least one step'),
  reason: ZCommandMeta.shape.reason,
});
type TLadderForm = z.infer<typeof ZLadderForm>;
const resolver = zodFormResolver(ZLadderForm, { reason: 'Give a reason, for example the board decision it follows', fireAtLocalTime: 'Enter a time such as 09:00' });
const STEP_FIELDS = ['offsetWorkingDays', 'kind', 'level', 'label', 'setsRed', 'onlyIfOfstedLinked'] as const;
const MAX_STEPS = 20;

const levelChoices = ZEscalationLevel.options.map((id) => ({ id, name: ESCALATION_LEVEL_LABELS[id] }));
const kindChoices = Object.entries(ESCALATION_KIND_LABELS).map(([id, name]) => ({ id, name }));

/** A new step gets a stable id from its kind and offset ("escalate-plus-5"), unique in the ladder. */
export function withStepIds(steps: TLadderForm['steps']): TLadder['steps'] {
  const taken = new Set(steps.map((s) => s.id).filter(Boolean));
  return steps.map((s) => {
    if (s.id) return { ...s, id: s.id };
    const base = `${s.kind === 'reminder' ? 'remind' : 'escalate'}-${s.offsetWorkingDays < 0 ? 'minus' : 'plus'}-${Math.abs(s.offsetWorkingDays)}`;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return { ...s, id };
  });
}

/**
 * One clock's escalation ladder as an editable table: offset in working days (negative = before the
 * deadline), reminder or escalation, who is told and what they are told. Saving replaces the ladder
 * for this programme from the next step on (programmes.configure, admin only).
 */
function LadderForm({ programmeId, clock, ladder, onSaved }: { programmeId: string; clock: string; ladder: TLadder; onSaved: () => void }) {
  const rename = useMemo(() => {
    const map: Record<string, string> = { [`ladders.${clock}.fireAtLocalTime`]: 'fireAtLocalTime', [`ladders.${clock}.steps`]: 'steps' };
    for (let i = 0; i < MAX_STEPS; i++) for (const f of [...STEP_FIELDS, 'id']) map[`ladders.${clock}.steps.${i}.${f}`] = `steps.${i}.${f === 'id' ? 'label' : f}`;
    return map;
  }, [clock]);
  const fields = useMemo(() => ['reason', 'fireAtLocalTime', 'steps', ...Object.values(rename)], [rename]);
  const submit = useCommand<TLadderForm, unknown>(
    ({ steps, fireAtLocalTime, reason, clientRequestId }) =>
      trpc.programmes.configure.mutate({
        programmeId, clientRequestId, reason,
        ladders: { [clock]: { id: ladder.id, name: ladder.name, fireAtLocalTime, steps: withStepIds(steps) } },
      }),
    { fields, rename, onSuccess: onSaved },
  );
  const record = useMemo(() => ({ fireAtLocalTime: ladder.fireAtLocalTime, steps: ladder.steps }), [ladder]);
  return (
    <Form record={record} resolver={resolver} onSubmit={(v: object) => submit(v as TLadderForm)}>
      <TextInput source="fireAtLocalTime" label="Time of day steps fire (UK time)" helperText="24-hour clock, for example 09:00" sx={{ maxWidth: 260 }} />
      <ArrayInput source="steps" label="Steps">
        <SimpleFormIterator inline disableReordering disableClear addButton={<AddItemButton label="Add a step" />} getItemLabel={(i: number) => `Step ${i + 1}`}>
          <NumberInput source="offsetWorkingDays" label="Working days" helperText="From the deadline: −5 before, 10 after" sx={{ width: 200 }} />
          <SelectInput source="kind" label="Kind" choices={kindChoices} sx={{ width: 160 }} helperText={false} />
          <SelectInput source="level" label="Who is told" choices={levelChoices} sx={{ width: 260 }} helperText={false} />
          <TextInput source="label" label="What they are told" sx={{ width: 420 }} helperText={false} />
          <BooleanInput source="setsRed" label="Turns red" helperText={false} />
          <BooleanInput source="onlyIfOfstedLinked" label="Ofsted-linked only" helperText={false} />
        </SimpleFormIterator>
      </ArrayInput>
      <ReasonInput example="Improvement board asked for a 15-day reminder to the DCS" />
      <Box sx={{ mt: 1 }}>
        <SaveButton label="Save ladder" alwaysEnable />
      </Box>
    </Form>
  );
}

export function LadderEditor({ programmeId, ladders, onSaved }: { programmeId: string; ladders: Record<string, TLadder>; onSaved: () => void }) {
  const clocks = Object.keys(ladders);
  const [clock, setClock] = useState(clocks.includes('actionPlan') ? 'actionPlan' : clocks[0] ?? '');
  const ladder = ladders[clock];
  return (
    <Box>
      <TextField select label="Deadline" value={clock} onChange={(e) => setClock(e.target.value)} sx={{ minWidth: 420, mb: 2 }} helperText="Choose the deadline whose ladder you want to change">
        {clocks.map((c) => (
          <MenuItem key={c} value={c}>{ladders[c]!.name}</MenuItem>
        ))}
      </TextField>
      {ladder ? (
        // react-admin's array inputs need a resource: a ladder belongs to the programme.
        <ResourceContextProvider value="programmes">
          <LadderForm key={`${clock}-${JSON.stringify(ladder)}`} programmeId={programmeId} clock={clock} ladder={ladder} onSaved={onSaved} />
        </ResourceContextProvider>
      ) : (
        <Typography>No ladder.</Typography>
      )}
    </Box>
  );
}
