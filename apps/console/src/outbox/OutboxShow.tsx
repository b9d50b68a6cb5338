import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { Link, Show, TopToolbar, useRecordContext } from 'react-admin';
import type { TDeliveryDetail } from '../api-types';
import { IsoDateField } from '../components/fields';
import { Section } from '../components/Section';
import { SummaryList } from '../components/SummaryList';
import { formatDateTime } from '../format';
import { DeliveryStatusField, RecipientField } from './fields';
import { ResendButton } from './ResendButton';

const OUTCOMES: Record<string, string> = {
  accepted: 'Accepted by the server',
  refused: 'Refused by the server',
  not_sent: 'Not sent (no connection, TLS or login failed)',
  unknown: 'Unknown: the connection broke, or the sender stopped, before the answer',
};

function Actions() {
  const r = useRecordContext<TDeliveryDetail>();
  return <TopToolbar>{r && <ResendButton delivery={r} />}</TopToolbar>;
}

function Detail() {
  const r = useRecordContext<TDeliveryDetail>();
  // A list row (no parts, no attempts) may stand in until the full record arrives.
  if (!r || !('attemptLog' in r)) return null;
  return (
    <Box sx={{ p: { xs: 2, sm: 3 } }}>
      <Typography component="h1" variant="h4" sx={{ mb: 3 }}>
        {r.subject ?? 'Email not yet written (it is written at its first attempt)'}
      </Typography>
      <SummaryList
        rows={[
          ['To', <RecipientField source="recipientEmail" />],
          ['Status', <DeliveryStatusField source="status" />],
          ['Why this person', r.note ?? 'Holds the role the step names'],
          ['How', r.modeReason],
          ['Planned', <IsoDateField source="createdAt" withTime />],
          ['Sent', <IsoDateField source="sentAt" withTime />],
          ['Server’s answer', r.serverResponse ?? '—'],
          ['Problem', r.lastError ?? '—'],
          ['Attempts', String(r.attempts)],
          ['Message-ID', r.messageId ?? '—'],
          ['Escalation', r.escalationId ? <Link to={`/escalations/${encodeURIComponent(r.escalationId)}/show`}>Open the escalation</Link> : r.kind === 'digest' ? 'A daily digest' : '—'],
          ...(r.digestId ? [['Sent in', <Link to={`/outbox/${encodeURIComponent(r.digestId)}/show`}>the daily digest</Link>] as const] : []),
        ]}
      />
      <Section id="attempts-heading" title="Attempts">
        {r.attemptLog.length === 0 ? (
          <Typography variant="body1">None yet.</Typography>
        ) : (
          <Table size="small" aria-labelledby="attempts-heading">
            <TableHead>
              <TableRow>
                <TableCell scope="col">Attempt</TableCell>
                <TableCell scope="col">Started</TableCell>
                <TableCell scope="col">Outcome</TableCell>
                <TableCell scope="col">Answer or error</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {r.attemptLog.map((a) => (
                <TableRow key={a.attempt}>
                  <TableCell>{a.attempt}</TableCell>
                  <TableCell>{formatDateTime(a.startedAt)}</TableCell>
                  <TableCell>{a.outcome ? (OUTCOMES[a.outcome] ?? a.outcome) : 'In flight'}</TableCell>
                  <TableCell sx={{ wordBreak: 'break-word' }}>{a.response ?? ''}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Section>
      <Section id="text-heading" title="Plain-text part">
        <Box component="pre" sx={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', m: 0, p: 2, border: 1, borderColor: 'divider' }}>
          {r.textBody ?? 'Not yet written.'}
        </Box>
      </Section>
      <Section id="html-heading" title="HTML part">
        {r.htmlBody ? (
          // Sandboxed with no permissions: no scripts, no forms, no same-origin access, links inert.
          <Box component="iframe" title={`HTML part of: ${r.subject ?? 'email'}`} sandbox="" srcDoc={r.htmlBody} sx={{ width: '100%', minHeight: 480, border: 1, borderColor: 'divider' }} />
        ) : (
          <Typography variant="body1">Not yet written.</Typography>
        )}
      </Section>
    </Box>
  );
}

/**
 * The full record's own cache key: react-admin seeds getOne's cache from list rows, which carry
 * neither the parts nor the attempts.
 */
const FULL_RECORD = { meta: { record: 'full' } };

/** One email in full: to whom, what came of it, every attempt, and both parts as sent. */
export function OutboxShow() {
  return (
    <Show title="Email" actions={<Actions />} queryOptions={FULL_RECORD}>
      <Detail />
    </Show>
  );
}
