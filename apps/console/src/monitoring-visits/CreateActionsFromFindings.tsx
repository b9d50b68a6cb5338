import { useCallback, useMemo, useRef, useState } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { ArrayInput, Form, SaveButton, SimpleFormIterator, useNotify, useRefresh } from 'react-admin';
import { useFormState, type FieldErrors } from 'react-hook-form';
import { z } from 'zod';
import { ZCommandMeta, ZCreateActionInput } from '@ip/domain';
import { ActionDefinitionInputs, ACTION_REQUIRED, useRecommendationChoices } from '../action-plan/AddActionDialog';
import type { TMonitoringVisitRecord } from '../api-types';
import { ReasonInput } from '../components/commands';
import { zodFormResolver } from '../forms/zod-form-resolver';
import { formatDate } from '../format';
import { toHttpError } from '../providers/api-error';
import { trpc } from '../providers/trpc';
import { newClientRequestId } from '../request-id';

/**
 * Each row is checked by the API's own action schema; `findingIndex` ties a row to its finding, so
 * the row keeps one request id however the list is edited (its position when the form lost it).
 */
const ZRow = ZCreateActionInput.extend({ findingIndex: z.number().int().min(0).optional() });
const ZFindingsForm = z.object({ reason: ZCommandMeta.shape.reason, actions: z.array(ZRow).min(1, 'Keep at least one finding to turn into an action') });
type TFindingsForm = z.infer<typeof ZFindingsForm>;

/** No record: the form must not pick up the visit's own fields as default values. */
const NO_RECORD = {};

const required = Object.fromEntries(Object.entries(ACTION_REQUIRED).map(([k, v]) => [`actions.${k}`, v]));

/** Every message in react-hook-form's error tree, with its path. */
function flatten(errors: FieldErrors, prefix = ''): string[] {
  return Object.entries(errors).flatMap(([key, value]) => {
    // `ref` is the input's DOM element; `type`/`types` describe the rule that failed.
    if (!value || typeof value !== 'object' || key === 'ref' || key === 'types') return [];
    const path = prefix ? `${prefix}.${key}` : key;
    const own = typeof (value as { message?: unknown }).message === 'string' ? [`${path}: ${(value as { message: string }).message}`] : [];
    return [...own, ...flatten(value as FieldErrors, path).filter((m) => !own.includes(m))];
  });
}

/** GOV.UK-style summary: a long form's problems listed at the top, since some rows are scrolled away. */
function ErrorSummary() {
  const { errors, submitCount } = useFormState();
  const messages = submitCount > 0 ? [...new Set(flatten(errors))] : [];
  if (messages.length === 0) return null;
  return (
    <Typography role="alert" color="error" component="div" sx={{ mb: 2 }}>
      <strong>There is a problem:</strong>
      <ul>
        {messages.map((m) => (
          <li key={m}>{m.replace(/^actions\.(\d+)\./, (_, i: string) => `Action ${Number(i) + 1}, `)}</li>
        ))}
      </ul>
    </Typography>
  );
}

function FindingsForm({ visit, close }: { visit: TMonitoringVisitRecord; close: () => void }) {
  const notify = useNotify();
  const refresh = useRefresh();
  const recommendationChoices = useRecommendationChoices(visit.programmeId);
  const [problem, setProblem] = useState<string | null>(null);
  // One request id per finding and one for the confirmation, minted once per opening: a retry after
  // a failure (or a lost response) finds the actions already created instead of adding them twice.
  const requestIds = useRef(new Map<number, string>());
  const confirmId = useRef(newClientRequestId());
  const idFor = (i: number) => {
    if (!requestIds.current.has(i)) requestIds.current.set(i, newClientRequestId());
    return requestIds.current.get(i)!;
  };
  const found = visit.findings?.areasForImprovement;
  const areas = useMemo(() => found ?? [], [found]);
  const defaultValues = useMemo(
    () => ({ actions: areas.map((text, findingIndex) => ({ findingIndex, title: text.slice(0, 300), ofstedLinked: true, recommendationRefs: [] })) }),
    [areas],
  );
  const resolver = useMemo(
    () =>
      zodFormResolver(
        ZFindingsForm,
        { reason: 'Give a reason for adding these actions', ...required },
        (values) => ({
          ...values,
          actions: ((values.actions as Record<string, unknown>[] | undefined) ?? []).map((row) => ({
            ...row,
            // One reason for the lot: each action carries it, as the API's schema requires.
            reason: values.reason,
            programmeId: visit.programmeId,
            clientRequestId: 'minted-per-finding',
          })),
        }),
      ),
    [visit.programmeId],
  );

  const submit = useCallback(
    async (values: TFindingsForm) => {
      setProblem(null);
      const created: string[] = [];
      try {
        for (const [position, { findingIndex, clientRequestId: _placeholder, ...action }] of values.actions.entries()) {
          const { data } = await trpc.actions.create.mutate({ ...action, reason: values.reason, clientRequestId: idFor(findingIndex ?? position) });
          created.push(data.id);
        }
        await trpc.monitoringVisits.confirmNewActionsCreated.mutate({
          programmeId: visit.programmeId,
          number: visit.number,
          actionRefs: created,
          reason: values.reason,
          clientRequestId: confirmId.current,
        });
      } catch (raw) {
        const error = toHttpError(raw);
        setProblem(`${created.length} of ${values.actions.length} actions were added before this problem: ${error.message}. Submit again to finish; actions already added will not be added twice.`);
        return;
      }
      const text = `${created.length} ${created.length === 1 ? 'action' : 'actions'} added to the plan from monitoring visit ${visit.number}`;
      notify(text, { type: 'success', messageArgs: { _: text } });
      refresh();
      close();
    },
    // idFor reads refs only, so it need not be a dependency.
    [visit.programmeId, visit.number, notify, refresh, close],
  );

  return (
    <Form record={NO_RECORD} defaultValues={defaultValues} resolver={resolver} onSubmit={(v: object) => submit(v as TFindingsForm)}>
      <DialogContent dividers>
        <Typography variant="body2" sx={{ mb: 2 }}>
          Each area for improvement in the letter becomes one action (remove any that an existing action already covers).
          {visit.newActionsDueBy ? ` They are due in the plan by ${formatDate(visit.newActionsDueBy)}.` : ''}
        </Typography>
        <ErrorSummary />
        {problem && (
          <Typography role="alert" color="error" sx={{ mb: 2, fontWeight: 700 }}>
            {problem}
          </Typography>
        )}
        <ArrayInput source="actions" label="Actions from the findings">
          <SimpleFormIterator disableAdd disableReordering>
            <ActionDefinitionInputs recommendationChoices={recommendationChoices} />
          </SimpleFormIterator>
        </ArrayInput>
        <ReasonInput example="Findings of the published monitoring letter" />
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>Cancel</Button>
        <SaveButton label="Create actions" alwaysEnable />
      </DialogActions>
    </Form>
  );
}

/** "Create actions from findings": one action per area for improvement, then the visit is told. */
export function CreateActionsFromFindings({ visit }: { visit: TMonitoringVisitRecord }) {
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  if ((visit.findings?.areasForImprovement.length ?? 0) === 0) return null;
  return (
    <>
      <Button variant="contained" onClick={() => setOpen(true)}>
        Create actions from findings
      </Button>
      <Dialog open={open} onClose={close} maxWidth="md" fullWidth aria-labelledby="findings-dialog-title">
        <DialogTitle id="findings-dialog-title">Create actions from the findings of monitoring visit {visit.number}</DialogTitle>
        {open && <FindingsForm visit={visit} close={close} />}
      </Dialog>
    </>
  );
}
