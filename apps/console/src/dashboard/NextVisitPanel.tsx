import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { Link, useCreatePath } from 'react-admin';
import { defaultCalendar, londonDateOf } from '@ip/domain';
import type { TMonitoringVisitRecord } from '../api-types';
import { formatDate, formatWorkingDaysLeft } from '../format';
import { VisitPhaseField } from '../monitoring-visits/fields';
import { RecordContextProvider } from 'react-admin';
import { Panel } from './Panel';

const FINISHED = new Set(['closed', 'cancelled']);

/** The visit the board should look at next: the earliest one not yet closed or cancelled. */
export function nextVisit(visits: readonly TMonitoringVisitRecord[]): TMonitoringVisitRecord | undefined {
  return [...visits].filter((v) => !FINISHED.has(v.phase)).sort((a, b) => a.plannedStartOn.localeCompare(b.plannedStartOn))[0];
}

/**
 * The next Ofsted monitoring visit, its theme and its stage, read from the visit's own record: the
 * stage is the one the visit's page shows (both from the visit workflow's phase and the shared
 * labels), so the dashboard never says "under way" of a visit whose page says fieldwork has not
 * been recorded.
 */
export function NextVisitPanel({ visits, isPending }: { visits: readonly TMonitoringVisitRecord[] | undefined; isPending: boolean }) {
  const createPath = useCreatePath();
  const today = londonDateOf(Date.now());
  const next = nextVisit(visits ?? []);
  const lastClosed = [...(visits ?? [])].filter((v) => v.phase === 'closed').sort((a, b) => a.number - b.number).at(-1);

  let body;
  if (isPending) {
    body = <Typography color="text.secondary">Reading the visits…</Typography>;
  } else if (!next) {
    body = <Typography>No monitoring visit is scheduled.</Typography>;
  } else {
    const days = defaultCalendar().workingDaysBetween(today, next.plannedStartOn);
    const when = days > 0 ? `Starts in ${formatWorkingDaysLeft(days)}` : days === 0 ? 'Starts today' : `Planned to start ${formatDate(next.plannedStartOn)}`;
    body = (
      <RecordContextProvider value={next}>
        <Typography variant="body2" color="text.secondary">{when}</Typography>
        <Typography component="p" sx={{ fontWeight: 700, fontSize: '1.35rem', lineHeight: 1.3 }}>
          <Link to={createPath({ resource: 'monitoringVisits', type: 'show', id: next.id })}>Monitoring visit {next.number}</Link>
        </Typography>
        <Box component="dl" sx={{ m: 0, mt: 1, display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 2, rowGap: 0.5, alignItems: 'center' }}>
          <Box component="dt" sx={{ fontWeight: 700 }}>Theme</Box>
          <Box component="dd" sx={{ m: 0 }}>{next.theme}</Box>
          <Box component="dt" sx={{ fontWeight: 700 }}>Starts</Box>
          <Box component="dd" sx={{ m: 0 }}><time dateTime={next.plannedStartOn}>{formatDate(next.plannedStartOn)}</time></Box>
          <Box component="dt" sx={{ fontWeight: 700 }}>Stage</Box>
          <Box component="dd" sx={{ m: 0 }}><VisitPhaseField source="phase" /></Box>
        </Box>
        {days < 0 && next.phase === 'scheduled' && (
          <Typography variant="body2" sx={{ mt: 1.5 }}>
            The planned start has passed and no fieldwork has been recorded: record it on the visit’s page.
          </Typography>
        )}
      </RecordContextProvider>
    );
  }
  return (
    <Panel id="visit-heading" title="Next monitoring visit">
      {body}
      {lastClosed && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
          Last visit: {lastClosed.number} ({lastClosed.theme})
          {lastClosed.letterPublishedOn ? `, letter published ${formatDate(lastClosed.letterPublishedOn)}` : ''}.
        </Typography>
      )}
    </Panel>
  );
}
