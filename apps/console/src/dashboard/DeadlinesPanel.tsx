import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { Link } from 'react-admin';
import type { TActionListRecord } from '../api-types';
import { formatDate } from '../format';
import type { TProgrammeClock } from '../programmes/types';
import { Panel } from './Panel';

/** How far ahead the dashboard looks: the board meets about monthly, so 20 working days. */
export const DEADLINE_WINDOW_WORKING_DAYS = 20;

/** Overdue actions listed by name; the rest are counted with a link to the filtered actions list. */
const OVERDUE_ACTIONS_SHOWN = 5;

/** A date something is due: a statutory or plan clock of the programme, or an open action. */
export interface TDeadline {
  key: string;
  kind: 'clock' | 'action';
  label: string;
  dueOn: string;
  workingDaysLeft: number;
  /** The action's page; clocks are on the programme page. */
  to?: string;
  owner?: string;
}

/** Clocks still waiting for their event (not met, not closed late) and open actions, soonest first. */
export function deadlines(clocks: readonly TProgrammeClock[], actions: readonly TActionListRecord[]): TDeadline[] {
  const fromClocks = clocks
    .filter((c) => c.status !== 'met' && c.closedAt == null && c.workingDaysLeft != null)
    .map((c): TDeadline => ({ key: `clock:${c.name}:${c.dueOn}`, kind: 'clock', label: c.label, dueOn: c.dueOn, workingDaysLeft: c.workingDaysLeft! }));
  const fromActions = actions
    .filter((a) => a.status === 'open' && a.workingDaysLeft != null)
    .map((a): TDeadline => ({
      key: `action:${a.id}`, kind: 'action', label: a.title, dueOn: a.dueOn, workingDaysLeft: a.workingDaysLeft!,
      to: `/actions/${encodeURIComponent(a.id)}/show`, owner: a.owner.name,
    }));
  return [...fromClocks, ...fromActions].sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.label.localeCompare(b.label));
}

export const upcoming = (all: readonly TDeadline[]) => all.filter((d) => d.workingDaysLeft >= 0 && d.workingDaysLeft <= DEADLINE_WINDOW_WORKING_DAYS);
export const overdue = (all: readonly TDeadline[]) => all.filter((d) => d.workingDaysLeft < 0);

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
  return (
    <Box component="li" sx={{ display: 'flex', gap: 2, alignItems: 'center', py: 1.5, borderBottom: '1px solid', borderColor: 'divider' }}>
      <Countdown days={d.workingDaysLeft} />
      <Box>
        <Typography sx={{ fontWeight: 700, fontSize: '1.05rem' }}>{d.to ? <Link to={d.to}>{d.label}</Link> : d.label}</Typography>
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
