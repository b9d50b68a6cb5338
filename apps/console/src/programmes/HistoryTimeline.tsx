import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { formatDateTime } from '../format';
import { labelOf, ROLE_LABELS } from '../labels';
import type { TProgrammeHistoryEntry } from './types';

function actorText(actor: TProgrammeHistoryEntry['actor']): string {
  if (!actor) return 'The system';
  const role = labelOf(ROLE_LABELS, actor.role);
  return actor.name ? `${actor.name} (${role})` : `${role} ${actor.userId}`;
}

/**
 * What happened to a programme, newest first: when, who, what and why. An ordered list, so screen
 * readers announce how many entries there are.
 */
export function HistoryTimeline({ history, labelledBy = 'history-heading' }: { history: readonly TProgrammeHistoryEntry[]; labelledBy?: string }) {
  if (history.length === 0) {
    return <Typography color="text.secondary">Nothing has been recorded yet.</Typography>;
  }
  const entries = [...history].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Box component="ol" aria-labelledby={labelledBy} sx={{ listStyle: 'none', m: 0, p: 0 }}>
      {entries.map((entry, index) => (
        <Box
          component="li"
          key={`${entry.at}-${index}`}
          sx={{ borderLeft: '4px solid', borderColor: entry.actor ? 'primary.main' : 'divider', pl: 2, pb: 2, ml: 0.5 }}
        >
          <Typography variant="body2" color="text.secondary">
            <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
          </Typography>
          <Typography variant="body1" sx={{ fontWeight: 700 }}>
            {entry.summary}
          </Typography>
          <Typography variant="body2">By {actorText(entry.actor)}</Typography>
          {entry.reason && (
            <Typography variant="body2" sx={{ mt: 0.5 }}>
              <Box component="span" sx={{ fontWeight: 700 }}>
                Reason:
              </Box>{' '}
              {entry.reason}
            </Typography>
          )}
        </Box>
      ))}
    </Box>
  );
}
