import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { formatDate } from '../format';
import { ESCALATION_LEVEL_LABELS, labelOf } from '../labels';
import { Comparison } from './Comparison';
import { FigureChanges } from './FigureChanges';
import { RagWeeksTable } from './RagWeeksTable';
import { StepsTable } from './StepsTable';
import type { TActionWhatIf, TWhatIfStep } from './types';
import { whenWords } from './words';

function H({ id, children }: { id: string; children: string }) {
  return <Typography id={id} component="h3" variant="h6" sx={{ mt: 3 }}>{children}</Typography>;
}

function BoardExceptions({ steps, empty }: { steps: readonly TWhatIfStep[]; empty: string }) {
  if (steps.length === 0) return <Typography>{empty}</Typography>;
  return (
    <Box component="ul" sx={{ m: 0, pl: 3 }}>
      {steps.map((s) => <li key={s.slot}>{whenWords(s)}: {s.label} ({labelOf(ESCALATION_LEVEL_LABELS, s.level)})</li>)}
    </Box>
  );
}

/**
 * One what-if answer for an action: what the change stops, starts and moves; the board-level
 * exceptions; every step with who is emailed; the RAG week by week; the programme figures it moves.
 */
export function ActionWhatIfResult({ data, idPrefix, compact = false }: { data: TActionWhatIf; idPrefix: string; compact?: boolean }) {
  const changed = data.withChange;
  const changeWords = data.change.kind === 'extension' ? `If the due date moves to ${formatDate(data.change.newDueOn)}` : 'If it is not done';
  const future = changed ?? data.asItStands;
  const raised = future.steps.filter((s) => s.raised);
  return (
    <Box>
      {data.notes.map((n) => <Alert key={n} severity="info" sx={{ mb: 1 }}>{n}</Alert>)}
      <Typography sx={{ fontWeight: 700 }}>
        {changeWords}: {raised.length === 0 ? 'no reminder or escalation would be raised' : `${raised.length} reminder${raised.length === 1 ? '' : 's'} and escalation${raised.length === 1 ? '' : 's'} would be raised`}{' '}
        by {formatDate(new Date(data.until))} ({data.horizonWorkingDays} working days after the due date).
      </Typography>
      {data.comparison && <Comparison comparison={data.comparison} idPrefix={idPrefix} changeWords="If approved" />}

      <H id={`${idPrefix}-board`}>Board-level exceptions</H>
      {changed ? (
        <>
          <Typography variant="body2" color="text.secondary">As it stands</Typography>
          <BoardExceptions steps={data.boardExceptions.asItStands} empty="None." />
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>{changeWords}</Typography>
          <BoardExceptions steps={data.boardExceptions.withChange ?? []} empty="None." />
        </>
      ) : (
        <BoardExceptions steps={data.boardExceptions.asItStands} empty="None would reach the improvement board." />
      )}

      <H id={`${idPrefix}-figures`}>Programme figures</H>
      <FigureChanges figures={data.figures} />

      {!compact && (
        <>
          <H id={`${idPrefix}-steps`}>Every reminder and escalation</H>
          <StepsTable steps={future.steps} caption={`${changeWords}: in firing order`} />
          {changed && (
            <Box component="details" sx={{ mt: 2 }}>
              <summary>As it stands (nothing changed): {data.asItStands.steps.filter((s) => s.raised).length} raised</summary>
              <StepsTable steps={data.asItStands.steps} caption="As it stands: in firing order" />
            </Box>
          )}
          <H id={`${idPrefix}-rag`}>RAG week by week</H>
          <RagWeeksTable
            caption="The action’s RAG at noon each Monday, by the rules its workflow uses"
            columns={changed ? [{ heading: 'As it stands', weeks: data.asItStands.weeks }, { heading: changeWords, weeks: changed.weeks }] : [{ heading: 'If it is not done', weeks: data.asItStands.weeks }]}
          />
        </>
      )}
    </Box>
  );
}
