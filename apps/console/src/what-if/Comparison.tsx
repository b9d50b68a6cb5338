import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { ESCALATION_LEVEL_LABELS, labelOf } from '../labels';
import type { TComparison, TWhatIfStep } from './types';
import { whenWords } from './words';

const who = (s: TWhatIfStep) =>
  s.recipients.length ? s.recipients.map((r) => r.name).join(', ') : s.gaps.length ? 'nobody (no one holds the role)' : labelOf(ESCALATION_LEVEL_LABELS, s.level);

function Items({ heading, id, items, empty }: { heading: string; id: string; items: Array<{ key: string; text: string }>; empty: string }) {
  return (
    <Box component="section" aria-labelledby={id} sx={{ mb: 2 }}>
      <Typography id={id} component="h3" variant="h6">{heading}</Typography>
      {items.length === 0 ? (
        <Typography color="text.secondary">{empty}</Typography>
      ) : (
        <Box component="ul" sx={{ m: 0, pl: 3 }}>
          {items.map((i) => <li key={i.key}>{i.text}</li>)}
        </Box>
      )}
    </Box>
  );
}

/**
 * What a change does to the ladder: the steps it stops (raised now, not with the change), starts,
 * and moves to another day. `idPrefix` keeps the headings' ids unique on a page.
 */
export function Comparison({ comparison, idPrefix, changeWords }: { comparison: TComparison; idPrefix: string; changeWords: string }) {
  const line = (s: TWhatIfStep) => ({ key: `${s.slot}@${s.fireAt}`, text: `${s.label} — ${whenWords(s)}, to ${who(s)}` });
  return (
    <Box>
      <Items id={`${idPrefix}-stops`} heading={`${changeWords}, this stops`} empty="Nothing stops." items={comparison.stops.map(line)} />
      <Items id={`${idPrefix}-starts`} heading={`${changeWords}, this starts`} empty="Nothing new starts." items={comparison.starts.map(line)} />
      <Items
        id={`${idPrefix}-moves`}
        heading="Moves to another day"
        empty="Nothing moves."
        items={comparison.moves.map((m) => ({ key: m.to.slot, text: `${m.to.label} — from ${whenWords(m.from)} to ${whenWords(m.to)}, to ${who(m.to)}` }))}
      />
    </Box>
  );
}
