import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { formatDate } from '../format';
import type { TActionWhatIf } from './types';

/**
 * The programme figures the change moves (overdue actions, RAG by workstream), as ranges of weeks:
 * "Week of 7 December 2026 to week of 21 December 2026: Overdue actions: 2 → 1".
 */
export function FigureChanges({ figures }: { figures: TActionWhatIf['figures'] }) {
  const against = figures.comparing === 'as_it_stands_today'
    ? 'Compared with this action as it stands today (the programme’s other actions run on as they are).'
    : 'Compared with the action as it stands (the programme’s other actions run on as they are).';
  return (
    <Box>
      <Typography variant="body2" color="text.secondary" gutterBottom>
        {against} Today: {figures.now.overdue} overdue of {figures.actionsCounted} actions.
      </Typography>
      {figures.changes.length === 0 ? (
        <Typography>No programme figure changes before the horizon.</Typography>
      ) : (
        <Box component="ul" sx={{ m: 0, pl: 3 }}>
          {figures.changes.map((c) => (
            <li key={c.from}>
              <strong>{c.from === c.to ? `Week of ${formatDate(c.fromOn)}` : `Week of ${formatDate(c.fromOn)} to week of ${formatDate(c.toOn)}`}:</strong>{' '}
              {c.differences.join('; ')}
            </li>
          ))}
        </Box>
      )}
    </Box>
  );
}
