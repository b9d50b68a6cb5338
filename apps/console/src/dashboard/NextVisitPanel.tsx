import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { defaultCalendar, londonDateOf } from '@ip/domain';
import type { TProgrammeLive } from '../api-types';
import { formatDate, formatWorkingDaysLeft } from '../format';
import { Panel } from './Panel';

type TVisit = TProgrammeLive['visits'][number];

function VisitSummary({ visit, lead }: { visit: TVisit; lead: string }) {
  return (
    <>
      <Typography variant="body2" color="text.secondary">
        {lead}
      </Typography>
      <Typography component="p" sx={{ fontWeight: 700, fontSize: '1.35rem', lineHeight: 1.3 }}>
        Monitoring visit {visit.number}
      </Typography>
      <Box component="dl" sx={{ m: 0, mt: 1, display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 2, rowGap: 0.5 }}>
        <Box component="dt" sx={{ fontWeight: 700 }}>Theme</Box>
        <Box component="dd" sx={{ m: 0 }}>{visit.theme}</Box>
        <Box component="dt" sx={{ fontWeight: 700 }}>Starts</Box>
        <Box component="dd" sx={{ m: 0 }}>
          <time dateTime={visit.plannedStartOn}>{formatDate(visit.plannedStartOn)}</time>
        </Box>
      </Box>
    </>
  );
}

/**
 * The next Ofsted monitoring visit and its theme, from the programme workflow's own state
 * (`programmes.live`: the read model does not carry visits). A visit that has started but whose
 * letter is not yet recorded is shown as under way.
 */
export function NextVisitPanel({ live, isPending }: { live: TProgrammeLive | undefined; isPending: boolean }) {
  const today = londonDateOf(Date.now());
  const scheduled = (live?.visits ?? []).filter((v) => v.status === 'scheduled').sort((a, b) => a.plannedStartOn.localeCompare(b.plannedStartOn));
  const next = scheduled.find((v) => v.plannedStartOn >= today);
  const underWay = [...scheduled].reverse().find((v) => v.plannedStartOn < today);
  const lastClosed = (live?.visits ?? []).filter((v) => v.status === 'closed').at(-1);

  let body;
  if (isPending) {
    body = <Typography color="text.secondary">Asking the programme for its visits…</Typography>;
  } else if (!live) {
    body = <Typography color="text.secondary">Visit details are not available right now. Try again in a few minutes.</Typography>;
  } else if (next) {
    const days = defaultCalendar().workingDaysBetween(today, next.plannedStartOn);
    body = <VisitSummary visit={next} lead={days === 0 ? 'Starts today' : `In ${formatWorkingDaysLeft(days)}`} />;
  } else if (underWay) {
    body = (
      <>
        <VisitSummary visit={underWay} lead="Under way" />
        <Typography variant="body2" sx={{ mt: 1.5 }}>
          Ofsted’s letter for this visit has not been recorded yet. No further visit is scheduled.
        </Typography>
      </>
    );
  } else {
    body = <Typography>No monitoring visit is scheduled.</Typography>;
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
