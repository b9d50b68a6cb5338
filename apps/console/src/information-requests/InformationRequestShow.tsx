import { labelOf } from '../labels';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { ShowBase, Title, useShowContext } from 'react-admin';
import type { TInformationRequestRecord } from '../api-types';
import { LifecycleClocks } from '../components/LifecycleClocks';
import { StatusTag } from '../components/StatusTag';
import { SummaryList } from '../components/SummaryList';
import { formatDate } from '../format';
import { HistoryTimeline } from '../programmes/HistoryTimeline';
import { InformationRequestCommands } from './commands';
import { REQUEST_PHASE_LABELS, REQUEST_PHASE_TONES } from './labels';
import { CardSection } from '../components/Section';
import { StoppedNotice } from '../components/StoppedNotice';


function RequestView() {
  const { record } = useShowContext<TInformationRequestRecord>();
  if (!record) return null;
  const due = record.extensions.at(-1)?.toDueOn ?? record.clocks.find((c) => c.mode === 'deadline')?.dueOn ?? record.dueOn;
  return (
    <Box sx={{ pt: 2 }}>
      <Title title={record.title} />
      <Box sx={{ mb: 2 }}>
        <Typography color="text.secondary">Information request from {record.requester.name}</Typography>
        <Typography component="h1" variant="h4" sx={{ maxWidth: 900 }}>{record.subject}</Typography>
        <Box sx={{ mt: 1 }}><StatusTag label={labelOf(REQUEST_PHASE_LABELS, record.phase)} tone={REQUEST_PHASE_TONES[record.phase] ?? 'grey'} /></Box>
      </Box>
      <StoppedNotice stopped={record.stopped} workflowId={String(record.id)} what="information request" />
      {/* A stopped workflow takes no commands; which commands the rest offer is their declarations' say. */}
      {!record.stopped && <InformationRequestCommands request={record} />}
      <CardSection id="summary-heading" title="Summary">
        <SummaryList rows={[
          ['Asked by', `${record.requester.name} (${record.requester.kind === 'committee' ? 'committee' : 'named person'})`],
          ['Asked on', formatDate(record.requestedOn)],
          ['Answer due', due ? formatDate(due) : 'Not set'],
          ['Later dates agreed', record.extensions.length === 0 ? 'None' : record.extensions.map((e) => `${formatDate(e.fromDueOn)} to ${formatDate(e.toDueOn)}`).join('; ')],
          ['Answer', record.answer ? `${formatDate(record.answer.answeredOn)}${record.answer.onTime ? ', on time' : ', late'}: ${record.answer.summary}` : 'Not answered yet'],
        ]} />
      </CardSection>
      <CardSection id="clocks-heading" title="Deadlines">
        <LifecycleClocks clocks={record.clocks} labelledBy="clocks-heading" empty="No deadline is running." />
      </CardSection>
      <CardSection id="history-heading" title="History">
        <HistoryTimeline history={record.history} />
      </CardSection>
    </Box>
  );
}

/** One information request: who asked for what, when it is due, the answer and the history. */
export function InformationRequestShow() {
  return (
    <ShowBase resource="informationRequests">
      <RequestView />
    </ShowBase>
  );
}
