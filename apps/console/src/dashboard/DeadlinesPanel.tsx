import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { Link } from 'react-admin';
import { DEADLINE_WINDOW_WORKING_DAYS, overdueDeadlines, upcomingDeadlines, type TDeadline } from '@ip/domain';
import { formatDate } from '../format';
import { Panel } from './Panel';

// What counts as a deadline, due soon or overdue is the domain's (figures.ts), shared with the board pack.
export { DEADLINE_WINDOW_WORKING_DAYS, deadlines, type TDeadline } from '@ip/domain';
export const upcoming = upcomingDeadlines;
export const overdue = overdueDeadlines;

/** Overdue actions listed by name; the rest are counted with a link to the filtered actions list. */
const OVERDUE_ACTIONS_SHOWN = 5;

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

function DeadlineRow({ deadline: d }: { deadline: TDeadline }) {
  const to = d.actionId ? `/actions/${encodeURIComponent(d.actionId)}/show` : undefined;
  return (
    <Box component="li" sx={{ display: 'flex', gap: 2, alignItems: 'center', py: 1.5, borderBottom: '1px solid', borderColor: 'divider' }}>
      <Countdown days={d.workingDaysLeft} />
      <Box>
        <Typography sx={{ fontWeight: 700, fontSize: '1.05rem' }}>{to ? <Link to={to}>{d.label}</Link> : d.label}</Typography>
        <Typography variant="body2">
          {d.kind === 'action' ? `Action, owner ${d.owner} · ` : ''}Due <time dateTime={d.dueOn}>{formatDate(d.dueOn)}</time>
        </Typography>
      </Box>
    </Box>
  );
}

function DeadlineList({ items }: { items: readonly TDeadline[] }) {
  return (
    <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }}>
      {items.map((d) => (
        <DeadlineRow key={d.key} deadline={d} />
      ))}
    </Box>
  );
}

/**
 * Statutory and plan clocks and the plan's actions due in the next 20 working days, soonest first,
 * each with its working-day countdown from the API's calendar (bank holidays excluded); overdue ones
 * above them (overdue actions beyond the first five are counted, with a link to the list).
 */
export function DeadlinesPanel({ all, overdueActionsPath }: { all: readonly TDeadline[]; overdueActionsPath: string }) {
  const soon = upcoming(all);
  const late = overdue(all);
  const lateActions = late.filter((d) => d.kind === 'action');
  const shown = [...late.filter((d) => d.kind === 'clock'), ...lateActions.slice(0, OVERDUE_ACTIONS_SHOWN)];
  const more = lateActions.length - OVERDUE_ACTIONS_SHOWN;
  return (
    <Panel id="deadlines-heading" title={`Deadlines in the next ${DEADLINE_WINDOW_WORKING_DAYS} working days`}>
      {late.length > 0 && (
        <Box sx={{ mb: 2 }}>
          <Typography component="h3" variant="h6" sx={{ color: 'error.main' }}>
            Overdue
          </Typography>
          <DeadlineList items={shown} />
          {more > 0 && (
            <Typography sx={{ mt: 1 }}>
              <Link to={overdueActionsPath}>{`and ${more} more overdue ${more === 1 ? 'action' : 'actions'}`}</Link>
            </Typography>
          )}
        </Box>
      )}
      {soon.length === 0 ? (
        <Typography>
          Nothing is due in the next {DEADLINE_WINDOW_WORKING_DAYS} working days.
          {all.length === 0 ? ' Statutory clocks start when the inspection report is recorded.' : ''}
        </Typography>
      ) : (
        <>
          {late.length > 0 && (
            <Typography component="h3" variant="h6">
              Due soon
            </Typography>
          )}
          <DeadlineList items={soon} />
        </>
      )}
    </Panel>
  );
}
