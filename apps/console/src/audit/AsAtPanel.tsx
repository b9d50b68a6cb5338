/**
 * "As at": the state of a programme or an action at any earlier moment, rebuilt by the API from the
 * workflow's history (audit.asAt), never by asking the running workflow. A slider steps through the
 * moments something changed (each a line of the history) up to now; the keyboard moves it too.
 * Two questions, chosen above the slider: what had been *recorded* by then (when each change was
 * entered), or what had *happened* by then (by the dates the records carry); the moments to step
 * through are on the chosen basis too.
 * Mount with a workflow kind and id (the programme page mounts it; so can the action page).
 */
import { useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Slider from '@mui/material/Slider';
import Typography from '@mui/material/Typography';
import { SummaryList } from '../components/SummaryList';
import { StatusTag } from '../components/StatusTag';
import { ClocksTable } from '../programmes/ClocksTable';
import { formatDate, formatDateTime } from '../format';
import { ACTION_RAG_LABELS, ACTION_STATUS_LABELS, GRADE_LABELS, labelOf, PHASE_LABELS, PHASE_TONES } from '../labels';
import { trpc } from '../providers/trpc';
import { useApiQuery } from '../use-api-query';
import { BasisChoice, type TBasis } from './BasisChoice';
import type { TActionAsAtView, TAuditKind, TProgrammeAsAtView } from './types';

function ProgrammeState({ view }: { view: TProgrammeAsAtView }) {
  return (
    <>
      <SummaryList
        rows={[
          ['Phase', <StatusTag label={labelOf(PHASE_LABELS, view.phase)} tone={PHASE_TONES[view.phase as keyof typeof PHASE_TONES] ?? 'grey'} />],
          ['Overall grade', view.grade ? labelOf(GRADE_LABELS, view.grade) : 'Not yet inspected'],
          ['Action plan submitted', view.planSubmittedOn ? formatDate(view.planSubmittedOn) : 'No'],
          ['Monitoring visits', view.visits.length ? view.visits.map((v) => `${v.number} (${v.status === 'closed' ? 'closed' : 'scheduled'})`).join(', ') : 'None'],
          ['Version', String(view.version)],
        ]}
      />
      <Typography id="asat-clocks-heading" component="h4" variant="subtitle1" sx={{ mt: 2 }}>Statutory clocks then</Typography>
      <ClocksTable clocks={view.clocks as never} labelledBy="asat-clocks-heading" />
    </>
  );
}

function ActionState({ view }: { view: TActionAsAtView }) {
  return (
    <SummaryList
      rows={[
        ['Status', labelOf(ACTION_STATUS_LABELS, view.status)],
        ['RAG', `${labelOf(ACTION_RAG_LABELS, view.rag.rag)}${view.rag.reasons.length ? `: ${view.rag.reasons.join('; ')}` : ''}`],
        ['Progress', `${view.percentComplete}% complete`],
        ['Due', formatDate(view.dueOn)],
        ['Escalation steps reached', view.steps.length ? view.steps.map((s) => s.label).join('; ') : 'None'],
        ['Version', String(view.version)],
      ]}
    />
  );
}

export function AsAtPanel({ kind, workflowId }: { kind: TAuditKind; workflowId: string }) {
  // The moments to step through come with the first answer (the state now). "Now" is taken when the
  // read runs, so the refetch after a command or a live update shows the state after it.
  const [basis, setBasis] = useState<TBasis>('recorded');
  const [index, setIndex] = useState<number | null>(null);
  const [committed, setCommitted] = useState<number | null>(null);
  const first = useApiQuery(`asat:${kind}:${workflowId}:${basis}:now`, (signal) => {
    const at = Date.now();
    return trpc.audit.asAt.query({ kind, workflowId, at, basis }, { signal }).then((r) => ({ ...r.data, now: at }));
  });
  const now = first.data?.now ?? 0;
  const happened = basis === 'happened';
  const points = useMemo(
    () => [...(first.data?.timeline ?? []).map((t) => ({ at: t.at, label: t.summary, dated: 'dated' in t ? t.dated : false })), { at: now, label: 'Now', dated: false }],
    [first.data, now],
  );
  const selected = committed === null ? null : points[committed];
  const chosen = useApiQuery(selected ? `asat:${kind}:${workflowId}:${basis}:${selected.at}` : null, (signal) => trpc.audit.asAt.query({ kind, workflowId, at: selected!.at, basis }, { signal }).then((r) => r.data));
  const shown = selected ? chosen.data : first.data;
  const at = selected?.at ?? now;
  const value = index ?? points.length - 1;
  // A change dated by its record happened on that day: the time of day is not known, so none is shown.
  const whenOf = (p: { at: number; dated: boolean } | undefined) => (p && p.dated ? formatDate(new Date(p.at)) : formatDateTime(new Date(p?.at ?? now)));
  const valueText = (i: number) => `${whenOf(points[i])}: ${points[i]?.label ?? ''}`;
  const changeBasis = (b: TBasis) => {
    setBasis(b);
    setIndex(null);
    setCommitted(null);
  };

  const choice = <BasisChoice name={`asat-basis-${workflowId}`} value={basis} onChange={changeBasis} />;
  if (first.error) return <>{choice}<Alert severity="error">Could not rebuild the history: {first.error.message}</Alert></>;
  if (!first.data) return <>{choice}<Typography role="status">Reading the history…</Typography></>;
  return (
    <Box>
      {choice}
      <Typography id={`asat-${workflowId}-label`} gutterBottom>
        {happened
          ? `Move the slider to see the ${kind} as it stood after each change, by the date it happened (arrow keys step one change; Home goes to the start).`
          : `Move the slider to see the ${kind} as it stood after each change was recorded (arrow keys step one change; Home goes to the start).`}
      </Typography>
      <Box sx={{ px: 2 }}>
        <Slider
          aria-labelledby={`asat-${workflowId}-label`}
          getAriaValueText={valueText}
          valueLabelDisplay="off"
          min={0}
          max={points.length - 1}
          step={1}
          marks
          value={value}
          onChange={(_, v) => setIndex(v)}
          onChangeCommitted={(_, v) => setCommitted((v) === points.length - 1 ? null : (v))}
        />
      </Box>
      <Typography component="h3" variant="h6" aria-live="polite" sx={{ mt: 1 }}>
        {happened ? 'As it had happened by' : 'As at'} {whenOf(selected ?? { at, dated: false })}
        {selected && selected.label !== 'Now' ? ` — after “${selected.label}”` : ' (now)'}
      </Typography>
      {(shown?.notes ?? []).map((n, i) => <Alert key={i} severity="info" sx={{ my: 1 }}>{n}</Alert>)}
      {selected && chosen.isPending ? <Typography role="status">Rebuilding from history…</Typography> : null}
      {chosen.error ? <Alert severity="error">{chosen.error.message}</Alert> : null}
      {shown?.view
        ? kind === 'programme'
          ? <ProgrammeState view={shown.view as unknown as TProgrammeAsAtView} />
          : <ActionState view={shown.view as unknown as TActionAsAtView} />
        : shown ? <Typography>{happened ? 'Nothing of it had happened yet.' : 'It did not exist yet.'}</Typography> : null}
    </Box>
  );
}
