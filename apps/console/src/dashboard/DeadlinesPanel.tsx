import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { formatDate } from '../format';
import type { TProgrammeClock } from '../programmes/types';
import { Panel } from './Panel';

/** How far ahead the dashboard looks: the board meets about monthly, so 20 working days. */
export const DEADLINE_WINDOW_WORKING_DAYS = 20;

/** A clock still waiting for its event (not met, not closed late). */
const isOpen = (c: TProgrammeClock) => c.status !== 'met' && c.closedAt == null && c.workingDaysLeft != null;

export function upcomingClocks(clocks: readonly TProgrammeClock[]): TProgrammeClock[] {
  return clocks
    .filter((c) => isOpen(c) && (c.workingDaysLeft ?? -1) >= 0 && (c.workingDaysLeft ?? 0) <= DEADLINE_WINDOW_WORKING_DAYS)
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}

export function overdueClocks(clocks: readonly TProgrammeClock[]): TProgrammeClock[] {
  return clocks.filter((c) => isOpen(c) && (c.workingDaysLeft ?? 0) < 0).sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}

/** The countdown: the number of working days left, large, with the words beneath it. */
function Countdown({ days }: { days: number }) {
  const urgent = days <= 5;
  const overdue = days < 0;
  return (
    <Box
      sx={{
        minWidth: 104,
        textAlign: 'center',
        py: 1,
        px: 1.5,
        backgroundColor: overdue ? '#f4cdc6' : urgent ? '#fff7bf' : '#d2e2f1',
        borderLeft: '5px solid',
        borderColor: overdue ? 'error.main' : urgent ? '#ffbf47' : 'primary.main',
      }}
    >
      <Typography component="span" sx={{ display: 'block', fontSize: '2rem', fontWeight: 700, lineHeight: 1.1 }}>
        {days === 0 ? 'Today' : Math.abs(days)}
      </Typography>
      <Typography component="span" sx={{ display: 'block', fontSize: '0.85rem' }}>
        {days === 0 ? 'due' : overdue ? (Math.abs(days) === 1 ? 'working day overdue' : 'working days overdue') : days === 1 ? 'working day left' : 'working days left'}
      </Typography>
    </Box>
  );
}

function ClockRow({ clock }: { clock: TProgrammeClock }) {
  const days = clock.workingDaysLeft ?? 0;
  return (
    <Box component="li" sx={{ display: 'flex', gap: 2, alignItems: 'center', py: 1.5, borderBottom: '1px solid', borderColor: 'divider' }}>
      <Countdown days={days} />
      <Box>
        <Typography sx={{ fontWeight: 700, fontSize: '1.05rem' }}>{clock.label}</Typography>
        <Typography variant="body2">
          Due <time dateTime={clock.dueOn}>{formatDate(clock.dueOn)}</time>
        </Typography>
      </Box>
    </Box>
  );
}

/**
 * Statutory and plan deadlines due in the next 20 working days, soonest first, each with its
 * working-day countdown from the API's calendar (bank holidays excluded); overdue ones above them.
 */
export function DeadlinesPanel({ clocks }: { clocks: readonly TProgrammeClock[] }) {
  const upcoming = upcomingClocks(clocks);
  const overdue = overdueClocks(clocks);
  return (
    <Panel id="deadlines-heading" title={`Deadlines in the next ${DEADLINE_WINDOW_WORKING_DAYS} working days`}>
      {overdue.length > 0 && (
        <Box sx={{ mb: 2 }}>
          <Typography component="h3" variant="h6" sx={{ color: 'error.main' }}>
            Overdue
          </Typography>
          <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }}>
            {overdue.map((c) => (
              <ClockRow key={`${c.name}-${c.dueOn}`} clock={c} />
            ))}
          </Box>
        </Box>
      )}
      {upcoming.length === 0 ? (
        <Typography>
          Nothing is due in the next {DEADLINE_WINDOW_WORKING_DAYS} working days.
          {clocks.length === 0 ? ' Statutory clocks start when the inspection report is recorded.' : ''}
        </Typography>
      ) : (
        <>
        {overdue.length > 0 && (
          <Typography component="h3" variant="h6">
            Due soon
          </Typography>
        )}
        <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }}>
          {upcoming.map((c) => (
            <ClockRow key={`${c.name}-${c.dueOn}`} clock={c} />
          ))}
        </Box>
        </>
      )}
    </Panel>
  );
}
