import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { Link, Loading, Title, useCreatePath, useGetList } from 'react-admin';
import { addDays, londonDateOf } from '@ip/domain';
import type { TMonitoringVisitRecord } from '../api-types';
import { ProgrammePage } from '../components/ProgrammePage';
import { formatDate } from '../format';
import { monthGrid, monthOf, shiftMonth, type TCalendarEvent } from './calendar';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const monthTitle = (month: string) =>
  new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-15T12:00:00Z`));

/** The dated moments of each visit: planned start, fieldwork, letters, the new-actions deadline. */
function eventsOf(visits: readonly TMonitoringVisitRecord[]): TCalendarEvent[] {
  return visits.flatMap((v) => {
    const name = `Visit ${v.number}`;
    const out: TCalendarEvent[] = [];
    if (v.fieldwork) {
      out.push({ on: v.fieldwork.startedOn, label: `${name}: fieldwork starts`, visitId: v.id });
      if (v.fieldwork.endedOn !== v.fieldwork.startedOn) out.push({ on: v.fieldwork.endedOn, label: `${name}: fieldwork ends`, visitId: v.id });
    } else if (v.phase !== 'cancelled') {
      out.push({ on: v.plannedStartOn, label: `${name} (${v.theme}): planned start`, visitId: v.id });
    }
    if (v.draftLetterReceivedOn) out.push({ on: v.draftLetterReceivedOn, label: `${name}: draft letter`, visitId: v.id });
    if (v.letterPublishedOn) out.push({ on: v.letterPublishedOn, label: `${name}: letter published`, visitId: v.id });
    if (v.newActionsDueBy && v.phase === 'published') out.push({ on: v.newActionsDueBy, label: `${name}: new actions due`, visitId: v.id });
    return out;
  });
}

/**
 * A month grid of the visits. Keyboard: Tab into the grid, arrow keys move a day or a week,
 * Page Up / Page Down change month, Home / End go to the start or end of the week; each event is a
 * link, reachable with Tab from its day.
 */
function Calendar({ visits }: { visits: readonly TMonitoringVisitRecord[] }) {
  const createPath = useCreatePath();
  const events = eventsOf(visits);
  const today = londonDateOf(Date.now());
  const firstUpcoming = [...events].sort((a, b) => a.on.localeCompare(b.on)).find((e) => e.on >= today)?.on;
  const [focused, setFocused] = useState<string>(firstUpcoming ?? today);
  const month = monthOf(focused);
  const grid = monthGrid(month);
  const cells = useRef(new Map<string, HTMLElement>());
  const moved = useRef(false);
  useEffect(() => {
    if (moved.current) cells.current.get(focused)?.focus();
  }, [focused]);

  const move = (to: string) => {
    moved.current = true;
    setFocused(to);
  };
  const onKeyDown = (e: KeyboardEvent, day: string) => {
    const weekday = (new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7;
    const keys: Record<string, () => string> = {
      ArrowLeft: () => addDays(day, -1),
      ArrowRight: () => addDays(day, 1),
      ArrowUp: () => addDays(day, -7),
      ArrowDown: () => addDays(day, 7),
      Home: () => addDays(day, -weekday),
      End: () => addDays(day, 6 - weekday),
      PageUp: () => `${shiftMonth(monthOf(day), -1)}-01`,
      PageDown: () => `${shiftMonth(monthOf(day), 1)}-01`,
    };
    const target = keys[e.key];
    if (!target || e.target !== e.currentTarget) return;
    e.preventDefault();
    move(target());
  };

  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 1 }}>
        <Button variant="outlined" onClick={() => setFocused(`${shiftMonth(month, -1)}-01`)}>
          Previous month
        </Button>
        <Typography id="calendar-month" component="h2" variant="h5" aria-live="polite" sx={{ minWidth: 200, textAlign: 'center' }}>
          {monthTitle(month)}
        </Typography>
        <Button variant="outlined" onClick={() => setFocused(`${shiftMonth(month, 1)}-01`)}>
          Next month
        </Button>
      </Box>
      <Box component="table" role="grid" aria-labelledby="calendar-month" sx={{ borderCollapse: 'collapse', width: '100%', tableLayout: 'fixed' }}>
        <thead>
          <tr>
            {WEEKDAYS.map((d) => (
              <Box component="th" scope="col" key={d} sx={{ textAlign: 'left', p: 0.5, fontSize: '0.9rem' }}>
                <abbr title={d}>{d.slice(0, 3)}</abbr>
              </Box>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.map((week, w) => (
            <tr key={w}>
              {week.map((day, i) => {
                if (!day) return <Box component="td" key={`blank-${i}`} sx={{ border: 1, borderColor: 'divider', bgcolor: 'action.hover' }} />;
                const todays = events.filter((e) => e.on === day);
                return (
                  <Box
                    component="td"
                    role="gridcell"
                    key={day}
                    ref={(el: HTMLElement | null) => {
                      if (el) cells.current.set(day, el);
                      else cells.current.delete(day);
                    }}
                    tabIndex={day === focused ? 0 : -1}
                    aria-selected={day === focused}
                    aria-label={`${formatDate(day)}${todays.length ? `: ${todays.map((e) => e.label).join('; ')}` : ''}`}
                    onKeyDown={(e: KeyboardEvent) => onKeyDown(e, day)}
                    onFocus={() => setFocused(day)}
                    sx={{
                      border: 1,
                      borderColor: 'divider',
                      verticalAlign: 'top',
                      height: 96,
                      p: 0.5,
                      bgcolor: day === today ? 'rgba(29, 112, 184, 0.08)' : undefined,
                      '&:focus': { outline: '3px solid #ffdd00', outlineOffset: -3, boxShadow: 'inset 0 0 0 5px #0b0c0c' },
                    }}
                  >
                    <Typography component="span" variant="body2" sx={{ fontWeight: day === today ? 700 : 400 }} aria-hidden>
                      {Number(day.slice(8))}
                    </Typography>
                    {todays.map((e) => (
                      <Typography key={e.label} variant="body2" sx={{ fontSize: '0.8rem', lineHeight: 1.3, mt: 0.5 }}>
                        <Link to={createPath({ resource: 'monitoringVisits', type: 'show', id: e.visitId })} tabIndex={day === focused ? 0 : -1}>
                          {e.label}
                        </Link>
                      </Typography>
                    ))}
                  </Box>
                );
              })}
            </tr>
          ))}
        </tbody>
      </Box>
    </Box>
  );
}

function VisitsCalendar({ programmeId }: { programmeId: string }) {
  const { data, isPending } = useGetList<TMonitoringVisitRecord>('monitoringVisits', {
    filter: { programmeId },
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'createdAt', order: 'ASC' },
  });
  if (isPending) return <Loading />;
  return <Calendar visits={data ?? []} />;
}

/** The monitoring visits on a month calendar. */
export function VisitCalendarPage() {
  return (
    <ProgrammePage
      heading="Monitoring visits calendar"
      intro={
        <>
          Fieldwork, letters and new-action deadlines by day. Use the arrow keys to move between days and Page Up or Page Down to change month.{' '}
          <Link to="/monitoringVisits">Back to the list of visits</Link>.
        </>
      }
    >
      {(programme) => (
        <>
          <Title title="Monitoring visits calendar" />
          <VisitsCalendar key={programme.id} programmeId={programme.id} />
        </>
      )}
    </ProgrammePage>
  );
}
