import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { Link, Show, useCreatePath, useGetMany, useRecordContext } from 'react-admin';
import type { TActionRecord, TMonitoringVisitRecord } from '../api-types';
import { SummaryList } from '../components/SummaryList';
import { clockIsOverdue, clockProgressText } from '@ip/domain';
import { formatDate } from '../format';
import { HistoryTimeline } from '../programmes/HistoryTimeline';
import { VisitPhaseField } from './fields';
import { VisitCommands } from './VisitCommands';
import { Section } from '../components/Section';
import { StoppedNotice } from '../components/StoppedNotice';


const orNot = (date: string | null | undefined, none = 'Not yet') => (date ? formatDate(date) : none);

function Findings({ visit }: { visit: TMonitoringVisitRecord }) {
  if (!visit.findings) return <Typography color="text.secondary">Recorded when the letter is published.</Typography>;
  const block = (id: string, title: string, items: readonly string[]) => (
    <Box sx={{ mb: 2 }}>
      <Typography id={id} component="h3" variant="h6">
        {title}
      </Typography>
      {items.length === 0 ? (
        <Typography color="text.secondary">None</Typography>
      ) : (
        <Box component="ul" aria-labelledby={id} sx={{ m: 0, pl: 3 }}>
          {items.map((t, i) => (
            <li key={i}>{t}</li>
          ))}
        </Box>
      )}
    </Box>
  );
  return (
    <>
      {block('progress-heading', 'Areas of progress', visit.findings.areasOfProgress)}
      {block('improvement-heading', 'Areas for improvement', visit.findings.areasForImprovement)}
    </>
  );
}

/** The actions the letter led to, by title (the visit keeps their ids). */
function NewActions({ refs }: { refs: readonly string[] }) {
  const createPath = useCreatePath();
  const { data } = useGetMany<TActionRecord>('actions', { ids: [...refs] }, { enabled: refs.length > 0 });
  if (refs.length === 0) return <Typography color="text.secondary">No actions added from this visit yet.</Typography>;
  const titles = new Map((data ?? []).map((a) => [a.id, a.title]));
  return (
    <Box component="ul" aria-labelledby="new-actions-heading" sx={{ m: 0, pl: 3 }}>
      {refs.map((id) => (
        <li key={id}>
          <Link to={createPath({ resource: 'actions', type: 'show', id })}>{titles.get(id) ?? id}</Link>
        </li>
      ))}
    </Box>
  );
}

function Clocks({ visit }: { visit: TMonitoringVisitRecord }) {
  if (visit.clocks.length === 0) return <Typography color="text.secondary">No deadlines are running.</Typography>;
  return (
    <Table size="small" aria-labelledby="visit-clocks-heading">
      <TableHead>
        <TableRow>
          <TableCell component="th" scope="col">Deadline</TableCell>
          <TableCell component="th" scope="col">Due</TableCell>
          <TableCell component="th" scope="col">Working days</TableCell>
          <TableCell component="th" scope="col">Next step</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {visit.clocks.map((c) => (
          <TableRow key={c.name}>
            <TableCell component="th" scope="row">{c.label}</TableCell>
            <TableCell>{formatDate(c.dueOn)}</TableCell>
            <TableCell sx={{ color: clockIsOverdue(c) ? 'error.main' : undefined }}>{clockProgressText(c)}</TableCell>
            <TableCell>{c.nextStep ? `${c.nextStep.label} (${formatDate(c.nextStep.fireAt)})` : '–'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function Detail() {
  const v = useRecordContext<TMonitoringVisitRecord>();
  if (!v) return null;
  return (
    <Box sx={{ p: { xs: 2, sm: 3 } }}>
      <Typography variant="body1" color="text.secondary">
        {v.authorityName}
      </Typography>
      <Typography component="h1" variant="h4" sx={{ mb: 1 }}>
        Monitoring visit {v.number}: {v.theme}
      </Typography>
      <Box sx={{ mb: 2 }}>
        <VisitPhaseField source="phase" />
      </Box>
      <StoppedNotice stopped={v.stopped} workflowId={String(v.id)} what="monitoring visit" />
      {!v.stopped && <VisitCommands visit={v} />}
      <Section id="visit-summary-heading" title="Dates">
        <SummaryList
          rows={[
            ['Theme', v.theme],
            ['Planned start', formatDate(v.plannedStartOn)],
            ['Evidence pack due', formatDate(v.evidencePackDueOn)],
            ['Fieldwork', v.fieldwork ? `${formatDate(v.fieldwork.startedOn)} to ${formatDate(v.fieldwork.endedOn)}` : 'Not yet'],
            ['Inspectors', v.fieldwork ? v.fieldwork.inspectors.join(', ') : 'Not yet'],
            ['Draft letter received', orNot(v.draftLetterReceivedOn)],
            ['Accuracy corrections sent', v.accuracyCorrections.length ? v.accuracyCorrections.map((c) => formatDate(c.sentOn)).join(', ') : 'None'],
            ['Letter published', orNot(v.letterPublishedOn)],
            ['New actions due in the plan by', orNot(v.newActionsDueBy, 'When the letter is published')],
          ]}
        />
      </Section>
      <Section id="findings-heading" title="Findings">
        <Findings visit={v} />
      </Section>
      <Section id="new-actions-heading" title="Actions added from this visit">
        <NewActions refs={v.newActionRefs} />
      </Section>
      <Section id="visit-clocks-heading" title="Deadlines">
        <Clocks visit={v} />
      </Section>
      <Section id="visit-history-heading" title="Timeline">
        <HistoryTimeline history={v.history} labelledBy="visit-history-heading" />
      </Section>
    </Box>
  );
}

function VisitTitle() {
  const v = useRecordContext<TMonitoringVisitRecord>();
  return <span>{v ? `Monitoring visit ${v.number}` : 'Monitoring visit'}</span>;
}

/** One monitoring visit: theme, dates, findings, the actions they led to, deadlines and timeline. */
export function VisitShow() {
  return (
    <Show title={<VisitTitle />}>
      <Detail />
    </Show>
  );
}
